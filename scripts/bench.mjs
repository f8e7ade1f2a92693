#!/usr/bin/env node
// Measured speed at scale: builds the app, serves a copy of the build with synthetic datasets
// beside it, drives the system Chromium through playwright-core and records, per view and scale:
// time to the first chart (`[data-chart-ready]`, set by each chart when its marks are drawn; until
// a view has a chart, time to its h1), initial JS/CSS transferred (raw and gzip, since the static
// server sends files uncompressed), JS heap after render, and the longest main-thread task.
// Writes bench-results/bench.json and prints a table.
//
//   node scripts/bench.mjs [--skip-build] [--scales=1,50] [--runs=3] [--views=/,/timeline]
//
// Adding a measure: append to PAGE_MEASURES (runs on a loaded page, returns numbers) or to
// SESSION_MEASURES (drives the page, e.g. filter updates); each result is a flat record of
// numbers keyed by the measure's name, so the table and JSON pick it up without other changes.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, systemChromium } from './chromium-path.mjs';

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

const args = new Map(
	process.argv
		.slice(2)
		.map((arg) => arg.replace(/^--/, '').split('='))
		.map(([k, v]) => [k, v ?? 'true'])
);
const SCALES = (args.get('scales') ?? '1,50').split(',').map(Number);
const RUNS = Number(args.get('runs') ?? 3);
const VIEWS = (args.get('views') ?? '/,/timeline,/mechanisms,/efficacy,/data').split(',');
const OUT_DIR = resolve('bench-results');
const SITE = resolve(OUT_DIR, 'site');
const READY_TIMEOUT = 30_000;

// ---------------------------------------------------------------------------------------------
// Measures
// ---------------------------------------------------------------------------------------------

/**
 * Installed before any page script: records when the first h1 and the first
 * `[data-chart-ready]` appear (ms since navigation start) and every long task (> 50 ms).
 */
function pageProbe() {
	const bench = { h1At: null, chartAt: null, longTasks: [] };
	window.__bench = bench;
	try {
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries()) bench.longTasks.push(entry.duration);
		}).observe({ type: 'longtask', buffered: true });
	} catch {
		// No longtask support: longestTask stays 0.
	}
	const check = () => {
		if (bench.h1At === null && document.querySelector('h1')) bench.h1At = performance.now();
		if (bench.chartAt === null && document.querySelector('[data-chart-ready]')) {
			bench.chartAt = performance.now();
		}
	};
	new MutationObserver(check).observe(document, {
		subtree: true,
		childList: true,
		attributes: true,
		attributeFilter: ['data-chart-ready']
	});
}

/** Measures read from a page after its view is ready. Each returns a flat record of numbers. */
const PAGE_MEASURES = [
	{
		name: 'ready',
		async run({ page }) {
			const { h1At, chartAt } = await page.evaluate(() => window.__bench);
			return { h1Ms: h1At, chartMs: chartAt, firstChartMs: chartAt ?? h1At };
		}
	},
	{
		name: 'longTask',
		async run({ page }) {
			// Let trailing work (idle callbacks, late effects) land in the observer.
			await page.waitForTimeout(300);
			const tasks = await page.evaluate(() => window.__bench.longTasks);
			return {
				longestTaskMs: tasks.length ? Math.max(...tasks) : 0,
				blockingMs: tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0)
			};
		}
	},
	{
		name: 'heap',
		async run({ cdp }) {
			await cdp.send('HeapProfiler.collectGarbage');
			const { metrics } = await cdp.send('Performance.getMetrics');
			const value = (name) => metrics.find((m) => m.name === name)?.value ?? null;
			return {
				heapUsedMB: value('JSHeapUsedSize') / 1024 / 1024,
				domNodes: value('Nodes')
			};
		}
	},
	{
		name: 'transfer',
		async run({ responses }) {
			const totals = { jsKB: 0, jsGzipKB: 0, cssKB: 0, cssGzipKB: 0, jsFiles: 0, cssFiles: 0 };
			for (const { type, body } of responses) {
				const kind = type === 'script' ? 'js' : type === 'stylesheet' ? 'css' : null;
				if (!kind) continue;
				totals[`${kind}KB`] += body.length / 1024;
				totals[`${kind}GzipKB`] += gzipSync(body).length / 1024;
				totals[`${kind}Files`] += 1;
			}
			return totals;
		}
	}
];

/**
 * Measures that drive the page (each gets a fresh, ready page). To come when the views exist:
 * - filterUpdate: median of 20 filter changes, time until `[data-chart-ready]` is set again;
 * - viewSwitch: click a nav link, time to the next view's first chart;
 * - export: SVG / PNG / PPTX export times.
 */
const SESSION_MEASURES = [];

// ---------------------------------------------------------------------------------------------
// Plumbing
// ---------------------------------------------------------------------------------------------

