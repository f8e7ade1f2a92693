import { describe, expect, it } from 'vitest';
import { runQualityChecks, summarizeIssues, type QaIssue } from './qa';
import { PROVENANCE_CODES } from './qa-provenance';
import { Dataset, type DatasetInput } from './schema';

const quote = (id: string) => [{ id, quote: `quoted from ${id}` }];

/** A small dataset that passes the schema and every QA check. */
const FIXTURE: DatasetInput = {
	meta: {
		id: 'fixture',
		title: 'Fixture',
		target: 'HER2',
		asOf: '2025-09-30',
		version: '1'
	},
	sources: [
		{
			id: 's-paper',
			kind: 'peer-reviewed',
			title: 'KN026 phase 2',
			publisher: null,
			date: '2024-12'
		},
		{ id: 's-press', kind: 'company', title: 'Press release', publisher: 'Alphamab', date: null },
		{ id: 's-registry', kind: 'registry', title: 'NCT0000', publisher: null, date: '2021' }
	],
	assets: [
		{
			id: 'kn026',
			name: 'KN026 (anbenitamab)',
			shortName: 'KN026',
			role: 'focus',
			target: { value: 'HER2', sources: quote('s-paper') },
			modality: { value: 'bispecific antibody', sources: quote('s-paper') },
			format: { value: null },
			domains: { value: ['II', 'IV'], sources: quote('s-paper') },
			biparatopic: { value: true, sources: quote('s-paper') },
			effector: { value: null },
			platform: { value: null },
			payload: { value: null, applicable: false },
			linker: { value: null, applicable: false },
			dar: { value: null, applicable: false },
			conjugation: { value: null, applicable: false },
			originator: { value: 'Alphamab', sources: quote('s-press') }
		}
	],
	programs: [
		{
			id: 'kn026-gc',
			asset: 'kn026',
			indication: 'Gastric cancer',
			indicationGroup: 'gastric',
			line: '2L',
			biomarker: 'HER2+',
			region: 'China',
			phases: [
				{ phase: 'phase 2', start: '2021-06', sources: quote('s-registry') },
				{ phase: 'phase 3', start: '2023-Q2', sources: quote('s-press') },
				{ phase: 'filed', start: '2026-H1', status: 'expected', sources: quote('s-press') }
			],
			sources: quote('s-press')
		}
	],
	milestones: [
		{
			id: 'm-sub',
			asset: 'kn026',
			program: 'kn026-gc',
			type: 'submission',
			agency: 'NMPA',
			region: 'China',
			date: '2025-03',
			status: 'actual',
			label: 'NDA submitted',
			description: 'NDA submitted to NMPA.',
			sources: quote('s-press')
		},
		{
			id: 'm-acc',
			asset: 'kn026',
			program: 'kn026-gc',
			type: 'acceptance',
			agency: 'NMPA',
			region: 'China',
			date: '2025-04-15',
			status: 'actual',
			label: 'NDA accepted',
			description: 'NDA accepted by NMPA.',
			sources: quote('s-press')
		},
		{
			id: 'm-approval',
			asset: 'kn026',
			program: 'kn026-gc',
			type: 'approval',
			agency: 'NMPA',
			region: 'China',
			date: '2025-Q4',
			dateEnd: '2026-H1',
			status: 'expected',
			label: 'Approval expected',
			description: 'Approval expected.',
			sources: quote('s-press')
		}
	],
	trials: [
		{
			id: 'kn026-201',
			name: 'KN026-201',
			title: null,
			registryIds: ['NCT0000'],
			assets: ['kn026'],
			programs: ['kn026-gc'],
			phase: 'phase 2',
			design: 'single-arm',
			comparator: null,
			indication: 'Gastric cancer',
			line: '2L',
			biomarker: 'HER2+',
			region: 'China',
			sponsor: 'Alphamab',
			enrolment: { planned: 60, actual: 55 },
			start: '2021-06',
			end: null,
			sources: quote('s-registry')
		}
	],
	readouts: [
		{
			id: 'r-orr',
			trial: 'kn026-201',
			asset: 'kn026',
			arm: 'KN026',
			armRole: 'investigational',
			indication: 'Gastric cancer',
			indicationGroup: 'gastric',
			line: '2L',
			biomarker: 'HER2+',
			population: 'efficacy-evaluable set',
			endpoint: 'ORR',
			value: 76.4,
			unit: '%',
			ci: { low: 63.0, high: 86.8 },
			n: 55,
			responders: 42,
			maturity: 'primary',
			dataCut: '2024-11',
			presentedAt: { venue: 'ASCO 2025', date: '2025-06' },
			sources: [{ id: 's-paper', quote: 'KN026 ORR 76.4% (95% CI, 63.0-86.8)' }]
		},
		{
			id: 'r-hr',
			trial: 'kn026-201',
			asset: 'kn026',
			arm: 'KN026',
			armRole: 'investigational',
			indication: 'Gastric cancer',
			indicationGroup: 'gastric',
			line: '2L',
			biomarker: 'HER2+',
			population: 'ITT',
			endpoint: 'HR-PFS',
			value: 0.6,
			unit: 'ratio',
			ci: { low: 0.45, high: 0.8 },
			n: 55,
			comparatorArm: 'historical control',
			maturity: 'primary',
			dataCut: '2024-11',
			sources: [{ id: 's-paper', quote: 'PFS HR 0.60 (95% CI, 0.45-0.80)' }]
		}
	],
	deals: [
		{
			id: 'd-jsk',
			asset: ['kn026'],
			kind: 'licence',
			licensor: 'Alphamab',
			licensee: 'CSPC',
			territory: 'China',
			scope: null,
			date: '2021-08',
			value: null,
			sources: quote('s-press')
		}
	],
	conflicts: [
		{
			id: 'c-orr',
			about: ['r-orr', 's-paper'],
			description: 'Two ORRs reported.',
			resolution: 'Paper value used.',
			sources: quote('s-paper')
		}
	]
};

