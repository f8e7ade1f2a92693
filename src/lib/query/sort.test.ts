import { describe, expect, test } from 'vitest';
import type { Asset } from '$lib/data/schema';
import { compareAssets, compareNatural, sortDimensionValues } from './sort';

describe('compareNatural', () => {
	test.each([
		['1L', '2L', -1],
		['2L', '2L+', -1],
		['2L', '10L', -1],
		['breast', 'Biliary', 1],
		['a', 'a', 0],
		// values equal but for case still get one fixed order (capitals first)
		['Gastric', 'gastric', -1],
		['gastric', 'Gastric', 1]
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
		['phases', ['phase 2', 'made-up'], ['phase 2', 'made-up']],
		['indications', ['gastric', 'Gastric', 'breast'], ['breast', 'Gastric', 'gastric']]
	])('%s %j', (dimension, input, expected) => {
		expect(sortDimensionValues(dimension, input)).toEqual(expected);
	});
});

test('compareAssets: focus assets before comparators, by short name within a role', () => {
	const asset = (shortName: string, role: Asset['role']) => ({ shortName, role }) as Asset;
	const sorted = (assets: Asset[]) => [...assets].sort(compareAssets).map((a) => a.shortName);
	const assets = [
		asset('Trastuzumab', 'comparator'),
		asset('Zanidatamab', 'focus'),
		asset('Pertuzumab', 'comparator'),
		asset('KN026', 'focus')
	];
	expect(sorted(assets)).toEqual(['KN026', 'Zanidatamab', 'Pertuzumab', 'Trastuzumab']);
	expect(sorted([...assets].reverse())).toEqual([
		'KN026',
		'Zanidatamab',
		'Pertuzumab',
		'Trastuzumab'
	]);
});
