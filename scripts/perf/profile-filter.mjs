#!/usr/bin/env node
// Where a filter click's time goes on any chart view: serves a built site, opens a view, opens the
// Assets filter menu and toggles its first value N times under the CDP Profiler. Prints, per
// click, the ms from the click to the last DOM mutation inside the chart, to the last mutation
// anywhere, to the frame after it, and which parts of the page changed when; then the longest
// task and the top self-time (and with --inclusive, inclusive-time) functions per click.
//
//   node scripts/perf/profile-filter.mjs [--view=/timeline] [--data=/data/bench-50.json]
//     [--query=ef=response,median] [--clicks=10] [--site=build] [--port=4792] [--top=25]
//     [--inclusive] [--no-profile] [--late=ms]
//
// --query adds view state to the link, e.g. the efficacy families to draw. --late=ms logs each
// DOM change that comes later than ms after a click (what keeps the page busy).
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, systemChromium } from '../chromium-path.mjs';
import { cliArgs } from '../cli-args.mjs';
import { startStaticServer } from '../static-server.mjs';

const USAGE = `Usage: node scripts/perf/profile-filter.mjs [--view=/timeline] [--data=/data/bench-50.json]
  [--query=ef=response,median] [--clicks=10] [--site=build] [--port=4792] [--top=25]
  [--inclusive] [--no-profile] [--late=ms] [--help]`;
const args = cliArgs(process.argv.slice(2), USAGE);
const view = args.get('view') ?? '/timeline';
const data = args.get('data');
const query = [data ? `data=${data}` : '', args.get('query') ?? ''].filter(Boolean).join('&');
const clicks = Number(args.get('clicks') ?? 10);
const port = Number(args.get('port') ?? 4792);
const site = resolve(args.get('site') ?? 'build');
const profileOn = !args.has('no-profile');

/** In the page: one click, the mutations it causes (when, where) and the frame after the last. */
function clickAndWatch() {
	return new Promise((done) => {
		const target = document.querySelector('#filter-assets input[type=checkbox]');
		const where = (node) => {
			const el = node.nodeType === 1 ? node : node.parentElement;
			if (el?.closest?.('[data-chart]')) return 'chart';
			const owner = el?.closest?.('nav,header,[id],[class]');
			if (!owner) return '?';
			return owner.id ? `#${owner.id}` : `${owner.tagName.toLowerCase()}.${owner.classList[0]}`;
		};
		const seen = [];
		const observer = new MutationObserver((records) => {
			const at = performance.now() - t0;
			for (const r of records) {
				seen.push([Math.round(at), where(r.target)]);
				if (window.__late && at > window.__late)
					console.log(
						`late ${Math.round(at)} ${r.type} ${r.attributeName ?? ''} ${r.target.outerHTML?.slice(0, 120) ?? r.target.textContent}`
					);
			}
		});
		observer.observe(document.body, {
			subtree: true,
			childList: true,
			attributes: true,
			characterData: true
		});
		const frames = [];
		const t0 = performance.now();
		target.click();
		const tick = () =>
			requestAnimationFrame(() => {
				frames.push(performance.now() - t0);
				if (performance.now() - t0 < 600) tick();
				else {
					observer.disconnect();
					const last = seen.length ? seen.at(-1)[0] : null;
					const lastChart = seen.filter(([, w]) => w === 'chart').at(-1)?.[0] ?? null;
					const frame = frames.find((f) => last === null || f >= last) ?? null;
					const groups = new Map();
					for (const [at, w] of seen) {
						const g = groups.get(w) ?? [Infinity, -Infinity, 0];
						groups.set(w, [Math.min(g[0], at), Math.max(g[1], at), g[2] + 1]);
					}
					done({ last, lastChart, frame, firstFrame: frames[0], groups: [...groups] });
				}
			});
		tick();
	});
}

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
	if (args.has('late')) {
		page.on('console', (m) => m.text().startsWith('late') && console.log(m.text()));
		await page.addInitScript((ms) => (window.__late = ms), Number(args.get('late')));
	}
	const t0 = Date.now();
	await page.goto(`http://127.0.0.1:${port}${view}${query ? `?${query}` : ''}`);
	await page.waitForSelector('[data-chart-ready]', { timeout: 120_000 });
	console.log(`${view} ready after ${Date.now() - t0} ms (wall, incl. load)`);
	await page
		.getByRole('button', { name: /^Assets/ })
		.first()
		.click();
	await page.waitForSelector('#filter-assets input[type=checkbox]');
	await page.waitForTimeout(500);
	const cdp = await context.newCDPSession(page);
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
	const since = await page.evaluate(() => performance.now());
	if (profileOn) await cdp.send('Profiler.start');
	const samples = [];
	for (let i = 0; i < clicks; i++) samples.push(await page.evaluate(clickAndWatch));
	const profile = profileOn ? (await cdp.send('Profiler.stop')).profile : null;
	const longest = await page.evaluate(
		(s) => Math.max(0, ...window.__tasks.filter((t) => t.start >= s).map((t) => t.duration)),
		since
	);
	for (const s of samples) {
		const groups = s.groups.map(([w, [a, b, n]]) => `${w} ${a}-${b}(${n})`).join(', ');
		console.log(
			`chart ${s.lastChart} dom ${s.last} frame ${s.frame?.toFixed(0)} firstFrame ${s.firstFrame.toFixed(0)} | ${groups}`
		);
	}
	const med = (xs) => {
		const v = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
		return v[Math.floor(v.length / 2)];
	};
	console.log(
		`median chart ${med(samples.map((s) => s.lastChart))} dom ${med(samples.map((s) => s.last))} frame ${med(samples.map((s) => s.frame))?.toFixed(1)}; longest task ${longest.toFixed(0)} ms`
	);
	if (profile) {
		const self = new Map();
		const byId = new Map(profile.nodes.map((n) => [n.id, n]));
		const dt = profile.timeDeltas;
		const key = (f) => `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
		profile.samples.forEach((id, i) => {
			const k = key(byId.get(id).callFrame);
			self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0) / 1000);
		});
		const top = [...self.entries()]
			.filter(([k]) => !k.startsWith('(idle)'))
			.sort((a, b) => b[1] - a[1])
			.slice(0, Number(args.get('top') ?? 25));
		for (const [k, ms] of top)
			console.log(`${(ms / clicks).toFixed(2).padStart(8)} ms/click  ${k}`);
		if (args.has('inclusive')) {
			const parent = new Map();
			for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
			const total = new Map();
			profile.samples.forEach((id, i) => {
				const seen = new Set();
				for (let at = id; at !== undefined; at = parent.get(at)) {
					const f = byId.get(at).callFrame;
					if (!f.url) continue;
					const k = key(f);
					if (seen.has(k)) continue;
					seen.add(k);
					total.set(k, (total.get(k) ?? 0) + (dt[i] ?? 0) / 1000);
				}
			});
			console.log('--- inclusive');
			for (const [k, ms] of [...total.entries()].sort((a, b) => b[1] - a[1]).slice(0, 50))
				console.log(`${(ms / clicks).toFixed(2).padStart(8)} ms/click  ${k}`);
		}
	}
} finally {
	await browser.close();
	server.stop();
}
