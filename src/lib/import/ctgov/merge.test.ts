import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../data/schema';
import { tinyDataset } from '../test-helpers';
import { mergeAccepted, nextVersion } from './merge';
import { proposeChanges, type ProposalSet, type ProposedChange } from './propose';
import { actual, estimated, studyOf } from './test-helpers';

/**
 * The tiny landscape (as of 2025-06, version 0.1.0): asset abc-1 ("ABC-1 (testumab)") and its
 * trial ABC-1-101 (NCT00000001: phase 1/2, single-arm, 60 planned and 55 enrolled, started
 * 2022-01), one milestone (abc-1-btd, no trial), sources src-paper and src-news.
 */
const tiny = (): Dataset => tinyDataset();

/** ABC-1-101 as the registry posted it on 2025-09-01: completed, 57 enrolled, dates by the day. */
const abc101 = () =>
	studyOf(
		'NCT00000001',
		{
			statusModule: {
				overallStatus: 'COMPLETED',
				startDateStruct: actual('2022-01-15'),
				primaryCompletionDateStruct: actual('2024-06'),
				lastUpdatePostDateStruct: actual('2025-09-01')
			},
			designModule: { enrollmentInfo: { count: 57, type: 'ACTUAL' } }
		},
		{ briefTitle: 'Study of ABC-1 in gastric cancer' }
	);

/** A new trial of testumab (abc-1), last updated 2025-05-20: before the landscape's as-of date. */
const abc201 = () =>
	studyOf(
		'NCT00000002',
		{
			statusModule: {
				overallStatus: 'RECRUITING',
				startDateStruct: actual('2025-02'),
				primaryCompletionDateStruct: estimated('2027-03'),
				lastUpdatePostDateStruct: actual('2025-05-20')
			},
			armsInterventionsModule: { interventions: [{ type: 'DRUG', name: 'Testumab' }] }
		},
		{ acronym: 'ABC-1-201' }
	);

const propose = (dataset: Dataset, ...studies: ReturnType<typeof studyOf>[]): ProposalSet =>
	proposeChanges(dataset, [{ name: 'records.json', studies }]);

const change = (proposals: ProposalSet, key: string): ProposedChange => {
	const found = proposals.changes.find((c) => c.key === key);
	if (!found) throw new Error(`no change ${key} in ${proposals.changes.map((c) => c.key)}`);
	return found;
};

describe('the next version number', () => {
	it.each([
		['2.3.9', '2.3.10'],
		['1.99', '1.100'],
		['v7', 'v8'],
		['1.0.0-rc', '1.0.0-rc.1'],
		['x'.repeat(39) + '9', 'x'.repeat(39) + '1'],
		['x'.repeat(45), 'x'.repeat(40)]
	])('%s → %s (at most 40 characters)', (from, to) => expect(nextVersion(from)).toBe(to));
});

