#!/usr/bin/env node
// `npm test`: the unit tests (vitest), then a fresh build and the end-to-end tests (Playwright in
// Chromium), then one closing line "N passed, N failed" that totals both. Exits non-zero when any
// step fails.
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
const e2ePassed = (e2eReport?.stats?.expected ?? 0) + (e2eReport?.stats?.flaky ?? 0);
const e2eFailed = e2eReport?.stats?.unexpected ?? (e2e === 0 ? 0 : 1);
const skipped = (unitReport?.numPendingTests ?? 0) + (e2eReport?.stats?.skipped ?? 0);

console.log(
	`\nunit: ${unitPassed} passed, ${unitFailed} failed; end-to-end: ${e2ePassed} passed, ${e2eFailed} failed`
);
console.log(
	`${unitPassed + e2ePassed} passed, ${unitFailed + e2eFailed} failed${skipped ? `, ${skipped} skipped` : ''}`
);
process.exit(unit || chromium || build || e2e ? 1 : 0);
