import { describe, expect, it } from 'vitest';
import type { Milestone, Program } from '$lib/data/schema';
import {
	prepareTimeline,
	shortIndication,
	type GroupBy,
	type TimelineData
} from './timeline.prepare';
import { asset, milestone, program, type PhaseIn } from './test-fixtures';

const t = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const TODAY = new Date('2026-11-22T10:00:00Z');
const ASSETS = [asset('kn', 'focus', 'Kanon 026'), asset('zani', 'focus', 'Zanidatamab')];

const prepare = (
	d: Partial<TimelineData>,
	groupBy: GroupBy = 'asset',
	asOf: string | null = null
) =>
	prepareTimeline(
		{ assets: ASSETS, programs: [], milestones: [], ...d },
		{ groupBy, today: TODAY, asOf }
	);

/** The one milestone of a dataset holding only it. */
const onlyMilestone = (m: Milestone) => prepare({ milestones: [m] }).lanes[0]!.milestones[0]!;

/** The phases of a single program on asset "kn". */
const phasesOf = (phases: PhaseIn[], status = 'active', milestones: Milestone[] = []) => {
	const lane = prepare({ programs: [program('x', 'kn', phases, { status })], milestones })
		.lanes[0]!;
	return { phases: lane.phases, undated: lane.undatedPhases };
};

describe('prepareTimeline: milestone names and dates', () => {
	it.each([
		[
			'a designation names its kind',
			{ type: 'designation', designation: 'fast-track' },
			'Fast track designation'
		],
		['a designation of no stated kind', { type: 'designation' }, 'Designation'],
		[
			'an accelerated approval',
			{ type: 'approval', approvalKind: 'accelerated' },
			'Accelerated approval'
		],
		[
			'a conditional approval',
			{ type: 'approval', approvalKind: 'conditional' },
			'Conditional approval'
		],
		['a full approval', { type: 'approval', approvalKind: 'full' }, 'Approval'],
		['an approval of no stated kind', { type: 'approval' }, 'Approval'],
		['another type keeps its name', { type: 'acceptance' }, 'Filing accepted']
	])('%s', (_name, extra, typeName) => {
		expect(onlyMilestone(milestone('m', 'kn', null, '2025-03-01', extra)).typeName).toBe(typeName);
	});

	it('a designation or approval kind on another type does not rename it', () => {
		const deal = { type: 'deal', designation: 'orphan-drug', approvalKind: 'accelerated' };
		expect(onlyMilestone(milestone('m', 'kn', null, '2025-03-01', deal)).typeName).toBe(
			'Deal / licence'
		);
	});

	it('an end date that does not exist leaves a single day', () => {
		const m = onlyMilestone(milestone('m', 'kn', null, '2025-03-01', { dateEnd: '2025-02-30' }));
		expect(m).toMatchObject({
			spanStart: t('2025-03-01'),
			spanEnd: t('2025-03-02'),
			approximate: false,
			precision: 'day',
			dateText: '1 Mar 2025'
		});
	});

	it('a window whose end comes before its start still covers its first day', () => {
		const m = onlyMilestone(milestone('m', 'kn', null, '2025-03-10', { dateEnd: '2025-03-01' }));
		expect(m.spanStart).toBe(t('2025-03-10'));
		expect(m.spanEnd).toBe(t('2025-03-11'));
	});

	it.each([
		['a month', '2025-03', null, 'month'],
		['a quarter', '2025-Q3', null, 'quarter'],
		['a window takes the precision of its end', '2025-03', '2025-Q3', 'quarter'],
		['a day to a year', '2025-03-01', '2025', 'year']
	])('%s', (_name, date, dateEnd, precision) => {
		expect(onlyMilestone(milestone('m', 'kn', null, date, { dateEnd })).precision).toBe(precision);
	});

	it('an actual window is a window, an expected one an expected window', () => {
		const window = (status: string) =>
			onlyMilestone(milestone('m', 'kn', null, '2025-Q1', { dateEnd: '2025-Q2', status })).dateText;
		expect(window('actual')).toBe('Q1 2025 – Q2 2025 (window)');
		expect(window('expected')).toBe('Q1 2025 – Q2 2025 (expected window)');
	});

	it('a date that does not exist is listed as undated, not drawn or counted', () => {
		const bad = milestone('bad', 'kn', null, '2025-02-30');
		const p = prepare({ milestones: [bad, milestone('ok', 'kn', null, '2025-03-01')] });
		expect(p.undatedMilestones).toEqual([bad]);
		expect(p.lanes.flatMap((l) => l.milestones.map((m) => m.id))).toEqual(['ok']);
		expect(p.milestoneCount).toBe(1);
	});

	it('sorts a lane’s milestones by date, same dates by id', () => {
		const dates: [string, string][] = [
			['mb', '2025-04-01'],
			['m2', '2025-05-01'],
			['ma', '2025-04-01'],
			['m1', '2025-03-01']
		];
		const p = prepare({
			programs: [program('x', 'kn', [])],
			milestones: [
				...dates.map(([id, date]) => milestone(id, 'kn', 'x', date)),
				...dates.map(([id, date]) => milestone(`c-${id}`, 'kn', null, date))
			]
		});
		const ids = (laneId: string) =>
			p.lanes.find((l) => l.id === laneId)!.milestones.map((m) => m.id);
		expect(ids('lane:x')).toEqual(['m1', 'ma', 'mb', 'm2']);
		expect(ids('lane:corporate:kn')).toEqual(['c-m1', 'c-ma', 'c-mb', 'c-m2']);
	});

	it('gives back the same prepared milestone when the chart is prepared again (a filter change)', () => {
		const m = milestone('m', 'kn', null, '2025-Q2', { agency: 'FDA' });
		const first = onlyMilestone(m);
		const regrouped = prepare({ milestones: [m] }, 'indication').lanes[0]!.milestones[0]!;
		expect(regrouped).toBe(first);
		expect(onlyMilestone(m)).toBe(first);
		// Another milestone object, even with the same data, is prepared on its own.
		expect(onlyMilestone({ ...m })).not.toBe(first);
		expect(onlyMilestone({ ...m })).toEqual(first);
	});
});

