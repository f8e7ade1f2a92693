import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import type { Dataset } from '../../data/schema';
import { her2Dataset as shipped, tinyDataset } from '../test-helpers';
import { applyAccepted, reviewRecordFiles } from './index';
import { nextVersion } from './merge';
import { newTrialMilestones, proposeChanges, registrySource, type ProposedChange } from './propose';
import type { RegistryStudy } from './study';
import { actual, estimated, studyOf } from './test-helpers';

/**
 * The built-in dataset with what these tests rely on pinned (its version, as-of date and the
 * KC-WISE trial as the registry fixture compares it), so a data update does not move them.
 */
function her2Dataset() {
	const d = shipped();
	d.meta.version = '1.0.0';
	d.meta.asOf = '2026-09-23';
	const kcWise = d.trials.find((t) => t.id === 'kc-wise')!;
	Object.assign(kcWise, {
		phase: 'phase 2/3',
		design: 'randomised',
		blinding: 'double-blind',
		status: 'recruiting',
		start: null,
		end: '2026-11-01',
		enrolment: { planned: 286, actual: null }
	});
	return d;
}

const bytes = (name: string) => readFileSync(`tests/fixtures/ctgov/${name}`);
const file = (name: string) => ({ name, bytes: new Uint8Array(bytes(name)) });

describe('records matched to the landscape', () => {
	it('a new record for an asset proposes a linked trial with its start and primary completion', () => {
		const { proposals, read } = reviewRecordFiles(her2Dataset(), [file('NCT99990001.json')]);
		expect(read.problems).toEqual([]);
		expect(proposals.changes).toHaveLength(1);
		const [change] = proposals.changes;
		expect(change!.field).toBe('new trial');
		expect(change!.link).toEqual({
			assets: ['kn026'],
			reason: 'intervention “Anbenitamab” names kn026'
		});
		const op = change!.op;
		if (op.op !== 'add-trial') throw new Error(op.op);
		expect(op.trial).toMatchObject({
			id: 'nct99990001',
			name: 'EXAMPLE-01',
			registryIds: ['NCT99990001'],
			phase: 'phase 2/3',
			status: 'recruiting',
			design: 'randomised',
			blinding: 'double-blind',
			start: '2026-03-02',
			end: '2028-01',
			region: 'China',
			enrolment: { planned: 320, actual: null },
			comparator: 'Placebo + docetaxel'
		});
		expect(op.trial.sources.every((s) => s.id === 'ctgov-nct99990001')).toBe(true);
		expect(op.trial.sources.map((s) => s.quote)).toContain('RECRUITING');
		expect(op.milestones.map((m) => [m.type, m.date, m.status, m.asset])).toEqual([
			['trial-start', '2026-03-02', 'actual', 'kn026'],
			['other', '2027-06', 'expected', 'kn026']
		]);
		expect(proposals.sources.get('NCT99990001')).toMatchObject({
			id: 'ctgov-nct99990001',
			kind: 'registry',
			date: '2026-10-15',
			url: 'https://clinicaltrials.gov/study/NCT99990001'
		});
	});

	it('a record of an unrelated drug is proposed as an unlinked trial, and says so', () => {
		const { proposals } = reviewRecordFiles(her2Dataset(), [file('NCT99990002.json')]);
		const [change] = proposals.changes;
		expect(change!.link?.assets).toEqual([]);
		expect(change!.link?.reason).toContain('no intervention (Examplinib) names an asset');
		expect(change!.op.op === 'add-trial' && change!.op.milestones).toEqual([]);
	});

	it('"Trastuzumab deruxtecan" links to T-DXd, not to trastuzumab', () => {
		const record = JSON.parse(bytes('NCT99990002.json').toString());
		record.protocolSection.armsInterventionsModule.interventions = [
			{ type: 'DRUG', name: 'Trastuzumab deruxtecan', otherNames: ['DS-8201a'] }
		];
		const { proposals } = reviewRecordFiles(her2Dataset(), [
			{ name: 'tdxd.json', bytes: strToU8(JSON.stringify(record)) }
		]);
		expect(proposals.changes[0]!.link?.assets).toEqual(['trastuzumab-deruxtecan']);
	});

	it('a record whose NCT number is a trial proposes updates, each with the record text', () => {
		const her2 = her2Dataset();
		const record = JSON.parse(bytes('NCT99990001.json').toString());
		record.protocolSection.identificationModule.nctId = 'NCT05427383'; // KC-WISE
		const { proposals } = reviewRecordFiles(her2, [
			{ name: 'kc-wise.json', bytes: strToU8(JSON.stringify(record)) }
		]);
		const rows = proposals.changes.map((c) => [c.entityId, c.field, c.before, c.after, c.quote]);
		expect(rows).toEqual([
			// Phase 2/3, randomised and double-blind agree with the landscape: nothing proposed.
			['kc-wise', 'start', 'unknown', '2 Mar 2026 (actual)', '2026-03-02 (ACTUAL)'],
			['kc-wise', 'completion', '1 Nov 2026', 'Jan 2028 (expected)', '2028-01 (ESTIMATED)'],
			['kc-wise', 'enrolment', '286 planned', '320 planned', '"count": 320, "type": "ESTIMATED"'],
			['kc-wise-start', 'new milestone', '—', '2 Mar 2026 (actual)', '2026-03-02 (ACTUAL)'],
			[
				'kc-wise-primary-completion',
				'new milestone',
				'—',
				'Jun 2027 (expected)',
				'2027-06 (ESTIMATED)'
			]
		]);
		expect(proposals.changes.find((c) => c.field === 'completion')?.slip).toBe('later');
	});

	it('reads a page, several files and a zip; a bad file is refused alone, named with its field', () => {
		const zip = zipSync({
			'records/NCT99990001.json': bytes('NCT99990001.json'),
			'records/wrong-type.json': bytes('wrong-type.json'),
			'readme.txt': strToU8('ignored')
		});
		const { read, recordCount } = reviewRecordFiles(her2Dataset(), [
			file('page.json'),
			file('not-json.json'),
			{ name: 'records.zip', bytes: zip }
		]);
		expect(recordCount).toBe(3);
		expect(read.files.map((f) => f.name)).toEqual([
			'page.json',
			'records.zip/records/NCT99990001.json'
		]);
		expect(read.problems.map((p) => [p.file, p.path ?? null])).toEqual([
			['not-json.json', null],
			['records.zip/records/wrong-type.json', 'protocolSection.designModule.enrollmentInfo.count']
		]);
		expect(read.problems[0]!.message).toMatch(/not valid JSON|ends early/);
	});

	it('a dataset file is not a study record', () => {
		const { read } = reviewRecordFiles(her2Dataset(), [
			{ name: 'her2.json', bytes: new Uint8Array(readFileSync('static/data/her2.json')) }
		]);
		expect(read.problems[0]!.message).toContain('not a ClinicalTrials.gov study record');
	});
});

