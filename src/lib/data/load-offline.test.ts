/** When the schema checker cannot be fetched (offline, a new deploy), loading says so. */
import { describe, expect, it, vi } from 'vitest';

describe('loadDatasetText when the schema checker cannot be loaded', () => {
	it('returns a message instead of throwing', async () => {
		vi.resetModules();
		vi.doMock('./validate', () => {
			throw new Error('Failed to fetch dynamically imported module');
		});
		try {
			const { loadDatasetText: load } = await import('./load');
			const result = await load('{}', 'other.json');
			expect(result.ok).toBe(false);
			if (!result.ok) {
				expect(result.title).toBe('The dataset could not be checked');
				expect(result.problems[0]?.message).toMatch(/did not load .*reload the page/);
			}
		} finally {
			vi.doUnmock('./validate');
			vi.resetModules();
		}
	});
});
