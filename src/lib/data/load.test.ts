import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { loadDatasetText } from './load';

const builtIn = readFileSync('static/data/her2.json', 'utf8');
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('loadDatasetText', () => {
	it('loads the built-in dataset whether or not its digest is known', async () => {
		const trusted = await loadDatasetText(builtIn, 'her2.json', sha256(builtIn));
		const validated = await loadDatasetText(builtIn, 'her2.json');
		expect(trusted.ok && validated.ok).toBe(true);
		if (trusted.ok && validated.ok) {
			expect(trusted.model.dataset).toEqual(validated.model.dataset);
			expect(trusted.model.qa).toEqual(validated.model.qa);
		}
	});

	it('skips the schema only for the exact bytes validated at build time', async () => {
		// Schema-invalid (an asset without a name), but still JSON the quality checks can read.
		const value = JSON.parse(builtIn);
		delete value.assets[0].name;
		const edited = JSON.stringify(value);

		const withOldDigest = await loadDatasetText(edited, 'edited.json', sha256(builtIn));
		expect(withOldDigest.ok).toBe(false);
		if (!withOldDigest.ok) {
			expect(withOldDigest.title).toBe('This dataset does not follow the schema');
			expect(withOldDigest.problems.map((p) => p.path)).toContain('assets[0].name');
		}

		// Proof the digest is what skips the schema: the same text with its own digest passes it.
		const withOwnDigest = await loadDatasetText(edited, 'edited.json', sha256(edited));
		expect(withOwnDigest.ok).toBe(true);
	});

	it('still names JSON syntax errors when a digest is given', async () => {
		const result = await loadDatasetText('{"meta": ', 'broken.json', sha256(builtIn));
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.title).toBe('This dataset is not valid JSON');
	});
});

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