function run(command, commandArgs) {
	const result = spawnSync(command, commandArgs, { stdio: 'inherit' });
	if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} failed`);
}

function freePort() {
	return new Promise((resolvePort, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolvePort(port));
		});
	});
}

async function waitForServer(url, timeout = 15_000) {
	const deadline = Date.now() + timeout;
	while (Date.now() < deadline) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not up yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`the static server did not answer at ${url}`);
}

const median = (values) => {
	const sorted = values.filter((v) => typeof v === 'number').sort((a, b) => a - b);
	if (sorted.length === 0) return null;
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** The dataset to scale: the real one when it has content, else the small fictional fixture. */
function baseDataset() {
	const her2 = 'static/data/her2.json';
	const dataset = JSON.parse(readFileSync(her2, 'utf8'));
	return dataset.assets?.length > 0
		? { path: her2, real: true }
		: { path: 'tests/fixtures/xss-base.json', real: false };
}

/** A copy of the build with the bench datasets beside it; build/ itself stays shippable. */
function prepareSite(base) {
	rmSync(SITE, { recursive: true, force: true });
	cpSync('build', SITE, { recursive: true });
	mkdirSync(resolve(SITE, 'data'), { recursive: true });
	const datasets = {};
	for (const scale of SCALES) {
		const name = `bench-${scale}.json`;
		run('npx', [
			'tsx',
			'scripts/synth-dataset.ts',
			`--scale=${scale}`,
			'--seed=1',
			`--base=${base.path}`,
			`--out=${resolve(SITE, 'data', name)}`
		]);
		datasets[scale] = `/data/${name}`;
	}
	return datasets;
}

async function measureView(browser, origin, view, dataPath) {
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	const page = await context.newPage();
	await page.addInitScript(pageProbe);
	const cdp = await context.newCDPSession(page);
	await cdp.send('Performance.enable');
	const pending = [];
	page.on('response', (response) => {
		const type = response.request().resourceType();
		if (type !== 'script' && type !== 'stylesheet') return;
		pending.push(
			response
				.body()
				.then((body) => ({ type, body }))
				.catch(() => ({ type, body: Buffer.alloc(0) }))
		);
	});
	await page.goto(`${origin}${view}?data=${dataPath}`);
	await page.waitForFunction(
		() => window.__bench?.h1At !== null || !!document.querySelector('[role="alert"]'),
		null,
		{
			timeout: READY_TIMEOUT
		}
	);
	if (await page.locator('[role="alert"]').count()) {
		throw new Error(`${view} shows the error panel for ${dataPath}`);
	}
	// A view with a chart is ready when the chart says so; give it the time it needs.
	const hasChart = await page
		.waitForFunction(() => window.__bench.chartAt !== null, null, { timeout: 3_000 })
		.then(() => true)
		.catch(() => false);
	const responses = await Promise.all(pending);
	const record = { hasChart: hasChart ? 1 : 0 };
	for (const measure of [...PAGE_MEASURES, ...SESSION_MEASURES]) {
		Object.assign(record, await measure.run({ page, cdp, responses }));
	}
	await context.close();
	return record;
}

function medianRecord(records) {
	const keys = Object.keys(records[0] ?? {});
	return Object.fromEntries(keys.map((key) => [key, median(records.map((r) => r[key]))]));
}

const round = (value) => (typeof value === 'number' ? Math.round(value * 10) / 10 : value);

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function main() {
	if (!args.has('skip-build')) run('npx', ['vite', 'build']);
	if (!existsSync('build/200.html')) throw new Error('no build; run without --skip-build');
	const executablePath = systemChromium();
	if (!executablePath) throw new Error('no system Chromium (set CHROMIUM_PATH)');

	const base = baseDataset();
	const datasets = prepareSite(base);
	const port = await freePort();
	const server = spawn('node', ['scripts/serve-static.mjs', `--port=${port}`, `--dir=${SITE}`], {
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const origin = `http://127.0.0.1:${port}`;
	const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
	const chromiumVersion = browser.version();
	const results = [];
	try {
		await waitForServer(`${origin}/`);
		for (const scale of SCALES) {
			for (const view of VIEWS) {
				const records = [];
				for (let i = 0; i < RUNS; i++) {
					records.push(await measureView(browser, origin, view, datasets[scale]));
				}
				const record = medianRecord(records);
				results.push({ scale, view, runs: RUNS, ...record });
				console.log(
					`scale ${scale} ${view}: first chart ${round(record.firstChartMs)} ms, heap ${round(record.heapUsedMB)} MB`
				);
			}
		}
	} finally {
		await browser.close();
		server.kill();
	}

	const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], {
		encoding: 'utf8'
	}).stdout.trim();
	const initial = results.find((r) => r.view === '/' && r.scale === SCALES[0]) ?? results[0];
	const report = {
		date: new Date().toISOString(),
		commit,
		chromium: chromiumVersion,
		base: base.path,
		baseIsReal: base.real,
		scales: SCALES,
		runs: RUNS,
		note: 'Medians of runs, each in a fresh browser context (cold cache). firstChartMs is time from navigation start to [data-chart-ready], or to the h1 for views without a chart yet (hasChart = 0). Transfer sizes: response bodies, gzip = node:zlib level 6.',
		initialTransfer: initial && {
			jsKB: initial.jsKB,
			jsGzipKB: initial.jsGzipKB,
			cssKB: initial.cssKB,
			cssGzipKB: initial.cssGzipKB
		},
		results
	};
	mkdirSync(OUT_DIR, { recursive: true });
	writeFileSync(resolve(OUT_DIR, 'bench.json'), `${JSON.stringify(report, null, '\t')}\n`);

	console.log(
		`\nBench on ${base.real ? 'the real dataset' : `${base.path} (real dataset not available)`}, median of ${RUNS}:`
	);
	console.table(
		results.map((r) =>
			Object.fromEntries(
				[
					['scale', r.scale],
					['view', r.view],
					['chart?', r.hasChart ? 'yes' : 'h1'],
					['first chart ms', r.firstChartMs],
					['longest task ms', r.longestTaskMs],
					['heap MB', r.heapUsedMB],
					['DOM nodes', r.domNodes],
					['JS gz KB', r.jsGzipKB],
					['CSS gz KB', r.cssGzipKB]
				].map(([k, v]) => [k, round(v)])
			)
		)
	);
	console.log(`wrote ${resolve(OUT_DIR, 'bench.json')}`);
}

main().catch((error) => {
	console.error(`bench: ${error.message}`);
	process.exitCode = 1;
});
