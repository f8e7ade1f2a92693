/**
 * The last imported dataset is reused only when it is the same import: same id and same import
 * time (a re-import under the same id is parsed again), and only the latest one is kept.
 */
import { describe, expect, it } from 'vitest';
import type { LoadResult } from './load';
import { recallParsed, rememberParsed } from './parsed-cache';

const result = (location: string): LoadResult => ({
	ok: false,
	location,
	title: 'This dataset is not valid JSON',
	problems: []
});

describe('the parsed dataset kept between layout runs', () => {
	it('nothing is recalled before an import', () => {
		expect(recallParsed('her2', 1000)).toBeNull();
	});

	it('recalls the same import, not another id or a later import under the same id', () => {
		const first = result('first.json');
		rememberParsed('her2', 1000, first);
		expect(recallParsed('her2', 1000)).toBe(first);
		expect(recallParsed('her2', 2000)).toBeNull();
		expect(recallParsed('other', 1000)).toBeNull();
	});

	it('keeps only the latest import', () => {
		rememberParsed('a', 1, result('a.json'));
		const b = result('b.json');
		rememberParsed('b', 2, b);
		expect(recallParsed('a', 1)).toBeNull();
		expect(recallParsed('b', 2)).toBe(b);
	});
});
