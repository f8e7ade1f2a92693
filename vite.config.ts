import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
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
