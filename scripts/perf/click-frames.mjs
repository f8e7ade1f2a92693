#!/usr/bin/env node
// Filter click → next frame and → that frame painted, for the app's forest plot and timeline and
// for the same charts drawn by Observable Plot (the bench's peer pages), with the clicks made
// inside the page: one `page.evaluate` makes all of a load's clicks, each at a set phase after a
// frame began (the bench's phases), and times the first requestAnimationFrame after it (next frame)
// and a message posted from that callback (painted). The bench instead makes one Playwright call
// per click and times the frame after the last DOM change anywhere in the page; this script is a
// second opinion on the same question, to tell the work from the way it is measured.
//
// Caution: "next frame" depends on where each click falls against the display's frames, and so on
// how the loop around it is written. Variants of this loop on the same pages (a mutation observer
// added, clicks run right after page load) moved the app's figure between 7.3 and 11.1 ms and
// Plot's between 4.5 and 10.8. Compare pages within one run of one script, never across scripts.
//
//   npx vite build && node scripts/perf/click-frames.mjs [--loads=3] [--clicks=60] [--site=build]
//     [--port=4793]
//
// Pages load alternately (app, Plot, app, Plot ...); each figure is the median over every click of
// every load, with the min–max of the per-load medians.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, systemChromium } from '../chromium-path.mjs';
import { cliArgs } from '../cli-args.mjs';
import { startStaticServer } from '../static-server.mjs';
import { CLICK_PHASES } from './click-phases.mjs';
import { buildPeers, PEER_SETS } from './peers.mjs';

const USAGE = `Usage: node scripts/perf/click-frames.mjs [--loads=3] [--clicks=60] [--site=build]
  [--port=4793] [--help]`;
const args = cliArgs(process.argv.slice(2), USAGE);
const loads = Number(args.get('loads') ?? 3);
const clicks = Number(args.get('clicks') ?? 60);
const port = Number(args.get('port') ?? 4793);

/** In the page: `count` clicks on the first asset filter, each timed to its next frame and paint. */
function clickLoop({ count, phases }) {
	const box = document.querySelector('#filter-assets input[type=checkbox]');
	const atPhase = (phase) =>
		new Promise((go) =>
			requestAnimationFrame((frameStart) =>
				setTimeout(go, Math.max(0, phase - (performance.now() - frameStart)))
			)
		);
	const oneClick = async (phase) => {
		await atPhase(phase);
		const t0 = performance.now();
		box.click();
		return new Promise((done) =>
			requestAnimationFrame(() => {
				const frame = performance.now() - t0;
				const channel = new MessageChannel();
				channel.port1.onmessage = () => done({ frame, painted: performance.now() - t0 });
				channel.port2.postMessage(null);
			})
		);
	};
	return (async () => {
		const out = [];
		for (let i = 0; i < count; i++) {
			out.push(await oneClick(phases[i % phases.length]));
			await new Promise((rest) => setTimeout(rest, 30));
		}
		return out;
	})();
}

const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (v) => Math.round(v * 10) / 10;

const site = mkdtempSync(join(tmpdir(), 'landscape-click-frames-'));
cpSync(resolve(args.get('site') ?? 'build'), site, { recursive: true });
await buildPeers(site);
const server = await startStaticServer({ dir: site, port });
const browser = await chromium.launch({ executablePath: systemChromium(), args: CHROMIUM_ARGS });
const samples = {};
try {
	for (let load = 0; load < loads; load++) {
		for (const set of PEER_SETS) {
			for (const path of [set.app, set.plot]) {
				const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
				await page.goto(`${server.origin}${path}`);
				await page.waitForSelector('[data-chart-ready]');
				// The app's idle-time loads and its takeover of the prerendered chart are over by then.
				await page.waitForTimeout(1500);
				const menu = page.getByRole('button', { name: /^Assets/ }).first();
				if (await menu.count()) await menu.click();
				await page.waitForSelector('#filter-assets input[type=checkbox]');
				await page.waitForTimeout(300);
				const result = await page.evaluate(clickLoop, { count: clicks, phases: CLICK_PHASES });
				(samples[path] ??= []).push(result);
				await page.close();
			}
		}
	}
} finally {
	await browser.close();
	server.stop();
	rmSync(site, { recursive: true, force: true });
}

const figure = (path, key) => {
	const perLoad = samples[path].map((clicksOfLoad) => median(clicksOfLoad.map((c) => c[key])));
	const all = samples[path].flat().map((c) => c[key]);
	return { median: median(all), min: Math.min(...perLoad), max: Math.max(...perLoad) };
};
const text = (f) => `${round(f.median)} (${round(f.min)}–${round(f.max)})`;
const rows = [];
for (const set of PEER_SETS) {
	for (const key of ['frame', 'painted']) {
		const app = figure(set.app, key);
		const plot = figure(set.plot, key);
		rows.push({
			chart: set.chart,
			measure: key === 'frame' ? 'click → next frame (ms)' : 'click → that frame painted (ms)',
			app: text(app),
			'Observable Plot': text(plot),
			'app ÷ Plot': `${(app.median / plot.median).toFixed(2)}×`
		});
	}
}
console.log(`${loads} loads of each page, ${clicks} clicks a load`);
console.table(rows);
