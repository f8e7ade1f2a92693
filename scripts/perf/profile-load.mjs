#!/usr/bin/env node
// Where the time to the first chart goes (a quick look, not a test): loads one view of the
// served build in a fresh Chromium with the CPU profiler on, and prints when each resource
// finished loading, when the first chart appeared, and the functions with the most self time
// before it.
//
//   npm run build && npm run preview -- --port=4612 &
//   node scripts/perf/profile-load.mjs --port=4612 --view=/timeline [--data=/data/synthetic-50.json]
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, systemChromium } from '../chromium-path.mjs';
import { cliArgs } from '../cli-args.mjs';

const args = cliArgs();
const origin = `http://127.0.0.1:${Number(args.get('port') ?? 4612)}`;
const view = args.get('view') ?? '/timeline';
const data = args.get('data');
const top = Number(args.get('top') ?? 25);

const browser = await chromium.launch({ executablePath: systemChromium(), args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
const cdp = await page.context().newCDPSession(page);
await page.addInitScript(() => {
	window.__chartAt = null;
	new MutationObserver(() => {
		if (window.__chartAt === null && document.querySelector('[data-chart-ready]')) {
			window.__chartAt = performance.now();
		}
	}).observe(document, { subtree: true, childList: true, attributes: true });
});
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
const url = `${origin}${view}${data ? `?data=${encodeURIComponent(data)}` : ''}`;
await page.goto(url);
await page.waitForSelector('[data-chart-ready], h1', { timeout: 30_000 });
await page.waitForFunction(
	() => window.__chartAt !== null || !document.querySelector('[data-chart]')
);
const { profile } = await cdp.send('Profiler.stop');
const timing = await page.evaluate(() => ({
	chartAt: window.__chartAt,
	resources: performance.getEntriesByType('resource').map((e) => ({
		name: e.name.replace(location.origin, ''),
		start: e.startTime,
		end: e.responseEnd
	})),
	nav: performance.getEntriesByType('navigation')[0]?.toJSON()
}));

// --filter=N: then profiles N toggles of the first value in the Assets filter menu, each
// followed by a pause, and prints the self time of that phase (inclusive of rendering work).
const filterClicks = Number(args.get('filter') ?? 0);
let filterProfile = null;
if (filterClicks > 0) {
	await page
		.getByRole('button', { name: /^Assets/ })
		.first()
		.click();
	await page.waitForSelector('#filter-assets input[type=checkbox]');
	await page.waitForTimeout(500);
	await cdp.send('Profiler.start');
	if (args.has('trace')) {
		await browser.startTracing(page, {
			path: 'bench-results/filter-trace.json',
			categories: (args.get('trace') === 'true'
				? 'devtools.timeline,blink'
				: String(args.get('trace'))
			).split(',')
		});
	}
	for (let i = 0; i < filterClicks; i++) {
		await page.locator('#filter-assets input[type=checkbox]').first().click();
		await page.waitForTimeout(300);
	}
	filterProfile = (await cdp.send('Profiler.stop')).profile;
	if (args.has('trace')) {
		await browser.stopTracing();
		// Main-thread rendering phases per toggle, from the trace (style, layout, paint, ...).
		const { traceEvents } = JSON.parse(readFileSync('bench-results/filter-trace.json', 'utf8'));
		const main = traceEvents.find(
			(e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain'
		);
		const phases = new Map();
		for (const e of traceEvents) {
			if (e.ph !== 'X' || !main || e.pid !== main.pid || e.tid !== main.tid) continue;
			phases.set(e.name, (phases.get(e.name) ?? 0) + e.dur / 1000);
		}
		console.log('main-thread phases per toggle (ms, nested phases overlap):');
		for (const [name, ms] of [...phases].sort((a, b) => b[1] - a[1]).slice(0, 14)) {
			console.log(`  ${(ms / filterClicks).toFixed(2).padStart(7)}  ${name}`);
		}
	}
}
await browser.close();

console.log(
	`first chart at ${timing.chartAt?.toFixed(0)} ms; DOMContentLoaded ${timing.nav?.domContentLoadedEventEnd.toFixed(0)} ms`
);
for (const r of timing.resources) {
	console.log(
		`  ${r.start.toFixed(0).padStart(5)} → ${r.end.toFixed(0).padStart(5)} ms  ${r.name}`
	);
}

// With a build made by `vite build --sourcemap`, frames are named by their source file.
const maps = new Map();
function sourceOf(frame) {
	const path = frame.url.replace(origin, '');
	if (!path.startsWith('/_app/')) return null;
	if (!maps.has(path)) {
		const file = resolve('build' + path + '.map');
		maps.set(path, existsSync(file) ? new TraceMap(readFileSync(file, 'utf8')) : null);
	}
	const map = maps.get(path);
	if (!map) return null;
	const pos = originalPositionFor(map, { line: frame.lineNumber + 1, column: frame.columnNumber });
	return pos.source
		? `${pos.name ?? '?'} ${pos.source.replace(/^(\.\.\/)+/, '')}:${pos.line}`
		: null;
}

/** A frame's name: its source position when mapped, else its function and URL. */
const frameName = (f) =>
	sourceOf(f) ??
	`${f.functionName || '(anonymous)'} ${f.url.replace(origin, '')}:${f.lineNumber + 1}`;

/** Each sample of a CPU profile: µs since the profile started, the frame's name, ms spent. */
function* samplesOf(cpuProfile) {
	const nodes = new Map(cpuProfile.nodes.map((n) => [n.id, n]));
	let at = 0;
	for (let i = 0; i < cpuProfile.samples.length; i++) {
		at += cpuProfile.timeDeltas[i];
		const key = frameName(nodes.get(cpuProfile.samples[i]).callFrame);
		yield { at, key, ms: cpuProfile.timeDeltas[i] / 1000 };
	}
}

const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);

// Self time per function, counted only for samples before the first chart (the profiler starts
// just before navigation).
const self = new Map();
const cutoff = timing.chartAt === null ? Infinity : timing.chartAt * 1000;
for (const { at, key, ms } of samplesOf(profile)) {
	if (at > cutoff + 50_000) break;
	add(self, key, ms);
}
// What ran when: the top functions in each 100 ms of the load (--buckets).
if (args.has('buckets')) {
	const buckets = new Map();
	for (const { at, key, ms } of samplesOf(profile)) {
		const slot = Math.floor(at / 100_000);
		if (!buckets.has(slot)) buckets.set(slot, new Map());
		add(buckets.get(slot), key, ms);
	}
	for (const [slot, b] of [...buckets].sort((a, b) => a[0] - b[0])) {
		const items = [...b].sort((x, y) => y[1] - x[1]).slice(0, 6);
		console.log(`${slot * 100} ms: ${items.map(([k, ms]) => `${ms.toFixed(0)} ${k}`).join(' | ')}`);
	}
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
const idle = self.get('(idle) :0') ?? 0;
console.log(`\nprofiled ${total.toFixed(0)} ms, idle ${idle.toFixed(0)} ms; top self time:`);
for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
	console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${key}`);
}

if (filterProfile) {
	const spent = new Map();
	for (const { key, ms } of samplesOf(filterProfile)) add(spent, key, ms);
	const busy = [...spent].filter(([k]) => !k.startsWith('(idle)'));
	const sum = busy.reduce((a, [, ms]) => a + ms, 0);
	console.log(
		`\n${filterClicks} filter toggles: ${(sum / filterClicks).toFixed(1)} ms busy each; top:`
	);
	for (const [key, ms] of busy.sort((a, b) => b[1] - a[1]).slice(0, top)) {
		console.log(`  ${(ms / filterClicks).toFixed(2).padStart(7)} ms  ${key}`);
	}
}