describe('accepted updates of a trial the landscape has', () => {
	it('each accepted field changes, with the record text as its source; the rest stays', () => {
		const before = tiny();
		const proposals = propose(before, abc101());
		const next = mergeAccepted(before, proposals, [
			change(proposals, 'NCT00000001:trial:enrolment'),
			change(proposals, 'NCT00000001:trial:status')
		]);
		const trial = next.trials.find((t) => t.id === 'abc-1-101')!;
		expect(trial).toMatchObject({
			status: 'completed',
			enrolment: { planned: 60, actual: 57 },
			start: '2022-01'
		});
		expect(trial.sources).toEqual([
			{ id: 'src-paper', quote: 'ABC-1-101 (NCT00000001) enrolled 55 patients' },
			{
				id: 'ctgov-nct00000001',
				quote: '"count": 57, "type": "ACTUAL"',
				note: 'protocolSection.designModule.enrollmentInfo.count'
			},
			{
				id: 'ctgov-nct00000001',
				quote: 'COMPLETED',
				note: 'protocolSection.statusModule.overallStatus'
			}
		]);
	});

	it('the record is cited even where another source has the same words', () => {
		const before = tiny();
		before.trials[0]!.sources.push({ id: 'src-news', quote: 'COMPLETED' });
		const proposals = propose(before, abc101());
		const next = mergeAccepted(before, proposals, [change(proposals, 'NCT00000001:trial:status')]);
		expect(next.trials[0]!.sources.map((s) => [s.id, s.quote])).toEqual([
			['src-paper', 'ABC-1-101 (NCT00000001) enrolled 55 patients'],
			['src-news', 'COMPLETED'],
			['ctgov-nct00000001', 'COMPLETED']
		]);
	});

	it('a change accepted twice is sourced once; the proposals can be applied again unchanged', () => {
		const before = tiny();
		const proposals = propose(before, abc101());
		const enrolment = change(proposals, 'NCT00000001:trial:enrolment');
		const next = mergeAccepted(before, proposals, [enrolment, enrolment]);
		const trial = next.trials.find((t) => t.id === 'abc-1-101')!;
		expect(trial.sources.filter((s) => s.id === 'ctgov-nct00000001')).toHaveLength(1);
		trial.enrolment.actual = 1;
		expect(mergeAccepted(before, proposals, [enrolment]).trials[0]!.enrolment.actual).toBe(57);
	});

	it('changes of trials and milestones the landscape no longer has are left out', () => {
		const proposals = propose(tiny(), abc101());
		const accepted = [
			change(proposals, 'NCT00000001:trial:status'),
			change(proposals, 'NCT00000001:milestone:start')
		];
		const without = tiny();
		without.trials = [];
		const next = mergeAccepted(without, proposals, accepted);
		expect(next).toEqual(without);
	});

	it('a milestone date change for a milestone since removed is left out', () => {
		const before = tiny();
		before.milestones.push({
			...before.milestones[0]!,
			id: 'abc-1-101-primary-completion',
			trial: 'abc-1-101',
			date: '2024-03'
		});
		const proposals = propose(before, abc101());
		const moved = change(proposals, 'NCT00000001:milestone:primary-completion');
		const removed = tiny();
		const next = mergeAccepted(removed, proposals, [moved]);
		expect(next.milestones).toEqual(removed.milestones);
	});

	it('an accepted milestone date moves the milestone, clears its end and cites the record', () => {
		const before = tiny();
		before.milestones.push({
			...before.milestones[0]!,
			id: 'abc-1-101-primary-completion',
			trial: 'abc-1-101',
			type: 'other',
			date: '2024-03',
			dateEnd: '2024-04',
			status: 'expected',
			label: 'Primary completion: ABC-1-101',
			sources: []
		});
		const proposals = propose(before, abc101());
		const moved = change(proposals, 'NCT00000001:milestone:primary-completion');
		expect(moved.op.op).toBe('set-milestone');
		const next = mergeAccepted(before, proposals, [moved]);
		expect(next.milestones.find((m) => m.id === 'abc-1-101-primary-completion')).toMatchObject({
			date: '2024-06',
			dateEnd: null,
			status: 'actual',
			sources: [
				{
					id: 'ctgov-nct00000001',
					quote: '2024-06 (ACTUAL)',
					note: 'protocolSection.statusModule.primaryCompletionDateStruct'
				}
			]
		});
	});

	it('a new milestone of the trial is added once, and not over a milestone of the same id', () => {
		const before = tiny();
		const proposals = propose(before, abc101());
		const start = change(proposals, 'NCT00000001:milestone:start');
		const once = mergeAccepted(before, proposals, [start, start]);
		expect(once.milestones.map((m) => [m.id, m.trial, m.date])).toEqual([
			['abc-1-btd', null, '2024-03'],
			['abc-1-101-start', 'abc-1-101', '2022-01-15']
		]);
		// Against a version that has since gained a milestone of that id, it is not added.
		expect(mergeAccepted(once, proposals, [start]).milestones).toHaveLength(2);
	});
});

describe('an accepted new trial', () => {
	it('joins with its milestones, linked to the assets its interventions name', () => {
		const before = tiny();
		const proposals = propose(before, abc201());
		const next = mergeAccepted(before, proposals, proposals.changes);
		expect(next.trials.map((t) => [t.id, t.assets])).toEqual([
			['abc-1-101', ['abc-1']],
			['nct00000002', ['abc-1']]
		]);
		expect(next.milestones.map((m) => [m.id, m.asset, m.date])).toEqual([
			['abc-1-btd', 'abc-1', '2024-03'],
			['nct00000002-start', 'abc-1', '2025-02'],
			['nct00000002-primary-completion', 'abc-1', '2027-03']
		]);
	});

	it('the reviewer may link it to other assets (unknown ids left out); its milestones follow', () => {
		const before = tiny();
		const proposals = propose(before, abc201());
		const key = 'NCT00000002:trial:new';
		const next = mergeAccepted(before, proposals, proposals.changes, {
			links: new Map([[key, ['no-such-asset', 'trastuzumab']]])
		});
		expect(next.trials.at(-1)?.assets).toEqual(['trastuzumab']);
		expect(next.milestones.filter((m) => m.trial === 'nct00000002').map((m) => m.asset)).toEqual([
			'trastuzumab',
			'trastuzumab'
		]);
		// Left unlinked: the trial joins without milestones (a milestone needs an asset).
		const unlinked = mergeAccepted(before, proposals, proposals.changes, {
			links: new Map([[key, []]])
		});
		expect(unlinked.trials.at(-1)?.assets).toEqual([]);
		expect(unlinked.milestones.map((m) => m.id)).toEqual(['abc-1-btd']);
		// A link chosen for another change leaves this one as proposed.
		const other = mergeAccepted(before, proposals, proposals.changes, {
			links: new Map([['NCT00000009:trial:new', ['trastuzumab']]])
		});
		expect(other.trials.at(-1)?.assets).toEqual(['abc-1']);
	});

	it('a trial of the same id already in the landscape is not added again', () => {
		const before = tiny();
		const proposals = propose(before, abc201());
		const once = mergeAccepted(before, proposals, proposals.changes);
		const twice = mergeAccepted(once, proposals, proposals.changes);
		expect(twice.trials).toHaveLength(2);
		expect(twice.milestones).toHaveLength(3);
	});

	it('milestone ids the landscape took since the proposal are not added over', () => {
		const before = tiny();
		const proposals = propose(before, abc201());
		const taken = tiny();
		taken.milestones.push({ ...taken.milestones[0]!, id: 'nct00000002-start' });
		const next = mergeAccepted(taken, proposals, proposals.changes);
		expect(next.milestones.map((m) => [m.id, m.trial])).toEqual([
			['abc-1-btd', null],
			['nct00000002-start', null],
			['nct00000002-primary-completion', 'nct00000002']
		]);
		// With a link chosen, the milestones are named anew around the taken id.
		const relinked = mergeAccepted(taken, proposals, proposals.changes, {
			links: new Map([['NCT00000002:trial:new', ['abc-1']]])
		});
		expect(relinked.milestones.map((m) => m.id)).toEqual([
			'abc-1-btd',
			'nct00000002-start',
			'nct00000002-start-2',
			'nct00000002-primary-completion'
		]);
	});
});

