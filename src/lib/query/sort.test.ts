import { describe, expect, test } from 'vitest';
import { fixtureModel } from '$lib/test/fixture-model';
import { compareNatural, sortAssets, sortDimensionValues } from './sort';

const model = fixtureModel();
const { assets, programs } = model.dataset;

describe('compareNatural', () => {
	test.each([
		['1L', '2L', -1],
		['2L', '2L+', -1],
		['2L', '10L', -1],
		['breast', 'Biliary', 1],
		['a', 'a', 0]
	] as const)('%s vs %s', (a, b, sign) => expect(Math.sign(compareNatural(a, b))).toBe(sign));
});

describe('sortDimensionValues', () => {
	test.each([
		[
			'phases',
			['approved', 'phase 1', 'preclinical', 'phase 3'],
			['preclinical', 'phase 1', 'phase 3', 'approved']
		],
		['roles', ['comparator', 'focus'], ['focus', 'comparator']],
		['lines', ['2L+', '1L', '10L', '2L', '1L'], ['1L', '2L', '2L+', '10L']],
		['phases', ['phase 2', 'made-up'], ['phase 2', 'made-up']]
	])('%s %j', (dimension, input, expected) => {
		expect(sortDimensionValues(dimension, input)).toEqual(expected);
	});
});

describe('sortAssets', () => {
	test.each<[Parameters<typeof sortAssets>[1], string[], string[]]>([
		['phase', [], ['zanidatamab', 'trastuzumab', 'jskn003', 'kn026']],
		['name', [], ['jskn003', 'kn026', 'trastuzumab', 'zanidatamab']],
		['modality', [], ['kn026', 'zanidatamab', 'trastuzumab', 'jskn003']],
		['custom', ['trastuzumab', 'kn026'], ['trastuzumab', 'kn026', 'jskn003', 'zanidatamab']]
	])('by %s', (order, columns, expected) => {
		expect(sortAssets(assets, order, programs, columns).map((a) => a.id)).toEqual(expected);
	});
});
