import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_DATASET, validatedDigest } from './built-in-dataset';

const dir = mkdtempSync(join(tmpdir(), 'built-in-'));
const builtIn = JSON.parse(readFileSync(BUILT_IN_DATASET, 'utf8'));

describe('validatedDigest (the build-time check of the built-in dataset)', () => {
	it('gives the SHA-256 of the shipped file, which passes the schema unchanged', () => {
		const expected = createHash('sha256').update(readFileSync(BUILT_IN_DATASET)).digest('hex');
		expect(validatedDigest()).toBe(expected);
	});

	it('fails the build with the problems of an invalid file', () => {
		const broken = structuredClone(builtIn);
		broken.readouts[0].n = -3;
		const file = join(dir, 'broken.json');
		writeFileSync(file, JSON.stringify(broken));
		expect(() => validatedDigest(file)).toThrow(
			/does not follow the schema[\s\S]*readouts\[0\]\.n/
		);
	});

	it('gives no digest when the schema would fill in defaults (the app must run it then)', () => {
		const sparse = structuredClone(builtIn);
		delete sparse.sources[0].registryIds;
		const file = join(dir, 'sparse.json');
		writeFileSync(file, JSON.stringify(sparse));
		expect(validatedDigest(file)).toBeNull();
	});
});
