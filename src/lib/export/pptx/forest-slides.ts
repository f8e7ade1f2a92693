/**
 * The forest plot on slides: the pages of `layoutForestPages` (the same layout as the screen, cut
 * to slide height, titles "(continued)" and headers repeated) turned into editable shapes: one
 * group per row holding its texts, whisker, caps and point (an ellipse, square or diamond whose
 * area follows n); gridlines, axis, bands and legend as shapes and text. Pure.
 */
import {
	COLUMN_HEADER_HEIGHT,
	CROSS_TRIAL_NOTE,
	FAMILY_TITLES,
	FONT_SIZE,
	SMALL_FONT_SIZE,
	TITLE_HEIGHT,
	type ForestPage,
	type PanelLayout
} from '$lib/charts/efficacy/efficacy.layout';
import { GRID, HEADER_FILL, INK, INK_MUTED, ROLE_COLOURS } from '$lib/charts/shared/palette';
import { citationsOf, type ChartScene, type SceneItem } from './scene';
import { pointItem, rowItems } from './forest-slide-rows';

const ZEBRA = '#f2f5f8';

/** One forest panel (or page of one) as scene items. */
export function forestItems(panel: PanelLayout): {
	items: SceneItem[];
	groups: Record<string, string>;
} {
	const items: SceneItem[] = [];
	const groups: Record<string, string> = {};
	const axisY = panel.rowsBottom;
	const header = TITLE_HEIGHT + 14;
	items.push({
		kind: 'text',
		text: `${panel.title} · ${panel.axis.label}`,
		x: 0,
		y: 18,
		size: 15,
		anchor: 'start',
		colour: INK,
		bold: true,
		name: 'Panel title'
	});
	if (panel.titleNote)
		items.push({
			kind: 'text',
			text: panel.titleNote,
			x: panel.width - 4,
			y: 18,
			size: SMALL_FONT_SIZE,
			anchor: 'end',
			colour: INK_MUTED,
			name: 'Rows shown'
		});
	for (const col of panel.columns)
		items.push({
			kind: 'text',
			text: col.title,
			x: col.x,
			y: header,
			size: SMALL_FONT_SIZE,
			anchor: col.align,
			colour: INK_MUTED,
			bold: true,
			name: 'Column header'
		});
	items.push({
		kind: 'text',
		text: 'Value (95% CI)',
		x: panel.valueX,
		y: header,
		size: SMALL_FONT_SIZE,
		anchor: 'start',
		colour: INK_MUTED,
		bold: true,
		name: 'Column header'
	});
	items.push({
		kind: 'line',
		x1: 0,
		y1: TITLE_HEIGHT + COLUMN_HEADER_HEIGHT,
		x2: panel.width,
		y2: TITLE_HEIGHT + COLUMN_HEADER_HEIGHT,
		stroke: INK_MUTED,
		strokeWidth: 1,
		name: 'Header rule'
	});
	for (const row of panel.rows)
		if (row.zebra)
			items.push({
				kind: 'rect',
				x: 0,
				y: row.y,
				w: panel.width,
				h: row.height,
				fill: ZEBRA,
				name: 'Row stripe'
			});
	for (const h of panel.headers) {
		if (h.kind === 'group')
			items.push({
				kind: 'rect',
				x: 0,
				y: h.y,
				w: panel.width,
				h: h.height,
				fill: HEADER_FILL,
				name: 'Group band'
			});
		items.push({
			kind: 'text',
			text: h.label,
			x: 6,
			y: h.y + (h.kind === 'group' ? 16 : 13),
			size: h.kind === 'group' ? FONT_SIZE : SMALL_FONT_SIZE,
			anchor: 'start',
			colour: h.kind === 'group' ? INK : INK_MUTED,
			bold: h.kind === 'group',
			italic: h.kind === 'endpoint',
			name: h.kind === 'group' ? 'Group heading' : 'Endpoint heading'
		});
	}
	for (const tick of panel.axis.ticks)
		items.push({
			kind: 'line',
			x1: tick.x,
			y1: panel.rowsTop,
			x2: tick.x,
			y2: axisY,
			stroke: GRID,
			strokeWidth: 1,
			name: `Gridline ${tick.label}`
		});
	for (const band of panel.bands) {
		items.push({
			kind: 'rect',
			x: band.x1,
			y: band.y1,
			w: Math.max(1, band.x2 - band.x1),
			h: band.y2 - band.y1,
			fill: ROLE_COLOURS.benchmark,
			fillOpacity: 0.14,
			name: 'Standard-of-care band'
		});
		const left = band.x2 + 130 > panel.axis.x1;
		items.push({
			kind: 'text',
			text: band.label,
			x: left ? band.x1 - 4 : band.x2 + 4,
			y: band.y1 + 10,
			size: SMALL_FONT_SIZE - 1,
			anchor: left ? 'end' : 'start',
			colour: INK_MUTED,
			name: 'Band label'
		});
	}
	if (panel.axis.reference !== null)
		items.push({
			kind: 'line',
			x1: panel.axis.reference,
			y1: panel.rowsTop,
			x2: panel.axis.reference,
			y2: axisY,
			stroke: INK,
			strokeWidth: 1,
			dash: true,
			name: 'No-effect line'
		});
	panel.rows.forEach((row, i) => {
		const group = `row-${i}`;
		groups[group] = `Row: ${row.label}`;
		items.push(...rowItems(panel, row, group));
	});
	// Axis
	items.push({
		kind: 'line',
		x1: panel.axis.x0,
		y1: axisY,
		x2: panel.axis.x1,
		y2: axisY,
		stroke: INK,
		strokeWidth: 1,
		group: 'axis',
		name: 'Axis'
	});
	groups.axis = 'Axis';
	for (const tick of panel.axis.ticks) {
		items.push({
			kind: 'line',
			x1: tick.x,
			y1: axisY,
			x2: tick.x,
			y2: axisY + 5,
			stroke: INK,
			strokeWidth: 1,
			group: 'axis',
			name: 'Tick'
		});
		items.push({
			kind: 'text',
			text: tick.label,
			x: tick.x,
			y: axisY + 17,
			size: SMALL_FONT_SIZE,
			anchor: 'middle',
			colour: INK,
			group: 'axis',
			name: 'Tick label'
		});
	}
	if (panel.favours && panel.axis.reference !== null) {
		items.push({
			kind: 'text',
			text: `← ${panel.favours.left}`,
			x: panel.axis.reference - 6,
			y: axisY + 33,
			size: SMALL_FONT_SIZE,
			anchor: 'end',
			colour: INK_MUTED,
			group: 'axis',
			name: 'Favours'
		});
		items.push({
			kind: 'text',
			text: `${panel.favours.right} →`,
			x: panel.axis.reference + 6,
			y: axisY + 33,
			size: SMALL_FONT_SIZE,
			anchor: 'start',
			colour: INK_MUTED,
			group: 'axis',
			name: 'Favours'
		});
	} else
		items.push({
			kind: 'text',
			text: panel.axis.label,
			x: (panel.axis.x0 + panel.axis.x1) / 2,
			y: axisY + 33,
			size: SMALL_FONT_SIZE,
			anchor: 'middle',
			colour: INK_MUTED,
			group: 'axis',
			name: 'Axis label'
		});
	// Legend
	groups.legend = 'Legend';
	for (const item of panel.legend.items) {
		const base = { group: 'legend', name: `Legend: ${item.label}` };
		let textX = item.x + 20;
		if (item.kind === 'shape') {
			items.push(
				pointItem(
					item.shape,
					item.x + 7,
					item.y - 4,
					5,
					{ fill: item.colour, stroke: item.colour, strokeWidth: 0.5 },
					base.group,
					base.name
				)
			);
			textX = item.x + 18;
		} else if (item.kind === 'size') {
			items.push({
				kind: 'ellipse',
				cx: item.x + item.r,
				cy: item.y - 4,
				r: item.r,
				fill: null,
				stroke: INK_MUTED,
				strokeWidth: 1,
				...base
			});
			textX = item.x + item.r * 2 + 4;
		} else if (item.kind === 'dash')
			items.push({
				kind: 'line',
				x1: item.x,
				y1: item.y - 4,
				x2: item.x + 16,
				y2: item.y - 4,
				stroke: INK_MUTED,
				strokeWidth: 1.75,
				dash: true,
				...base
			});
		else if (item.kind === 'band')
			items.push({
				kind: 'rect',
				x: item.x,
				y: item.y - 9,
				w: 16,
				h: 10,
				fill: ROLE_COLOURS.benchmark,
				fillOpacity: 0.45,
				...base
			});
		else textX = item.x;
		items.push({
			kind: 'text',
			text: item.label,
			x: textX,
			y: item.y,
			size: SMALL_FONT_SIZE,
			anchor: 'start',
			colour: INK,
			bold: item.kind === 'text' && item.strong,
			group: 'legend',
			name: 'Legend label'
		});
	}
	return { items, groups };
}

/** The forest plot's pages as chart slides. */
export function forestScenes(pages: readonly ForestPage[], several: boolean): ChartScene[] {
	return pages.map((page) => {
		const { items, groups } = forestItems(page.panel);
		const readouts = page.panel.rows.map((r) => r.readout);
		const trials = new Set(readouts.map((r) => r.trial));
		const name = several ? ` — ${FAMILY_TITLES[page.family]}` : '';
		return {
			titleSuffix: `${name}${page.index > 0 ? ' (continued)' : ''}`,
			subtitle: [
				`${FAMILY_TITLES[page.family]}: ${page.panel.titleNote ?? `${page.panel.rows.length} rows`}`,
				'point area ∝ n; whiskers: 95% CI as reported, or exact Clopper–Pearson (†)'
			].join(' · '),
			width: page.panel.width,
			height: page.panel.height,
			items,
			groups,
			citations: page.panel.rows.flatMap((row) => citationsOf(`${row.label}`, row.readout.sources)),
			notes: trials.size > 1 ? [CROSS_TRIAL_NOTE] : []
		};
	});
}
