import { availableParallelism } from 'node:os';
import { defineConfig, devices } from '@playwright/test';
import { testChromium, CHROMIUM_ARGS } from './scripts/chromium-path.mjs';

// E2E_PORT lets several checkouts run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);
// Chromium's headless shell where installed, else the desktop Chromium (chromium-path.mjs).
const executablePath = testChromium();

export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.spec.ts',
	// Its own folder: Playwright empties outputDir at start, and the unit report lives beside it.
	outputDir: 'test-results/playwright',
	fullyParallel: true,
	// Tests are independent (a reset context each), so they run side by side. Playwright's default is
	// half the cores, one worker on a 2-core machine; two keep both cores busy while a page waits
	// (three were no faster here: the whole suite in 8.0 min against 7.8 with two, idle machine).
	workers: Math.max(2, Math.floor(availableParallelism() / 2)),
	// No retries: a test that passes only on its second try is a failure to fix, not to hide.
	retries: 0,
	timeout: 30_000,
	expect: { timeout: 7_000 },
	forbidOnly: !!process.env.CI,
	reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		timezoneId: 'UTC',
		locale: 'en-GB',
		// Recording a trace costs every test its screenshots and DOM snapshots, failing or not (about
		// a sixth of the suite's time here). A failure keeps its screenshot; to see its trace, run
		// that spec again with `--trace=retain-on-failure`.
		trace: 'off',
		screenshot: 'only-on-failure',
		// One browser context per worker, reset by Playwright between tests (storage, cookies, cache,
		// pages, routes, init scripts, viewport and media), instead of a new context per test: a new
		// context starts a new renderer process and loads the app into a cold cache, about a second
		// of every test on this 2-core machine. What the reset leaves (permissions) the fixtures
		// clear; tests/isolation.spec.ts checks that nothing a test leaves reaches the next one.
		reuseContext: true,
		...devices['Desktop Chrome'],
		viewport: { width: 1440, height: 900 },
		launchOptions: { executablePath, args: CHROMIUM_ARGS }
	},
	webServer: {
		command: `node scripts/serve-static.mjs --port=${PORT}`,
		url: `http://127.0.0.1:${PORT}/`,
		// Never another server's pages: one left on the port (a preview, a stopped run, another
		// checkout) would be tested in place of this build, and fail or pass for the wrong reason.
		// Playwright then stops with "port already used"; E2E_PORT picks another.
		reuseExistingServer: false,
		timeout: 30_000
	}
});
