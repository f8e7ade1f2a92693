import { describe, expect, it } from 'vitest';
import { lineWithin, quoteContainsValue, runProvenanceChecks } from './qa-provenance';
import { Dataset, type DatasetInput } from './schema';
import { UNKNOWN_ATTRIBUTES } from './test-fixtures';

const ref = (quote: string) => [{ id: 's', quote }];

/** One asset, one program, one trial, one readout: passes every provenance check. */
function fixture(): DatasetInput {
	return {
		meta: { id: 'p', title: 'Provenance', target: 'HER2', asOf: '2026-01', version: '1' },
		sources: [
			{ id: 's', kind: 'news', title: 'Report', publisher: null, date: '2024-06' },
			{ id: 'design', kind: 'peer-reviewed', title: 'Design', publisher: null, date: '2022-08' }
		],
		assets: [
			{
				id: 'zani',
				name: 'Zanidatamab',
				shortName: 'Zani',
				aliases: ['Ziihera'],
				role: 'focus',
				...UNKNOWN_ATTRIBUTES
			}
		],
		programs: [
			{
				id: 'prog',
				asset: 'zani',
				indication: 'Gastric cancer',
				indicationGroup: 'gastric',
				line: '2L+',
				biomarker: null,
				region: 'Global',
				phases: [{ phase: 'phase 3', start: null, knownBy: '2022-08', sources: ref('phase 3') }],
				sources: ref('program')
			}
		],
		milestones: [],
		trials: [
			{
				id: 'gea',
				name: 'HERIZON-GEA-01 (main)',
				title: null,
				registryIds: ['NCT05152147'],
				assets: ['zani'],
				programs: ['prog'],
				phase: 'phase 3',
				design: 'randomised',
				comparator: null,
				indication: 'Gastric cancer',
				line: '2L+',
				biomarker: null,
				region: null,
				sponsor: null,
				enrolment: { planned: null, actual: null },
				start: null,
				end: null,
				sources: [{ id: 'design', quote: 'design of HERIZON-GEA-01' }]
			}
		],
		readouts: [
			{
				id: 'r',
				trial: 'gea',
				asset: 'zani',
				arm: 'Zanidatamab + chemotherapy',
				armRole: 'investigational',
				indication: 'Gastric cancer',
				indicationGroup: 'gastric',
				line: '3L+',
				biomarker: null,
				population: 'ITT',
				endpoint: 'HR-OS',
				value: 0.8,
				unit: 'ratio',
				ci: null,
				n: null,
				comparatorArm: 'Trastuzumab + chemotherapy',
				maturity: 'interim',
				dataCut: null,
				presentedAt: { venue: 'ASCO GI', date: '2026-01' },
				sources: ref('overall survival hazard ratio 0.80 at the interim analysis')
			}
		]
	};
}

const milestone = (
	id: string,
	trial: string | null,
	date: string,
	status: 'actual' | 'expected'
) => ({
	id,
	asset: 'zani',
	program: 'prog',
	trial,
	type: 'trial-start' as const,
	agency: null,
	region: null,
	date,
	status,
	label: id,
	description: '',
	sources: ref(`milestone ${id}`)
});

function codesAfter(mutate: (d: DatasetInput) => void): string[] {
	const input = fixture();
	mutate(input);
	return runProvenanceChecks(Dataset.parse(input)).map((i) => `${i.code} ${i.path}`);
}