describe('merge: accepted changes → next version', () => {
	it('adds the trial, its milestones and the record as a source; the input is not modified', () => {
		const her2 = her2Dataset();
		const before = JSON.stringify(her2);
		const { proposals } = reviewRecordFiles(her2, [file('NCT99990001.json')]);
		const { result, dataset } = applyAccepted(her2, proposals, proposals.changes, {
			saveAs: { id: 'her2-mine', title: 'My HER2 landscape' }
		});
		expect(JSON.stringify(her2)).toBe(before);
		expect(result.ok).toBe(true);
		// The checked result names the landscape it was saved as.
		expect(result.location).toBe('dataset=her2-mine');
		expect(dataset.meta).toMatchObject({
			id: 'her2-mine',
			title: 'My HER2 landscape',
			version: '1.0.1',
			asOf: '2026-10-15'
		});
		expect(dataset.trials.at(-1)?.id).toBe('nct99990001');
		expect(dataset.milestones.filter((m) => m.trial === 'nct99990001')).toHaveLength(2);
		expect(dataset.sources.filter((s) => s.id === 'ctgov-nct99990001')).toHaveLength(1);
	});

	it('a reviewer may link an unlinked trial to an asset; its milestones follow', () => {
		const her2 = her2Dataset();
		const { proposals } = reviewRecordFiles(her2, [file('NCT99990002.json')]);
		const key = proposals.changes[0]!.key;
		const { result, dataset } = applyAccepted(her2, proposals, proposals.changes, {
			links: new Map([[key, ['jskn003']]])
		});
		expect(result.ok).toBe(true);
		expect(dataset.trials.at(-1)?.assets).toEqual(['jskn003']);
		expect(dataset.milestones.filter((m) => m.trial === 'nct99990002').map((m) => m.asset)).toEqual(
			['jskn003', 'jskn003']
		);
	});

	it('only accepted changes apply; the later record moves the primary completion (a slip)', () => {
		const her2 = her2Dataset();
		const first = reviewRecordFiles(her2, [file('NCT99990001.json')]);
		const v1 = applyAccepted(her2, first.proposals, first.proposals.changes).dataset;
		const second = reviewRecordFiles(v1, [file('NCT99990001-update.json')]);
		const fields = second.proposals.changes.map((c) => `${c.entityId}:${c.field}`);
		expect(fields).toEqual([
			'nct99990001:status',
			'nct99990001:enrolment',
			'nct99990001-primary-completion:date'
		]);
		const slip = second.proposals.changes.find((c) => c.field === 'date')!;
		expect([slip.before, slip.after, slip.slip]).toEqual([
			'Jun 2027 (expected)',
			'Dec 2027 (expected)',
			'later'
		]);
		const { dataset: v2, result } = applyAccepted(v1, second.proposals, [slip]);
		expect(result.ok).toBe(true);
		expect(v2.milestones.find((m) => m.id === 'nct99990001-primary-completion')?.date).toBe(
			'2027-12'
		);
		expect(v2.trials.find((t) => t.id === 'nct99990001')?.status).toBe('recruiting');
		expect(v2.meta.version).toBe('1.0.2');
	});

	it('nothing accepted changes nothing', () => {
		const her2 = her2Dataset();
		const { proposals } = reviewRecordFiles(her2, [file('NCT99990001.json')]);
		expect(applyAccepted(her2, proposals, []).dataset).toEqual(her2);
	});

	it.each([
		['1.0.0', '1.0.1'],
		['1.9', '1.10'],
		['draft', 'draft.1']
	])('version %s → %s', (from, to) => expect(nextVersion(from)).toBe(to));
});

