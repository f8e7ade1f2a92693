import { describe, expect, it } from 'vitest';
import {
	Dataset,
	Deal,
	Milestone,
	Program,
	Readout,
	Trial,
	type DatasetInput,
	type Phase
} from './schema';
import {
	citationCounts,
	formatAttribute,
	formatPhasesByRegion,
	formatReadoutLine,
	highestPhase,
	highestPhaseByRegion,
	keyReadout,
	latestMilestone,
	partnersOf,
	summarizeAsset
} from './summary';
import { program, readout, SRC, UNKNOWN_ATTRIBUTES } from './test-fixtures';

function milestone(id: string, date: string, status: 'actual' | 'expected', asset = 'a1') {
	return Milestone.parse({
		id,
		asset,
		program: null,
		type: 'other',
		agency: null,
		region: null,
		date,
		status,
		label: `label ${id}`,
		description: '',
		sources: SRC
	});
}

function trialAt(id: string, phase: Trial['phase']): Trial {
	return Trial.parse({
		id,
		name: id.toUpperCase(),
		title: null,
		registryIds: [],
		assets: ['a1'],
		phase,
		design: 'single-arm',
		comparator: null,
		indication: 'Breast',
		line: null,
		biomarker: null,
		region: null,
		sponsor: null,
		enrolment: { planned: null, actual: null },
		start: null,
		end: null,
		sources: SRC
	});
}

describe('keyReadout', () => {
	const TRIALS = [trialAt('p1', 'phase 1'), trialAt('p2', 'phase 2'), trialAt('p3', 'phase 3')];
	const cases: {
		name: string;
		readouts: Readout[];
		trials?: Trial[];
		expected: string | null;
	}[] = [
		{ name: 'no readouts', readouts: [], expected: null },
		{
			name: 'largest n among response endpoints, even if another endpoint has more patients',
			readouts: [
				readout({ id: 'orr-small', n: 20 }),
				readout({ id: 'corr-big', endpoint: 'cORR', n: 55 }),
				readout({ id: 'pfs-huge', endpoint: 'mPFS', unit: 'months', n: 300 })
			],
			expected: 'corr-big'
		},
		{
			name: 'falls back to any endpoint when no response readout exists',
			readouts: [
				readout({ id: 'pfs', endpoint: 'mPFS', unit: 'months', n: 40 }),
				readout({ id: 'dcr', endpoint: 'DCR', n: 60 })
			],
			expected: 'dcr'
		},
		{
			name: 'comparator and benchmark arms and other assets never count',
			readouts: [
				readout({ id: 'comp', armRole: 'comparator', n: 500 }),
				readout({ id: 'bench', armRole: 'benchmark', n: 500 }),
				readout({ id: 'other', asset: 'a2', n: 500 }),
				readout({ id: 'mine', n: 5 })
			],
			expected: 'mine'
		},
		{
			name: 'a readout without a figure is skipped',
			readouts: [readout({ id: 'empty', value: null, n: 100 }), readout({ id: 'ok', n: 3 })],
			expected: 'ok'
		},
		{
			name: 'equal n: the later data cut wins',
			readouts: [
				readout({ id: 'old', n: 30, dataCut: '2023-05' }),
				readout({ id: 'new', n: 30, dataCut: '2024-Q2' })
			],
			expected: 'new'
		},
		{
			name: 'a higher-phase trial beats a larger phase 1 cohort (KN026: 76.4% n 55 over 28.1% n 57)',
			trials: TRIALS,
			readouts: [
				readout({ id: 'fih', trial: 'p1', n: 57, dataCut: '2021-06' }),
				readout({ id: 'ph2', trial: 'p2', n: 55, dataCut: '2021-01' })
			],
			expected: 'ph2'
		},
		{
			name: 'phase beats date: an older phase 3 figure outranks a newer phase 2 one',
			trials: TRIALS,
			readouts: [
				readout({ id: 'ph2-new', trial: 'p2', dataCut: '2025-06' }),
				readout({ id: 'ph3-old', trial: 'p3', dataCut: '2022' })
			],
			expected: 'ph3-old'
		},
		{
			name: 'a trial of unknown phase (or not in the dataset) ranks below any known phase',
			trials: [...TRIALS, trialAt('px', null)],
			readouts: [
				readout({ id: 'unknown-phase', trial: 'px', n: 500 }),
				readout({ id: 'missing-trial', trial: 'nope', n: 400 }),
				readout({ id: 'ph1', trial: 'p1', n: 5 })
			],
			expected: 'ph1'
		},
		{
			name: 'same phase: the later data cut beats a larger n',
			trials: TRIALS,
			readouts: [
				readout({ id: 'big-old', trial: 'p2', n: 200, dataCut: '2022-03' }),
				readout({ id: 'small-new', trial: 'p2', n: 40, dataCut: '2024-Q1' })
			],
			expected: 'small-new'
		},
		{
			name: 'no data cut: the presentation date stands in; an unknown date loses',
			trials: TRIALS,
			readouts: [
				readout({ id: 'undated', trial: 'p2', n: 300, dataCut: null }),
				readout({
					id: 'presented',
					trial: 'p2',
					n: 30,
					dataCut: null,
					presentedAt: { venue: 'ESMO 2024', date: '2024-09' }
				}),
				readout({ id: 'cut-earlier', trial: 'p2', n: 90, dataCut: '2024-03' })
			],
			expected: 'presented'
		},
		{
			name: 'same phase and date: the larger n wins; a full tie keeps dataset order',
			trials: TRIALS,
			readouts: [
				readout({ id: 'first', trial: 'p2', n: 40 }),
				readout({ id: 'second', trial: 'p2', n: 40 }),
				readout({ id: 'small', trial: 'p2', n: 10 })
			],
			expected: 'first'
		},
		{
			name: 'unknown n counts as zero',
			readouts: [readout({ id: 'unknown-n', n: null }), readout({ id: 'known', n: 1 })],
			expected: 'known'
		}
	];
	for (const c of cases) {
		it(c.name, () => expect(keyReadout(c.readouts, 'a1', c.trials)?.id ?? null).toBe(c.expected));
	}
});

