#!/usr/bin/env node
// `npm test`: the unit tests (vitest), then a fresh build and the end-to-end tests (Playwright in
// Chromium), then one closing line "N passed, N failed" that totals both. Exits non-zero when any
// step fails. A test that passed only on a retry (flaky) is listed on its own line and counted as
// failed: it would fail again for someone else.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, existsSync } from 'node:fs';

const run = (cmd, args, env = {}) =>
	spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

rmSync('test-results', { recursive: true, force: true });
const unit = run('npx', ['vitest', 'run']);
const chromium = run('node', ['scripts/ensure-chromium.mjs']);
const build = chromium === 0 ? run('npx', ['vite', 'build']) : 1;
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
console.log(
	`${unitPassed + e2ePassed} passed, ${unitFailed + e2eFailed} failed${skipped ? `, ${skipped} skipped` : ''}`
);
process.exit(unit || chromium || build || e2e || flaky.length ? 1 : 0);