/** A fresh parsed copy of the fixture, optionally changed in place (even into what the schema forbids). */
function makeDataset(mutate?: (dataset: Dataset) => void): Dataset {
	const dataset = Dataset.parse(structuredClone(FIXTURE));
	mutate?.(dataset);
	return dataset;
}

/** The nth element, failing the test loudly instead of returning undefined. */
function nth<T>(items: T[], index: number): T {
	const item = items[index];
	if (item === undefined) throw new Error(`fixture has no element ${index}`);
	return item;
}

const orr = (d: Dataset) => nth(d.readouts, 0);
const hr = (d: Dataset) => nth(d.readouts, 1);
const acceptance = (d: Dataset) => nth(d.milestones, 1);
const expectedApproval = (d: Dataset) => nth(d.milestones, 2);
const phase = (d: Dataset, j: number) => nth(nth(d.programs, 0).phases, j);

type Expected = Pick<QaIssue, 'code' | 'level' | 'path' | 'ids'>;

/**
 * Without the provenance codes: these cases change values and dates on purpose, which the
 * provenance checks (tested in qa-provenance.test.ts) would also flag.
 */
function essentials(issues: QaIssue[]): Expected[] {
	return issues
		.filter((issue) => !PROVENANCE_CODES.includes(issue.code))
		.map(({ code, level, path, ids }) => ({ code, level, path, ids }));
}

