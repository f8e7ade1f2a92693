#!/usr/bin/env node
// Measures, in Chromium on the built app, the time from a filter click to (a) the URL updated and
// (b) the last state written to IndexedDB (which includes the 250 ms save debounce), using the
// app's own performance measures (landscape:filter, landscape:url-write, landscape:idb-write).
// Usage: npx vite build && node scripts/perf/measure-state-latency.mjs [--runs=20] [--port=4392]
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { systemChromium, CHROMIUM_ARGS } from '../chromium-path.mjs';
import { startStaticServer } from '../static-server.mjs';

const arg = (name, fallback) =>
	Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const runs = arg('runs', 20);
const port = arg('port', 4392);
const server = await startStaticServer({ port });
const dataset = readFileSync('tests/fixtures/state-dataset.json', 'utf8');

try {
	const browser = await chromium.launch({ executablePath: systemChromium(), args: CHROMIUM_ARGS });
	const page = await browser.newPage();
	await page.route(
		(url) => url.pathname === '/fixtures/state-dataset.json',
		(route) => route.fulfill({ status: 200, contentType: 'application/json', body: dataset })
	);
	await page.goto(`http://127.0.0.1:${port}/timeline?data=/fixtures/state-dataset.json`);
	await page.getByRole('button', { name: /^Agency/ }).click();
	const samples = [];
	for (let i = 0; i < runs; i++) {
		samples.push(
			await page.evaluate(async () => {
				const box = document.querySelector('#filter-agencies input[type=checkbox]');
				const before = location.search;
				const t0 = performance.now();
				box.click();
				const end = (name) => {
					const e = performance.getEntriesByName(name).filter((m) => m.startTime >= t0);
					return e.length ? e.at(-1).startTime + e.at(-1).duration : null;
				};
				const wait = async (test) => {
					while (!test()) await new Promise((r) => setTimeout(r, 1));
				};
				await wait(() => location.search !== before);
				const url = performance.now() - t0;
				await wait(() => end('landscape:idb-write') !== null);
				const filter = performance
					.getEntriesByName('landscape:filter')
					.filter((m) => m.startTime >= t0);
				return {
					url,
					urlMeasure: end('landscape:url-write') - t0,
					idb: end('landscape:idb-write') - t0,
					filter: filter.reduce((s, m) => s + m.duration, 0)
				};
			})
		);
		await page.waitForTimeout(50);
	}
	await browser.close();
	const stat = (key) => {
		const xs = samples.map((s) => s[key]).sort((a, b) => a - b);
		const q = (p) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))].toFixed(1);
		return `median ${q(0.5)} ms, p90 ${q(0.9)} ms, max ${xs.at(-1).toFixed(1)} ms`;
	};
	console.log(`${runs} filter clicks on /timeline (fixture dataset):`);
	console.log(`  click → location.search changed:     ${stat('url')}`);
	console.log(`  click → goto settled (url-write):    ${stat('urlMeasure')}`);
	console.log(`  click → IndexedDB write done:        ${stat('idb')} (includes 250 ms debounce)`);
	console.log(`  applyFilters per click (filter):     ${stat('filter')}`);
} finally {
	server.stop();
}