/**
 * The tiny landscape: asset abc-1 ("ABC-1 (testumab)", program abc-1-gastric) and its trial
 * ABC-1-101 (NCT00000001: phase 1/2, single-arm, status and blinding unknown, 60 planned and 55
 * enrolled, started 2022-01, no end), one milestone (abc-1-btd, of no trial).
 */
const propose = (dataset: Dataset, ...studies: RegistryStudy[]) =>
	proposeChanges(dataset, [{ name: 'records.json', studies }]);
const newTrialOf = (change: ProposedChange | undefined) => {
	if (change?.op.op !== 'add-trial') throw new Error(`not a new trial: ${change?.key}`);
	return change.op;
};

describe('updates a record proposes for a trial the landscape has', () => {
	it('each fact that differs, worded for the reviewer, before and after', () => {
		const study = studyOf(
			'NCT00000001',
			{
				statusModule: {
					overallStatus: 'COMPLETED',
					startDateStruct: actual('2021-12-15'),
					completionDateStruct: actual('2024-09-30')
				},
				designModule: {
					phases: ['PHASE2'],
					designInfo: { allocation: 'RANDOMIZED', maskingInfo: { masking: 'NONE' } },
					enrollmentInfo: { count: 58, type: 'ACTUAL' }
				}
			},
			{ briefTitle: 'Study of ABC-1' }
		);
		const { changes, unchanged } = propose(tinyDataset(), study);
		expect(unchanged).toEqual([]);
		expect(
			changes
				.filter((c) => c.entity === 'trials')
				.map((c) => [c.key, c.entityLabel, c.field, c.before, c.after, c.slip ?? null])
		).toEqual([
			['NCT00000001:trial:status', 'ABC-1-101', 'status', 'unknown', 'completed', null],
			['NCT00000001:trial:phase', 'ABC-1-101', 'phase', 'phase 1/2', 'phase 2', null],
			[
				'NCT00000001:trial:start',
				'ABC-1-101',
				'start',
				'Jan 2022',
				'15 Dec 2021 (actual)',
				'earlier'
			],
			['NCT00000001:trial:end', 'ABC-1-101', 'completion', 'unknown', '30 Sep 2024 (actual)', null],
			[
				'NCT00000001:trial:enrolment',
				'ABC-1-101',
				'enrolment',
				'60 planned, 55 actual',
				'60 planned, 58 actual',
				null
			],
			['NCT00000001:trial:design', 'ABC-1-101', 'design', 'single-arm', 'randomised', null],
			['NCT00000001:trial:blinding', 'ABC-1-101', 'blinding', 'unknown', 'open-label', null]
		]);
		const status = changes[0]!;
		expect(status).toMatchObject({
			nctId: 'NCT00000001',
			file: 'records.json',
			entity: 'trials',
			entityId: 'abc-1-101',
			quote: 'COMPLETED',
			path: 'protocolSection.statusModule.overallStatus',
			sourceId: 'ctgov-nct00000001',
			op: { op: 'set-trial', trial: 'abc-1-101', field: 'status', value: 'completed' }
		});
		expect(changes.find((c) => c.field === 'enrolment')?.op).toEqual({
			op: 'set-trial',
			trial: 'abc-1-101',
			field: 'enrolment',
			value: { planned: 60, actual: 58 }
		});
	});

	it('a start moved later is a slip; the same month by the day is neither later nor earlier', () => {
		const slipOfStart = (date: string) =>
			propose(
				tinyDataset(),
				studyOf('NCT00000001', { statusModule: { startDateStruct: actual(date) } })
			).changes.find((c) => c.field === 'start')?.slip;
		expect(slipOfStart('2022-03')).toBe('later');
		expect(slipOfStart('2021-11')).toBe('earlier');
		expect(slipOfStart('2022-01-01')).toBe('earlier');
	});

	it('what the registry does not know, or says the same, proposes nothing', () => {
		const same = studyOf('NCT00000001', {
			statusModule: { overallStatus: 'UNKNOWN', startDateStruct: actual('2022-01') },
			designModule: {
				phases: ['PHASE4'],
				designInfo: { allocation: 'NA', maskingInfo: { masking: 'SINGLE' } },
				enrollmentInfo: { count: 55, type: 'ACTUAL' }
			}
		});
		const proposals = propose(tinyDataset(), same);
		// Only the milestone the landscape lacks: the trial's start.
		expect(proposals.changes.map((c) => c.key)).toEqual(['NCT00000001:milestone:start']);
		const bare = propose(tinyDataset(), studyOf('NCT00000001'));
		expect([bare.changes, bare.unchanged]).toEqual([[], ['NCT00000001']]);
	});

	it('an enrolment the landscape does not know is "unknown" before', () => {
		const dataset = tinyDataset();
		dataset.trials[0]!.enrolment = { planned: null, actual: null };
		const study = studyOf('NCT00000001', {
			designModule: { enrollmentInfo: { count: 80, type: 'ESTIMATED' } }
		});
		const change = propose(dataset, study).changes[0]!;
		expect([change.field, change.before, change.after]).toEqual([
			'enrolment',
			'unknown',
			'80 planned'
		]);
	});

	it('an unknown status or blinding never replaces a known one', () => {
		const dataset = tinyDataset();
		Object.assign(dataset.trials[0]!, { status: 'recruiting', blinding: 'open-label' });
		const study = studyOf('NCT00000001', {
			statusModule: { overallStatus: 'SUSPENDED' },
			designModule: { designInfo: { maskingInfo: { masking: 'SINGLE' } } }
		});
		expect(propose(dataset, study).unchanged).toEqual(['NCT00000001']);
	});

	it('a pooled analysis keeps its design', () => {
		const dataset = tinyDataset();
		dataset.trials[0]!.design = 'pooled';
		const study = studyOf('NCT00000001', {
			designModule: { designInfo: { allocation: 'RANDOMIZED' } }
		});
		expect(propose(dataset, study).unchanged).toEqual(['NCT00000001']);
	});

	it('the trial start and primary completion are proposed as new milestones of its asset', () => {
		const study = studyOf('NCT00000001', {
			statusModule: {
				startDateStruct: actual('2022-01'),
				primaryCompletionDateStruct: estimated('2026-05')
			}
		});
		const dataset = tinyDataset();
		// The id the start milestone would take is taken (by a milestone of no trial).
		dataset.milestones.push({ ...dataset.milestones[0]!, id: 'abc-1-101-start' });
		const changes = propose(dataset, study).changes;
		expect(
			changes.map((c) => [c.key, c.entityId, c.entityLabel, c.field, c.before, c.after])
		).toEqual([
			[
				'NCT00000001:milestone:start',
				'abc-1-101-start-2',
				'Trial start: ABC-1-101',
				'new milestone',
				'—',
				'Jan 2022 (actual)'
			],
			[
				'NCT00000001:milestone:primary-completion',
				'abc-1-101-primary-completion',
				'Primary completion: ABC-1-101',
				'new milestone',
				'—',
				'May 2026 (expected)'
			]
		]);
		const [start, primary] = changes.map((c) =>
			c.op.op === 'add-milestone' ? c.op.milestone : null
		);
		expect(start).toEqual({
			id: 'abc-1-101-start-2',
			asset: 'abc-1',
			program: 'abc-1-gastric',
			trial: 'abc-1-101',
			type: 'trial-start',
			designation: null,
			approvalKind: null,
			agency: null,
			region: null,
			date: '2022-01',
			dateEnd: null,
			status: 'actual',
			label: 'Trial start: ABC-1-101',
			description: 'Trial start of NCT00000001 as posted on ClinicalTrials.gov (actual date).',
			sources: [
				{
					id: 'ctgov-nct00000001',
					quote: '2022-01 (ACTUAL)',
					note: 'protocolSection.statusModule.startDateStruct'
				}
			]
		});
		expect(primary).toMatchObject({
			type: 'other',
			description:
				'Primary completion of NCT00000001 as posted on ClinicalTrials.gov (estimated date).'
		});
		expect(changes[0]!).toMatchObject({
			quote: '2022-01 (ACTUAL)',
			path: 'protocolSection.statusModule.startDateStruct'
		});
		expect(changes[0]!.slip).toBeUndefined();
		expect(changes.map((c) => c.entity)).toEqual(['milestones', 'milestones']);
	});

	it('milestones the trial has are moved when the record differs, by date or by status', () => {
		const dataset = tinyDataset();
		const base = dataset.milestones[0]!;
		dataset.milestones.push(
			// Of another trial: not the one the record is about.
			{ ...base, id: 'other-primary-completion', trial: 'other', type: 'other', date: '2020-01' },
			{
				...base,
				id: 'abc-1-101-first-patient',
				trial: 'abc-1-101',
				type: 'trial-start',
				date: '2022-01',
				status: 'actual'
			},
			{
				...base,
				id: 'abc-1-101-primary-completion',
				trial: 'abc-1-101',
				type: 'other',
				date: '2025-06',
				status: 'expected',
				label: 'Primary completion: ABC-1-101'
			}
		);
		const rows = (start: object, primary: object) =>
			propose(
				dataset,
				studyOf('NCT00000001', {
					statusModule: { startDateStruct: start, primaryCompletionDateStruct: primary }
				})
			)
				.changes.filter((c) => c.entity === 'milestones')
				.map((c) => [c.entityId, c.entityLabel, c.field, c.before, c.after, c.slip ?? null, c.op]);
		expect(rows(actual('2022-01'), estimated('2025-06'))).toEqual([]);
		expect(rows(actual('2022-01'), actual('2025-06'))).toEqual([
			[
				'abc-1-101-primary-completion',
				'Primary completion: ABC-1-101',
				'date',
				'Jun 2025 (expected)',
				'Jun 2025 (actual)',
				null,
				{
					op: 'set-milestone',
					milestone: 'abc-1-101-primary-completion',
					date: '2025-06',
					status: 'actual'
				}
			]
		]);
		expect(
			rows(estimated('2022-01'), estimated('2025-09')).map((r) => [r[0], r[3], r[4], r[5]])
		).toEqual([
			['abc-1-101-first-patient', 'Jan 2022 (actual)', 'Jan 2022 (expected)', null],
			['abc-1-101-primary-completion', 'Jun 2025 (expected)', 'Sep 2025 (expected)', 'later']
		]);
	});

	it('a trial linked to no asset gets no milestone proposals', () => {
		const dataset = tinyDataset();
		dataset.trials[0]!.assets = [];
		const study = studyOf('NCT00000001', { statusModule: { startDateStruct: actual('2022-01') } });
		expect(propose(dataset, study).unchanged).toEqual(['NCT00000001']);
	});
});

