import { expect, test } from 'vitest';
import { fixtureModel } from './fixture-model';

test('the e2e fixture dataset is valid against the schema', () => {
	expect(fixtureModel().dataset.assets.map((a) => a.id)).toEqual([
		'kn026',
		'zanidatamab',
		'jskn003',
		'trastuzumab'
	]);
});
