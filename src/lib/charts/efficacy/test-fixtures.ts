/**
 * Small hand-built readouts, trials and assets for the efficacy unit and render tests.
 * Not real data: names mimic the HER2 landscape so the tests read naturally.
 */
import type { Asset, Readout, Trial } from '$lib/data/schema';
import type { ForestOptions } from './efficacy.marks';

const attr = <T>(value: T | null) => ({
	value,
	applicable: true,
	approximate: false,
	sources: []
});

export function asset(
	id: string,
	role: Asset['role'] = 'focus',
	shortName = id.toUpperCase()
): Asset {
	return {
		id,
		name: shortName,
		shortName,
		aliases: [],
		role,
		target: attr('HER2'),
		modality: attr('bispecific antibody' as const),
		format: attr(null),
		domains: attr(null),
		biparatopic: attr(null),
		effector: attr(null),
		platform: attr(null),
		payload: attr(null),
		linker: attr(null),
		dar: attr(null),
		conjugation: attr(null),
		originator: attr(null),
		sources: []
	};
}

export function trial(id: string, patch: Partial<Trial> = {}): Trial {
	return {
		id,
		name: id.toUpperCase(),
		title: null,
		registryIds: [],
		assets: ['kn026'],
		programs: [],
		phase: 'phase 2',
		design: 'single-arm',
		blinding: 'open-label',
		comparator: null,
		indication: 'Breast cancer',
		line: '1L',
		biomarker: 'HER2+',
		region: 'China',
		sponsor: null,
		enrolment: { planned: null, actual: null },
		start: null,
		end: null,
		status: 'active',
		primaryEndpoints: [],
		sources: [],
		...patch
	};
}

export function readout(id: string, patch: Partial<Readout> = {}): Readout {
	return {
		id,
		trial: 't1',
		asset: 'kn026',
		arm: 'KN026 + docetaxel',
		armRole: 'investigational',
		indication: 'Breast cancer',
		indicationGroup: 'breast',
		line: '1L',
		biomarker: 'HER2+',
		population: 'efficacy-evaluable',
		endpoint: 'ORR',
		landmarkMonths: null,
		assessment: 'investigator',
		value: 76.4,
		unit: '%',
		range: null,
		approximate: false,
		notReached: false,
		ci: { level: 0.95, low: 63, high: 86.8, method: null },
		n: 55,
		responders: 42,
		events: null,
		comparatorArm: null,
		pValue: null,
		maturity: 'interim',
		dataCut: '2023-06',
		presentedAt: null,
		sources: [{ id: 's1', quote: 'ORR was 76.4% (95% CI 63.0-86.8)' }],
		...patch
	};
}

export const ASSETS: Asset[] = [
	asset('kn026', 'focus', 'KN026'),
	asset('zanidatamab', 'comparator', 'Zanidatamab'),
	asset('tdxd', 'comparator', 'T-DXd')
];

export const TRIALS: Trial[] = [
	trial('t1'),
	trial('herizon', {
		name: 'HERIZON-BTC-01',
		phase: 'phase 2',
		assets: ['zanidatamab'],
		indication: 'Biliary tract cancer'
	}),
	trial('db03', {
		name: 'DESTINY-Breast03',
		phase: 'phase 3',
		design: 'randomised',
		assets: ['tdxd'],
		line: '2L'
	}),
	trial('soc', { name: 'SoC reference', phase: null, design: 'unknown', assets: ['kn026'] })
];

export const READOUTS: Readout[] = [
	readout('kn026-bc-orr'),
	readout('zani-btc-all', {
		trial: 'herizon',
		asset: 'zanidatamab',
		arm: 'Zanidatamab',
		indication: 'Biliary tract cancer',
		indicationGroup: 'biliary',
		line: '2L+',
		biomarker: 'HER2 IHC 2+/3+',
		population: 'cohort 1, all patients',
		endpoint: 'cORR',
		assessment: 'ICR',
		value: 41.3,
		ci: null,
		n: 80,
		responders: 33
	}),
	readout('zani-btc-3plus', {
		trial: 'herizon',
		asset: 'zanidatamab',
		arm: 'Zanidatamab',
		indication: 'Biliary tract cancer',
		indicationGroup: 'biliary',
		line: '2L+',
		biomarker: 'HER2 IHC 3+',
		population: 'IHC 3+ subset',
		endpoint: 'cORR',
		assessment: 'ICR',
		value: 51.6,
		ci: { level: 0.95, low: 38.6, high: 64.9, method: null },
		n: 62,
		responders: 32
	}),
	readout('zani-btc-dor', {
		trial: 'herizon',
		asset: 'zanidatamab',
		arm: 'Zanidatamab',
		indication: 'Biliary tract cancer',
		indicationGroup: 'biliary',
		line: '2L+',
		biomarker: 'HER2 IHC 2+/3+',
		population: 'responders in cohort 1',
		endpoint: 'mDOR',
		value: 12.9,
		unit: 'months',
		ci: { level: 0.95, low: 5.95, high: 'NR', method: null },
		n: 33,
		responders: null
	}),
	readout('kn026-os', {
		endpoint: 'mOS',
		unit: 'months',
		value: null,
		notReached: true,
		ci: { level: 0.95, low: 27.7, high: 'NR', method: null },
		responders: null
	}),
	readout('db03-hr', {
		trial: 'db03',
		asset: 'tdxd',
		arm: 'T-DXd',
		line: '2L',
		population: 'ITT',
		endpoint: 'HR-PFS',
		value: 0.28,
		unit: 'ratio',
		ci: { level: 0.95, low: 0.22, high: 0.37, method: null },
		n: 524,
		responders: null,
		comparatorArm: 'T-DM1',
		pValue: '<.0001',
		assessment: 'BICR'
	}),
	readout('soc-btc', {
		trial: 'soc',
		asset: null,
		arm: 'Chemotherapy (SoC)',
		armRole: 'benchmark',
		indication: 'Biliary tract cancer',
		indicationGroup: 'biliary',
		line: '2L+',
		biomarker: null,
		population: 'historical',
		endpoint: 'cORR',
		value: null,
		range: { low: 5, high: 15 },
		ci: null,
		n: null,
		responders: null
	})
];

/** Forest plot options: response rates grouped by setting, 1,200 px wide, unless patched. */
export const forestOptions = (patch: Partial<ForestOptions> = {}): ForestOptions => ({
	families: ['response'],
	groupBy: 'setting',
	sort: 'group',
	width: 1200,
	...patch
});