describe('provenance checks', () => {
	it('the fixture passes', () => {
		expect(codesAfter(() => {})).toEqual([]);
	});

	it.each<[string, (d: DatasetInput) => void, string[]]>([
		[
			'a quote without the value',
			(d) => (d.readouts[0]!.sources = ref('overall survival hazard ratio 0.81')),
			['quote-lacks-value readouts[0].value']
		],
		[
			'a bare-number quote',
			(d) => (d.readouts[0]!.sources = ref('0.80 (95% CI, 0.64-1.01)')),
			['quote-names-nothing readouts[0].sources']
		],
		[
			'a quote naming only the trial is enough',
			(d) => (d.readouts[0]!.sources = ref('HERIZON-GEA-01: 0.80')),
			[]
		],
		[
			'a quote naming only an alias of the asset is enough',
			(d) => (d.readouts[0]!.sources = ref('Ziihera: 0.80')),
			[]
		],
		[
			'a phase drawn after its design paper',
			(d) => (d.programs[0]!.phases[0]!.knownBy = '2026-01-08'),
			['phase-starts-after-evidence programs[0].phases[0].knownBy']
		],
		[
			'a phase drawn after its first readout',
			(d) => {
				d.sources[1]!.date = null;
				d.programs[0]!.phases[0]!.start = '2026-03';
				d.readouts[0]!.dataCut = '2025-11';
			},
			['phase-starts-after-evidence programs[0].phases[0].start']
		],
		[
			'an expected phase is not held to the evidence',
			(d) => {
				d.programs[0]!.phases[0]!.knownBy = '2026-01-08';
				d.programs[0]!.phases[0]!.status = 'expected';
			},
			[]
		],
		[
			'a program line its readouts do not share',
			(d) => (d.programs[0]!.line = '2L'),
			['program-line-differs programs[0].line']
		],
		[
			'readouts without a line',
			(d) => (d.readouts[0]!.line = null),
			['program-line-differs programs[0].line']
		],
		[
			'readouts of another indication group are not compared',
			(d) => {
				d.programs[0]!.line = '1L';
				d.readouts[0]!.indicationGroup = 'breast';
			},
			[]
		],
		[
			'a readout without quotes is left to the missing-source check',
			(d) => (d.readouts[0]!.sources = []),
			[]
		],
		[
			'one of two quotes carrying the value and naming the asset is enough',
			(d) =>
				(d.readouts[0]!.sources = [
					{ id: 's', quote: 'Zanidatamab: 0.80' },
					{ id: 's', quote: 'a second, unrelated sentence' }
				]),
			[]
		],
		[
			'a phase drawn after the presentation of its first readout',
			(d) => {
				d.sources[1]!.date = null;
				d.programs[0]!.phases[0]!.start = '2026-03';
				d.readouts[0]!.dataCut = null;
				d.readouts[0]!.presentedAt = { venue: 'ESMO', date: '2025-10' };
			},
			['phase-starts-after-evidence programs[0].phases[0].start']
		],
		[
			'a trial source missing from the dataset is no evidence (and no crash)',
			(d) => {
				d.trials[0]!.sources = [{ id: 'nope', quote: 'design of HERIZON-GEA-01' }];
				d.programs[0]!.phases[0]!.knownBy = '2026-01-08';
			},
			[]
		],
		[
			'a one-letter short name does not name the asset',
			(d) => {
				d.assets[0]!.shortName = 'Z';
				d.readouts[0]!.sources = ref('z: 0.80');
			},
			['quote-names-nothing readouts[0].sources']
		],
		[
			'a two-letter trial word does not name the trial',
			(d) => {
				d.trials[0]!.name = 'GE';
				d.trials[0]!.registryIds = [];
				d.readouts[0]!.sources = ref('ge: 0.80');
			},
			['quote-names-nothing readouts[0].sources']
		],
		[
			'a readout of a trial not in the dataset is left to the reference check',
			(d) => {
				d.readouts[0]!.trial = 'nope';
				d.readouts[0]!.sources = ref('Zanidatamab: 0.80');
			},
			[]
		],
		[
			'a program not in the dataset is left to the reference check',
			(d) => {
				d.trials[0]!.programs = ['nope', 'prog'];
				d.programs[0]!.phases[0]!.knownBy = '2026-01-08';
			},
			['phase-starts-after-evidence programs[0].phases[0].knownBy']
		],
		[
			'readouts of another trial are no evidence for the phase',
			(d) => {
				d.sources[1]!.date = null;
				d.programs[0]!.phases[0]!.start = '2026-03';
				d.readouts[0]!.presentedAt = null;
				d.readouts.push({ ...d.readouts[0]!, id: 'r-other', trial: 'other', dataCut: '2021-01' });
			},
			[]
		],
		[
			'a quote naming the registry id is enough',
			(d) => (d.readouts[0]!.sources = ref('NCT05152147: 0.80')),
			[]
		],
		[
			'a quote naming the asset by id is enough',
			(d) => (d.readouts[0]!.sources = ref('zani 0.80')),
			[]
		],
		[
			'a readout without a value is not held to its quote',
			(d) => {
				d.readouts[0]!.value = null;
				d.readouts[0]!.notReached = true;
			},
			[]
		],
		[
			'a phase drawn after its trial started',
			(d) => {
				d.sources[1]!.date = null;
				d.trials[0]!.start = '2021-12';
				d.programs[0]!.phases[0]!.knownBy = '2022-03';
			},
			['phase-starts-after-evidence programs[0].phases[0].knownBy']
		],
		[
			'a phase drawn after an actual milestone of its trial',
			(d) => {
				d.sources[1]!.date = null;
				d.milestones = [milestone('m1', 'gea', '2022-02', 'actual')];
				d.programs[0]!.phases[0]!.knownBy = '2022-03';
			},
			['phase-starts-after-evidence programs[0].phases[0].knownBy']
		],
		[
			'expected milestones and milestones of other trials are no evidence',
			(d) => {
				d.sources[1]!.date = null;
				d.milestones = [
					milestone('m1', 'gea', '2022-02', 'expected'),
					milestone('m2', null, '2022-02', 'actual')
				];
				d.programs[0]!.phases[0]!.knownBy = '2022-03';
			},
			[]
		],
		[
			'readouts of another indication group are no evidence for the phase',
			(d) => {
				d.sources[1]!.date = null;
				d.programs[0]!.phases[0]!.start = '2026-03';
				d.readouts[0]!.dataCut = '2025-11';
				d.readouts[0]!.indicationGroup = 'breast';
			},
			[]
		],
		[
			'a trial without a phase stands for no phase bar',
			(d) => {
				d.trials[0]!.phase = null;
				d.programs[0]!.phases[0]!.knownBy = '2026-01-08';
			},
			[]
		],
		[
			'a phase of another name is not the trial’s',
			(d) => {
				d.programs[0]!.phases[0]!.phase = 'phase 2';
				d.programs[0]!.phases[0]!.knownBy = '2026-01-08';
			},
			[]
		],
		['a program without a line is not compared', (d) => (d.programs[0]!.line = null), []],
		[
			'readouts of another asset are not compared with the program line',
			(d) => {
				d.programs[0]!.line = '1L';
				d.readouts[0]!.asset = null;
			},
			[]
		],
		[
			'readouts of a trial outside the program are not compared with its line',
			(d) => {
				d.programs[0]!.line = '1L';
				d.trials[0]!.programs = [];
			},
			[]
		]
	])('%s', (_, mutate, expected) => {
		expect(codesAfter(mutate)).toEqual(expected);
	});

	it('names the evidence a phase bar is measured against: a start date, a milestone, a readout', () => {
		const messageAfter = (mutate: (d: DatasetInput) => void) => {
			const input = fixture();
			input.sources[1]!.date = null;
			input.readouts[0]!.presentedAt = null;
			input.programs[0]!.phases[0]!.knownBy = '2025-06';
			mutate(input);
			return runProvenanceChecks(Dataset.parse(input)).map((i) => i.message);
		};
		const begins =
			'The phase 3 phase of program "prog" begins 2025-06, but trial "gea" is evidenced earlier';
		expect(messageAfter((d) => (d.trials[0]!.start = '2021-12'))).toEqual([
			`${begins} (2021-12, its start date).`
		]);
		expect(
			messageAfter((d) => (d.milestones = [milestone('m1', 'gea', '2022-02', 'actual')]))
		).toEqual([`${begins} (2022-02, milestone "m1").`]);
		expect(messageAfter((d) => (d.readouts[0]!.dataCut = '2024-11'))).toEqual([
			`${begins} (2024-11, readout "r").`
		]);
		// Of several, the earliest is named, whatever order they are listed in.
		expect(
			messageAfter((d) => {
				d.readouts[0]!.dataCut = '2024-11';
				d.milestones = [
					milestone('late', 'gea', '2023-05', 'actual'),
					milestone('early', 'gea', '2022-02', 'actual'),
					milestone('same', 'gea', '2022-02', 'actual')
				];
			})
		).toEqual([`${begins} (2022-02, milestone "early").`]);
	});

	it.each<[string, (d: DatasetInput) => void, string[]]>([
		[
			'a two-letter short name names the asset',
			(d) => {
				d.assets[0]!.shortName = 'ZN';
				d.readouts[0]!.sources = ref('zn: 0.80');
			},
			[]
		],
		[
			'a three-letter trial name names the trial',
			(d) => {
				d.trials[0]!.name = 'GEA';
				d.trials[0]!.registryIds = [];
				d.readouts[0]!.sources = ref('gea 0.80');
			},
			[]
		],
		[
			'the asset named in other letter case',
			(d) => (d.readouts[0]!.sources = ref('ZANIDATAMAB: 0.80')),
			[]
		],
		[
			'a readout of no asset is named by its trial only',
			(d) => {
				d.readouts[0]!.asset = null;
				d.readouts[0]!.sources = ref('Zanidatamab: 0.80');
			},
			['quote-names-nothing readouts[0].sources']
		]
	])('%s', (_, mutate, expected) => {
		expect(codesAfter(mutate)).toEqual(expected);
	});

	it('a file trusted by its build-time digest may lack aliases: the checks still run', () => {
		const dataset = Dataset.parse(fixture());
		delete (dataset.assets[0] as { aliases?: string[] }).aliases;
		dataset.readouts[0]!.sources = ref('Zanidatamab: 0.80');
		expect(runProvenanceChecks(dataset)).toEqual([]);
	});

	it.each<[string, number, boolean]>([
		['ORR 42.9% vs 12.5%', 42.9, true],
		['HR 0.80 [0.64 to 1.01]', 0.8, true],
		['(HR, 0.65; 95% CI', 0.65, true],
		['P = .63', 0.63, true],
		['ORR 51% vs 14%', 42.9, false],
		['12.45 months', 12.4, false],
		['112.4 months', 12.4, false],
		['70.7 % for the triplet', 70.7, true],
		['40.0% (95% CI', 40, true],
		['2026 report', 20, false],
		['ORR 40% (95% CI', 40, true],
		['ORR 40.5% (95% CI', 40, false],
		['ORR was 40.', 40, true],
		['ORR\u00a042.9\u00a0%', 42.9, true],
		// The sign may be written in words: "fell by 0.5".
		['fell by 0.5 points', -0.5, true],
		['fell by 10.5 points', -0.5, false]
	])('quote %j contains %d: %s', (quote, value, expected) => {
		expect(quoteContainsValue(quote, value)).toBe(expected);
	});

	it.each<[string | null, string, boolean]>([
		['2L+', '2L+', true],
		['3L+', '2L+', true],
		['2L', '2L+', true],
		['2L+', '2L', false],
		['1L', '2L+', false],
		[null, '2L+', false],
		['neoadjuvant', '1L', false],
		['12L', '2L+', true],
		['12L+', '12L+', true],
		['3L', '12L+', false],
		['3L', 'x2L+', false],
		['3L', '2L+ (x)', false],
		['x3L', '2L+', false],
		['3L+ (x)', '2L+', false],
		['1L', '1L', true],
		['neoadjuvant', 'neoadjuvant', true],
		['13L', '12L+', true]
	])('line %j within %j: %s', (inner, outer, expected) => {
		expect(lineWithin(inner, outer)).toBe(expected);
	});

	it('messages name the values and ids name who is concerned', () => {
		const issuesAfter = (mutate: (d: DatasetInput) => void) => {
			const input = fixture();
			mutate(input);
			return runProvenanceChecks(Dataset.parse(input)).map(({ message, ids }) => ({
				message,
				ids
			}));
		};
		expect(
			issuesAfter((d) => (d.readouts[0]!.sources = ref('overall survival hazard ratio 0.81')))
		).toEqual([
			{
				message: 'Readout "r" reports HR-OS 0.8, but none of its quotes contains 0.8 as written.',
				ids: ['r']
			}
		]);
		expect(issuesAfter((d) => (d.readouts[0]!.sources = ref('0.80 (95% CI, 0.64-1.01)')))).toEqual([
			{
				message:
					'Readout "r": its quotes name neither the asset, the trial nor the endpoint (HR-OS); a reader cannot tell what the number is from the quote alone.',
				ids: ['r']
			}
		]);
		expect(issuesAfter((d) => (d.programs[0]!.phases[0]!.knownBy = '2026-01-08'))).toEqual([
			{
				message:
					'The phase 3 phase of program "prog" begins 2026-01-08, but trial "gea" is evidenced earlier (2022-08, its source "design").',
				ids: ['prog', 'gea']
			}
		]);
		expect(
			issuesAfter((d) => {
				d.programs[0]!.line = '1L';
				d.readouts.push({ ...d.readouts[0]!, id: 'r2', line: null });
			})
		).toEqual([
			{
				message:
					'Program "prog" is 1L, but 2 of its readouts are 3L+, no line (e.g. "r"), so they are grouped apart.',
				ids: ['prog', 'r', 'r2']
			}
		]);
	});
});
