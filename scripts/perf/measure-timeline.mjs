#!/usr/bin/env node
// Measures the timeline view (a quick look, not a test): time to the first chart, SVG size, and
// how long a filter change, a regrouping and a zoom step take until the chart has redrawn
// (`data-chart-ready` changes value) and the next frame starts.
//
//   npx vite build
//   npx tsx scripts/synth-dataset.ts --scale 50 --seed 1 --out /tmp/synthetic-50.json
//   cp /tmp/synthetic-50.json build/data/     # remove it again afterwards
//   node scripts/perf/measure-timeline.mjs --port=4611 --data=/data/synthetic-50.json
//
// Without --data it measures the bundled HER2 dataset. Serves build/ itself on --port.
import { chromium } from '@playwright/test';
import { systemChromium, CHROMIUM_ARGS } from '../chromium-path.mjs';
import { cliArgs } from '../cli-args.mjs';
import { startStaticServer } from '../static-server.mjs';

const args = cliArgs();
const port = Number(args.get('port') ?? 4611);
const data = args.get('data') ?? null;
const runs = Number(args.get('runs') ?? 5);
const origin = `http://127.0.0.1:${port}`;

const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length ? Math.round(s[Math.floor(s.length / 2)] * 10) / 10 : null;
};

/** In the page: run `act`, resolve with ms until data-chart-ready changes and a frame passes. */
const timeRedraw = (page, act) =>
	page.evaluate(async (actName) => {
		const root = document.querySelector('[data-chart="timeline"]');
		const before = root.getAttribute('data-chart-ready');
		const done = new Promise((resolve) => {
			const observer = new MutationObserver(() => {
				if (root.getAttribute('data-chart-ready') !== before) {
					observer.disconnect();
					requestAnimationFrame(() => setTimeout(resolve, 0));
				}
			});
			observer.observe(root, { attributes: true, attributeFilter: ['data-chart-ready'] });
		});
		const t0 = performance.now();
		window.__measureActs[actName]();
		await done;
		return performance.now() - t0;
	}, act);

const server = await startStaticServer({ port });
try {
	const browser = await chromium.launch({ executablePath: systemChromium(), args: CHROMIUM_ARGS });
	const first = [];
	let size = null;
	const filter = [];
	const group = [];
	const zoom = [];
	for (let run = 0; run < runs; run++) {
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
		const page = await context.newPage();
		await page.addInitScript(() => {
			window.__chartAt = null;
			new MutationObserver(() => {
				if (window.__chartAt === null && document.querySelector('[data-chart-ready]'))
					window.__chartAt = performance.now();
			}).observe(document, { subtree: true, childList: true, attributes: true });
		});
		const url = `${origin}/timeline${data ? `?data=${encodeURIComponent(data)}` : ''}`;
		await page.goto(url);
		await page.waitForSelector('[data-chart-ready]', { timeout: 120_000 });
		first.push(await page.evaluate(() => window.__chartAt));
		size ??= await page.evaluate(() => {
			const root = document.querySelector('[data-chart="timeline"]');
			const svg = root.querySelector('svg');
			return {
				svgNodes: svg.querySelectorAll('*').length,
				lanes: svg.querySelectorAll('[data-lane]').length,
				marks: svg.querySelectorAll('[data-mark]').length,
				glyphs: svg.querySelectorAll('[data-mark^="ms:"]').length,
				domNodes: document.querySelectorAll('*').length
			};
		});
		// The acts: the first asset in the filter bar on/off, lanes by indication/asset, zoom in.
		await page.getByRole('button', { name: /^Assets/ }).click();
		await page.evaluate(() => {
			const box = document.querySelector('[id^="filter-assets"] input[type="checkbox"]');
			const radios = [...document.querySelectorAll('input[type="radio"]')];
			const button = (name) =>
				[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === name);
			window.__measureActs = {
				filter: () => box.click(),
				group: () =>
					radios
						.find((r) => !r.checked && (r.value === 'indication' || r.value === 'asset'))
						.click(),
				zoom: () => button('Zoom in').click()
			};
		});
		filter.push(await timeRedraw(page, 'filter'));
		filter.push(await timeRedraw(page, 'filter'));
		await page.keyboard.press('Escape');
		group.push(await timeRedraw(page, 'group'));
		group.push(await timeRedraw(page, 'group'));
		zoom.push(await timeRedraw(page, 'zoom'));
		await context.close();
	}
	await browser.close();
	console.log(
		JSON.stringify(
			{
				dataset: data ?? 'her2 (bundled)',
				runs,
				firstChartMs: median(first),
				filterUpdateMs: median(filter),
				regroupMs: median(group),
				zoomStepMs: median(zoom),
				...size
			},
			null,
			2
		)
	);
} finally {
	server.stop();
}
