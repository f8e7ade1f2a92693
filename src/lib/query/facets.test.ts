import { describe, expect, test } from 'vitest';
import { buildModel, type DatasetModel } from '$lib/data/model';
import type { Dataset, Readout } from '$lib/data/schema';
import { fixtureModel } from '$lib/test/fixture-model';
import {
	DEFAULT_FILTERS,
	LIST_DIMENSIONS,
	type Filters,
	type ListDimension
} from '$lib/state/view-state';
import { computeFacets, computeFacetsNaive, knownValues, valueLabel, type CountOf } from './facets';

const model = fixtureModel();
/** The fixture with some rows changed or added (as a loaded file could have them). */
const modelWith = (change: (dataset: Dataset) => void): DatasetModel => {
	const dataset = structuredClone(model.dataset);
	change(dataset);
	return buildModel(dataset, []);
};
/** A readout of the fixture's trial t-kn026-p2 reported for another population. */
const readout = (patch: Partial<Readout>): Readout => ({
	...structuredClone(model.dataset.readouts[0]!),
	...patch
});
const counts = (filters: Partial<Filters>, dim: ListDimension, countOf: CountOf) =>
	Object.fromEntries(
		computeFacets(model, { ...DEFAULT_FILTERS, ...filters }, [dim], countOf)[0]!.values.map((v) => [
			v.value,
			v.count
		])
	);

test('known values come from the dataset, in display order', () => {
	const known = knownValues(model);
	expect(known.assets).toEqual(['jskn003', 'kn026', 'zanidatamab', 'trastuzumab']);
	expect(known.phases).toEqual(['phase 2', 'phase 3', 'approved']);
	expect(known.lines).toEqual(['1L', '2L', '2L+']);
	expect(known.agencies).toEqual(['FDA', 'EC', 'NMPA']); // schema order
	expect(known.regions).toEqual(['China', 'EU', 'Global', 'US']);
	expect(known.roles).toEqual(['focus', 'comparator']); // focus first
	expect(known.modalities).toEqual([
		'bispecific antibody',
		'monoclonal antibody',
		'antibody-drug conjugate'
	]); // schema order
	expect(known.indications).toEqual(['biliary', 'breast', 'gastric']);
	expect(known.biomarkers).toEqual(['HER2-low', 'HER2+']); // natural order: a hyphen sorts before a plus sign
	expect(known.milestoneTypes).toEqual([
		'designation',
		'submission',
		'acceptance',
		'approval',
		'deal',
		'topline'
	]); // schema order
});

test('known values: only roles some asset has; unknown modalities left out', () => {
	const known = knownValues(
		modelWith((d) => {
			d.assets = d.assets.filter((a) => a.role === 'focus');
			d.assets.find((a) => a.id === 'jskn003')!.modality.value = null;
		})
	);
	expect(known.roles).toEqual(['focus']);
	expect(known.modalities).toEqual(['bispecific antibody']);
});

test('known values: readouts bring their own populations; empty and missing values left out', () => {
	const known = knownValues(
		modelWith((d) => {
			d.programs[0]!.line = null;
			d.programs[0]!.biomarker = null;
			d.programs.push({
				...structuredClone(d.programs[1]!),
				id: 'kn026-planned',
				indicationGroup: 'bladder',
				line: '4L',
				biomarker: 'HER2 IHC 2+',
				phases: []
			});
			d.readouts.push(
				readout({
					id: 'r-ovarian',
					indicationGroup: 'ovarian',
					line: '3L+',
					biomarker: 'HER2 IHC 3+'
				}),
				readout({ id: 'r-blank', indicationGroup: '', line: '', biomarker: '' })
			);
		})
	);
	expect(known.indications).toEqual(['biliary', 'bladder', 'breast', 'gastric', 'ovarian']);
	// 3L+ also offers 3L (which shows it)
	expect(known.lines).toEqual(['1L', '2L', '2L+', '3L', '3L+', '4L']);
	expect(known.biomarkers).toEqual(['HER2 IHC 2+', 'HER2 IHC 3+', 'HER2-low', 'HER2+']);
	// a program that has reached no phase yet adds none
	expect(known.phases).toEqual(['phase 2', 'phase 3', 'approved']);
});

test('value labels: names for assets and milestone types, capitals for words, codes as they are', () => {
	const label = (dimension: ListDimension, value: string) => valueLabel(model, dimension, value);
	expect(label('assets', 'kn026')).toBe('KN026');
	expect(label('assets', 'not-in-the-data')).toBe('not-in-the-data');
	expect(label('milestoneTypes', 'acceptance')).toBe('Filing accepted');
	expect(label('milestoneTypes', 'not-a-type')).toBe('not-a-type');
	expect(label('indications', 'gastric')).toBe('Gastric');
	expect(label('roles', 'comparator')).toBe('Comparator');
	expect(label('phases', 'phase 3')).toBe('Phase 3');
	expect(label('modalities', 'bispecific antibody')).toBe('bispecific antibody');
	expect(label('lines', '2L+')).toBe('2L+');
	expect(label('biomarkers', 'HER2-low')).toBe('HER2-low');
	expect(label('regions', 'China')).toBe('China');
	expect(label('agencies', 'NMPA')).toBe('NMPA');
});