describe('a new trial a record proposes', () => {
	const rich = () =>
		studyOf(
			'NCT00000002',
			{
				statusModule: {
					overallStatus: 'RECRUITING',
					startDateStruct: actual('2025-02'),
					primaryCompletionDateStruct: estimated('2027-03'),
					completionDateStruct: estimated('2028-01'),
					lastUpdatePostDateStruct: actual('2025-05-20')
				},
				sponsorCollaboratorsModule: {
					leadSponsor: { name: 'Test Bio' },
					collaborators: [{ name: 'Group A' }, { name: 'Group B' }]
				},
				conditionsModule: { conditions: ['Gastric Cancer', 'GEJ Cancer'] },
				designModule: {
					phases: ['PHASE2'],
					designInfo: { allocation: 'RANDOMIZED', maskingInfo: { masking: 'DOUBLE' } },
					enrollmentInfo: { count: 120, type: 'ESTIMATED' }
				},
				armsInterventionsModule: {
					armGroups: [{ label: 'Placebo', type: 'PLACEBO_COMPARATOR' }],
					interventions: [
						{ type: 'DRUG', name: 'Testumab' },
						{ type: 'DRUG', name: 'Paclitaxel' }
					]
				},
				contactsLocationsModule: { locations: [{ country: 'Japan' }, { country: 'China' }] },
				outcomesModule: { primaryOutcomes: [{ measure: 'PFS' }, { measure: 'Overall survival' }] }
			},
			{
				acronym: 'ABC-1-201',
				briefTitle: 'Testumab in Gastric Cancer',
				officialTitle: 'A Randomised Phase 2 Study of Testumab in Gastric Cancer'
			}
		);

	it('holds what the record says, each fact sourced once by its text', () => {
		const { changes } = propose(tinyDataset(), rich());
		expect(changes).toHaveLength(1);
		const change = changes[0]!;
		expect(change).toMatchObject({
			key: 'NCT00000002:trial:new',
			nctId: 'NCT00000002',
			file: 'records.json',
			sourceId: 'ctgov-nct00000002',
			entity: 'trials',
			entityId: 'nct00000002',
			entityLabel: 'ABC-1-201',
			field: 'new trial',
			before: '—',
			after: 'NCT00000002 · phase 2 · recruiting',
			quote: 'Testumab in Gastric Cancer',
			path: 'protocolSection.identificationModule.briefTitle',
			link: { assets: ['abc-1'], reason: 'intervention “Testumab” names abc-1' }
		});
		const { trial, milestones } = newTrialOf(change);
		const { sources, ...facts } = trial;
		expect(facts).toEqual({
			id: 'nct00000002',
			name: 'ABC-1-201',
			title: 'A Randomised Phase 2 Study of Testumab in Gastric Cancer',
			registryIds: ['NCT00000002'],
			assets: ['abc-1'],
			programs: [],
			phase: 'phase 2',
			design: 'randomised',
			blinding: 'double-blind',
			comparator: 'Placebo',
			indication: 'Gastric Cancer; GEJ Cancer',
			line: null,
			biomarker: null,
			region: 'China and Japan',
			sponsor: 'Test Bio',
			enrolment: { planned: 120, actual: null },
			start: '2025-02',
			end: '2028-01',
			status: 'recruiting',
			primaryEndpoints: ['PFS', 'Overall survival'],
			note:
				'From ClinicalTrials.gov record NCT00000002 (last update posted 2025-05-20). ' +
				'Interventions: Testumab; Paclitaxel. Collaborators: Group A; Group B. ' +
				'Primary completion: Mar 2027 (expected).'
		});
		expect(sources.map((s) => [s.quote, s.note])).toEqual([
			['ABC-1-201', 'protocolSection.identificationModule.acronym'],
			['Testumab in Gastric Cancer', 'protocolSection.identificationModule.briefTitle'],
			[
				'A Randomised Phase 2 Study of Testumab in Gastric Cancer',
				'protocolSection.identificationModule.officialTitle'
			],
			['PHASE2', 'protocolSection.designModule.phases'],
			['RECRUITING', 'protocolSection.statusModule.overallStatus'],
			['2025-02 (ACTUAL)', 'protocolSection.statusModule.startDateStruct'],
			['2028-01 (ESTIMATED)', 'protocolSection.statusModule.completionDateStruct'],
			['"count": 120, "type": "ESTIMATED"', 'protocolSection.designModule.enrollmentInfo.count'],
			['Test Bio', 'protocolSection.sponsorCollaboratorsModule.leadSponsor.name'],
			['RANDOMIZED', 'protocolSection.designModule.designInfo.allocation'],
			['DOUBLE', 'protocolSection.designModule.designInfo.maskingInfo.masking'],
			['Japan, China', 'protocolSection.contactsLocationsModule.locations[].country'],
			['Gastric Cancer', 'protocolSection.conditionsModule.conditions[0]'],
			['GEJ Cancer', 'protocolSection.conditionsModule.conditions[1]'],
			['Placebo', 'protocolSection.armsInterventionsModule.armGroups[0].label'],
			['"measure": "PFS"', 'protocolSection.outcomesModule.primaryOutcomes[0].measure'],
			['Overall survival', 'protocolSection.outcomesModule.primaryOutcomes[1].measure']
		]);
		expect(sources.every((s) => s.id === 'ctgov-nct00000002')).toBe(true);
		expect(milestones.map((m) => [m.id, m.type, m.date, m.status, m.program])).toEqual([
			['nct00000002-start', 'trial-start', '2025-02', 'actual', null],
			['nct00000002-primary-completion', 'other', '2027-03', 'expected', null]
		]);
	});

	it('a record of only its NCT number: named by it, unknown facts, unlinked, said so', () => {
		const { changes } = propose(tinyDataset(), studyOf('NCT00000003'));
		const change = changes[0]!;
		expect(change).toMatchObject({
			entityLabel: 'NCT00000003',
			after: 'NCT00000003 · unknown · unknown',
			quote: 'NCT00000003',
			path: 'protocolSection.identificationModule.nctId',
			link: {
				assets: [],
				reason: 'no intervention (no interventions listed) names an asset of this landscape'
			}
		});
		const { trial, milestones } = newTrialOf(change);
		expect(trial).toEqual({
			id: 'nct00000003',
			name: 'NCT00000003',
			title: null,
			registryIds: ['NCT00000003'],
			assets: [],
			programs: [],
			phase: null,
			design: 'unknown',
			blinding: 'unknown',
			comparator: null,
			indication: '',
			line: null,
			biomarker: null,
			region: null,
			sponsor: null,
			enrolment: { planned: null, actual: null },
			start: null,
			end: null,
			status: 'unknown',
			primaryEndpoints: [],
			note: 'From ClinicalTrials.gov record NCT00000003.',
			sources: []
		});
		expect(milestones).toEqual([]);
	});

	it('the brief title names and titles a trial without acronym or official title', () => {
		const study = studyOf('NCT00000004', {}, { briefTitle: 'Testumab alone' });
		const { trial } = newTrialOf(propose(tinyDataset(), study).changes[0]);
		expect([trial.name, trial.title]).toEqual(['Testumab alone', 'Testumab alone']);
	});

	it('texts too long for the landscape are shortened or left out', () => {
		const long = (n: number, c = 'x') => c.repeat(n);
		const study = studyOf(
			'NCT00000005',
			{
				statusModule: { primaryCompletionDateStruct: actual('2024-01') },
				sponsorCollaboratorsModule: { leadSponsor: { name: long(250, 's') } },
				conditionsModule: { conditions: [long(150, 'a'), long(60, 'b')] },
				armsInterventionsModule: {
					armGroups: [{ label: long(301, 'c'), type: 'ACTIVE_COMPARATOR' }],
					interventions: [{ name: long(1500, 'i') }, { name: long(700, 'j') }]
				},
				outcomesModule: {
					primaryOutcomes: [{ measure: long(201, 'o') }, { measure: long(200, 'p') }]
				}
			},
			{ briefTitle: long(201, 't'), officialTitle: long(600, 'f') }
		);
		const { trial } = newTrialOf(propose(tinyDataset(), study).changes[0]);
		expect(trial.name).toBe('NCT00000005');
		expect(trial.title).toBe(long(500, 'f'));
		expect(trial.sponsor).toBe(long(200, 's'));
		expect(trial.comparator).toBeNull();
		expect(trial.indication).toBe(long(150, 'a'));
		expect(trial.primaryEndpoints).toEqual([long(200, 'p')]);
		expect(trial.note).toHaveLength(2000);
		expect(trial.note).toMatch(/^From ClinicalTrials\.gov record NCT00000005\. Interventions: i/);
		// The brief title alone is shortened too, and a long single condition gives its start.
		const brief = studyOf(
			'NCT00000006',
			{ conditionsModule: { conditions: [long(250, 'a')] } },
			{ briefTitle: long(600, 't') }
		);
		const second = newTrialOf(propose(tinyDataset(), brief).changes[0]).trial;
		expect([second.title, second.indication]).toEqual([long(500, 't'), long(200, 'a')]);
	});

	it('texts exactly as long as the landscape keeps are kept whole', () => {
		const study = studyOf(
			'NCT00000011',
			{
				conditionsModule: { conditions: ['a'.repeat(100), 'b'.repeat(98)] },
				armsInterventionsModule: {
					armGroups: [
						{ label: 'c'.repeat(150), type: 'ACTIVE_COMPARATOR' },
						{ label: 'd'.repeat(148), type: 'PLACEBO_COMPARATOR' }
					]
				}
			},
			{ briefTitle: 't'.repeat(200) }
		);
		const { trial } = newTrialOf(propose(tinyDataset(), study).changes[0]);
		expect(trial.name).toBe('t'.repeat(200));
		expect(trial.indication).toBe(`${'a'.repeat(100)}; ${'b'.repeat(98)}`);
		expect(trial.comparator).toBe(`${'c'.repeat(150)}; ${'d'.repeat(148)}`);
	});

	it('a field whose text another field already quotes is sourced once, by the first', () => {
		const study = studyOf('NCT00000012', {}, { acronym: 'SAME-1', briefTitle: 'SAME-1' });
		const { trial } = newTrialOf(propose(tinyDataset(), study).changes[0]);
		expect(trial.sources).toEqual([
			{
				id: 'ctgov-nct00000012',
				quote: 'SAME-1',
				note: 'protocolSection.identificationModule.acronym'
			}
		]);
	});

	it('interventions that name no asset are listed in the reason', () => {
		const study = studyOf('NCT00000013', {
			armsInterventionsModule: { interventions: [{ name: 'Docetaxel' }, { name: 'Placebo' }] }
		});
		expect(propose(tinyDataset(), study).changes[0]!.link?.reason).toBe(
			'no intervention (Docetaxel; Placebo) names an asset of this landscape'
		);
	});

	it('an id a trial of the landscape has is not taken again', () => {
		const dataset = tinyDataset();
		dataset.trials[0]!.id = 'nct00000002';
		expect(propose(dataset, studyOf('NCT00000002')).changes[0]!.entityId).toBe('nct00000002-2');
	});

	it('a region name longer than the landscape keeps is left out', () => {
		const study = studyOf('NCT00000007', {
			contactsLocationsModule: { locations: [{ country: 'z'.repeat(121) }] }
		});
		expect(newTrialOf(propose(tinyDataset(), study).changes[0]).trial.region).toBeNull();
		const fits = studyOf('NCT00000008', {
			contactsLocationsModule: { locations: [{ country: 'z'.repeat(120) }] }
		});
		expect(newTrialOf(propose(tinyDataset(), fits).changes[0]).trial.region).toBe('z'.repeat(120));
	});

	it('an enrolment the registry calls actual, and posted results, are said so', () => {
		const study = studyOf(
			'NCT00000009',
			{ designModule: { enrollmentInfo: { count: 40, type: 'ACTUAL' } } },
			{}
		);
		const withResults = { ...study, hasResults: true };
		const { trial } = newTrialOf(propose(tinyDataset(), withResults).changes[0]);
		expect(trial.enrolment).toEqual({ planned: null, actual: 40 });
		expect(trial.note).toBe(
			'From ClinicalTrials.gov record NCT00000009. The record has posted results (not imported as readouts; see the record).'
		);
	});

	it('ids already taken, by the landscape or by an earlier record, get a number', () => {
		const dataset = tinyDataset();
		dataset.milestones.push({ ...dataset.milestones[0]!, id: 'nct00000002' });
		const start = { statusModule: { startDateStruct: actual('2025-01') } };
		const link = {
			armsInterventionsModule: { interventions: [{ name: 'Testumab' }] },
			...start
		};
		const proposals = propose(dataset, studyOf('NCT00000002', link), studyOf('NCT00000003', link));
		expect(proposals.changes.map((c) => c.entityId)).toEqual(['nct00000002-2', 'nct00000003']);
		const ops = proposals.changes.map(newTrialOf);
		expect(ops.map((o) => o.milestones.map((m) => m.id))).toEqual([
			['nct00000002-2-start'],
			['nct00000003-start']
		]);
		// Ids the landscape holds three times over.
		dataset.milestones.push({ ...dataset.milestones[0]!, id: 'nct00000002-2' });
		expect(propose(dataset, studyOf('NCT00000002')).changes[0]!.entityId).toBe('nct00000002-3');
	});

	it('a trial linked to two assets names both, by their interventions', () => {
		const study = studyOf('NCT00000010', {
			armsInterventionsModule: {
				interventions: [{ name: 'Testumab' }, { name: 'Trastuzumab biosimilar' }]
			}
		});
		expect(propose(tinyDataset(), study).changes[0]!.link).toEqual({
			assets: ['abc-1', 'trastuzumab'],
			reason: 'intervention “Testumab”, “Trastuzumab biosimilar” names abc-1, trastuzumab'
		});
	});
});

