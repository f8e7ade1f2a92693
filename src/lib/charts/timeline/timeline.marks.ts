/**
 * The timeline's geometry constants and mark types (bars, glyphs, lanes, headings, legend), and
 * the text-width estimate used for labels and collision boxes.
 */
import type { Phase } from '$lib/data/schema';
import type { GlyphShape } from './glyphs';
import type {
	TimeWindow,
	PreparedPhase,
	PreparedMilestone,
	PreparedLane
} from './timeline.prepare';
import type { Tick, TickKind } from './timeline.ticks';

export const GEOMETRY = {
	top: 46,
	sectionHeading: 30,
	groupHeading: 24,
	lanePad: 5,
	barHeight: 16,
	glyphRow: 20,
	glyphR: 6.5,
	laneMin: 38,
	labelMin: 140,
	labelMax: 270,
	labelGap: 10,
	right: 30,
	legendGap: 18,
	legendRow: 22,
	bottom: 10,
	fontSize: 12,
	/** The smallest chart text: 11 px, legible at every width (the chart scrolls, never shrinks). */
	smallFont: 11
} as const;

export interface BarMark {
	kind: 'bar';
	id: string;
	laneIndex: number;
	lane: PreparedLane;
	phase: PreparedPhase;
	x0: number;
	x1: number;
	y: number;
	height: number;
	fill: string;
	textFill: string;
	/** Label inside the bar, or null when it does not fit. */
	label: string | null;
	/** Faded leading part: the start's period (coarse precision). */
	fade: { x0: number; x1: number } | null;
	/** Dashed lead into the bar: its start is not reported (the bar begins at `knownBy`). */
	hatch: { x0: number; x1: number } | null;
	/**
	 * Where the words START_NOT_REPORTED go (bar's vertical centre): left of the lead, or inside
	 * the bar after its label; null when neither has room (the legend and tooltip say it).
	 */
	startNote: { x: number; anchor: 'start' | 'end'; inBar: boolean } | null;
	/** Ongoing: draw an arrow past x1. */
	openEnd: boolean;
	clippedStart: boolean;
	clippedEnd: boolean;
	cx: number;
	cy: number;
	ariaLabel: string;
}

export interface GlyphMark {
	kind: 'glyph';
	id: string;
	laneIndex: number;
	lane: PreparedLane;
	item: PreparedMilestone;
	x: number;
	y: number;
	row: number;
	shape: GlyphShape;
	colour: string;
	hollow: boolean;
	letter: string | null;
	badge: string | null;
	agency: string | null;
	/** Text right of the glyph: the agency, with "≈" first when the bracket is too short to see. */
	sideLabel: string | null;
	/** The period (or window) as a bracket under the glyph. */
	span: { x0: number; x1: number } | null;
	/** "≈" beside the glyph when the period is too short on screen to read as a bracket. */
	approxMark: boolean;
	cx: number;
	cy: number;
	ariaLabel: string;
}

export type Mark = BarMark | GlyphMark;

export interface LaneBox {
	index: number;
	lane: PreparedLane;
	y: number;
	height: number;
	rows: number;
	barY: number;
	/** Label lines, truncated to the label column. */
	title: string;
	subtitle: string;
	stripe: boolean;
}

export interface Heading {
	kind: 'section' | 'group';
	label: string;
	y: number;
	height: number;
}

/**
 * A key per heading for keyed drawing: what it says within its section, not its place, so a
 * filter that moves the headings below it moves them instead of drawing them again. Two groups of
 * one name in a section (two assets of one name in an imported file) get "#2", "#3"…
 */
export function headingKeys(headings: readonly Heading[]): string[] {
	let section = '';
	const seen = new Map<string, number>();
	return headings.map((h) => {
		if (h.kind === 'section') section = h.label;
		const name = h.kind === 'section' ? h.label : `${section}/${h.label}`;
		const n = (seen.get(name) ?? 0) + 1;
		seen.set(name, n);
		return n === 1 ? name : `${name}#${n}`;
	});
}

/** A heading with its key (`headingKeys`), for keyed drawing. */
export interface KeyedHeading {
	heading: Heading;
	key: string;
}

/** The headings with their keys, in their order. */
export function keyedHeadings(headings: readonly Heading[]): KeyedHeading[] {
	const keys = headingKeys(headings);
	return headings.map((heading, i) => ({ heading, key: keys[i]! }));
}

export interface LegendItem {
	kind: 'phase' | 'glyph' | 'note';
	label: string;
	x: number;
	y: number;
	phase?: Phase;
	shape?: GlyphShape;
	colour?: string;
	letter?: string;
	note?: 'expected' | 'approximate' | 'hatch' | 'ongoing' | 'badge';
}

export interface TimelineLayout {
	width: number;
	height: number;
	plotLeft: number;
	plotRight: number;
	plotTop: number;
	plotBottom: number;
	labelWidth: number;
	window: TimeWindow;
	ticks: Tick[];
	tickKind: TickKind;
	headings: Heading[];
	lanes: LaneBox[];
	bars: BarMark[];
	glyphs: GlyphMark[];
	/** Visible marks per lane in time order: the keyboard order. */
	nav: string[][];
	marksById: Map<string, Mark>;
	/** The today line; its label left of it near the right edge. */
	today: { x: number; label: string; labelLeft: boolean } | null;
	/**
	 * The as-of line; its label ends `labelShift` px from `labelX`: left of its line, or left of
	 * the today label where that would overlap it.
	 */
	asOf: { x: number; label: string; labelX: number; labelShift: number } | null;
	legend: LegendItem[];
	legendTop: number;
}

export interface LayoutOptions {
	width: number;
	window: TimeWindow;
	/** The lane-label column's width; by default a share of `width` (a slide sets its own). */
	labelWidth?: number;
	/**
	 * On screen: wider than this, the chart is laid out at this width and stretched to `width`
	 * (timeline.stretch.ts), so a prerendered drawing fits every wider column. Exports omit it.
	 */
	fitWidth?: number;
}

/** Rough text width for the label column and collision boxes (Source Sans 3 averages ~0.5em). */
/** The words written by a bar whose start is not reported. */
export const START_NOT_REPORTED = 'start not reported';

export function textWidth(text: string, fontSize: number): number {
	return text.length * fontSize * 0.48;
}

export function truncate(text: string, maxWidth: number, fontSize: number): string {
	if (textWidth(text, fontSize) <= maxWidth) return text;
	const chars = Math.max(1, Math.floor(maxWidth / (fontSize * 0.48)) - 1);
	return text.slice(0, chars).trimEnd() + '…';
}
