import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// Fewer, larger chunks for what every page loads: the framework (with the schema library) and
	// the app's data/state/query core. A chart view went from 33 to 20 script requests, which
	// matters on HTTP/1.1 hosts (6 connections); lazy code (storage, import, export) stays apart.
	build: {
		rolldownOptions: {
			output: {
				codeSplitting: {
					groups: [
						{
							name: 'framework',
							test: /node_modules[\\/](svelte|@sveltejs[\\/]kit|esm-env|devalue|clsx|zod)[\\/]/,
							priority: 2
						},
						{
							name: 'core',
							test: /src[\\/]lib[\\/](data|state|query)[\\/]|src[\\/]lib[\\/]db[\\/]hints/,
							priority: 1
						}
					]
				}
			}
		}
	},
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'happy-dom',
		setupFiles: ['src/test-setup.ts'],
		env: { TZ: 'UTC' },
		reporters: ['default', 'json'],
		outputFile: { json: 'test-results/unit.json' }
	},
	resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined
});
