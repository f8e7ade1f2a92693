import { expect, test } from 'vitest';
import { countAssets } from './on-screen';

test.each<[string, { asset: string | null | string[] }[][], number]>([
	['no rows, no assets', [[]], 0],
	['each asset once', [[{ asset: 'kn026' }, { asset: 'kn026' }, { asset: 'jskn003' }]], 2],
	['a control arm belongs to no asset', [[{ asset: null }, { asset: 'kn026' }]], 1],
	[
		'a deal counts each of its assets',
		[[{ asset: ['kn026', 'zanidatamab'] }, { asset: 'kn026' }]],
		2
	],
	['a deal of one asset counts it once', [[{ asset: ['kn026'] }, { asset: 'kn026' }]], 1],
	[
		'lanes and milestones together',
		[[{ asset: 'kn026' }], [{ asset: 'jskn003' }, { asset: 'kn026' }]],
		2
	]
])('%s', (_name, lists, expected) => {
	expect(countAssets(...lists)).toBe(expected);
});
