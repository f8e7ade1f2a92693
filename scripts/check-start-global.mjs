#!/usr/bin/env node
// Checks a finished build: every page's start-up script names the global (__sveltekit_<hash>) that
// the client scripts define. When they differ no page starts, and every end-to-end test fails with
// a timeout that says nothing of why; this says it in one line, before the tests run.
// Usage: node scripts/check-start-global.mjs [build folder]; exits 1 on a mismatch.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const GLOBAL = /__sveltekit_[a-z0-9]+/g;

/** Every file under a folder whose name ends with the extension. */
function filesUnder(folder, extension) {
	return readdirSync(folder, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith(extension))
		.map((entry) => join(entry.parentPath, entry.name));
}

/** The start-up globals named by pages and not defined by any client script, page by page. */
export function mismatchedStartGlobals(buildFolder) {
	const defined = new Set();
	for (const file of filesUnder(join(buildFolder, '_app', 'immutable'), '.js')) {
		for (const name of readFileSync(file, 'utf8').match(GLOBAL) ?? []) defined.add(name);
	}
	const problems = [];
	for (const page of filesUnder(buildFolder, '.html')) {
		for (const name of new Set(readFileSync(page, 'utf8').match(GLOBAL) ?? [])) {
			if (!defined.has(name))
				problems.push(`${page} starts ${name}, which no client script defines`);
		}
	}
	return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const problems = mismatchedStartGlobals(process.argv[2] ?? 'build');
	for (const problem of problems) console.error(`build: ${problem}`);
	if (problems.length) {
		console.error('build: the pages would not start; rebuild with one LANDSCAPE_BUILD_VERSION');
		process.exit(1);
	}
}
