import { describe, expect, test } from 'vitest';
import { fixtureModel } from '$lib/test/fixture-model';
import {
	DEFAULT_FILTERS,
	LIST_DIMENSIONS,
	type Filters,
	type ListDimension
} from '$lib/state/view-state';
import { computeFacets, computeFacetsNaive, knownValues, type CountOf } from './facets';

const model = fixtureModel();
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
