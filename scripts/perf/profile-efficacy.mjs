#!/usr/bin/env node
// Where the efficacy filter update spends its time: serves a site (default bench-results/site, as
// left by scripts/bench.mjs, with its synthetic datasets), opens /efficacy at a scale, toggles the
// first asset of the filter bar N times under the CDP Profiler and prints the median update time
// (click → last DOM mutation in [data-chart]), the longest task and the top self-time functions.
//
//   node scripts/perf/profile-efficacy.mjs [--scale=1] [--clicks=10] [--site=bench-results/site]
//     [--port=4791] [--families=response,median,hazard,landmark]
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, systemChromium } from '../chromium-path.mjs';
import { cliArgs } from '../cli-args.mjs';
import { startStaticServer } from '../static-server.mjs';

const args = cliArgs();
const scale = args.get('scale') ?? '1';
const clicks = Number(args.get('clicks') ?? 10);
const port = Number(args.get('port') ?? 4791);
const site = resolve(args.get('site') ?? 'bench-results/site');
const families = args.get('families');

const server = await startStaticServer({ port, dir: site });
const browser = await chromium.launch({ executablePath: systemChromium(), args: CHROMIUM_ARGS });
try {
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	const page = await context.newPage();
	await page.addInitScript(() => {
		window.__tasks = [];
		new PerformanceObserver((list) => {
			for (const e of list.getEntries())
				window.__tasks.push({ start: e.startTime, duration: e.duration });
		}).observe({ type: 'longtask', buffered: true });
	});
	const query = families ? `&ef=${families}` : '';
	const t0 = Date.now();
	await page.goto(`http://127.0.0.1:${port}/efficacy?data=/data/bench-${scale}.json${query}`);
	await page.waitForSelector('[data-chart-ready]', { timeout: 60_000 });
	console.log(`ready after ${Date.now() - t0} ms (wall, incl. load)`);
	const stats = await page.evaluate(() => ({
		nodes: document.querySelectorAll('*').length,
		rows: document.querySelectorAll('[data-row-key]').length
	}));
	console.log(stats);
	await page
		.getByRole('button', { name: /^Assets/ })
		.first()
		.click();
	await page.waitForSelector('#filter-assets input[type=checkbox]');
	const cdp = await context.newCDPSession(page);
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
	const since = await page.evaluate(() => performance.now());
	await cdp.send('Profiler.start');
	const samples = [];
	for (let i = 0; i < clicks; i++) {
		samples.push(
			await page.evaluate(
				() =>
					new Promise((done) => {
						const target = document.querySelector('#filter-assets input[type=checkbox]');
						let last = null;
						const observer = new MutationObserver((records) => {
							if (records.some((r) => r.target.isConnected && r.target.closest?.('[data-chart]')))
								last = performance.now();
						});
						observer.observe(document.body, {
							subtree: true,
							childList: true,
							attributes: true,
							characterData: true
						});
						const t = performance.now();
						target.click();
						setTimeout(() => {
							observer.disconnect();
							done(last === null ? null : last - t);
						}, 400);
					})
			)
		);
	}
	const { profile } = await cdp.send('Profiler.stop');
	const longest = await page.evaluate(
		(s) => Math.max(0, ...window.__tasks.filter((t) => t.start >= s).map((t) => t.duration)),
		since
	);
	const sorted = samples.filter((s) => s !== null).sort((a, b) => a - b);
	console.log(
		`filter update: median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms, samples ${sorted.map((s) => s.toFixed(0)).join(' ')}; longest task ${longest.toFixed(0)} ms`
	);
	// Self time per function.
	const self = new Map();
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const dt = profile.timeDeltas;
	profile.samples.forEach((id, i) => {
		const node = byId.get(id);
		const f = node.callFrame;
		const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
		self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
	});
	const top = [...self.entries()]
		.filter(([k]) => !k.startsWith('(idle)'))
		.sort((a, b) => b[1] - a[1])
		.slice(0, Number(args.get('top') ?? 25));
	for (const [k, ms] of top) console.log(`${(ms / clicks).toFixed(2).padStart(8)} ms/click  ${k}`);
	// Inclusive time per function (each sample counts once per distinct function on its stack).
	if (args.has('inclusive')) {
		const parent = new Map();
		for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
		const total = new Map();
		profile.samples.forEach((id, i) => {
			const seen = new Set();
			for (let at = id; at !== undefined; at = parent.get(at)) {
				const f = byId.get(at).callFrame;
				if (!f.url) continue;
				const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
				if (seen.has(key)) continue;
				seen.add(key);
				total.set(key, (total.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
			}
		});
		console.log('--- inclusive');
		for (const [k, ms] of [...total.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40))
			console.log(`${(ms / clicks).toFixed(2).padStart(8)} ms/click  ${k}`);
	}
} finally {
	await browser.close();
	server.stop();
}
