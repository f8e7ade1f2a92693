import { describe, expect, it } from 'vitest';
import { runQualityChecks, summarizeIssues, type QaIssue } from './qa';
import { PROVENANCE_CODES } from './qa-provenance';
import { dateFields, firstById, show, sourcedFacts } from './qa-walk';
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
			'milestone on a missing asset',
			(d) => (acceptance(d).asset = 'nope'),
			[
				{
					code: 'unknown-reference',
					level: 'error',
					path: 'milestones[1].asset',
					ids: ['m-acc', 'nope']
				}
			]
		],
		[
			'trial listing a missing asset',
			(d) => nth(d.trials, 0).assets.push('nope'),
			[
				{
					code: 'unknown-reference',
					level: 'error',
					path: 'trials[0].assets[1]',
					ids: ['kn026-201', 'nope']
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
		// A null bound (unknown) is not a bound at zero: in JavaScript `null > -3` is true.
		[
			'a negative value under a CI with an unknown lower bound',
			(d) => {
				hr(d).value = -5;
				hr(d).ci = { level: 0.95, low: null, high: -3, method: null };
			},
			[]
		],
		[
			'no value, with a CI of negative bounds',
			(d) => {
				hr(d).value = null;
				hr(d).notReached = true;
				hr(d).ci = { level: 0.95, low: -10, high: -3, method: null };
			},
			[]
		],
		[
			'a value below a CI of negative bounds',
			(d) => {
				hr(d).value = -12;
				hr(d).ci = { level: 0.95, low: -10, high: -3, method: null };
			},
			[{ code: 'value-outside-ci', level: 'error', path: 'readouts[1].value', ids: ['r-hr'] }]
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
			'every patient responding, with the exact CI',
			(d) => {
				orr(d).responders = 55;
				orr(d).value = 100;
				orr(d).ci = { level: 0.95, low: 93.5, high: 100, method: null };
			},
			[]
		],
		[
			'every patient responding, with a CI that is not the exact one',
			(d) => {
				orr(d).responders = 55;
				orr(d).value = 100;
				orr(d).ci = { level: 0.95, low: 90.0, high: 100, method: null };
			},
			[{ code: 'ci-differs-from-exact', level: 'warning', path: 'readouts[0].ci', ids: ['r-orr'] }]
		],
		[
			'a CI of a single value',
			(d) => (hr(d).ci = { level: 0.95, low: 0.6, high: 0.6, method: null }),
			[]
		],
		['a readout without a CI', (d) => (hr(d).ci = null), []],
		['a response rate without a CI', (d) => (orr(d).ci = null), []],
		[
			'a hazard ratio not reached, with a CI',
			(d) => {
				hr(d).value = null;
				hr(d).notReached = true;
			},
			[]
		],
		[
			'a response rate without a value',
			(d) => {
				orr(d).value = null;
				orr(d).notReached = true;
			},
			[]
		],
		[
			'no patients evaluable (hand-built data)',
			(d) => {
				orr(d).n = 0;
				orr(d).responders = 0;
			},
			[]
		],
		[
			'a fractional responder count (hand-built data) is compared, never thrown on',
			(d) => (orr(d).responders = 42.5),
			[{ code: 'responders-mismatch', level: 'error', path: 'readouts[0].value', ids: ['r-orr'] }]
		],
		[
			'a CI level of 100 % (hand-built data) is not compared with the exact CI',
			(d) => (orr(d).ci = { level: 1, low: 50, high: 90, method: null }),
			[]
		],
		[
			'a CI level of 0 (hand-built data) is not compared with the exact CI',
			(d) => (orr(d).ci = { level: 0, low: 50, high: 90, method: null }),
			[]
		],
		[
			'a response-rate CI with an open lower bound is not compared with the exact CI',
			(d) => (orr(d).ci = { level: 0.95, low: 'NR', high: 90, method: null }),
			[]
		],
		[
			'a response-rate CI with an open upper bound is not compared with the exact CI',
			(d) => (orr(d).ci = { level: 0.95, low: 63.0, high: 'NR', method: null }),
			[]
		],
		[
			'a response-rate CI with its bounds swapped is reported as inverted, not compared with the exact CI',
			(d) => (orr(d).ci = { level: 0.95, low: 86.8, high: 63.0, method: null }),
			[{ code: 'ci-inverted', level: 'error', path: 'readouts[0].ci', ids: ['r-orr'] }]
		],
		[
			'a response-rate CI of a single value is compared with the exact CI',
			(d) => (orr(d).ci = { level: 0.95, low: 76.4, high: 76.4, method: null }),
			[{ code: 'ci-differs-from-exact', level: 'warning', path: 'readouts[0].ci', ids: ['r-orr'] }]
		],
		[
			'a percentage without responders is not checked against them',
			(d) => {
				orr(d).responders = null;
				orr(d).value = 90;
				orr(d).ci = { level: 0.95, low: 80, high: 95, method: null };
			},
			[]
		],
		[
			'a percentage without n is not checked against responders',
			(d) => {
				orr(d).n = null;
				orr(d).value = 90;
				orr(d).ci = { level: 0.95, low: 80, high: 95, method: null };
			},
			[]
		],
		[
			'no responders out of an unknown n is not compared with an exact CI',
			(d) => {
				orr(d).n = null;
				orr(d).responders = 0;
				orr(d).value = 0;
				orr(d).ci = { level: 0.95, low: 0, high: 6.5, method: null };
			},
			[]
		],
		[
			'a hazard ratio is not a percentage of responders',
			(d) => {
				hr(d).responders = 20;
				hr(d).ci = { level: 0.95, low: 0.45, high: 0.8, method: null };
			},
			[]
		],
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
			'acceptance and submission without an agency are not compared',
			(d) => {
				acceptance(d).date = '2025-02';
				acceptance(d).agency = null;
				nth(d.milestones, 0).agency = null;
			},
			[]
		],
		[
			'an approval dated before the submission is not an acceptance',
			(d) => {
				acceptance(d).type = 'approval';
				acceptance(d).date = '2025-02';
			},
			[]
		],
		[
			'acceptance before a submission for another program',
			(d) => {
				acceptance(d).date = '2025-02';
				acceptance(d).program = 'other';
			},
			[
				{
					code: 'unknown-reference',
					level: 'error',
					path: 'milestones[1].program',
					ids: ['m-acc', 'other']
				}
			]
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
			'expected milestone without a window end, dated in the past',
			(d) => {
				expectedApproval(d).dateEnd = null;
				expectedApproval(d).date = '2025-Q2';
			},
			[
				{
					code: 'expected-in-past',
					level: 'warning',
					path: 'milestones[2].date',
					ids: ['m-approval']
				}
			]
		],
		[
			'overall-survival hazard ratio without a comparator',
			(d) => {
				hr(d).endpoint = 'HR-OS';
				hr(d).comparatorArm = null;
			},
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
		],
		[
			'unknown-reference from a milestone to an asset',
			(d) => (acceptance(d).asset = 'nope'),
			'Milestone "m-acc" refers to asset "nope", which is not in the dataset\'s assets.'
		],
		[
			'unknown-reference from a trial to an asset',
			(d) => nth(d.trials, 0).assets.push('nope'),
			'Trial "kn026-201" refers to asset "nope", which is not in the dataset\'s assets.'
		],
		[
			'unknown-reference from a conflict',
			(d) => nth(d.conflicts, 0).about.push('nope'),
			'Conflict "c-orr" is about "nope", which is not the id of anything in the dataset.'
		],
		[
			'duplicate-id',
			(d) => (hr(d).id = 'r-orr'),
			'Two readouts share the id "r-orr": readouts[0] and readouts[1].'
		],
		[
			'missing-source: a blank quote',
			(d) => (orr(d).sources = [{ id: 's-paper', quote: '   ' }]),
			'Readout "r-orr" cites source "s-paper" without a quote.'
		],
		[
			'ci-inverted',
			(d) => (orr(d).ci = { level: 0.95, low: 86.8, high: 63.0, method: null }),
			'Readout "r-orr" has a CI whose lower bound (86.8 %) is above its upper bound (63 %).'
		],
		[
			'value-outside-ci, in months, with an open upper bound',
			(d) => {
				hr(d).unit = 'months';
				hr(d).value = 0.4;
				const ci = hr(d).ci;
				if (ci) ci.high = 'NR';
			},
			'Readout "r-hr" reports HR-PFS 0.4 months, outside its own 95% CI 0.45–NR months.'
		],
		[
			'value-outside-ci, with an unknown lower bound',
			(d) => {
				hr(d).value = 0.85;
				hr(d).ci = { level: 0.95, low: null, high: 0.8, method: null };
			},
			'Readout "r-hr" reports HR-PFS 0.85, outside its own 95% CI ?–0.8.'
		],
		[
			'value-outside-ci, with an unknown upper bound',
			(d) => {
				hr(d).value = 0.4;
				hr(d).ci = { level: 0.95, low: 0.45, high: null, method: null };
			},
			'Readout "r-hr" reports HR-PFS 0.4, outside its own 95% CI 0.45–?.'
		],
		[
			'responders-exceed-n',
			(d) => (orr(d).responders = 56),
			'Readout "r-orr" counts 56 responders out of only 55 patients.'
		],
		[
			'responders-mismatch to two decimals',
			(d) => (orr(d).value = 80.41),
			'Readout "r-orr" reports ORR 80.41 %, but 42 responders out of 55 is 76.36 %.'
		],
		[
			'responders-mismatch of a whole-number percentage',
			(d) => (orr(d).value = 80),
			'Readout "r-orr" reports ORR 80 %, but 42 responders out of 55 is 76.4 %.'
		],
		[
			'readout-before-trial-start',
			(d) => (orr(d).dataCut = '2021-05'),
			'Readout "r-orr" has a data cut (2021-05) before its trial "kn026-201" started (2021-06).'
		],
		[
			'readout-before-trial-start: presentation',
			(d) => (orr(d).presentedAt = { venue: 'ASCO', date: '2020' }),
			'Readout "r-orr" has a presentation date (2020) before its trial "kn026-201" started (2021-06).'
		],
		[
			'actual-in-future',
			(d) => (acceptance(d).date = '2025-10-01'),
			'Milestone "m-acc" is marked actual but dated 2025-10-01, after 2025-09-30.'
		],
		[
			'actual-in-future: a phase',
			(d) => (phase(d, 1).start = '2026'),
			'The phase 3 phase of program "kn026-gc" (start) is marked actual but dated 2026, after 2025-09-30.'
		],
		[
			'partial-date-invalid: the wrong form',
			(d) => (nth(d.sources, 0).date = '12/2024'),
			'Source "s-paper" date is "12/2024", which is not a date of the form YYYY-MM-DD, YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY.'
		]
	])('%s', (_code, mutate, message) => {
		expect(messageFor(mutate)).toBe(message);
	});
});

