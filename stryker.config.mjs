// Mutation testing of the pure modules (`npm run test:mutation`; not part of `npm test`).
// Stryker puts small bugs into these files one at a time and runs the unit tests that cover
// each; a mutant that no test notices marks a check that is missing. Results: docs/mutation-testing.md.
//
// Incremental: results are kept in reports/mutation/incremental.json (committed), so a rerun tests
// only the mutants whose code or covering tests changed. One folder at a time, e.g.
//   npm run test:mutation -- --mutate 'src/lib/query/**/*.ts' '!src/lib/query/**/*.test.ts'
// CPU: concurrency 2 (a 2-core machine); lower it with --concurrency 1 on a shared one.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	testRunner: 'vitest',
	plugins: ['@stryker-mutator/vitest-runner'],
	vitest: { configFile: 'vite.config.ts', related: true },
	mutate: [
		'src/lib/data/*.ts',
		'src/lib/query/*.ts',
		'src/lib/state/url-codec.ts',
		'src/lib/state/view-state.ts',
		'src/lib/charts/*/*.layout.ts',
		'src/lib/import/**/*.ts',
		'!src/**/*.test.ts',
		'!src/**/test-helpers.ts',
		'!src/**/test-fixtures.ts',
		// Svelte context plumbing, not logic.
		'!src/lib/data/context.ts'
	],
	coverageAnalysis: 'perTest',
	// Constants evaluated once at import (vocabularies, tables) are checked by the schema tests.
	ignoreStatic: true,
	incremental: true,
	incrementalFile: 'reports/mutation/incremental.json',
	concurrency: 2,
	timeoutMS: 20_000,
	// The first, whole run (with coverage) of the covering tests takes minutes on a shared machine.
	dryRunTimeoutMinutes: 30,
	timeoutFactor: 2,
	reporters: ['clear-text', 'progress', 'html', 'json'],
	htmlReporter: { fileName: 'reports/mutation/index.html' },
	jsonReporter: { fileName: 'reports/mutation/mutation.json' },
	clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
	thresholds: { high: 90, low: 80, break: null },
	tempDirName: '.stryker-tmp',
	cleanTempDir: 'always'
};
