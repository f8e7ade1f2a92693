/**
 * One forest-plot row on a slide, as the screen draws it: regimen, trial and value as text, the
 * whisker and its caps as lines, the point as an ellipse, square or diamond whose area follows n.
 * Pure: scene items only.
 */
import {
	FONT_SIZE,
	SMALL_FONT_SIZE,
	type MarkShape,
	type PanelLayout,
	type RowMark
} from '$lib/charts/efficacy/efficacy.layout';
import { INK, INK_MUTED, PAPER } from '$lib/charts/shared/palette';
import type { SceneItem } from './scene';

/** A point mark: circles are ellipses; squares and diamonds keep the screen's equal-area sizes. */
export function pointItem(
	shape: MarkShape,
	x: number,
	y: number,
	r: number,
	style: { fill: string; stroke: string; strokeWidth: number; fillOpacity?: number },
	group: string | undefined,
	name: string
): SceneItem {
	if (shape === 'circle') return { kind: 'ellipse', cx: x, cy: y, r, ...style, group, name };
	const side = shape === 'square' ? r * Math.sqrt(Math.PI) : 2 * r * Math.sqrt(Math.PI / 2);
	return {
		kind: 'shape',
		shape: shape === 'square' ? 'rect' : 'diamond',
		cx: x,
		cy: y,
		w: side,
		h: side,
		...style,
		group,
		name
	};
}

export function rowItems(panel: PanelLayout, row: RowMark, group: string): SceneItem[] {
	const items: SceneItem[] = [];
	const cy = row.cy;
	for (const col of panel.columns) {
		const [main, sub] = row.cells[col.key];
		items.push({
			kind: 'text',
			text: main,
			x: col.x,
			y: row.y + 14,
			size: FONT_SIZE,
			anchor: col.align,
			colour: INK,
			bold: col.key === 'regimen' && row.focusAsset,
			group,
			name: col.title
		});
		if (sub)
			items.push({
				kind: 'text',
				text: sub,
				x: col.x,
				y: row.y + 27,
				size: SMALL_FONT_SIZE,
				anchor: col.align,
				colour: INK_MUTED,
				group,
				name: `${col.title} (detail)`
			});
	}
	if (row.band)
		items.push({
			kind: 'rect',
			x: row.band.x1,
			y: cy - 6,
			w: Math.max(2, row.band.x2 - row.band.x1),
			h: 12,
			fill: row.colour,
			fillOpacity: 0.45,
			stroke: row.colour,
			group,
			name: 'Range'
		});
	const w = row.whisker;
	if (w) {
		items.push({
			kind: 'line',
			x1: w.x1 + (w.arrowLow ? 5 : 0),
			y1: cy,
			x2: w.x2 - (w.arrowHigh ? 5 : 0),
			y2: cy,
			stroke: row.colour,
			strokeWidth: 1.75,
			dash: w.dashed,
			group,
			name: `CI whisker${w.dashed ? ' (computed)' : ''}`
		});
		for (const [on, x] of [
			[w.capLow, w.x1],
			[w.capHigh, w.x2]
		] as const)
			if (on)
				items.push({
					kind: 'line',
					x1: x,
					y1: cy - 5,
					x2: x,
					y2: cy + 5,
					stroke: row.colour,
					strokeWidth: 1.75,
					group,
					name: 'CI cap'
				});
		for (const [on, x, dir] of [
			[w.arrowLow, w.x1, -1],
			[w.arrowHigh, w.x2, 1]
		] as const)
			if (on)
				items.push({
					kind: 'shape',
					shape: 'triangle',
					rotate: dir === 1 ? 90 : 270,
					cx: x - 3 * dir,
					cy,
					w: 8,
					h: 6,
					fill: row.colour,
					group,
					name: 'CI beyond the axis'
				});
		for (const [on, x, anchor] of [
			[w.nrHigh, w.x2, 'end'],
			[w.nrLow, w.x1, 'start']
		] as const)
			if (on)
				items.push({
					kind: 'text',
					text: 'NR',
					x,
					y: cy - 7,
					size: SMALL_FONT_SIZE - 1,
					anchor,
					colour: INK_MUTED,
					group,
					name: 'Bound not reached'
				});
	}
	const p = row.point;
	if (p)
		items.push(
			pointItem(
				p.shape,
				p.x,
				cy,
				p.r,
				p.hollow
					? { fill: PAPER, stroke: p.colour, strokeWidth: 1.75 }
					: { fill: p.colour, fillOpacity: 0.9, stroke: PAPER, strokeWidth: 1 },
				group,
				`Point (n ${row.readout.n ?? 'unknown'})`
			)
		);
	if (row.nrText)
		items.push({
			kind: 'text',
			text: 'NR',
			x: row.nrText.x - (row.nrText.x >= panel.axis.x1 && row.whisker ? 10 : 0),
			y: cy + 4,
			size: FONT_SIZE,
			anchor: 'end',
			colour: row.colour,
			bold: true,
			group,
			name: 'Not reached'
		});
	items.push({
		kind: 'text',
		text: row.cells.value[0],
		x: panel.valueX,
		y: row.y + 14,
		size: FONT_SIZE,
		anchor: 'start',
		colour: INK,
		bold: true,
		group,
		name: 'Value'
	});
	if (row.cells.value[1])
		items.push({
			kind: 'text',
			text: row.cells.value[1],
			x: panel.valueX,
			y: row.y + 27,
			size: SMALL_FONT_SIZE,
			anchor: 'start',
			colour: INK_MUTED,
			group,
			name: 'Value (detail)'
		});
	return items;
}
