/**
 * A forest plot laid out at one width, stretched to a wider one (charts/shared/fluid.ts): the
 * text columns stay, the plot between them and the value column widens (every x in it moves by
 * one affine map, the axis's range with it), and the value column moves with the right edge.
 * The rows, headers, truncation and legend stay as laid out. The prerendered page draws the same
 * stretch in CSS, so the app's drawing lands exactly on it.
 */
import { stretchX } from '$lib/charts/shared/fluid';
import type { ForestLayout, PanelLayout, RowMark } from './efficacy.marks';

export function stretchForest(base: ForestLayout, width: number): ForestLayout {
	if (width <= base.width) return base;
	return { ...base, width, panels: base.panels.map((panel) => stretchPanel(panel, width)) };
}

function stretchPanel(panel: PanelLayout, width: number): PanelLayout {
	const { axis } = panel;
	const plot = { width: panel.width, plotLeft: axis.x0, plotRight: axis.x1 };
	const sx = (x: number) => stretchX(x, plot, width);
	const x1 = sx(axis.x1);
	const d3 = axis.d3.copy().range([axis.x0, x1]);
	const rows: RowMark[] = panel.rows.map((row) => ({
		...row,
		point: row.point && { ...row.point, x: sx(row.point.x) },
		whisker: row.whisker && { ...row.whisker, x1: sx(row.whisker.x1), x2: sx(row.whisker.x2) },
		band: row.band && { x1: sx(row.band.x1), x2: sx(row.band.x2) },
		nrText: row.nrText && { x: sx(row.nrText.x) }
	}));
	return {
		...panel,
		width,
		valueX: panel.valueX + width - panel.width,
		axis: {
			...axis,
			x1,
			d3,
			scale: (value) => d3(value),
			reference: axis.reference === null ? null : sx(axis.reference),
			ticks: axis.ticks.map((tick) => ({ ...tick, x: sx(tick.x) }))
		},
		rows,
		bands: panel.bands.map((band) => ({ ...band, x1: sx(band.x1), x2: sx(band.x2) }))
	};
}
