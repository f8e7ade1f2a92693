/**
 * The forest plot's geometry: row and header heights, the table columns that fit a width, and
 * text truncation. Exported so the component and the exports agree on font sizes.
 */
export const FONT_SIZE = 12;
/** The smallest chart text: 11 px, legible at every width (the plot scrolls, never shrinks). */
export const SMALL_FONT_SIZE = 11;
export const TITLE_HEIGHT = 28;
export const COLUMN_HEADER_HEIGHT = 22;
export const GROUP_HEADER_HEIGHT = 24;
export const ENDPOINT_HEADER_HEIGHT = 18;
export const ROW_HEIGHT = 34;
/**
 * Narrower than this (a phone, 400 % zoom) the plot is stacked: each row is the regimen over the
 * trial and the value (95% CI), over a whisker the full width of the screen, so nothing scrolls.
 */
export const STACKED_BELOW = 600;
/** A stacked row: two lines of text, then the whisker (room for the largest point). */
export const STACKED_ROW_HEIGHT = 52;
/** Where a stacked row's marks sit below its top. */
export const STACKED_MARK_Y = 41;
/** Stacked column headers: "Regimen · trial … Value (95% CI)", then the tick labels. */
export const STACKED_HEADER_HEIGHT = 40;
/** Inset of a stacked row's text from the panel's edges. */
export const STACKED_INSET = 6;
export const AXIS_HEIGHT = 46;
export const MAX_RADIUS = 9;
export const MIN_RADIUS = 2.5;
/** Radius used when n is unknown (drawn hollow, so it does not pretend to a size). */
export const UNKNOWN_N_RADIUS = 4;
const PLOT_MIN_WIDTH = 220;
const GAP = 10;
/** Average glyph width of Source Sans 3 relative to font size, for truncation estimates. */
export const CHAR_WIDTH = 0.52;

export type ColumnKey = 'regimen' | 'setting' | 'population' | 'n' | 'dataCut' | 'endpoint';

interface ColumnSpec {
	key: ColumnKey;
	title: string;
	width: number;
	/** Lower = kept longer when the chart is narrow. */
	priority: number;
	align: 'start' | 'end';
}

const LEFT_COLUMNS: readonly ColumnSpec[] = [
	{ key: 'regimen', title: 'Regimen · trial', width: 196, priority: 0, align: 'start' },
	{ key: 'setting', title: 'Setting', width: 168, priority: 1, align: 'start' },
	{ key: 'population', title: 'Population', width: 150, priority: 3, align: 'start' },
	{ key: 'n', title: 'n', width: 40, priority: 2, align: 'end' },
	{ key: 'dataCut', title: 'Data cut', width: 78, priority: 4, align: 'start' },
	{ key: 'endpoint', title: 'Endpoint', width: 84, priority: 1, align: 'start' }
];
const VALUE_COLUMN_WIDTH = 168;

export interface ColumnLayout {
	key: ColumnKey;
	title: string;
	/** x of the text anchor (start or end of the column). */
	x: number;
	width: number;
	align: 'start' | 'end';
}

/** Where the columns, the plot and the value column stand at a width. */
export interface ColumnGeometry {
	readonly columns: readonly ColumnLayout[];
	readonly plotX0: number;
	readonly plotX1: number;
	readonly valueX: number;
}

/**
 * `make(width)`, or the very objects it gave for the width asked last. A filter click lays the
 * plot out again at the same width: with the same column objects, no row's cells update for
 * them (before, a click re-ran the text of every cell of every row, hidden ones included: 300 of
 * the click's 850 effects). Frozen, so that sharing them cannot go wrong unnoticed.
 */
function sameForSameWidth(
	make: (width: number) => ColumnGeometry
): (width: number) => ColumnGeometry {
	let last: { width: number; geometry: ColumnGeometry } | null = null;
	return (width) => {
		if (last?.width !== width) {
			const geometry = make(width);
			geometry.columns.forEach((column) => Object.freeze(column));
			Object.freeze(geometry.columns);
			last = { width, geometry: Object.freeze(geometry) };
		}
		return last.geometry;
	};
}

/** The columns that fit at this width, dropping the least important first. */
export const fitColumns = sameForSameWidth(function fitColumns(width: number): ColumnGeometry {
	const kept = [...LEFT_COLUMNS];
	const needed = () =>
		kept.reduce((sum, c) => sum + c.width + GAP, 0) + VALUE_COLUMN_WIDTH + PLOT_MIN_WIDTH + GAP * 2;
	while (needed() > width && kept.length > 1) {
		// The first of the least important columns goes.
		const worst = kept.reduce((w, c, i) => (c.priority > kept[w]!.priority ? i : w), 0);
		kept.splice(worst, 1);
	}
	let x = 0;
	const columns: ColumnLayout[] = kept.map((c) => {
		const col: ColumnLayout = {
			key: c.key,
			title: c.title,
			x: c.align === 'end' ? x + c.width : x,
			width: c.width,
			align: c.align
		};
		x += c.width + GAP;
		return col;
	});
	const plotX0 = x + GAP + MAX_RADIUS;
	const valueX = Math.max(plotX0 + PLOT_MIN_WIDTH * 0.5, width - VALUE_COLUMN_WIDTH);
	const plotX1 = valueX - GAP - MAX_RADIUS - 6;
	return { columns, plotX0, plotX1, valueX };
});

/**
 * The stacked geometry: one text column the full width, the value right-aligned at the right
 * edge (`valueX` is then the text's end), and the plot across the whole width.
 */
export const stackedColumns = sameForSameWidth(function stackedColumns(
	width: number
): ColumnGeometry {
	const inner = width - 2 * STACKED_INSET;
	return {
		columns: [
			{ key: 'regimen', title: 'Regimen · trial', x: STACKED_INSET, width: inner, align: 'start' }
		],
		plotX0: STACKED_INSET + MAX_RADIUS + 4,
		plotX1: width - STACKED_INSET - MAX_RADIUS - 4,
		valueX: width - STACKED_INSET
	};
});

/** Estimated width of a text in px (bold text is a little wider). */
export function textWidth(text: string, fontSize = FONT_SIZE, bold = false): number {
	return text.length * fontSize * CHAR_WIDTH * (bold ? 1.06 : 1);
}

/** Cuts text to fit `width` px at `fontSize`, with an ellipsis. */
export function truncate(text: string, width: number, fontSize = FONT_SIZE): string {
	const maxChars = Math.floor(width / (fontSize * CHAR_WIDTH));
	if (text.length <= maxChars) return text;
	// Too narrow for even one character and the ellipsis: the ellipsis alone.
	return `${text.slice(0, Math.max(0, maxChars - 1)).trimEnd()}…`;
}