describe('formatReadoutLine', () => {
	const trial = Trial.parse({
		id: 't1',
		name: 'KC-WISE',
		title: null,
		registryIds: [],
		assets: ['a1'],
		phase: 'phase 2',
		design: 'single-arm',
		comparator: null,
		indication: 'Gastric',
		line: null,
		biomarker: null,
		region: null,
		sponsor: null,
		enrolment: { planned: null, actual: null },
		start: null,
		end: null,
		sources: SRC
	});
	const cases: { name: string; readout: Readout; trial: Trial | null; expected: string }[] = [
		{
			name: 'response rate with CI, n and trial; bounds padded to the value precision',
			readout: readout({
				id: 'r',
				value: 76.4,
				ci: { level: 0.95, low: 63, high: 86.8, method: null },
				n: 55
			}),
			trial,
			expected: 'ORR 76.4% (95% CI 63.0–86.8), n 55 — KC-WISE'
		},
		{
			name: 'median in months, approximate, no CI, no trial',
			readout: readout({ id: 'r', endpoint: 'mPFS', unit: 'months', value: 12, approximate: true }),
			trial: null,
			expected: 'mPFS ≈ 12 months, n 10'
		},
		{
			name: 'median not reached with an open upper bound',
			readout: readout({
				id: 'r',
				endpoint: 'mDOR',
				unit: 'months',
				value: null,
				notReached: true,
				ci: { level: 0.95, low: 9.7, high: 'NR', method: null },
				n: null
			}),
			trial,
			expected: 'mDOR NR (95% CI 9.7–NR) — KC-WISE'
		},
		{
			name: 'a range only',
			readout: readout({ id: 'r', value: null, range: { low: 10, high: 15 }, n: 12 }),
			trial: null,
			expected: 'ORR 10–15%, n 12'
		},
		{
			name: 'hazard ratio with 90% CI',
			readout: readout({
				id: 'r',
				endpoint: 'HR-PFS',
				unit: 'ratio',
				value: 0.56,
				ci: { level: 0.9, low: 0.4, high: 0.78, method: null },
				n: 200
			}),
			trial: null,
			expected: 'HR-PFS 0.56 (90% CI 0.40–0.78), n 200'
		}
	];
	for (const c of cases) {
		it(c.name, () => expect(formatReadoutLine(c.readout, c.trial)).toBe(c.expected));
	}
});

