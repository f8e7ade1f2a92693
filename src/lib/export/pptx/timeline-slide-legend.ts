/**
 * The timeline's legend on a slide: only the encodings the page uses, as a column beside the
 * lanes when it fits the slide's height (else in rows below them), drawn as editable shapes and
 * text. Pure.
 */
import {
	GEOMETRY,
	textWidth,
	type LegendItem,
	type TimelineLayout
} from '$lib/charts/timeline/timeline.layout';
import { INK, INK_MUTED, PHASE_COLOURS } from '$lib/charts/shared/palette';
import type { SceneItem } from './scene';
import { wrapToWidth } from '../matrix-svg';
import { glyphItems } from './timeline-slide-glyphs';

/** Which of the legend's notes a mark on this page needs (the others are left out). */
function notesUsed(layout: TimelineLayout): Record<NonNullable<LegendItem['note']>, boolean> {
	return {
		expected: layout.glyphs.some((g) => g.hollow) || layout.bars.some((b) => b.phase.expected),
		approximate: layout.glyphs.some((g) => g.span !== null) || layout.bars.some((b) => b.fade),
		hatch: layout.bars.some((b) => b.hatch !== null),
		ongoing: layout.bars.some((b) => b.openEnd),
		badge: false
	};
}

/**
 * The layout's legend for a slide: only the encodings this page uses (the "expected", "period",
 * "start not reported" and "ongoing" notes only when a mark on the page needs them), flowed
 * line after line instead of one line per kind, so the rows get the room.
 */
export function slideLegend(layout: TimelineLayout): { legend: LegendItem[]; bottom: number } {
	const G = GEOMETRY;
	const used = notesUsed(layout);
	const legend: LegendItem[] = [];
	let x = 0;
	let y = layout.plotBottom + G.legendGap;
	for (const item of layout.legend) {
		if (item.kind === 'note' && !(item.note && used[item.note])) continue;
		const marker = item.kind === 'phase' ? 22 : item.kind === 'glyph' ? 20 : 30;
		const w = marker + textWidth(item.label, G.fontSize);
		if (x > 0 && x + w > layout.width) {
			x = 0;
			y += G.legendRow;
		}
		legend.push({ ...item, x, y });
		x += w + 14;
	}
	const bottom = (legend.length > 0 ? y + G.legendRow : layout.plotBottom + 16) + G.bottom;
	return { legend, bottom };
}

/**
 * The legend column on the right of a timeline slide. A slide is wide and short: a legend below
 * the lanes (three rows of it) took the height of two lanes from every slide, a column beside
 * them takes width the time axis can spare.
 */
export const SIDE_LEGEND_WIDTH = 240;
const SIDE_LEGEND_GAP = 18;
/** Line step of a wrapped legend label, and the gap between two entries. */
const LEGEND_LINE = 14;
const LEGEND_ENTRY = 20;

/**
 * The page's legend as a column right of the plot, flowed like text: short entries side by side
 * (phases, most milestone kinds), long labels wrapped onto lines of their own (joined by "\n",
 * drawn one text line each). Null when the column would be taller than `maxHeight` (then the
 * legend goes below the lanes).
 */
export function sideLegend(
	layout: TimelineLayout,
	maxHeight: number
): { legend: LegendItem[]; bottom: number } | null {
	const G = GEOMETRY;
	const used = notesUsed(layout);
	const left = layout.width + SIDE_LEGEND_GAP;
	const columnWidth = SIDE_LEGEND_WIDTH - SIDE_LEGEND_GAP;
	const legend: LegendItem[] = [];
	let x = 0;
	// From the top: the column needs no room for the axis labels the lanes have above them.
	let y = 4;
	let rowHeight = 0;
	const newRow = () => {
		y += rowHeight;
		x = 0;
		rowHeight = 0;
	};
	for (const item of layout.legend) {
		if (item.kind === 'note' && !(item.note && used[item.note])) continue;
		const marker = item.kind === 'phase' ? 21 : item.kind === 'glyph' ? 18 : 29;
		const width = marker + textWidth(item.label, G.fontSize);
		if (x > 0 && x + width > columnWidth) newRow();
		const lines =
			width > columnWidth
				? wrapToWidth(item.label, columnWidth - marker, G.fontSize, 4)
				: [item.label];
		legend.push({ ...item, label: lines.join('\n'), x: left + x, y });
		rowHeight = Math.max(rowHeight, LEGEND_ENTRY + (lines.length - 1) * LEGEND_LINE);
		x += width + 12;
		if (lines.length > 1) newRow();
	}
	newRow();
	const bottom = Math.max(layout.plotBottom + 18, y) + G.bottom;
	return bottom <= maxHeight ? { legend, bottom } : null;
}

/** The legend's entries as scene items, one group. */
export function legendItems(
	legend: readonly LegendItem[],
	groups: Record<string, string>
): SceneItem[] {
	const G = GEOMETRY;
	const items: SceneItem[] = [];
	for (const item of legend) {
		const group = 'legend';
		groups[group] = 'Legend';
		const x = item.x;
		const y = item.y;
		if (item.kind === 'phase' && item.phase)
			items.push({
				kind: 'rect',
				x,
				y: y + 5,
				w: 16,
				h: 11,
				fill: PHASE_COLOURS[item.phase],
				stroke: INK_MUTED,
				strokeWidth: 0.5,
				group,
				name: `Legend: ${item.label}`
			});
		else if (item.kind === 'glyph' && item.shape && item.colour)
			items.push(
				...glyphItems(
					item.shape,
					x + 7,
					y + 11,
					G.glyphR,
					item.colour,
					false,
					item.letter ? item.letter.charAt(0) : null,
					group,
					`Legend: ${item.label}`
				)
			);
		else if (item.note === 'expected')
			items.push(
				...glyphItems('circle', x + 8, y + 11, G.glyphR, INK_MUTED, true, null, group, 'Legend')
			);
		else if (item.note === 'approximate')
			items.push({
				kind: 'line',
				x1: x + 1,
				y1: y + 16,
				x2: x + 23,
				y2: y + 16,
				stroke: INK_MUTED,
				strokeWidth: 1.25,
				group,
				name: 'Legend: period'
			});
		else if (item.note === 'hatch')
			items.push({
				kind: 'line',
				x1: x + 1,
				y1: y + 10.5,
				x2: x + 25,
				y2: y + 10.5,
				stroke: INK_MUTED,
				strokeWidth: 2,
				dash: true,
				group,
				name: 'Legend: start not reported'
			});
		else if (item.note === 'ongoing')
			items.push({
				kind: 'shape',
				shape: 'triangle',
				rotate: 90,
				cx: x + 10,
				cy: y + 10.5,
				w: 15,
				h: 12,
				fill: PHASE_COLOURS['phase 2'],
				group,
				name: 'Legend: ongoing'
			});
		const textX = item.kind === 'phase' ? 21 : item.kind === 'glyph' ? 18 : 29;
		// A side legend wraps long labels: one text line each, so each stays editable text.
		item.label.split('\n').forEach((line, i) =>
			items.push({
				kind: 'text',
				text: line,
				x: x + textX,
				y: y + 15 + i * LEGEND_LINE,
				size: G.fontSize,
				anchor: 'start',
				colour: INK,
				group,
				name: 'Legend label'
			})
		);
	}
	return items;
}