describe('QA messages of warnings', () => {
	const warningFor = (mutate: (d: Dataset) => void) =>
		runQualityChecks(makeDataset(mutate)).find((i) => i.level === 'warning')?.message ?? '';

	it.each<[string, (d: Dataset) => void, string]>([
		[
			'expected-in-past',
			(d) => (expectedApproval(d).dateEnd = '2025-Q2'),
			'Milestone "m-approval" is still marked expected, but its window ended (2025-Q2) before 2025-09-30.'
		],
		[
			'expected-in-past: a phase',
			(d) => (phase(d, 2).start = '2025-08'),
			'The filed phase of program "kn026-gc" is still marked expected, but its start (2025-08) is before 2025-09-30.'
		],
		[
			'hr-without-comparator',
			(d) => (hr(d).comparatorArm = '  '),
			'Readout "r-hr" gives a hazard ratio (HR-PFS 0.6) without saying which arm it is measured against.'
		],
		[
			'hr-without-comparator, no value',
			(d) => {
				hr(d).comparatorArm = null;
				hr(d).value = null;
				hr(d).notReached = true;
			},
			'Readout "r-hr" gives a hazard ratio (HR-PFS) without saying which arm it is measured against.'
		],
		[
			'unused-source',
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
			'Source "s-orphan" ("Orphan") is not cited by any fact.'
		]
	])('%s', (_code, mutate, message) => {
		expect(warningFor(mutate)).toBe(message);
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

describe('the walk behind the checks and the "cited by" lists', () => {
	it('lists every sourced fact with where it sits and a short label', () => {
		const facts = sourcedFacts(makeDataset());
		const row = (path: string) => {
			const fact = facts.find((f) => f.path === path);
			if (!fact) throw new Error(`no fact at ${path}`);
			return {
				collection: fact.collection,
				label: fact.label,
				description: fact.description,
				requiresSources: fact.requiresSources
			};
		};
		expect(row('assets[0]')).toEqual({
			collection: 'assets',
			label: 'kn026',
			description: 'Asset "kn026"',
			requiresSources: false
		});
		expect(row('assets[0].target')).toEqual({
			collection: 'assets',
			label: 'kn026 (target)',
			description: 'Asset "kn026" target ("HER2")',
			requiresSources: true
		});
		expect(row('assets[0].platform').requiresSources).toBe(false);
		expect(row('programs[0]')).toEqual({
			collection: 'programs',
			label: 'kn026-gc',
			description: 'Program "kn026-gc"',
			requiresSources: false
		});
		expect(row('programs[0].phases[1]')).toEqual({
			collection: 'programs',
			label: 'kn026-gc (phase 3)',
			description: 'The phase 3 phase of program "kn026-gc"',
			requiresSources: true
		});
		expect(row('deals[0]')).toEqual({
			collection: 'deals',
			label: 'd-jsk',
			description: 'Deal "d-jsk"',
			requiresSources: true
		});
	});

	it('lists every partial-date field, set or not', () => {
		const fields = dateFields(makeDataset());
		const described = new Map(fields.map((f) => [f.path, [f.ownerId, f.description, f.value]]));
		expect(described.get('meta.asOf')).toEqual([
			'fixture',
			'The dataset\u2019s as-of date',
			'2025-09-30'
		]);
		expect(described.get('sources[1].date')).toEqual(['s-press', 'Source "s-press" date', null]);
		expect(described.get('programs[0].phases[1].start')).toEqual([
			'kn026-gc',
			'The phase 3 phase of program "kn026-gc" start',
			'2023-Q2'
		]);
		expect(described.get('programs[0].phases[1].knownBy')?.[1]).toBe(
			'The phase 3 phase of program "kn026-gc" knownBy'
		);
		expect(described.get('programs[0].phases[1].end')?.[1]).toBe(
			'The phase 3 phase of program "kn026-gc" end'
		);
		expect(described.get('milestones[2].date')).toEqual([
			'm-approval',
			'Milestone "m-approval" date',
			'2025-Q4'
		]);
		expect(described.get('milestones[2].dateEnd')).toEqual([
			'm-approval',
			'Milestone "m-approval" dateEnd',
			'2026-H1'
		]);
		expect(described.get('trials[0].start')).toEqual([
			'kn026-201',
			'Trial "kn026-201" start',
			'2021-06'
		]);
		expect(described.get('trials[0].end')).toEqual(['kn026-201', 'Trial "kn026-201" end', null]);
		expect(described.get('readouts[0].dataCut')).toEqual([
			'r-orr',
			'Readout "r-orr" data cut',
			'2024-11'
		]);
		expect(described.get('readouts[0].presentedAt.date')).toEqual([
			'r-orr',
			'Readout "r-orr" presentation date',
			'2025-06'
		]);
		expect(described.get('readouts[1].presentedAt.date')?.[2]).toBeNull();
		expect(described.get('deals[0].date')).toEqual(['d-jsk', 'Deal "d-jsk" date', '2021-08']);
		// 1 as-of + 3 sources + 3 phases × 3 + 3 milestones × 2 + 1 trial × 2 + 2 readouts × 2 + 1 deal
		expect(fields).toHaveLength(1 + 3 + 9 + 6 + 2 + 4 + 1);
	});

	it('shows values in messages quoted, and cuts long ones to 60 characters', () => {
		expect(show('HER2')).toBe('"HER2"');
		expect(show(['II', 'IV'])).toBe('["II","IV"]');
		expect(show('x'.repeat(58))).toBe(`"${'x'.repeat(58)}"`);
		expect(show('x'.repeat(59))).toBe(`"${'x'.repeat(56)}…`);
	});

	it('takes the first of two entities with one id', () => {
		const byId = firstById([
			{ id: 'a', n: 1 },
			{ id: 'a', n: 2 }
		]);
		expect(byId.get('a')?.n).toBe(1);
	});
});