describe('runQualityChecks', () => {
	it('finds nothing wrong in the fixture', () => {
		expect(runQualityChecks(makeDataset())).toEqual([]);
	});

	const cases: [string, (d: Dataset) => void, Expected[]][] = [
		// unknown-reference
		[
			'readout on a missing trial',
			(d) => (orr(d).trial = 'nope'),
			[
				{
					code: 'unknown-reference',
					level: 'error',
					path: 'readouts[0].trial',
					ids: ['r-orr', 'nope']
				}
			]
		],
		[
			'readout on a missing asset',
			(d) => (orr(d).asset = 'nope'),
			[
				{
					code: 'unknown-reference',
					level: 'error',
					path: 'readouts[0].asset',
					ids: ['r-orr', 'nope']
				}
			]
		],
		[
			'milestone on a missing program',
			(d) => (acceptance(d).program = 'nope'),
			[
				{
					code: 'unknown-reference',
					level: 'error',
					path: 'milestones[1].program',
					ids: ['m-acc', 'nope']
				}
			]
		],
		[
			'milestone on a missing trial',
			(d) => (acceptance(d).trial = 'nope'),
			[
				{
					code: 'unknown-reference',
					level: 'error',
					path: 'milestones[1].trial',
					ids: ['m-acc', 'nope']
				}
			]
		],
		[
			'program on a missing asset',
			(d) => (nth(d.programs, 0).asset = 'nope'),
			[
				{
					code: 'unknown-reference',
					level: 'error',
					path: 'programs[0].asset',
					ids: ['kn026-gc', 'nope']
				}
			]
		],
		[
			'trial listing a missing program',
			(d) => nth(d.trials, 0).programs.push('nope'),
			[
				{
					code: 'unknown-reference',
					level: 'error',
					path: 'trials[0].programs[1]',
					ids: ['kn026-201', 'nope']
				}
			]
		],
		[
			'deal on a missing asset',
			(d) => (nth(d.deals, 0).asset = ['kn026', 'nope']),
			[
				{
					code: 'unknown-reference',
					level: 'error',
					path: 'deals[0].asset[1]',
					ids: ['d-jsk', 'nope']
				}
			]
		],
		[
			'conflict about nothing known',
			(d) => nth(d.conflicts, 0).about.push('nope'),
			[
				{
					code: 'unknown-reference',
					level: 'error',
					path: 'conflicts[0].about[2]',
					ids: ['c-orr', 'nope']
				}
			]
		],
		[
			'citation of a missing source in an asset attribute',
			(d) => nth(d.assets, 0).target.sources.push({ id: 'nope', quote: 'HER2' }),
			[
				{
					code: 'unknown-reference',
					level: 'error',
					path: 'assets[0].target.sources[1].id',
					ids: ['kn026', 'nope']
				}
			]
		],
		// duplicate-id
		[
			'two readouts with one id',
			(d) => (hr(d).id = 'r-orr'),
			[{ code: 'duplicate-id', level: 'error', path: 'readouts[1].id', ids: ['r-orr'] }]
		],
		[
			'two sources with one id',
			(d) => d.sources.push({ ...nth(d.sources, 0), title: 'A second entry' }),
			[{ code: 'duplicate-id', level: 'error', path: 'sources[3].id', ids: ['s-paper'] }]
		],
		// value-outside-ci, ci-inverted
		[
			'value above the CI',
			(d) => (hr(d).value = 0.85),
			[{ code: 'value-outside-ci', level: 'error', path: 'readouts[1].value', ids: ['r-hr'] }]
		],
		[
			'value below a CI whose upper bound is NR',
			(d) => {
				hr(d).value = 0.4;
				const ci = hr(d).ci;
				if (ci) ci.high = 'NR';
			},
			[{ code: 'value-outside-ci', level: 'error', path: 'readouts[1].value', ids: ['r-hr'] }]
		],
		['value on its CI’s upper bound', (d) => (hr(d).value = 0.8), []],
		['value on its CI’s lower bound', (d) => (hr(d).value = 0.45), []],
		[
			'value on the lower bound of a CI whose upper bound is NR',
			(d) => {
				hr(d).value = 0.45;
				const ci = hr(d).ci;
				if (ci) ci.high = 'NR';
			},
			[]
		],
		[
			'CI bounds swapped',
			(d) => (hr(d).ci = { level: 0.95, low: 0.8, high: 0.45, method: null }),
			[{ code: 'ci-inverted', level: 'error', path: 'readouts[1].ci', ids: ['r-hr'] }]
		],
		// responders-mismatch
		[
			'percentage that 42/55 cannot round to',
			(d) => (orr(d).value = 76.5),
			[{ code: 'responders-mismatch', level: 'error', path: 'readouts[0].value', ids: ['r-orr'] }]
		],
		['whole-number percentage within rounding', (d) => (orr(d).value = 76), []],
		[
			'approximate percentage is not held to rounding',
			(d) => {
				orr(d).value = 75;
				orr(d).approximate = true;
			},
			[]
		],
		[
			'more responders than patients',
			(d) => (orr(d).responders = 56),
			[
				{
					code: 'responders-exceed-n',
					level: 'error',
					path: 'readouts[0].responders',
					ids: ['r-orr']
				}
			]
		],
		// missing-source
		[
			'citation with a blank quote',
			(d) => (orr(d).sources = [{ id: 's-paper', quote: '   ' }]),
			[
				{
					code: 'missing-source',
					level: 'error',
					path: 'readouts[0].sources[0].quote',
					ids: ['r-orr', 's-paper']
				}
			]
		],
		[
			'phase without sources',
			(d) => (phase(d, 0).sources = []),
			// s-registry is still cited by the trial, so no unused-source.
			[
				{
					code: 'missing-source',
					level: 'error',
					path: 'programs[0].phases[0].sources',
					ids: ['kn026-gc']
				}
			]
		],
		[
			'deal without sources',
			(d) => (nth(d.deals, 0).sources = []),
			[{ code: 'missing-source', level: 'error', path: 'deals[0].sources', ids: ['d-jsk'] }]
		],
		[
			'asset attribute with a value but no source',
			(d) => (nth(d.assets, 0).platform.value = 'CRIB'),
			[
				{
					code: 'missing-source',
					level: 'error',
					path: 'assets[0].platform.sources',
					ids: ['kn026']
				}
			]
		],
		// acceptance-before-submission
		[
			'acceptance a month before submission',
			(d) => (acceptance(d).date = '2025-02'),
			[
				{
					code: 'acceptance-before-submission',
					level: 'error',
					path: 'milestones[1].date',
					ids: ['m-acc', 'm-sub']
				}
			]
		],
		[
			'acceptance window that starts before the submission but may end after it',
			(d) => {
				acceptance(d).date = '2025-01';
				acceptance(d).dateEnd = '2025-06';
			},
			[]
		],
		[
			'acceptance window that ends before the submission',
			(d) => {
				acceptance(d).date = '2025-01';
				acceptance(d).dateEnd = '2025-02';
			},
			[
				{
					code: 'acceptance-before-submission',
					level: 'error',
					path: 'milestones[1].date',
					ids: ['m-acc', 'm-sub']
				}
			]
		],
		[
			'acceptance in the same quarter as a month-precise submission',
			(d) => (acceptance(d).date = '2025-Q1'),
			[]
		],
		[
			'acceptance before submission to another agency',
			(d) => {
				acceptance(d).date = '2025-02';
				acceptance(d).agency = 'FDA';
			},
			[]
		],
		// readout-before-trial-start
		[
			'data cut before the trial started',
			(d) => (orr(d).dataCut = '2021-05'),
			[
				{
					code: 'readout-before-trial-start',
					level: 'error',
					path: 'readouts[0].dataCut',
					ids: ['r-orr', 'kn026-201']
				}
			]
		],
		[
			'presentation before the trial started',
			(d) => (orr(d).presentedAt = { venue: 'ASCO', date: '2020' }),
			[
				{
					code: 'readout-before-trial-start',
					level: 'error',
					path: 'readouts[0].presentedAt.date',
					ids: ['r-orr', 'kn026-201']
				}
			]
		],
		['data cut in the year the trial started', (d) => (orr(d).dataCut = '2021'), []],
		// actual-in-future
		[
			'actual milestone after the as-of date',
			(d) => (acceptance(d).date = '2025-10-01'),
			[{ code: 'actual-in-future', level: 'error', path: 'milestones[1].date', ids: ['m-acc'] }]
		],
		['actual milestone in the as-of quarter', (d) => (acceptance(d).date = '2025-Q3'), []],
		[
			'actual phase starting after the as-of date',
			(d) => (phase(d, 1).start = '2026'),
			[
				{
					code: 'actual-in-future',
					level: 'error',
					path: 'programs[0].phases[1].start',
					ids: ['kn026-gc']
				}
			]
		],
		// partial-date-invalid
		[
			'30 February',
			(d) => (nth(d.deals, 0).date = '2025-02-30'),
			[{ code: 'partial-date-invalid', level: 'error', path: 'deals[0].date', ids: ['d-jsk'] }]
		],
		[
			'a date in the wrong format',
			(d) => (nth(d.sources, 0).date = '12/2024'),
			[{ code: 'partial-date-invalid', level: 'error', path: 'sources[0].date', ids: ['s-paper'] }]
		],
		// warnings
		[
			'CI that is not the exact one',
			(d) => (orr(d).ci = { level: 0.95, low: 63.0, high: 86.9, method: null }),
			[{ code: 'ci-differs-from-exact', level: 'warning', path: 'readouts[0].ci', ids: ['r-orr'] }]
		],
		[
			'CI from a stated Wilson method is not compared',
			(d) => (orr(d).ci = { level: 0.95, low: 64.0, high: 85.6, method: 'Wilson' }),
			[]
		],
		[
			'90% CI checked at its own level',
			(d) => (orr(d).ci = { level: 0.9, low: 65.1, high: 85.4, method: 'Clopper-Pearson' }),
			[]
		],
		[
			'expected milestone whose window has passed',
			(d) => (expectedApproval(d).dateEnd = '2025-Q2'),
			[
				{
					code: 'expected-in-past',
					level: 'warning',
					path: 'milestones[2].dateEnd',
					ids: ['m-approval']
				}
			]
		],
		[
			'expected phase whose start has passed',
			(d) => (phase(d, 2).start = '2025-08'),
			[
				{
					code: 'expected-in-past',
					level: 'warning',
					path: 'programs[0].phases[2].start',
					ids: ['kn026-gc']
				}
			]
		],
		[
			'hazard ratio without a comparator',
			(d) => (hr(d).comparatorArm = null),
			[
				{
					code: 'hr-without-comparator',
					level: 'warning',
					path: 'readouts[1].comparatorArm',
					ids: ['r-hr']
				}
			]
		],
		[
			'source nobody cites',
			(d) =>
				d.sources.push({
					id: 's-orphan',
					kind: 'news',
					title: 'Orphan',
					publisher: null,
					date: null,
					url: null,
					doi: null,
					registryIds: []
				}),
			[{ code: 'unused-source', level: 'warning', path: 'sources[3]', ids: ['s-orphan'] }]
		],
		// ordering
		[
			'errors come before warnings',
			(d) => {
				hr(d).comparatorArm = null;
				orr(d).trial = 'nope';
			},
			[
				{
					code: 'unknown-reference',
					level: 'error',
					path: 'readouts[0].trial',
					ids: ['r-orr', 'nope']
				},
				{
					code: 'hr-without-comparator',
					level: 'warning',
					path: 'readouts[1].comparatorArm',
					ids: ['r-hr']
				}
			]
		]
	];

	it.each(cases)('%s', (_name, mutate, expected) => {
		expect(essentials(runQualityChecks(makeDataset(mutate)))).toEqual(expected);
	});

	it('uses options.today instead of meta.asOf when given', () => {
		const dataset = makeDataset((d) => (acceptance(d).date = '2025-10-01'));
		expect(runQualityChecks(dataset, { today: '2025-12-31' })).toEqual([]);
		const stale = essentials(runQualityChecks(makeDataset(), { today: '2026-08' }));
		expect(stale.map((i) => i.path)).toEqual([
			'milestones[2].dateEnd',
			'programs[0].phases[2].start'
		]);
	});
});

