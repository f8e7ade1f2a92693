#!/usr/bin/env node
// `npm test`: the unit tests (vitest) and, beside them, a fresh build; then the end-to-end tests
// (Playwright in Chromium); then one closing line "N passed, N failed" that totals both. Exits
// non-zero when any step fails. A test that passed only on a retry (flaky) is listed on its own
// line and counted as failed: it would fail again for someone else.
//
// Why the build runs beside the unit tests: the build is mostly one thread, and the unit run
// spends its last seconds on one long file, so side by side they keep both cores busy; the
// end-to-end tests need both cores to themselves, so they run alone. The generated SvelteKit
// files are written once first, with the one version both processes share (below), so neither
// rewrites them while the other reads.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';

/** When `npm test` began, for the time it took (printed before the closing line). */
const invoked = Date.now();
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit' }).status ?? 1;

/** Runs a command with its output kept aside; resolves to its exit status and output. */
function runQuietly(cmd, args) {
	return new Promise((resolve) => {
		const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('close', (status) => resolve({ status: status ?? 1, output }));
	});
}

// One SvelteKit version for every step (svelte.config.js reads it). Each process that loads the
// config writes .svelte-kit/generated/server/internal.js, which names the pages' start-up global
// after the version: with a version per process, the unit run rewrote that file while the build
// read it, and the built pages looked for a global their scripts never define (no page started).
// With one version the content is the same and SvelteKit leaves the file alone.
process.env.LANDSCAPE_BUILD_VERSION ??= Date.now().toString();

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });
if (run('npx', ['svelte-kit', 'sync']) !== 0) process.exit(1);
const started = Date.now();
const building = (async () => {
	const chromium = await runQuietly('node', ['scripts/ensure-chromium.mjs']);
	if (chromium.status !== 0) return chromium;
	const build = await runQuietly('npx', ['vite', 'build']);
	if (build.status !== 0) return build;
	const startup = await runQuietly('node', ['scripts/check-start-global.mjs']);
	return { status: startup.status, output: build.output + startup.output };
})();
const unit = await new Promise((resolve) =>
	spawn('npx', ['vitest', 'run'], { stdio: 'inherit' }).on('close', (status) =>
		resolve(status ?? 1)
	)
);
const built = await building;
// The build's log is kept; shown in full only when it failed.
writeFileSync('test-results/build.log', built.output);
if (built.status !== 0) console.log(`\n== build failed\n${built.output}`);
else
	console.log(
		`\n== build done (log: test-results/build.log), ${((Date.now() - started) / 1000).toFixed(0)} s after the start`
	);
const build = built.status;
const e2e = build === 0 ? run('npx', ['playwright', 'test', ...process.argv.slice(2)]) : 1;

function read(path) {
	return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}
const unitReport = read('test-results/unit.json');
const e2eReport = read('test-results/e2e.json');
const unitPassed = unitReport?.numPassedTests ?? 0;
const unitFailed = unitReport?.numFailedTests ?? (unit === 0 ? 0 : 1);
const flaky = flakyTests(e2eReport);
const e2ePassed = e2eReport?.stats?.expected ?? 0;
const e2eFailed =
	e2eReport?.stats?.unexpected !== undefined
		? e2eReport.stats.unexpected + (e2eReport.stats.flaky ?? 0)
		: e2e === 0
			? 0
			: 1;
const skipped = (unitReport?.numPendingTests ?? 0) + (e2eReport?.stats?.skipped ?? 0);

/** "file › title" of each test whose outcome was flaky, from Playwright's JSON report. */
function flakyTests(report) {
	const names = [];
	const walk = (suite, path) => {
		for (const spec of suite.specs ?? []) {
			for (const t of spec.tests ?? []) {
				if (t.status === 'flaky') names.push([...path, spec.title].join(' › '));
			}
		}
		for (const child of suite.suites ?? []) walk(child, [...path, child.title]);
	};
	for (const suite of report?.suites ?? []) walk(suite, [suite.title]);
	return names;
}

if (flaky.length) {
	console.log(`\nflaky (passed only on a retry, counted as failed): ${flaky.join('; ')}`);
}
console.log(
	`\nunit: ${unitPassed} passed, ${unitFailed} failed; end-to-end: ${e2ePassed} passed, ${e2eFailed} failed`
);
console.log(`(${((Date.now() - invoked) / 60_000).toFixed(1)} min in all)`);
console.log(
	`${unitPassed + e2ePassed} passed, ${unitFailed + e2eFailed} failed${skipped ? `, ${skipped} skipped` : ''}`
);
process.exit(unit || build || e2e || flaky.length ? 1 : 0);