describe('prepareTimeline: phase bars', () => {
	it('orders phases by start, lists the ones with no date apart', () => {
		const { phases, undated } = phasesOf([
			{ phase: 'phase 3', start: '2022-01' },
			{ phase: 'phase 1', start: '2020-01' },
			{ phase: 'phase 2', start: null }
		]);
		expect(phases.map((p) => [p.id, p.phase])).toEqual([
			['bar:x:1', 'phase 1'],
			['bar:x:0', 'phase 3']
		]);
		expect(undated.map((p) => p.phase)).toEqual(['phase 2']);
	});

	it('keeps dataset order for phases that start together', () => {
		const { phases } = phasesOf([
			{ phase: 'phase 1', start: '2020-01' },
			{ phase: 'phase 1/2', start: '2020-01' },
			{ phase: 'phase 2', start: '2020-01' }
		]);
		expect(phases.map((p) => p.phase)).toEqual(['phase 1', 'phase 1/2', 'phase 2']);
	});

	it('a last phase with its own end stops there', () => {
		const [only] = phasesOf([{ phase: 'phase 1', start: '2021-03', end: '2023-06' }]).phases;
		expect(only).toMatchObject({
			start: t('2021-03-01'),
			end: t('2023-07-01'),
			endKind: 'end',
			endLabel: 'Jun 2023',
			spanText: 'Mar 2021 – Jun 2023'
		});
	});

	it('an own end on the day before the next phase starts is kept', () => {
		const [first] = phasesOf([
			{ phase: 'phase 1', start: '2021-03', end: '2023-06' },
			{ phase: 'phase 3', start: '2023-07' }
		]).phases;
		expect(first!.endKind).toBe('end');
		expect(first!.end).toBe(t('2023-07-01'));
	});

	it('a discontinued program with no later evidence ends a day after its start', () => {
		const [only] = phasesOf([{ phase: 'phase 1', start: '2021-03-05' }], 'discontinued').phases;
		expect(only).toMatchObject({
			end: t('2021-03-06'),
			endKind: 'discontinued',
			endLabel: 'discontinued',
			spanText: '5 Mar 2021 – discontinued'
		});
	});

	it('a discontinued program ends at its latest milestone', () => {
		const [only] = phasesOf([{ phase: 'phase 1', start: '2021-03-05' }], 'discontinued', [
			milestone('late', 'kn', 'x', '2023-05'),
			milestone('early', 'kn', 'x', '2022-01-10')
		]).phases;
		expect(only!.end).toBe(t('2023-06-01'));
	});

	it('an expected phase that starts after today is a day long and marked expected', () => {
		const [only] = phasesOf([{ phase: 'filed', start: '2027-03', status: 'expected' }]).phases;
		expect(only).toMatchObject({
			start: t('2027-03-01'),
			end: t('2027-03-02'),
			endKind: 'ongoing',
			endLabel: 'ongoing',
			expected: true,
			startPeriod: { start: t('2027-03-01'), end: t('2027-03-02'), precision: 'month' }
		});
		expect(phasesOf([{ phase: 'filed', start: '2025-03' }]).phases[0]!.expected).toBe(false);
	});

	it('an ongoing phase runs to the start of today', () => {
		const [only] = phasesOf([{ phase: 'phase 2', start: '2024-01-15' }]).phases;
		expect(only!.end).toBe(t('2026-11-22'));
	});

	it('a coarse start period stops where the next phase begins', () => {
		const [first] = phasesOf([
			{ phase: 'phase 1', start: '2021' },
			{ phase: 'phase 2', start: '2021-06' }
		]).phases;
		expect(first!.startPeriod).toEqual({
			start: t('2021-01-01'),
			end: t('2021-06-01'),
			precision: 'year'
		});
	});
});

