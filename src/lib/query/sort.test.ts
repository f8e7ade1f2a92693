import { describe, expect, test } from 'vitest';
import { compareNatural, sortDimensionValues } from './sort';

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
