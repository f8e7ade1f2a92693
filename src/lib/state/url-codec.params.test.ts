import { describe, expect, test } from 'vitest';
import { VIEWS } from '$lib/views';
import { datasetRef, decode, encode, searchFor, toQueryString } from './url-codec';
import { DATASET_KEYS, VIEW_PARAMS, isVersionLabel } from './url-codec.params';
import { defaultViewState } from './view-state';

describe('the parameter table', () => {
	test('one key per parameter, none of them a dataset key', () => {
		const keys = VIEW_PARAMS.map((p) => p.key);
		expect(new Set(keys).size).toBe(keys.length);
		for (const key of DATASET_KEYS) expect(keys).not.toContain(key);
	});

	test('a view option belongs to a view the registry names by that options section', () => {
		const sections = new Set(VIEWS.map((v) => v.optionsKey).filter((k) => k !== null));
		for (const param of VIEW_PARAMS) {
			if (param.views === 'all') expect(param.fields[0]).toMatch(/^filters\./);
			else for (const section of param.views) expect(sections).toContain(section);
		}
	});
});

describe('the dataset keys go through the codec', () => {
	const cases = [
		{ data: '/data/my landscape.json', dataset: null },
		{ data: null, dataset: 'imported-2026-12-01 a&b' },
		{ data: null, dataset: null }
	];
	test.each(cases)('%o survives a link, first and readable, beside the view state', (ref) => {
		const state = defaultViewState();
		state.filters.assets = ['kn026'];
		const search = searchFor(state, ref);
		const params = new URLSearchParams(search);
		expect(datasetRef(params)).toEqual(ref);
		expect(decode(params).state.filters.assets).toEqual(['kn026']);
		expect(decode(params).warnings).toEqual([]);
		if (ref.data) expect(search.startsWith('?data=/data/my%20landscape.json&v=1')).toBe(true);
	});

	test('a default state with no dataset is an empty query', () => {
		expect(searchFor(defaultViewState(), { data: null, dataset: null })).toBe('');
		expect(searchFor(null, { data: null, dataset: 'x' })).toBe('?dataset=x');
	});

	test('encode never writes them', () => {
		expect([...encode(defaultViewState()).keys()]).toEqual(['v']);
		expect(toQueryString(encode(defaultViewState()))).toBe('v=1');
	});
});

describe('since= tells a dataset version from a date', () => {
	test.each([
		'1.0',
		'1.0.0',
		'10.2.1',
		'1.10.0',
		'1.0.0-rc.1',
		'2.1.0+build.5',
		'1.' + '0'.repeat(38)
	])('%s is a version', (text) => expect(isVersionLabel(text)).toBe(true));
	test.each(['1', '2026-09-23', 'v1.0.0', '1.0 beta', '1.0.0-', '1.' + '0'.repeat(39)])(
		'%s is not',
		(text) => expect(isVersionLabel(text)).toBe(false)
	);
});
