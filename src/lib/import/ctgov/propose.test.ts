import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { her2Dataset as shipped } from '../test-helpers';
import { applyAccepted, reviewRecordFiles } from './index';
import { nextVersion } from './merge';

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
