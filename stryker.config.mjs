// Mutation testing of the pure modules (`npm run test:mutation`, scripts/mutation.mjs; not part of
// `npm test`). Stryker puts small bugs into these files one at a time and runs the unit tests that
// cover each; a mutant that no test notices marks a check that is missing. Results and the list of
// equivalent mutants: docs/mutation-testing.md.
//
// One scope at a time, each with its own incremental file (reports/mutation/<scope>.json,
// committed), so a rerun tests only the mutants whose code or covering tests changed:
//   npm run test:mutation -- query
// CPU: concurrency 2 (a 2-core machine); add `-- --concurrency 1` on a shared one.

const NOT_TESTS = ['!src/**/*.test.ts', '!src/**/test-helpers.ts', '!src/**/test-fixtures.ts'];
const NOT_EXPORT = ['!src/lib/charts/*/*.export.ts'];

/** The pure modules, by scope (the folders the score is reported for). */
export const MUTATION_SCOPES = {
	// Browser glue is not logic, and the end-to-end tests cover it: Svelte context plumbing, the
	// worker and its messages, the status line outside the app's root, SvelteKit's base path.
	data: [
		'src/lib/data/*.ts',
		...[
			'context',
			'ask-worker',
			'parse-in-worker',
			'parse.worker',
			'load-status',
			'default-dataset'
		].map((glue) => `!src/lib/data/${glue}.ts`),
		...NOT_TESTS
	],
	query: ['src/lib/query/*.ts', ...NOT_TESTS],
	state: [
		'src/lib/state/url-codec.ts',
		'src/lib/state/url-codec.params.ts',
		'src/lib/state/url-codec.text.ts',
		'src/lib/state/view-state.ts'
	],
	// The layouts: the modules each chart's *.layout.ts is made of (positions, rows, axes, legends,
	// pages, keyboard order), not the Svelte components or the export adapters. One scope a chart,
	// so each run is short enough to finish and keep its results.
	'efficacy-layout': ['src/lib/charts/efficacy/efficacy.*.ts', ...NOT_EXPORT, ...NOT_TESTS],
	'timeline-layout': [
		'src/lib/charts/timeline/timeline.*.ts',
		'src/lib/charts/timeline/utc-calendar.ts',
		'src/lib/charts/timeline/default-window.ts',
		'src/lib/charts/timeline/range-presets.ts',
		...NOT_EXPORT,
		...NOT_TESTS
	],
	'mechanisms-layout': [
		'src/lib/charts/mechanisms/mechanisms.*.ts',
		'src/lib/charts/mechanisms/grid-keys.ts',
		'src/lib/charts/mechanisms/encoding.ts',
		...NOT_EXPORT,
		...NOT_TESTS
	],
	// The worker and its hand-off are browser glue, like the data folder's (end-to-end tests).
	import: [
		'src/lib/import/*.ts',
		'!src/lib/import/import.worker.ts',
		'!src/lib/import/read-off-thread.ts',
		...NOT_TESTS
	],
	'registry-import': ['src/lib/import/ctgov/*.ts', ...NOT_TESTS]
};

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	testRunner: 'vitest',
	plugins: ['@stryker-mutator/vitest-runner'],
	vitest: { configFile: 'vite.config.ts', related: true },
	mutate: Object.values(MUTATION_SCOPES).flat(),
	coverageAnalysis: 'perTest',
	// Constants evaluated once at import (vocabularies, tables) are checked by the schema tests.
	ignoreStatic: true,
	incremental: true,
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
	// The sandbox needs the sources and tests only, not builds, benchmark results or screenshots.
	ignorePatterns: [
		'/build',
		'/bench-results',
		'/scratch',
		'/test-results',
		'/deck-render',
		'/static/data/synthetic-*'
	],
	tempDirName: '.stryker-tmp',
	cleanTempDir: 'always'
};