describe('the landscape after a merge', () => {
	it('each record used joins the sources once; the as-of date moves only forward', () => {
		const before = tiny();
		const proposals = propose(before, abc101(), abc201());
		const next = mergeAccepted(before, proposals, proposals.changes);
		expect(next.sources.map((s) => s.id)).toEqual([
			'src-paper',
			'src-news',
			'ctgov-nct00000001',
			'ctgov-nct00000002'
		]);
		expect(next.meta.asOf).toBe('2025-09-01');
		expect(next.meta.version).toBe('0.1.1');
		expect([next.meta.id, next.meta.title]).toEqual(['tiny', 'Tiny import fixture']);
		// The older record alone leaves the as-of date where it was.
		const older = propose(before, abc201());
		expect(mergeAccepted(before, older, older.changes).meta.asOf).toBe('2025-06');
	});

	it('a record without a last-update date leaves the as-of date alone', () => {
		const before = tiny();
		const undated = studyOf('NCT00000003', {
			armsInterventionsModule: { interventions: [{ name: 'Testumab' }] }
		});
		const proposals = propose(before, undated);
		const next = mergeAccepted(before, proposals, proposals.changes);
		expect(next.trials.at(-1)?.id).toBe('nct00000003');
		expect([next.meta.asOf, next.meta.version]).toEqual(['2025-06', '0.1.1']);
	});

	it("changes accepted without their record among the review's sources add no source", () => {
		const before = tiny();
		const proposals = propose(before, abc201());
		const unsourced = { ...proposals, sources: new Map(), recordDates: new Map() };
		const next = mergeAccepted(before, unsourced, proposals.changes);
		expect(next.trials.at(-1)?.id).toBe('nct00000002');
		expect(next.sources.map((s) => s.id)).toEqual(['src-paper', 'src-news']);
	});

	it('a record imported again replaces its source with the newer record', () => {
		const before = tiny();
		const first = propose(before, abc101());
		const v1 = mergeAccepted(before, first, [change(first, 'NCT00000001:trial:status')]);
		const update = studyOf(
			'NCT00000001',
			{
				statusModule: {
					overallStatus: 'TERMINATED',
					lastUpdatePostDateStruct: actual('2025-11-03')
				}
			},
			{ briefTitle: 'Study of ABC-1 in gastric cancer (stopped)' }
		);
		const second = propose(v1, update);
		const v2 = mergeAccepted(v1, second, second.changes);
		const sources = v2.sources.filter((s) => s.id === 'ctgov-nct00000001');
		expect(sources.map((s) => [s.title, s.date])).toEqual([
			['Study of ABC-1 in gastric cancer (stopped)', '2025-11-03']
		]);
		expect(v2.sources).toHaveLength(3);
		expect([v2.meta.asOf, v2.meta.version]).toEqual(['2025-11-03', '0.1.2']);
	});

	it('a record whose changes were all left out is not a source, and the version stays', () => {
		const before = tiny();
		const proposals = propose(before, abc101());
		const without = tiny();
		without.trials = [];
		const next = mergeAccepted(without, proposals, [change(proposals, 'NCT00000001:trial:status')]);
		expect(next.sources.map((s) => s.id)).toEqual(['src-paper', 'src-news']);
		expect([next.meta.version, next.meta.asOf]).toEqual(['0.1.0', '2025-06']);
	});

	it('saved as a new landscape: its own id and title', () => {
		const before = tiny();
		const proposals = propose(before, abc201());
		const next = mergeAccepted(before, proposals, [], {
			saveAs: { id: 'tiny-mine', title: 'My tiny landscape' }
		});
		expect(next.meta).toMatchObject({
			id: 'tiny-mine',
			title: 'My tiny landscape',
			version: '0.1.0'
		});
	});
});