describe('the records of a review', () => {
	it('each record is a source, dated by its last update', () => {
		const { sources, recordDates } = propose(
			tinyDataset(),
			studyOf(
				'NCT00000002',
				{ statusModule: { lastUpdatePostDateStruct: actual('2025-05-20') } },
				{ officialTitle: 'Official only' }
			),
			studyOf('NCT00000003', {}, { briefTitle: 'Brief', officialTitle: 'Official' })
		);
		expect(sources.get('NCT00000002')).toEqual({
			id: 'ctgov-nct00000002',
			kind: 'registry',
			title: 'Official only',
			publisher: 'ClinicalTrials.gov',
			date: '2025-05-20',
			url: 'https://clinicaltrials.gov/study/NCT00000002',
			doi: null,
			registryIds: ['NCT00000002'],
			note: 'Study record as last updated on ClinicalTrials.gov on 2025-05-20.'
		});
		expect(sources.get('NCT00000003')).toMatchObject({
			title: 'Brief',
			date: null,
			note: 'Study record on ClinicalTrials.gov.'
		});
		expect([...recordDates]).toEqual([
			['NCT00000002', '2025-05-20'],
			['NCT00000003', null]
		]);
		expect(registrySource(studyOf('NCT00000004')).title).toBe('NCT00000004');
		expect(registrySource(studyOf('NCT00000004', {}, { briefTitle: 'b'.repeat(600) })).title).toBe(
			'b'.repeat(500)
		);
	});

	it('a record read twice counts once: the last one read, from its file', () => {
		const first = studyOf('NCT00000002', { statusModule: { overallStatus: 'RECRUITING' } });
		const last = studyOf('NCT00000002', { statusModule: { overallStatus: 'COMPLETED' } });
		const proposals = proposeChanges(tinyDataset(), [
			{ name: 'a.json', studies: [first] },
			{ name: 'b.json', studies: [last] }
		]);
		expect(proposals.changes.map((c) => [c.file, c.after])).toEqual([
			['b.json', 'NCT00000002 · unknown · completed']
		]);
	});
});

