import { expect, test } from 'vitest';
import { countAssets } from './on-screen';

test.each<[string, { asset: string | null | string[] }[][], number]>([
	['no rows, no assets', [[]], 0],
	['each asset once', [[{ asset: 'a' }, { asset: 'a' }, { asset: 'b' }]], 2],
	['a control arm belongs to no asset', [[{ asset: null }, { asset: 'a' }]], 1],
	['a deal counts each of its assets', [[{ asset: ['a', 'c'] }, { asset: 'a' }]], 2],
	['lanes and milestones together', [[{ asset: 'a' }], [{ asset: 'b' }, { asset: 'a' }]], 2]
])('%s', (_name, lists, expected) => {
	expect(countAssets(...lists)).toBe(expected);
});