describe('highestPhaseByRegion', () => {
	const cases: {
		name: string;
		programs: Program[];
		expected: string;
		top: Phase | null;
	}[] = [
		{ name: 'no programs', programs: [], expected: '', top: null },
		{
			name: 'the last actual phase per region, latest region first',
			programs: [
				program('p1', 'China', [
					['phase 2', 'actual'],
					['phase 3', 'actual'],
					['filed', 'actual']
				]),
				program('p2', 'US', [
					['phase 1', 'actual'],
					['phase 2', 'expected']
				]),
				program('p3', 'China', [['phase 2', 'actual']])
			],
			expected: 'China: Filed · US: Phase 1',
			top: 'filed'
		},
		{
			name: 'expected phases and other assets do not count',
			programs: [
				program('p1', 'EU', [['phase 3', 'expected']]),
				program('p2', 'US', [['approved', 'actual']], 'a2')
			],
			expected: '',
			top: null
		},
		{
			name: 'equal phases sort by region name',
			programs: [
				program('p1', 'US', [['phase 1/2', 'actual']]),
				program('p2', 'Australia', [['phase 1/2', 'actual']])
			],
			expected: 'Australia: Phase 1/2 · US: Phase 1/2',
			top: 'phase 1/2'
		}
	];
	for (const c of cases) {
		it(c.name, () => {
			expect(formatPhasesByRegion(highestPhaseByRegion(c.programs, 'a1'))).toBe(c.expected);
			expect(highestPhase(c.programs, 'a1')).toBe(c.top);
		});
	}
});

describe('latestMilestone', () => {
	const cases: { name: string; milestones: Milestone[]; expected: string | null }[] = [
		{ name: 'none', milestones: [], expected: null },
		{
			name: 'expected milestones are skipped even when later',
			milestones: [milestone('m1', '2024-03', 'actual'), milestone('m2', '2026', 'expected')],
			expected: 'm1'
		},
		{
			name: 'partial dates compare by their period',
			milestones: [
				milestone('q3', '2025-Q3', 'actual'),
				milestone('jun', '2025-06-30', 'actual'),
				milestone('y24', '2024', 'actual')
			],
			expected: 'q3'
		},
		{
			name: 'a day inside a month sorts after the month (by earliest possible day)',
			milestones: [
				milestone('day', '2025-09-11', 'actual'),
				milestone('month', '2025-09', 'actual')
			],
			expected: 'day'
		},
		{
			name: "other assets' milestones are ignored",
			milestones: [
				milestone('mine', '2020', 'actual'),
				milestone('theirs', '2025', 'actual', 'a2')
			],
			expected: 'mine'
		}
	];
	for (const c of cases) {
		it(c.name, () => expect(latestMilestone(c.milestones, 'a1')?.id ?? null).toBe(c.expected));
	}
});

describe('partnersOf', () => {
	const deal = (over: Partial<Deal> & { id: string }) =>
		Deal.parse({
			asset: ['a1'],
			kind: 'licence',
			licensor: 'Alphamab',
			licensee: 'Glenmark',
			territory: 'India',
			scope: null,
			date: '2024-05',
			value: null,
			sources: SRC,
			...over
		});
	it('lists licensees, oldest deal first, and the licensor of an in-licence', () => {
		const partners = partnersOf(
			[
				deal({ id: 'd2', licensee: 'Jazz', territory: 'US, EU', date: '2022-10' }),
				deal({ id: 'd1', licensor: 'Zymeworks', licensee: 'Alphamab Oncology', date: '2021' }),
				deal({ id: 'other', asset: ['a2'] })
			],
			'a1',
			'Alphamab Oncology'
		);
		expect(partners.map((p) => [p.name, p.role, p.territory])).toEqual([
			['Zymeworks', 'licensor', 'India'],
			['Jazz', 'licensee', 'US, EU']
		]);
	});
	it('without a known originator every licensee is a partner', () => {
		expect(partnersOf([deal({ id: 'd' })], 'a1', null).map((p) => p.name)).toEqual(['Glenmark']);
	});
});

describe('formatAttribute', () => {
	const cases = [
		{ attr: { value: null, applicable: true, approximate: false, sources: [] }, text: 'Unknown' },
		{
			attr: { value: 'x', applicable: false, approximate: false, sources: [] },
			text: 'Not applicable'
		},
		{ attr: { value: 8, applicable: true, approximate: true, sources: [] }, text: '≈ 8' },
		{
			attr: { value: ['II', 'IV'], applicable: true, approximate: false, sources: [] },
			text: 'II, IV'
		},
		{ attr: { value: true, applicable: true, approximate: false, sources: [] }, text: 'Yes' }
	];
	for (const c of cases) it(c.text, () => expect(formatAttribute(c.attr)).toBe(c.text));
});

