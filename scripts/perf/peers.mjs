// Bench-only peers: the same forest plot and timeline drawn by a bare Observable Plot page and a
// bare Vega-Lite (vega-embed) page, built into the bench's copy of the site and loaded alternately
// with the app, so `npm run bench` can say how the app compares with what a chart library gives
// for free. The peer libraries are devDependencies; nothing here is part of the app's build.
import { resolve } from 'node:path';
import { build } from 'vite';

const PAGES = ['plot-forest', 'plot-timeline', 'vega-forest', 'vega-timeline'];

/** The app view and its two peers, compared on one row of the report. */
export const PEER_SETS = [
	{
		chart: 'forest plot',
		app: '/efficacy',
		plot: '/peers/plot-forest.html',
		vega: '/peers/vega-forest.html'
	},
	{
		chart: 'timeline',
		app: '/timeline',
		plot: '/peers/plot-timeline.html',
		vega: '/peers/vega-timeline.html'
	}
];

/**
 * Builds each peer page on its own (one minified bundle per page, as a bare chart page would
 * ship) into `<site>/peers/`.
 */
export async function buildPeers(site) {
	const root = resolve('scripts/perf/peers');
	for (const [i, page] of PAGES.entries()) {
		await build({
			configFile: false,
			root,
			base: '/peers/',
			logLevel: 'error',
			build: {
				outDir: resolve(site, 'peers'),
				emptyOutDir: i === 0,
				chunkSizeWarningLimit: 2000,
				rolldownOptions: { input: resolve(root, `${page}.html`) }
			}
		});
	}
}

const ratio = (app, peer) =>
	typeof app === 'number' && typeof peer === 'number' && peer > 0 ? app / peer : null;

/**
 * Report rows from per-page samples `{ [path]: record[] }` (records with firstChartMs, chartInDomMs,
 * filterFrameMs, filterPaintedMs, jsWaitedGzipKB and jsGzipKB): median with min–max per page, and app ÷ peer with
 * the targets (≤ 1.0 of Plot's first frame and update; ≤ 0.35 of Vega-Lite's bytes, those the
 * chart waits for).
 */
export function peerReport(samples, median) {
	const stat = (path, key) => {
		const values = (samples[path] ?? []).map((r) => r[key]).filter((v) => typeof v === 'number');
		return values.length
			? {
					median: median(values),
					min: Math.min(...values),
					max: Math.max(...values),
					runs: values.length
				}
			: null;
	};
	const rows = [];
	for (const set of PEER_SETS) {
		const fig = (path) => ({
			first: stat(path, 'firstChartMs'),
			inDom: stat(path, 'chartInDomMs'),
			update: stat(path, 'filterFrameMs'),
			painted: stat(path, 'filterPaintedMs'),
			bytes: stat(path, 'jsWaitedGzipKB'),
			requested: stat(path, 'jsGzipKB')
		});
		const app = fig(set.app);
		const plot = fig(set.plot);
		const vega = fig(set.vega);
		rows.push(
			{
				chart: set.chart,
				measure: 'first frame on screen (ms)',
				app,
				plot: plot.first,
				vega: vega.first,
				key: 'first',
				target: { plot: 1.0 }
			},
			{
				// The earlier first-frame measure, kept for comparison: a peer's frame timed as it
				// begins with the chart in the DOM, before it is laid out, painted and shown.
				chart: set.chart,
				measure: 'first frame begun with the chart in the DOM (ms)',
				app,
				plot: plot.inDom,
				vega: vega.inDom,
				key: 'inDom',
				target: {}
			},
			{
				chart: set.chart,
				measure: 'filter update, click → next frame (ms)',
				app,
				plot: plot.update,
				vega: vega.update,
				key: 'update',
				target: { plot: 1.0 }
			},
			{
				// The same clicks to when that frame was painted: with the style, layout and paint
				// the update costs the browser, which a frame's start does not show.
				chart: set.chart,
				measure: 'filter update, click → that frame painted (ms)',
				app,
				plot: plot.painted,
				vega: vega.painted,
				key: 'painted',
				target: { plot: 1.0 }
			},
			{
				chart: set.chart,
				measure: 'JS the chart waits for (gzip KB)',
				app,
				plot: plot.bytes,
				vega: vega.bytes,
				key: 'bytes',
				target: { vega: 0.35 }
			},
			{
				// A prerendered chart waits for no script, but its page still downloads the app.
				chart: set.chart,
				measure: 'JS requested before the chart is on screen (gzip KB)',
				app,
				plot: plot.requested,
				vega: vega.requested,
				key: 'requested',
				target: {}
			}
		);
	}
	return rows.map(({ chart, measure, app, plot, vega, key, target }) => {
		const mine = app[key];
		const vsPlot = ratio(mine?.median, plot?.median);
		const vsVega = ratio(mine?.median, vega?.median);
		return {
			chart,
			measure,
			app: mine,
			plot,
			vega,
			appOverPlot: vsPlot,
			appOverVega: vsVega,
			pass:
				target.plot !== undefined
					? vsPlot !== null && vsPlot <= target.plot
					: target.vega !== undefined
						? vsVega !== null && vsVega <= target.vega
						: null,
			target:
				target.plot !== undefined
					? `app ÷ Plot ≤ ${target.plot}`
					: target.vega !== undefined
						? `app ÷ Vega-Lite ≤ ${target.vega}`
						: ''
		};
	});
}