describe('the milestones of a new trial', () => {
	it('ids unique against those taken, without claiming them', () => {
		const study = studyOf('NCT00000002', {
			statusModule: {
				startDateStruct: actual('2025-01'),
				primaryCompletionDateStruct: estimated('2026-01')
			}
		});
		const taken = new Set(['t-start', 't-primary-completion', 't-primary-completion-2']);
		const trial = { id: 't', name: 'T', assets: ['abc-1'], programs: ['abc-1-gastric'] };
		expect(newTrialMilestones(trial, study, taken).map((m) => [m.id, m.program, m.label])).toEqual([
			['t-start-2', 'abc-1-gastric', 'Trial start: T'],
			['t-primary-completion-3', 'abc-1-gastric', 'Primary completion: T']
		]);
		expect(taken.size).toBe(3);
		expect(newTrialMilestones({ ...trial, assets: [] }, study, taken)).toEqual([]);
		expect(newTrialMilestones(trial, studyOf('NCT00000002'), taken)).toEqual([]);
		const long = { ...trial, name: 'n'.repeat(200) };
		expect(newTrialMilestones(long, study, taken)[0]!.label).toBe(
			`Trial start: ${'n'.repeat(200)}`.slice(0, 120)
		);
	});
});

describe('a single-group record whose allocation is "NA"', () => {
	it('is single-arm, sourced by a quote long enough to be one, and can be accepted', () => {
		const study = studyOf('NCT00000002', {
			designModule: { designInfo: { allocation: 'NA', interventionModel: 'SINGLE_GROUP' } },
			armsInterventionsModule: { interventions: [{ name: 'Testumab' }] }
		});
		expect(study.design).toEqual({
			value: 'single-arm',
			quote: '"allocation": "NA"',
			path: 'protocolSection.designModule.designInfo.allocation'
		});
		const dataset = tinyDataset();
		const proposals = propose(dataset, study);
		const { result } = applyAccepted(dataset, proposals, proposals.changes);
		expect(result.ok).toBe(true);
	});
});