describe('prepareTimeline: lane labels', () => {
	const lane = (p: Program) => prepare({ programs: [p] }).lanes[0]!;

	it('shortens the indication in the title, not in the full title', () => {
		const l = lane(
			program('x', 'kn', [], { indication: 'Gastric/GEJ adenocarcinoma (locally advanced)' })
		);
		expect(l.title).toBe('KN · Gastric/GEJ');
		expect(l.fullTitle).toBe('KN · Gastric/GEJ adenocarcinoma (locally advanced)');
		expect(l.kind).toBe('program');
	});

	it('leaves out a missing line and biomarker, and an unspecified region from the name', () => {
		const l = lane(program('x', 'kn', [], { line: null, biomarker: null, region: 'Unspecified' }));
		expect(l.subtitle).toBe('Unspecified');
		expect(l.name).toBe('KN · gastric cancer');
	});

	it('says a program is discontinued', () => {
		expect(lane(program('x', 'kn', [], { status: 'discontinued' })).subtitle).toBe(
			'2L · HER2+ · China · discontinued'
		);
	});

	it('names an asset missing from the asset list by its id, among the focus assets', () => {
		const p = prepare({ programs: [program('g', 'ghost', [])] });
		expect(p.lanes[0]).toMatchObject({ title: 'ghost · gastric cancer', section: 'focus' });
		expect(p.sections[0]!.groups[0]!.label).toBe('ghost');
	});

	it('gives each asset’s unassigned milestones a corporate lane', () => {
		const p = prepare({ milestones: [milestone('m', 'kn', null, '2025-03-01')] });
		expect(p.lanes[0]).toMatchObject({
			id: 'lane:corporate:kn',
			kind: 'corporate',
			program: null,
			title: 'KN · Corporate / other',
			fullTitle: 'KN · Corporate / other',
			subtitle: 'Deals, INDs, other',
			name: 'KN · Corporate / other',
			phases: [],
			undatedPhases: []
		});
	});
});

describe('prepareTimeline: sections and groups', () => {
	const laneIds = (groupBy: GroupBy, d: Partial<TimelineData>) =>
		prepare(d, groupBy).lanes.map((l) => l.id);

	it('orders corporate lanes by asset, unknown assets last by id', () => {
		const milestones = ['zz', 'zani', 'aa', 'kn'].map((a) =>
			milestone(`m-${a}`, a, null, '2025-03-01')
		);
		const want = ['kn', 'zani', 'aa', 'zz'].map((a) => `lane:corporate:${a}`);
		expect(laneIds('asset', { milestones })).toEqual(want);
		expect(laneIds('indication', { milestones })).toEqual(want);
	});

	it('by asset: groups in asset order named in full, lanes in dataset order within', () => {
		const p = prepare({
			programs: [
				program('zani-gc', 'zani', []),
				program('kn-gc', 'kn', []),
				program('kn-bc', 'kn', [], { indicationGroup: 'breast' })
			]
		});
		expect(p.lanes.map((l) => l.id)).toEqual(['lane:kn-gc', 'lane:kn-bc', 'lane:zani-gc']);
		expect(p.sections[0]!.groups.map((g) => [g.key, g.label])).toEqual([
			['kn', 'Kanon 026'],
			['zani', 'Zanidatamab']
		]);
	});

	it('by indication: groups as first seen, corporate last, lanes in asset order within', () => {
		const p = prepare(
			{
				programs: [
					program('zani-gc', 'zani', []),
					program('kn-bc', 'kn', [], { indicationGroup: 'breast' }),
					program('kn-gc', 'kn', [])
				],
				milestones: [milestone('m', 'kn', null, '2025-03-01')]
			},
			'indication'
		);
		expect(p.sections[0]!.groups.map((g) => [g.label, g.lanes.map((l) => l.id)])).toEqual([
			['Gastric', ['lane:kn-gc', 'lane:zani-gc']],
			['Breast', ['lane:kn-bc']],
			['Corporate / other', ['lane:corporate:kn']]
		]);
	});

	it.each(['asset', 'indication'] as const)(
		'by %s: assets missing from the asset list come after the known ones',
		(groupBy) => {
			const programs = [
				program('ghost-gc', 'ghost', []),
				program('zani-gc', 'zani', []),
				program('kn-gc', 'kn', []),
				program('kn-gc2', 'kn', [])
			];
			expect(laneIds(groupBy, { programs })).toEqual([
				'lane:kn-gc',
				'lane:kn-gc2',
				'lane:zani-gc',
				'lane:ghost-gc'
			]);
		}
	);

	it.each(['asset', 'indication'] as const)(
		'by %s: lanes follow the asset list, not the ids',
		(groupBy) => {
			const assets = ['c', 'b', 'a'].map((id) => asset(id));
			const d = {
				assets,
				programs: ['a', 'b', 'c'].map((id) => program(`p-${id}`, id, [])),
				milestones: ['a', 'b', 'c'].map((id) => milestone(`m-${id}`, id, null, '2025-03-01'))
			};
			expect(laneIds(groupBy, d)).toEqual(
				groupBy === 'asset'
					? [
							'lane:p-c',
							'lane:corporate:c',
							'lane:p-b',
							'lane:corporate:b',
							'lane:p-a',
							'lane:corporate:a'
						]
					: [
							'lane:p-c',
							'lane:p-b',
							'lane:p-a',
							'lane:corporate:c',
							'lane:corporate:b',
							'lane:corporate:a'
						]
			);
		}
	);

	it('has no focus section when every lane is a comparator', () => {
		const p = prepareTimeline(
			{
				assets: [asset('tras', 'comparator')],
				programs: [program('t', 'tras', [])],
				milestones: []
			},
			{ groupBy: 'asset', today: TODAY, asOf: null }
		);
		expect(p.sections.map((s) => [s.section, s.heading])).toEqual([['comparator', 'Comparators']]);
		expect(p.lanes[0]!.section).toBe('comparator');
	});
});

