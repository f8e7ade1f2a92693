#!/usr/bin/env node
// The first chart in Firefox and in WebKit (Safari's engine), which `npm run bench` (Chromium)
// does not drive: when the chart is on screen after a cold navigation, and the JavaScript
// requested before it. Builds given with --sites load alternately, so they share the machine's
// moods. By hand, on built sites (e.g. two commits' `build/`):
//
//   node scripts/perf/first-chart-browsers.mjs --browser=firefox --sites=/tmp/a,build [--runs=5]
//   xvfb-run -a node scripts/perf/first-chart-browsers.mjs --browser=webkit --sites=build
//
// On screen: where the page shows its prerendered drawing (the head script hid nothing), the
// first contentful paint, which holds it; else the first look (every ~5 ms, from outside the
// page) that finds the chart's marks visible, drawn by the app. Each figure is a median with
// min–max. Scripts: /_app/ requests started before that moment, and their encoded (compressed)
// bytes as the browser reports them (WebKitGTK often reports none).
import { resolve } from 'node:path';
import { openerNamed } from '../browsers/index.mjs';
import { cliArgs } from '../cli-args.mjs';
import { startStaticServer } from '../static-server.mjs';

const USAGE =
	'Usage: node scripts/perf/first-chart-browsers.mjs --browser=firefox|webkit --sites=dir[,dir] ' +
	'[--runs=5] [--views=/timeline,/efficacy] [--port=4970]';
const args = cliArgs(process.argv.slice(2), USAGE);
const openBrowser = openerNamed(args.get('browser'));
if (!openBrowser || !args.has('sites')) {
	console.error(USAGE);
	process.exit(2);
}
const sites = args.get('sites').split(',');
const runs = Number(args.get('runs') ?? 5);
const views = (args.get('views') ?? '/timeline,/efficacy').split(',');
const port = Number(args.get('port') ?? 4970);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The page's state at one look; run in the page. */
const LOOK = `
	const mark = document.querySelector('[data-chart] [data-mark], [data-chart] [data-row-key]');
	const visible = !!mark && getComputedStyle(mark).visibility === 'visible' &&
		mark.getBoundingClientRect().width > 0;
	const fcp = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint');
	return {
		at: performance.now(),
		url: location.href,
		visible,
		hidden: /no-fluid-svg|client-render/.test(document.documentElement.className),
		fcp: fcp ? fcp.startTime : null
	};`;
const SCRIPTS_BEFORE = `
	const before = performance.getEntriesByType('resource')
		.filter((e) => e.name.includes('/_app/') && e.startTime < arguments[0]);
	return { count: before.length, bytes: before.reduce((sum, e) => sum + (e.encodedBodySize || 0), 0) };`;

const servers = [];
for (const [i, dir] of sites.entries())
	servers.push(await startStaticServer({ dir: resolve(dir), port: port + i }));
const browser = await openBrowser({
	port: port + sites.length,
	width: 1440,
	height: 900,
	pageLoadStrategy: 'none'
});
/** site → view → { chartMs[], inPaint[], scriptsKB[] } */
const samples = sites.map(() =>
	Object.fromEntries(
		views.map((v) => [v, { chartMs: [], inPaint: [], scriptsKB: [], requests: [] }])
	)
);
try {
	console.log(browser.name);
	for (let run = 0; run < runs; run++)
		for (const view of views)
			for (let i = 0; i < servers.length; i++) {
				// Odd runs take the sites in reverse order: neither always goes first.
				const order = run % 2 ? servers.length - 1 - i : i;
				const target = `${servers[order].origin}${view}`;
				await browser.open('about:blank');
				await sleep(300);
				await browser.open(target);
				let look = null;
				const deadline = Date.now() + 10_000;
				for (;;) {
					look = await browser.run(LOOK).catch(() => null);
					// A look before the new document exists reads the old one.
					if (look?.url === target && look.visible && look.fcp !== null) break;
					if (Date.now() > deadline) throw new Error(`${target}: no chart within 10 s`);
					await sleep(5);
				}
				const inPaint = !look.hidden;
				const chartMs = inPaint ? look.fcp : look.at;
				await sleep(1500);
				const scripts = await browser.run(SCRIPTS_BEFORE, chartMs);
				const s = samples[order][view];
				s.chartMs.push(chartMs);
				s.inPaint.push(inPaint);
				s.scriptsKB.push(scripts.bytes / 1024);
				s.requests.push(scripts.count);
			}
} finally {
	await browser.close();
	for (const server of servers) server.stop();
}

const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const spread = (xs, digits = 0) =>
	`${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;
for (const [i, dir] of sites.entries())
	for (const view of views) {
		const s = samples[i][view];
		const inPaint = s.inPaint.filter(Boolean).length;
		console.log(
			`${dir} ${view}: chart on screen ${spread(s.chartMs)} ms; in the first paint ${inPaint}/${s.inPaint.length}; ` +
				`scripts requested before it ${spread(s.requests)}, ${spread(s.scriptsKB, 1)} KB`
		);
	}
