// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { mayHaveImports, noteImports } from './hints';
import { memoryDatasetStore } from './datasets';

afterEach(() => noteImports(false));

describe('imports hint', () => {
	it('is off in a browser that never imported', () => {
		localStorage.clear();
		expect(mayHaveImports()).toBe(false);
	});

	it('turns on when a dataset is stored and survives the tab (localStorage)', async () => {
		const store = memoryDatasetStore();
		await store.put(
			{
				id: 'x',
				title: 'X',
				version: '1',
				asOf: '2026-01-01',
				target: 'HER2',
				importedAt: 1,
				size: 2,
				from: 'x.json'
			},
			'{}'
		);
		expect(mayHaveImports()).toBe(true);
		expect(localStorage.getItem('landscape:has-imports')).toBe('1');
	});

	it('turns off when the store was listed empty', () => {
		noteImports(true);
		noteImports(false);
		expect(mayHaveImports()).toBe(false);
	});
});
