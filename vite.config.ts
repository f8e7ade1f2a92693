import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { validatedBuiltIn } from './scripts/built-in-dataset';

const CORE = /src[\\/]lib[\\/](data|state|query)[\\/]|src[\\/]lib[\\/]db[\\/]hints/;
/** Core-folder modules that only on-demand code imports (the schema and its validation). */
const ON_DEMAND = /src[\\/]lib[\\/]data[\\/](schema|validate|issues|checked|qa|qa-[a-z]+)\.ts$/;

export default defineConfig({
	plugins: [sveltekit()],
	// The built-in dataset is validated here; a build with an invalid one fails (see the script).
	define: { __BUILT_IN_DATASET__: JSON.stringify(validatedBuiltIn()) },
	// Fewer, larger chunks for what every page loads: the framework and the app's data/state/query
	// core. A chart view went from 33 script requests to about 20 (15–17 with the schema and the
	// share panel on demand), which matters on HTTP/1.1 hosts (6 connections). Code loaded on
	// demand (the schema, storage, import, export) stays apart.
	build: {
		rolldownOptions: {
			output: {
				codeSplitting: {
					groups: [
						{
							name: 'framework',
							test: /node_modules[\\/](svelte|@sveltejs[\\/]kit|esm-env|devalue|clsx)[\\/]/,
							priority: 2
						},
						{
							name: 'core',
							test: (id) => CORE.test(id) && !ON_DEMAND.test(id),
							priority: 1
						}
					]
				}
			}
		}
	},
	test: {
		// MUTATION_TESTS (comma-separated paths) narrows the run to a module's own tests, for a quick
		// mutation run of one module (see docs/mutation-testing.md).
		include: process.env.MUTATION_TESTS?.split(',') ?? ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		// Most modules are pure: Node runs their tests without building a DOM for each file (that
		// setup was a third of the suite's time). Tests that mount components or read the DOM or
		// localStorage say `// @vitest-environment happy-dom` in their first line.
		environment: 'node',
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
});