describe('QA messages name the values', () => {
	const messageFor = (mutate: (d: Dataset) => void) =>
		runQualityChecks(makeDataset(mutate))[0]?.message ?? '';

	it.each<[string, (d: Dataset) => void, string]>([
		[
			'ci-differs-from-exact',
			(d) => (orr(d).ci = { level: 0.95, low: 63.0, high: 86.9, method: null }),
			'Readout "r-orr" (42/55): reported 95% CI 63.0–86.9 %, exact Clopper–Pearson 63.0–86.8 %.'
		],
		[
			'responders-mismatch',
			(d) => (orr(d).value = 80.4),
			'Readout "r-orr" reports ORR 80.4 %, but 42 responders out of 55 is 76.4 %.'
		],
		[
			'value-outside-ci',
			(d) => (hr(d).value = 0.9),
			'Readout "r-hr" reports HR-PFS 0.9, outside its own 95% CI 0.45–0.8.'
		],
		[
			'acceptance-before-submission',
			(d) => (acceptance(d).date = '2025-02'),
			'Milestone "m-acc" (NMPA acceptance, 2025-02) is dated before the submission it should follow, milestone "m-sub" (2025-03).'
		],
		[
			'partial-date-invalid',
			(d) => (nth(d.deals, 0).date = '2025-02-30'),
			'Deal "d-jsk" date is "2025-02-30", which is not a real calendar day.'
		],
		[
			'missing-source on an attribute',
			(d) => (nth(d.assets, 0).platform.value = 'CRIB'),
			'Asset "kn026" platform ("CRIB") has no source.'
		],
		[
			'unknown-reference',
			(d) => (orr(d).trial = 'nope'),
			'Readout "r-orr" refers to trial "nope", which is not in the dataset\'s trials.'
		]
	])('%s', (_code, mutate, message) => {
		expect(messageFor(mutate)).toBe(message);
	});
});

describe('summarizeIssues', () => {
	it('counts by level and code', () => {
		const issues = runQualityChecks(
			makeDataset((d) => {
				orr(d).trial = 'nope';
				hr(d).trial = 'nope';
				hr(d).comparatorArm = null;
			})
		);
		expect(summarizeIssues(issues)).toEqual({
			errors: 2,
			warnings: 1,
			byCode: { 'unknown-reference': 2, 'hr-without-comparator': 1 }
		});
	});

	it('is all zeros for no issues', () => {
		expect(summarizeIssues([])).toEqual({ errors: 0, warnings: 0, byCode: {} });
	});
});