describe('facet counts', () => {
	test.each<[string, Partial<Filters>, ListDimension, CountOf, Record<string, number>]>([
		[
			'readouts per asset, nothing chosen',
			{},
			'assets',
			'readouts',
			{ jskn003: 1, kn026: 2, zanidatamab: 2, trastuzumab: 2 }
		],
		[
			'a dimension ignores its own selection',
			{ assets: ['kn026'] },
			'assets',
			'readouts',
			{ jskn003: 1, kn026: 2, zanidatamab: 2, trastuzumab: 2 }
		],
		[
			'other dimensions narrow the counts',
			{ indications: ['gastric'] },
			'assets',
			'readouts',
			{ jskn003: 0, kn026: 2, zanidatamab: 0, trastuzumab: 2 }
		],
		[
			'milestones per agency',
			{ assets: ['kn026'] },
			'agencies',
			'milestones',
			{ FDA: 0, NMPA: 2, EC: 0 }
		],
		[
			'assets per modality',
			{},
			'modalities',
			'assets',
			{
				'bispecific antibody': 2,
				'monoclonal antibody': 1,
				'antibody-drug conjugate': 1
			}
		],
		[
			'a chosen value missing from the dataset is listed with 0',
			{ lines: ['4'] },
			'lines',
			'programs',
			{ '1L': 3, '2L': 3, '2L+': 1, '4': 0 }
		],
		[
			'a chosen line counts the onward populations that cover it (2L and 3L take 2L+)',
			{ lines: ['3L'] },
			'lines',
			'programs',
			{ '1L': 3, '2L': 3, '2L+': 1, '3L': 1 }
		]
	])('%s', (_name, filters, dim, countOf, expected) => {
		expect(counts(filters, dim, countOf)).toEqual(expected);
	});

	test('without a row kind named, the counts are of programs', () => {
		const [phases] = computeFacets(model, DEFAULT_FILTERS, ['phases']);
		expect(phases!.values.map((v) => [v.value, v.count])).toEqual([
			['phase 2', 1],
			['phase 3', 3],
			['approved', 2]
		]);
	});

	test('a milestone with no region of its own and no program counts under no region', () => {
		const noRegion = modelWith((d) => {
			d.milestones.find((m) => m.id === 'm-kn026-deal')!.region = null;
		});
		const [regions] = computeFacets(noRegion, DEFAULT_FILTERS, ['regions'], 'milestones');
		// m-zani-topline has no region either: it takes its program's (Global)
		expect(regions!.values.map((v) => [v.value, v.count])).toEqual([
			['China', 3],
			['EU', 1],
			['Global', 1],
			['US', 1]
		]);
	});

	test('a focus asset left out by the role filter takes its trial’s control arm with it', () => {
		const withControl = modelWith((d) => {
			d.readouts.push({
				...structuredClone(d.readouts.find((r) => r.id === 'r-toga-chemo-os')!),
				id: 'r-jskn003-control',
				trial: 't-jskn003-p3'
			});
		});
		const [assets] = computeFacets(
			withControl,
			{ ...DEFAULT_FILTERS, roles: ['comparator'] },
			['assets'],
			'readouts'
		);
		expect(assets!.values.map((v) => [v.value, v.count])).toEqual([
			['jskn003', 0],
			['kn026', 0],
			['zanidatamab', 0],
			['trastuzumab', 2]
		]);
	});

	test('readouts whose trial is missing from the dataset: kept with their own asset, a control arm with none', () => {
		const dangling = modelWith((d) => {
			d.readouts.push(readout({ id: 'r-kn026-elsewhere', trial: 't-not-in-the-data' }), {
				...structuredClone(d.readouts.find((r) => r.id === 'r-toga-chemo-os')!),
				id: 'r-orphan-control',
				trial: 't-not-in-the-data'
			});
		});
		const [assets] = computeFacets(dangling, DEFAULT_FILTERS, ['assets'], 'readouts');
		expect(assets!.values.map((v) => [v.value, v.count])).toEqual([
			['jskn003', 1],
			['kn026', 3],
			['zanidatamab', 2],
			['trastuzumab', 2]
		]);
	});

	test('labels and selection', () => {
		const [assets] = computeFacets(
			model,
			{ ...DEFAULT_FILTERS, assets: ['kn026'] },
			['assets'],
			'assets'
		);
		expect(assets!.values.find((v) => v.value === 'kn026')).toMatchObject({
			label: 'KN026',
			selected: true
		});
		const [types] = computeFacets(model, DEFAULT_FILTERS, ['milestoneTypes'], 'milestones');
		expect(types!.values.map((v) => v.label)).toContain('Designation');
	});
});

describe('fast facet counts equal one filter run per value', () => {
	const known = knownValues(model);
	let seed = 7;
	const random = () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const pick = (values: readonly string[]) => values.filter(() => random() < 0.3);
	const cases = Array.from({ length: 60 }, (_, i) => {
		const filters: Filters = structuredClone(DEFAULT_FILTERS);
		for (const d of LIST_DIMENSIONS) if (random() < 0.4) filters[d] = pick(known[d]);
		if (random() < 0.2) filters.assets.push('not-in-the-data');
		if (random() < 0.25) filters.from = '2020';
		if (random() < 0.25) filters.to = '2025-06';
		return [i, filters] as const;
	});
	const countsOf: CountOf[] = ['assets', 'programs', 'milestones', 'trials', 'readouts', 'deals'];
	test.each(cases)('random filters #%i', (_, filters) => {
		for (const countOf of countsOf) {
			expect(computeFacets(model, filters, LIST_DIMENSIONS, countOf)).toEqual(
				computeFacetsNaive(model, filters, LIST_DIMENSIONS, countOf)
			);
		}
	});
});
