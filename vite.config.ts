import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { availableParallelism } from 'node:os';
import { tsImport } from 'tsx/esm/api';

// Loaded through tsx rather than imported: the app's modules it uses import each other without
// file extensions, which Vite's coming native config loader cannot follow (Vite warned about
// each of them on every build and test run).
const { validatedBuiltIn } = (await tsImport(
	'./scripts/built-in-dataset.ts',
	import.meta.url
)) as typeof import('./scripts/built-in-dataset');
const { routeChunkGroups, withoutLazyImports } = (await tsImport(
	'./scripts/route-chunks.ts',
	import.meta.url
)) as typeof import('./scripts/route-chunks');

/** Tests that mount components in a DOM or build 10× and 40× landscapes (left out under Stryker). */
const DOM_AND_SCALE_TESTS = [
	'src/lib/export/export-whole.test.ts',
	'src/lib/import/scale.test.ts',
	'src/lib/charts/timeline/TimelineChart.test.ts',
	'src/lib/charts/mechanisms/MechanismMatrix.test.ts',
	'src/lib/charts/efficacy/ForestPlot.test.ts',
	'src/lib/charts/shared/delegated-marks.test.ts'
];

export default defineConfig(({ isSsrBuild }) => ({
	plugins: [
		sveltekit(),
		{
			// app.css shows the interface font with `swap`, as the dev server needs: its pages
			// cannot carry the font, and `block` would hide their text until it arrives. The
			// built pages carry and preload it, and `block` there means no late swap that reflows
			// the page: text waits for the font rather than show in another (see app.css).
			name: 'landscape:font-display',
			apply: 'build',
			enforce: 'pre',
			transform(code, id) {
				if (!id.split('?')[0]!.endsWith('/src/app.css')) return;
				const built = code.replaceAll('font-display: swap;', 'font-display: block;');
				if (built === code) throw new Error('app.css: no font-display: swap to make block');
				return built;
			}
		},
		{
			// Each page's HTML preloads every script and links every stylesheet it needs (see
			// withoutLazyImports); the server build's manifest is left as it is.
			name: 'landscape:page-deps',
			apply: 'build',
			generateBundle: {
				order: 'post',
				handler(_options, bundle) {
					const manifest = bundle['.vite/manifest.json'];
					if (isSsrBuild || manifest?.type !== 'asset') return;
					manifest.source = withoutLazyImports(String(manifest.source));
				}
			}
		}
	],
	// The built-in dataset is validated here; a build with an invalid one fails (see the script).
	define: { __BUILT_IN_DATASET__: JSON.stringify(validatedBuiltIn()) },
	// One chunk per set of routes that load a module before they draw (see route-chunks.ts): a
	// chart view opened from a link fetches about a dozen scripts instead of 17–19, and fewer,
	// larger files compress better. Code loaded on demand (the schema, storage, import, export,
	// tooltips and details) stays apart.
	build: {
		// The interface font goes into the stylesheet as data, and the stylesheet into each page
		// (svelte.config.js): the first paint then waits for no request (see app.css).
		assetsInlineLimit: (file) => (file.endsWith('.woff2') ? true : undefined),
		rolldownOptions: {
			output: {
				codeSplitting: {
					// The server build (used only to prerender the shells) keeps the default split.
					groups: isSsrBuild ? [] : routeChunkGroups()
				}
			}
		}
	},
	test: {
		// MUTATION_TESTS (comma-separated paths) narrows the run to a module's own tests, for a quick
		// mutation run of one module (see docs/mutation-testing.md).
		include: process.env.MUTATION_TESTS?.split(',') ?? ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		// Under Stryker (npm run test:mutation) the unit tests of the pure modules run, not the
		// tests that mount components in a DOM or build 10× and 40× landscapes (1–13 s a file):
		// they would rerun for every mutant of every module they pass through, and the rules those
		// modules hold have tests of their own. The scores are a lower bound of the whole suite's.
		exclude: process.env.STRYKER_MUTATOR_WORKER
			? ['**/node_modules/**', ...DOM_AND_SCALE_TESTS]
			: ['**/node_modules/**'],
		// Most modules are pure: Node runs their tests without building a DOM for each file (that
		// setup was a third of the suite's time). Tests that mount components or read the DOM or
		// localStorage say `// @vitest-environment happy-dom` in their first line.
		environment: 'node',
		// Every core: Vitest's default leaves one for its own process, which on a 2-core machine is a
		// single worker, and most of a worker's time is importing and transforming modules, not
		// waiting. Measured here: 88 s with one worker, 62 s with two (81 s with the build beside).
		maxWorkers: availableParallelism(),
		// A worker keeps the modules it has imported from one test file to the next instead of
		// importing the app again for each file (the schema, d3, Svelte: 98 files): 62 s → 36 s
		// here. The files share no state they rely on: the whole suite passes in shuffled orders
		// (npx vitest run --sequence.shuffle.files --sequence.seed=N), and each file passes alone.
		// Stryker keeps isolation, as its recorded scores were measured with it.
		isolate: !!process.env.STRYKER_MUTATOR_WORKER,
		setupFiles: ['src/test-setup.ts'],
		env: { TZ: 'UTC' },
		// A guard against a hung test, not a speed limit: a shared or slow machine must not fail a
		// correct test (speed is measured by `npm run bench`).
		testTimeout: 120_000,
		hookTimeout: 120_000,
		reporters: ['default', 'json'],
		outputFile: { json: 'test-results/unit.json' }
	},
	resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined
}));
