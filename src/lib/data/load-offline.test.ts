/** When the schema checker cannot be fetched (offline, a new deploy), loading says so. */
import { describe, expect, it, vi } from 'vitest';
import { schemaLoadProblem } from './load';

describe('loadDatasetText when the schema checker cannot be loaded', () => {
	const loadWithout = async (error: Error) => {
		vi.resetModules();
		vi.doMock('./validate', () => {
			throw error;
		});
		try {
			const { loadDatasetText: load } = await import('./load');
			return await load('{}', 'other.json');
		} finally {
			vi.doUnmock('./validate');
			vi.resetModules();
		}
	};

	it('returns a message instead of throwing, naming the cause', async () => {
		const result = await loadWithout(new Error('Failed to fetch dynamically imported module'));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.location).toBe('other.json');
		expect(result.title).toBe('The dataset could not be checked');
		expect(result.problems).toHaveLength(1);
		expect(result.problems[0]!.path).toBe('(app)');
		// The test runner's module mocker words the cause itself.
		expect(result.problems[0]!.message).toMatch(
			/^the schema checker did not load \(\S.*\); reload the page to try again$/
		);
	});
});

describe('schemaLoadProblem', () => {
	it('names the cause a failed import gives', () => {
		expect(schemaLoadProblem(new TypeError('Failed to fetch dynamically imported module'))).toBe(
			'the schema checker did not load (Failed to fetch dynamically imported module); reload the page to try again'
		);
	});

	it.each<[string, unknown]>([
		['an error without a message', new Error('')],
		['a thrown value that is not an error', 'offline'],
		['nothing at all', undefined]
	])('says "network error" for %s', (_what, error) => {
		expect(schemaLoadProblem(error)).toBe(
			'the schema checker did not load (network error); reload the page to try again'
		);
	});
});