describe('citationCounts', () => {
	it('counts each fact once per source it cites', () => {
		const input: DatasetInput = {
			meta: { id: 'x', title: 'X', target: 'HER2', asOf: '2025', version: '1' },
			sources: [
				{ id: 's1', kind: 'news', title: 'S1', publisher: null, date: null },
				{ id: 's2', kind: 'news', title: 'S2', publisher: null, date: null }
			],
			assets: [],
			programs: [],
			milestones: [
				milestone('m1', '2024', 'actual'),
				{
					...milestone('m2', '2024', 'actual'),
					sources: [
						{ id: 's1', quote: 'one quote here' },
						{ id: 's1', quote: 'another quote' },
						{ id: 's2', quote: 'yet another' }
					]
				}
			],
			trials: [],
			readouts: []
		};
		const counts = citationCounts(Dataset.parse(input));
		expect(counts.get('s1')).toBe(2);
		expect(counts.get('s2')).toBe(1);
	});
});

describe('more of what a card prints', () => {
	it('of two actual milestones on the same date, the one listed last is the latest', () => {
		const milestones = [
			milestone('first', '2025-03', 'actual'),
			milestone('second', '2025-03', 'actual')
		];
		expect(latestMilestone(milestones, 'a1')?.id).toBe('second');
	});

	it('a partner carries its deal: kind, date and id', () => {
		const [partner] = partnersOf(
			[
				Deal.parse({
					id: 'd-option',
					asset: ['a1'],
					kind: 'option',
					licensor: 'Alphamab',
					licensee: 'Jazz',
					territory: null,
					scope: null,
					date: '2022-10',
					value: null,
					sources: SRC
				})
			],
			'a1',
			'Alphamab'
		);
		expect(partner).toEqual({
			name: 'Jazz',
			role: 'licensee',
			territory: null,
			kind: 'option',
			date: '2022-10',
			deal: 'd-option'
		});
	});

	it.each([
		[{ value: false, applicable: true, approximate: false }, 'No'],
		[{ value: 8, applicable: true, approximate: false }, '8'],
		[{ value: ['II', 'IV'], applicable: true, approximate: true }, '≈ II, IV'],
		[{ value: 'Fc-silenced', applicable: true, approximate: false }, 'Fc-silenced']
	])('an attribute %j reads %s', (attribute, text) => {
		expect(formatAttribute(attribute)).toBe(text);
	});

	it('one asset at a glance: phases, latest milestone, partners and the key readout with its trial', () => {
		const input: DatasetInput = {
			meta: { id: 'x', title: 'X', target: 'HER2', asOf: '2025', version: '1' },
			sources: [{ id: 's1', kind: 'news', title: 'S1', publisher: null, date: null }],
			assets: [
				{
					id: 'a1',
					name: 'Asset one',
					shortName: 'A1',
					role: 'focus',
					...UNKNOWN_ATTRIBUTES,
					originator: { value: 'Alphamab' }
				}
			],
			programs: [program('p1', 'China', [['phase 3', 'actual']])],
			milestones: [milestone('m1', '2024-05', 'actual'), milestone('m2', '2023', 'actual')],
			trials: [trialAt('t-other', 'phase 1'), trialAt('t1', 'phase 2')],
			readouts: [readout({ id: 'r1', trial: 't1' })],
			deals: [
				{
					id: 'd1',
					asset: ['a1'],
					kind: 'licence',
					licensor: 'Alphamab',
					licensee: 'Jazz',
					territory: 'US',
					scope: null,
					date: '2022',
					value: null,
					sources: SRC
				}
			]
		};
		const dataset = Dataset.parse(input);
		const summary = summarizeAsset(dataset, dataset.assets[0]!);
		expect(formatPhasesByRegion(summary.phases)).toBe('China: Phase 3');
		expect(summary.latest?.id).toBe('m1');
		expect(summary.partners.map((p) => `${p.name} (${p.role})`)).toEqual(['Jazz (licensee)']);
		expect(summary.keyReadout?.id).toBe('r1');
		expect(summary.keyTrial?.id).toBe('t1');

		const noTrial = Dataset.parse({ ...input, trials: [] });
		const orphan = summarizeAsset(noTrial, noTrial.assets[0]!);
		expect(orphan.keyReadout?.id).toBe('r1');
		expect(orphan.keyTrial).toBeNull();

		const noReadout = Dataset.parse({ ...input, readouts: [] });
		expect(summarizeAsset(noReadout, noReadout.assets[0]!).keyTrial).toBeNull();
	});
});
