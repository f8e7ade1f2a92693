import { describe, expect, it } from 'vitest';
import { stretchX } from '$lib/charts/shared/fluid';
import { layoutForest, type ForestLayout } from './efficacy.layout';
import { ASSETS, READOUTS, TRIALS, forestOptions } from './test-fixtures';

const input = { readouts: READOUTS, trials: TRIALS, assets: ASSETS };
const at = (width: number, extra: { fitWidth?: number; stacked?: boolean } = {}) =>
	layoutForest(
		input,
		forestOptions({ families: ['response', 'median', 'hazard', 'landmark'], width, ...extra })
	);

/** Every x of `stretched` is `fit`'s, moved by the stretch from `fit`'s width to its own. */
function expectStretchedFrom(fit: ForestLayout, stretched: ForestLayout) {
	const grow = stretched.width - fit.width;
	stretched.panels.forEach((panel, i) => {
		const base = fit.panels[i]!;
		const plot = { width: fit.width, plotLeft: base.axis.x0, plotRight: base.axis.x1 };
		const sx = (x: number) => stretchX(x, plot, stretched.width);
		expect(panel).toMatchObject({ width: stretched.width, valueX: base.valueX + grow });
		expect([panel.axis.x0, panel.axis.x1]).toEqual([base.axis.x0, base.axis.x1 + grow]);
		panel.axis.ticks.forEach((tick, t) => {
			expect(tick.x).toBeCloseTo(sx(base.axis.ticks[t]!.x), 9);
			// The axis's scale and its d3 copy (the frame's) agree with the ticks.
			expect(panel.axis.scale(tick.value)).toBeCloseTo(tick.x, 9);
			expect(panel.axis.d3(tick.value)).toBeCloseTo(tick.x, 9);
		});
		panel.rows.forEach((row, r) => {
			const b = base.rows[r]!;
			expect(row.point?.x).toEqual(b.point ? sx(b.point.x) : undefined);
			expect(row.whisker && [row.whisker.x1, row.whisker.x2]).toEqual(
				b.whisker && [sx(b.whisker.x1), sx(b.whisker.x2)]
			);
			expect(row.band).toEqual(b.band && { x1: sx(b.band.x1), x2: sx(b.band.x2) });
			expect(row.nrText).toEqual(b.nrText && { x: sx(b.nrText.x) });
		});
		panel.bands.forEach((band, k) => {
			expect([band.x1, band.x2]).toEqual([sx(base.bands[k]!.x1), sx(base.bands[k]!.x2)]);
		});
	});
}

describe('a forest plot wider than its fit width', () => {
	const fit = at(1100);
	const stretched = at(1700, { fitWidth: 1100 });
	const own = at(1700);

	it('keeps every decision of the fit width: columns, truncation, rows, legend', () => {
		// At its own 1700 px the plot would keep another column: the widths are chosen so.
		expect(own.panels[0]!.columns.length).toBeGreaterThan(fit.panels[0]!.columns.length);
		expect(stretched.panels.map((p) => p.family)).toEqual(fit.panels.map((p) => p.family));
		stretched.panels.forEach((panel, i) => {
			const base = fit.panels[i]!;
			expect(panel.columns).toEqual(base.columns);
			expect(panel.headers).toEqual(base.headers);
			expect(panel.legend).toEqual(base.legend);
			expect(panel.height).toBe(base.height);
			expect(panel.rows.map((r) => [r.key, r.y, r.cells])).toEqual(
				base.rows.map((r) => [r.key, r.y, r.cells])
			);
			expect(panel.bands.map((b) => b.labelLeft)).toEqual(base.bands.map((b) => b.labelLeft));
		});
	});

	it('widens the plot: its x positions move by one affine map, the value column with the edge', () => {
		const rows = fit.panels.flatMap((p) => p.rows);
		// The data has each kind of x: points, whiskers, bands in rows, "NR", panel bands.
		expect(rows.some((r) => r.point) && rows.some((r) => r.whisker)).toBe(true);
		expect(rows.some((r) => r.band) && rows.some((r) => r.nrText)).toBe(true);
		expect(fit.panels.some((p) => p.bands.length > 0)).toBe(true);
		expect(stretched.width).toBe(1700);
		expectStretchedFrom(fit, stretched);
	});

	it('is the plain layout at or below the fit width', () => {
		// Compared as data: each layout has scales of its own (functions).
		const data = (layout: object) => JSON.parse(JSON.stringify(layout));
		expect(data(at(1100, { fitWidth: 1100 }))).toEqual(data(fit));
		expect(data(at(900, { fitWidth: 1100 }))).toEqual(data(at(900)));
		expect(data(at(300, { fitWidth: 360, stacked: true }))).toEqual(
			data(at(300, { stacked: true }))
		);
	});
});

describe('a stacked forest plot wider than its fit width (a phone)', () => {
	const fit = at(360, { stacked: true });
	const stretched = at(390, { fitWidth: 360, stacked: true });

	it('keeps the texts as cut at the fit width, and the rows, headers and legend', () => {
		expect(fit.panels.every((p) => p.stacked)).toBe(true);
		// At its own 390 px, some regimen would keep more of its text: the data has such a row.
		const own = at(390, { stacked: true });
		const cells = (layout: typeof fit) => layout.panels.flatMap((p) => p.rows.map((r) => r.cells));
		expect(cells(own)).not.toEqual(cells(fit));
		expect(cells(stretched)).toEqual(cells(fit));
		stretched.panels.forEach((panel, i) => {
			const base = fit.panels[i]!;
			expect(panel.stacked).toBe(true);
			expect([panel.columns, panel.headers, panel.legend, panel.height]).toEqual([
				base.columns,
				base.headers,
				base.legend,
				base.height
			]);
		});
	});

	it('widens the whisker’s plot across the row, the value at the right edge', () => {
		expect(stretched.width).toBe(390);
		expectStretchedFrom(fit, stretched);
	});
});