describe('prepareTimeline: extent, today, as-of and what is present', () => {
	it('spans the phases and milestones drawn', () => {
		const p = prepare({
			programs: [
				program('x', 'kn', [{ phase: 'phase 1', start: '2020-03', end: '2021-06' }]),
				program('y', 'kn', [{ phase: 'approved', start: '2019-05-02', end: '2019-12' }])
			],
			milestones: [milestone('m', 'kn', 'x', '2022-Q3'), milestone('bad', 'kn', null, '2030-02-30')]
		});
		expect(p.extent).toEqual({ start: t('2019-05-02'), end: t('2022-10-01') });
	});

	it('reaches today when a bar is ongoing', () => {
		const p = prepare({ programs: [program('x', 'kn', [{ phase: 'phase 1', start: '2020-03' }])] });
		expect(p.extent).toEqual({ start: t('2020-03-01'), end: t('2026-11-22') });
	});

	it('reaches an expected milestone after today', () => {
		const p = prepare({
			programs: [program('x', 'kn', [{ phase: 'phase 1', start: '2020-03' }])],
			milestones: [milestone('m', 'kn', 'x', '2027-03-01', { status: 'expected' })]
		});
		expect(p.extent).toEqual({ start: t('2020-03-01'), end: t('2027-03-02') });
	});

	it('has no extent with nothing to draw', () => {
		expect(prepare({ milestones: [milestone('bad', 'kn', null, '2025-02-30')] }).extent).toBeNull();
	});

	it('takes today as the start of the UTC day, the as-of date as the end of its period', () => {
		expect(prepare({}).today).toBe(t('2026-11-22'));
		expect(prepare({}, 'asset', '2026-09').asOf).toEqual({
			time: t('2026-10-01'),
			label: 'Sep 2026'
		});
		expect(prepare({}, 'asset', 'soon').asOf).toBeNull();
		expect(prepare({}).asOf).toBeNull();
	});

	it('lists the phases and milestone types present in vocabulary order', () => {
		const p = prepare({
			programs: [
				program('x', 'kn', [
					{ phase: 'approved', start: '2024-01' },
					{ phase: 'phase 1', start: '2020-01' }
				])
			],
			milestones: [
				milestone('a', 'kn', 'x', '2021-01', { type: 'deal' }),
				milestone('b', 'kn', 'x', '2022-01', { type: 'ind' }),
				milestone('c', 'kn', 'x', '2023-01', { type: 'deal' })
			]
		});
		expect(p.phasesPresent).toEqual(['phase 1', 'approved']);
		expect(p.typesPresent).toEqual(['ind', 'deal']);
		expect(p.milestoneCount).toBe(3);
	});
});

describe('shortIndication', () => {
	it.each([
		['a parenthesis without a space before it', 'Gastric cancer(first line)', 'Gastric cancer'],
		['trailing spaces', 'Gastric/GEJ adenocarcinoma  ', 'Gastric/GEJ'],
		['two spaces before adenocarcinoma', 'Gastric/GEJ  adenocarcinoma', 'Gastric/GEJ'],
		[
			'adenocarcinoma that is not the last word',
			'Gastric adenocarcinoma of the GEJ',
			'Gastric adenocarcinoma of the GEJ'
		]
	])('%s: %s → %s', (_name, full, short) => {
		expect(shortIndication(full)).toBe(short);
	});
});
