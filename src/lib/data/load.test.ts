import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDatasetText } from './load';
// Loaded with the file, as the app has it loaded after the first check: the schema's and the
// checks' tables are then set up once, outside the tests (the case where it cannot be loaded is
// in load-offline.test.ts, which starts from fresh modules).
import './validate';

const builtIn = readFileSync('static/data/her2.json', 'utf8');
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
/** As the build checked the built-in file: its digest and the check results built into the app. */
const built = (text: string) => ({ sha256: sha256(text), qa: __BUILT_IN_DATASET__?.qa ?? [] });

describe('loadDatasetText', () => {
	it('the build checked the built-in dataset: its digest and check results are in the app', () => {
		expect(__BUILT_IN_DATASET__?.sha256).toBe(sha256(builtIn));
	});

	it('loads the built-in dataset alike whether or not the build checked it', async () => {
		const trusted = await loadDatasetText(builtIn, 'her2.json', built(builtIn));
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

		const withOldDigest = await loadDatasetText(edited, 'edited.json', built(builtIn));
		expect(withOldDigest.ok).toBe(false);
		if (!withOldDigest.ok) {
			expect(withOldDigest.title).toBe('This dataset does not follow the schema');
			expect(withOldDigest.problems.map((p) => p.path)).toContain('assets[0].name');
		}

		// Proof the digest is what skips the schema: the same text with its own digest passes it.
		const withOwnDigest = await loadDatasetText(edited, 'edited.json', built(edited));
		expect(withOwnDigest.ok).toBe(true);
	});

	it('still names JSON syntax errors when a digest is given', async () => {
		const result = await loadDatasetText('{"meta": ', 'broken.json', built(builtIn));
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.title).toBe('This dataset is not valid JSON');
	});
});

describe('the steps a large dataset’s progress line names', () => {
	const stagesOf = async (text: string) => {
		const stages: string[] = [];
		const result = await loadDatasetText(text, 'x.json', null, (s) => stages.push(s));
		return { stages, ok: result.ok };
	};

	it('a good dataset goes through all three: read, schema, quality checks', async () => {
		expect(await stagesOf(builtIn)).toEqual({ stages: ['parse', 'schema', 'quality'], ok: true });
	});

	it('text that is not JSON stops at reading; data off the schema stops at the schema', async () => {
		expect(await stagesOf('{"meta": ')).toEqual({ stages: ['parse'], ok: false });
		expect(await stagesOf('{"meta": 1}')).toEqual({ stages: ['parse', 'schema'], ok: false });
	});

	it('the exact bytes validated at build time skip the steps (and the line stays hidden)', async () => {
		const stages: string[] = [];
		await loadDatasetText(builtIn, 'her2.json', built(builtIn), (s) => stages.push(s));
		expect(stages).toEqual([]);
	});
});
