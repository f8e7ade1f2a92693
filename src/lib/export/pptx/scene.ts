/**
 * A slide's chart as plain drawing primitives, in the layout's own pixels: what a native
 * (editable) PowerPoint slide is drawn from. Pure data, so the builders that turn a chart layout
 * into a scene are table-tested without PowerPoint, and the writer (write.ts) is the only module
 * that knows pptxgenjs.
 *
 * `group` keeps a row or lane together: consecutive items with the same group become one
 * PowerPoint group, so a row moves, recolours or deletes as one.
 */

/** 16:9 "wide" slide, inches. */
export const SLIDE = { width: 13.333, height: 7.5 } as const;
export const SLIDE_MARGIN = 0.4;
/** Where the chart goes on a chart slide (inches): below title and subtitle, above the footer. */
export const CHART_AREA = { x: SLIDE_MARGIN, y: 1.3, w: SLIDE.width - 2 * SLIDE_MARGIN, h: 5.1 };
/**
 * Layout pixels → points on the slide: 1 px = 1 pt, so the layouts' body text (12 px) is 12 pt.
 * Smaller layout text (10–11 px details, ticks) is set at MIN_TEXT_PT on the slide: 12 pt is the
 * least that reads from the back of a meeting room.
 */
export const PT_PER_PX = 1;
export const MIN_TEXT_PT = 12;
/** The chart area in layout pixels: what a slide-sized layout is laid out (and paged) to. */
export const SLIDE_CHART_PX = {
	width: Math.floor((CHART_AREA.w * 72) / PT_PER_PX),
	height: Math.floor((CHART_AREA.h * 72) / PT_PER_PX)
} as const;
/** The deck's font: present on every office machine (LibreOffice substitutes metric twins). */
export const DECK_FONT = 'Calibri';

interface Grouped {
	/** Items with the same group key, emitted consecutively, form one PowerPoint group. */
	group?: string;
	/** Shown in PowerPoint's selection pane. */
	name?: string;
}

export interface RectItem extends Grouped {
	kind: 'rect';
	x: number;
	y: number;
	w: number;
	h: number;
	fill: string | null;
	/** 0–1 */
	fillOpacity?: number;
	stroke?: string | null;
	strokeWidth?: number;
	dash?: boolean;
}

export interface EllipseItem extends Grouped {
	kind: 'ellipse';
	cx: number;
	cy: number;
	r: number;
	fill: string | null;
	fillOpacity?: number;
	stroke?: string | null;
	strokeWidth?: number;
}

export interface LineItem extends Grouped {
	kind: 'line';
	x1: number;
	y1: number;
	x2: number;
	y2: number;
	stroke: string;
	strokeWidth: number;
	dash?: boolean;
}

/** PowerPoint preset geometries used for glyphs (editable: "Change shape" works on them). */
export type PresetShape =
	'rect' | 'triangle' | 'diamond' | 'pentagon' | 'star5' | 'hexagon' | 'ellipse' | 'donut' | 'plus';

export interface ShapeItem extends Grouped {
	kind: 'shape';
	shape: PresetShape;
	cx: number;
	cy: number;
	w: number;
	h: number;
	/** Degrees clockwise. */
	rotate?: number;
	fill: string | null;
	stroke?: string | null;
	strokeWidth?: number;
	dash?: boolean;
}

export interface TextItem extends Grouped {
	kind: 'text';
	text: string;
	x: number;
	/** Baseline, as in SVG. */
	y: number;
	/** Font size in layout px (the slide shows it at ≥ MIN_TEXT_PT). */
	size: number;
	anchor: 'start' | 'middle' | 'end';
	colour: string;
	bold?: boolean;
	italic?: boolean;
}

export interface TableCell {
	text: string;
	bold?: boolean;
	italic?: boolean;
	colour?: string;
	fill?: string | null;
}

export interface TableItem extends Grouped {
	kind: 'table';
	x: number;
	y: number;
	columnWidths: number[];
	rows: TableCell[][];
	/** Rows repeated at the top of the table (headers). */
	headerRows: number;
	size: number;
}

export type SceneItem = RectItem | EllipseItem | LineItem | ShapeItem | TextItem | TableItem;

/** One chart slide's content before the frame (title, footer, notes) is added. */
export interface ChartScene {
	/** Appended to the chart title, e.g. " — Medians (continued)". */
	titleSuffix: string;
	/** Says what part of the chart this slide holds (rows, window). */
	subtitle: string;
	/** Chart size in layout px (fits SLIDE_CHART_PX). */
	width: number;
	height: number;
	items: SceneItem[];
	/** Labels of the groups, by key (PowerPoint group names). */
	groups: Record<string, string>;
	/** Sources of this slide's marks, with the quotes that back them. */
	citations: Citation[];
	/** Caveats that travel with this slide (not head-to-head, rows left out …). */
	notes: string[];
}

/** A source behind a mark: its id, the quote, and what it backs ("KN026 · Gastric: Phase 3"). */
export interface Citation {
	sourceId: string;
	quote: string;
	fact: string;
}

/** The number of items of each kind: what a test compares with the layout's marks. */
export function countItems(items: readonly SceneItem[]): Record<SceneItem['kind'], number> {
	const counts = { rect: 0, ellipse: 0, line: 0, shape: 0, text: 0, table: 0 };
	for (const item of items) counts[item.kind]++;
	return counts;
}

/** Citations of sourced facts: each `{ id, quote }` with the fact it backs. */
export function citationsOf(
	fact: string,
	sources: readonly { id: string; quote: string }[] | undefined
): Citation[] {
	return (sources ?? []).map((s) => ({ sourceId: s.id, quote: s.quote, fact }));
}
