// @vitest-environment happy-dom
/**
 * Every export holds the whole chart as filtered: on a 10× synthetic landscape (hundreds of lanes,
 * more readouts than a panel shows at first, more assets than the matrix's first columns), the
 * SVG each view's export draws holds every mark of the view's layout, whatever the screen culls
 * or pages. The exports are drawn with no chart on screen: they never read the screen's DOM.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { readFileSync } from 'node:fs';
import { Dataset } from '$lib/data/schema';
import { validateDataset } from '$lib/data/validate';
import type { DatasetModel } from '$lib/data/model';
import { synthesize } from '../../../scripts/synth-dataset';
import { fitWindow, layoutTimeline, prepareTimeline } from '$lib/charts/timeline/timeline.layout';
import { selectReadouts } from '$lib/charts/efficacy/efficacy.layout';
import { layoutMatrix } from '$lib/charts/mechanisms/mechanisms.layout';
import { DEFAULT_ROW_LIMIT } from '$lib/charts/efficacy/efficacy.layout';
import { COLUMN_STEP } from '$lib/state/view-state';
import type { ViewStateStore } from '$lib/state/view-state.svelte';
import type { ChartExport } from './chart-export';
import ExportTestHost from './ExportTestHost.svelte';

const TODAY = new Date('2026-11-22T12:00:00Z');
const base = Dataset.parse(JSON.parse(readFileSync('static/data/her2.json', 'utf8')));
const loaded = validateDataset(synthesize(base, { scale: 10, seed: 1 }), 'synthetic-10.json');
if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
const model: DatasetModel = loaded.model;

let app: ReturnType<typeof mount> | null = null;
afterEach(() => {
	if (app) void unmount(app);
	app = null;
	document.body.innerHTML = '';
});

function exportsOf(): { exports: Record<ChartExport['view'], ChartExport>; store: ViewStateStore } {
	let result!: { exports: Record<ChartExport['view'], ChartExport>; store: ViewStateStore };
	app = mount(ExportTestHost, {
		target: document.body,
		props: {
			model,
			today: TODAY,
			onready: (exports: Record<ChartExport['view'], ChartExport>, store: ViewStateStore) =>
				(result = { exports, store })
		}
	});
	flushSync();
	return result;
}

/** Draws the export once and counts, per selector, the elements its SVGs hold. */
async function drawnCounts(chart: ChartExport, selectors: string[]): Promise<number[]> {
	const drawing = await chart.draw();
	try {
		expect(drawing.svgs.length).toBeGreaterThan(0);
		return selectors.map((selector) =>
			drawing.svgs.reduce((n, svg) => n + svg.querySelectorAll(selector).length, 0)
		);
	} finally {
		drawing.done();
	}
}

async function drawn(chart: ChartExport, selector: string): Promise<number> {
	return (await drawnCounts(chart, [selector]))[0]!;
}

// Hundreds of lanes drawn into happy-dom: slow on a busy machine, so a generous timeout.
describe('exports of a 10× synthetic landscape hold every mark', { timeout: 240_000 }, () => {
	it('timeline: every bar and milestone of the layout, not only the lanes near the viewport', async () => {
		const { exports } = exportsOf();
		const prepared = prepareTimeline(model.dataset, {
			groupBy: 'asset',
			today: TODAY,
			asOf: model.dataset.meta.asOf
		});
		const layout = layoutTimeline(prepared, { width: 1200, window: fitWindow(prepared) });
		// Far more lanes than the screen draws at once (it culls beyond 150).
		expect(layout.lanes.length).toBeGreaterThan(150);
		// One drawing (hundreds of lanes in happy-dom take seconds), three counts.
		const [glyphs, bars, lanes] = await drawnCounts(exports.timeline, [
			'.glyph[data-mark]',
			'.bar[data-mark]',
			'.lane[data-lane]'
		]);
		expect(glyphs).toBe(layout.glyphs.length);
		expect(bars).toBe(layout.bars.length);
		expect(lanes).toBe(layout.lanes.length);
		// Nothing of the export is left in the document.
		expect(document.querySelector('[data-export-host]')).toBeNull();
	});

	it('efficacy: every readout of every selected family, beyond the first rows on screen', async () => {
		const { exports, store } = exportsOf();
		store.setEfficacy({ families: ['response', 'median', 'hazard', 'landmark'] });
		flushSync();
		const { shown } = selectReadouts(store.filtered.readouts, store.state.efficacy.families);
		expect(shown.length).toBeGreaterThan(DEFAULT_ROW_LIMIT);
		expect(await drawn(exports.efficacy, '[data-row-key]')).toBe(shown.length);
	});

	it('mechanisms: every asset column and every cell, beyond the first columns on screen', async () => {
		const { exports, store } = exportsOf();
		const layout = layoutMatrix(store.filtered, store.state.mechanisms);
		expect(layout.columns.length).toBeGreaterThan(COLUMN_STEP);
		const [columns, cells] = await drawnCounts(exports.mechanisms, [
			'[data-column]',
			'[data-cell]'
		]);
		expect(columns).toBe(layout.columns.length);
		expect(cells).toBe(layout.columns.length * layout.rows.length);
	});
});
