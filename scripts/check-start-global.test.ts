import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error a plain script, no type declarations
import { mismatchedStartGlobals } from './check-start-global.mjs';

let folder = '';
afterEach(() => rmSync(folder, { recursive: true, force: true }));

/** A build folder with one page and one client chunk, each naming its start-up global. */
function buildWith(pageGlobal: string, chunkGlobal: string) {
	folder = mkdtempSync(join(tmpdir(), 'build-'));
	mkdirSync(join(folder, '_app', 'immutable', 'chunks'), { recursive: true });
	writeFileSync(join(folder, 'timeline.html'), `<script>${pageGlobal} = {};</script>`);
	writeFileSync(
		join(folder, '_app', 'immutable', 'chunks', 'a.js'),
		`const app = globalThis.${chunkGlobal};`
	);
	return folder;
}

describe('the built pages start', () => {
	it('passes when the pages name the global the client scripts define', () => {
		expect(mismatchedStartGlobals(buildWith('__sveltekit_374ctw', '__sveltekit_374ctw'))).toEqual(
			[]
		);
	});

	it('names the page whose global no client script defines', () => {
		const problems = mismatchedStartGlobals(buildWith('__sveltekit_1q25n2q', '__sveltekit_374ctw'));
		expect(problems).toEqual([
			`${join(folder, 'timeline.html')} starts __sveltekit_1q25n2q, which no client script defines`
		]);
	});
});
