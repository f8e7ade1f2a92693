/**
 * The timeline on slides: lanes cut into slide-sized pages (each page laid out by the same
 * `layoutTimeline` as the screen, in the view's time window, with the headings and legend of its
 * own lanes), and each page turned into editable shapes: bars as rectangles, milestones as preset
 * shapes with their letter inside, labels and ticks as text, gridlines as lines. Pure.
 */
import {
	GEOMETRY,
	PHASE_LABELS,
	START_NOT_REPORTED,
	layoutTimeline,
	type BarMark,
	type PreparedLane,
	type PreparedTimeline,
	type TimeWindow,
	type TimelineLayout
} from '$lib/charts/timeline/timeline.layout';
import { GRID, HEADER_FILL, INK, INK_MUTED, LANE_STRIPE, PAPER } from '$lib/charts/shared/palette';
import { PHASES } from '$lib/data/vocabulary';
import type { MilestoneType, Phase } from '$lib/data/schema';
import {
	SLIDE_CHART_PX,
	citationsOf,
	type ChartScene,
	type Citation,
	type SceneItem
} from './scene';
import { glyphMark } from './timeline-slide-glyphs';
import { SIDE_LEGEND_WIDTH, legendItems, sideLegend, slideLegend } from './timeline-slide-legend';

const TODAY_COLOUR = '#a4161a';

/** The prepared timeline with only `lanes` (sections, groups and "present" lists follow). */
export function subsetTimeline(
	prepared: PreparedTimeline,
	lanes: readonly PreparedLane[]
): PreparedTimeline {
	const keep = new Set(lanes);
	const sections = prepared.sections
		.map((s) => ({
			...s,
			groups: s.groups
				.map((g) => ({ ...g, lanes: g.lanes.filter((l) => keep.has(l)) }))
				.filter((g) => g.lanes.length > 0)
		}))
		.filter((s) => s.groups.length > 0);
	const kept = prepared.lanes.filter((l) => keep.has(l));
	const phases = new Set<Phase>(kept.flatMap((l) => l.phases.map((p) => p.phase)));
	const types = new Set<MilestoneType>(
		kept.flatMap((l) => l.milestones.map((m) => m.milestone.type))
	);
	return {
		...prepared,
		sections,
		lanes: kept,
		phasesPresent: PHASES.filter((p) => phases.has(p)),
		typesPresent: prepared.typesPresent.filter((t) => types.has(t)),
		milestoneCount: kept.reduce((n, l) => n + l.milestones.length, 0)
	};
}

/**
 * A page's layout with its slide legend in place of the screen's: a column on the right when it
 * fits the slide's height, else rows below the lanes. The lanes are laid out narrower by the
 * column's width, so the page is `width` wide either way.
 */
function slidePage(
	prepared: PreparedTimeline,
	window: TimeWindow,
	size: { width: number; height: number }
): TimelineLayout {
	// The label column keeps the width a full-width slide gives it, so names are not cut short.
	const labelWidth = Math.round(size.width * 0.2);
	const narrow = layoutTimeline(prepared, {
		width: size.width - SIDE_LEGEND_WIDTH,
		window,
		labelWidth
	});
	const side = sideLegend(narrow, size.height);
	if (side) return { ...narrow, legend: side.legend, width: size.width, height: side.bottom };
	const wide = layoutTimeline(prepared, { width: size.width, window });
	const { legend, bottom } = slideLegend(wide);
	return { ...wide, legend, height: bottom };
}

export interface TimelinePage {
	layout: TimelineLayout;
	/** 1-based positions of the page's lanes among all lanes. */
	first: number;
	last: number;
	total: number;
}

/**
 * Lanes cut into pages whose layout (ticks, headings, lanes, legend) fits `size`; greedy, each
 * candidate checked by laying it out. A lane taller than a page still gets a page of its own.
 */
/**
 * At most this many timeline slides: hundreds of lanes (a whole-market dataset) would make a deck
 * of hundreds of slides that takes a minute to write and nobody presents; the slides say how many
 * lanes they leave out.
 */
export const MAX_TIMELINE_SLIDES = 40;

export function pageTimeline(
	prepared: PreparedTimeline,
	window: TimeWindow,
	size: { width: number; height: number } = SLIDE_CHART_PX,
	maxPages = MAX_TIMELINE_SLIDES
): TimelinePage[] {
	const lay = (lanes: readonly PreparedLane[]) =>
		slidePage(subsetTimeline(prepared, lanes), window, size);
	const all = prepared.lanes;
	const pages: TimelinePage[] = [];
	let start = 0;
	while (start < all.length && pages.length < maxPages) {
		let end = start + 1;
		let layout = lay(all.slice(start, end));
		while (end < all.length) {
			const next = lay(all.slice(start, end + 1));
			if (next.height > size.height) break;
			layout = next;
			end++;
		}
		pages.push({ layout, first: start + 1, last: end, total: all.length });
		start = end;
	}
	return pages;
}

/** The words "start not reported" beside (or inside) a bar, as the screen writes them. */
function startNoteText(
	bar: BarMark,
	note: NonNullable<BarMark['startNote']>,
	colour: string,
	group: string,
	name: string
): SceneItem {
	return {
		kind: 'text',
		text: START_NOT_REPORTED,
		x: note.x,
		y: bar.y + bar.height / 2 + 4,
		size: GEOMETRY.smallFont,
		anchor: note.anchor,
		colour,
		italic: true,
		group,
		name: `${name}: start not reported`
	};
}

/** Marks by lane index (Map.groupBy is not in Node 20). */
function byLane<T extends { laneIndex: number }>(marks: readonly T[]): Map<number, T[]> {
	const out = new Map<number, T[]>();
	for (const mark of marks) {
		const list = out.get(mark.laneIndex);
		if (list) list.push(mark);
		else out.set(mark.laneIndex, [mark]);
	}
	return out;
}

/** One page of the timeline as scene items: background, axis, lanes (one group each), legend. */
export function timelineItems(layout: TimelineLayout): {
	items: SceneItem[];
	groups: Record<string, string>;
} {
	const G = GEOMETRY;
	const items: SceneItem[] = [];
	const groups: Record<string, string> = {};
	// The lanes' width: a slide's legend column (if any) is right of it.
	const lanesWidth = Math.min(layout.width, layout.plotRight + G.right);
	// Stripes and headings first: the gridlines cross them, the lanes' marks sit on top.
	for (const lane of layout.lanes)
		if (lane.stripe)
			items.push({
				kind: 'rect',
				x: 0,
				y: lane.y,
				w: lanesWidth,
				h: lane.height,
				fill: LANE_STRIPE,
				name: 'Lane stripe'
			});
	for (const h of layout.headings) {
		if (h.kind === 'section') {
			items.push({
				kind: 'text',
				text: h.label,
				x: 0,
				y: h.y + h.height - 9,
				size: 15,
				anchor: 'start',
				colour: INK,
				bold: true,
				name: 'Section heading'
			});
			items.push({
				kind: 'line',
				x1: 0,
				y1: h.y + h.height - 2,
				x2: lanesWidth,
				y2: h.y + h.height - 2,
				stroke: INK,
				strokeWidth: 1.5,
				name: 'Section rule'
			});
		} else {
			items.push({
				kind: 'rect',
				x: 0,
				y: h.y,
				w: lanesWidth,
				h: h.height,
				fill: HEADER_FILL,
				name: 'Group band'
			});
			items.push({
				kind: 'text',
				text: h.label,
				x: 4,
				y: h.y + h.height - 7,
				size: 12.5,
				anchor: 'start',
				colour: INK,
				bold: true,
				name: 'Group heading'
			});
		}
	}
	for (const t of layout.ticks) {
		items.push({
			kind: 'line',
			x1: t.x,
			y1: layout.plotTop - 6,
			x2: t.x,
			y2: layout.plotBottom,
			stroke: t.major ? '#b5bfcb' : GRID,
			strokeWidth: t.major ? 1 : 0.75,
			name: `Gridline ${t.label}`
		});
		items.push({
			kind: 'text',
			text: t.label,
			x: t.x,
			y: layout.plotTop - 10,
			size: 11,
			anchor: 'middle',
			colour: INK_MUTED,
			bold: t.major,
			name: `Tick ${t.label}`
		});
		items.push({
			kind: 'text',
			text: t.label,
			x: t.x,
			y: layout.plotBottom + 14,
			size: 11,
			anchor: 'middle',
			colour: INK_MUTED,
			name: `Tick ${t.label} (below)`
		});
	}
	// As on screen: "Data as of" left of its line, "Today" right of its line unless at the edge
	// (then left of it, a line lower, so the two labels never overprint).
	for (const [marker, colour, dash] of [
		[layout.asOf, INK_MUTED, true],
		[layout.today, TODAY_COLOUR, false]
	] as const) {
		if (!marker) continue;
		items.push({
			kind: 'line',
			x1: marker.x,
			y1: 4,
			x2: marker.x,
			y2: layout.plotBottom,
			stroke: colour,
			strokeWidth: 1.5,
			dash,
			name: marker.label
		});
		const end = dash || marker.x + 50 > lanesWidth;
		items.push({
			kind: 'text',
			text: marker.label,
			x: marker.x + (end ? -4 : 4),
			y: !dash && end && layout.asOf ? 26 : 13,
			size: 11,
			anchor: end ? 'end' : 'start',
			colour,
			bold: !dash,
			name: marker.label
		});
	}
	// Lanes: label, bars and glyphs, one group each.
	const barsByLane = byLane(layout.bars);
	const glyphsByLane = byLane(layout.glyphs);
	for (const lane of layout.lanes) {
		const group = `lane-${lane.index}`;
		groups[group] = `Lane: ${lane.lane.fullTitle}`;
		items.push({
			kind: 'text',
			text: lane.title,
			x: 4,
			y: lane.y + lane.height / 2 - 2,
			size: G.fontSize,
			anchor: 'start',
			colour: INK,
			bold: true,
			group,
			name: 'Lane label'
		});
		items.push({
			kind: 'text',
			text: lane.subtitle,
			x: 4,
			y: lane.y + lane.height / 2 + 11,
			size: G.smallFont,
			anchor: 'start',
			colour: INK_MUTED,
			group,
			name: 'Lane detail'
		});
		for (const bar of barsByLane.get(lane.index) ?? []) {
			const name = `${PHASE_LABELS[bar.phase.phase].long}: ${bar.phase.spanText}`;
			const expected = bar.phase.expected;
			// As on screen: a dashed lead into a bar whose start is not reported, and the words.
			if (bar.hatch)
				items.push({
					kind: 'line',
					x1: bar.hatch.x0,
					y1: bar.y + bar.height / 2,
					x2: bar.hatch.x1,
					y2: bar.y + bar.height / 2,
					stroke: INK_MUTED,
					strokeWidth: 2,
					dash: true,
					group,
					name: `${name} (start not reported)`
				});
			if (bar.startNote && !bar.startNote.inBar)
				items.push(startNoteText(bar, bar.startNote, INK_MUTED, group, name));
			items.push({
				kind: 'rect',
				x: bar.x0,
				y: bar.y,
				w: bar.x1 - bar.x0,
				h: bar.height,
				fill: bar.fill,
				fillOpacity: expected ? 0.4 : 1,
				stroke: expected ? INK : INK_MUTED,
				strokeWidth: expected ? 1 : 0.5,
				dash: expected,
				group,
				name
			});
			if (bar.fade)
				items.push({
					kind: 'rect',
					x: bar.fade.x0,
					y: bar.y,
					w: bar.fade.x1 - bar.fade.x0,
					h: bar.height,
					fill: PAPER,
					fillOpacity: 0.55,
					group,
					name: `${name} (start known to ${bar.phase.startPeriod?.precision ?? 'period'})`
				});
			if (bar.openEnd)
				items.push({
					kind: 'shape',
					shape: 'triangle',
					rotate: 90,
					cx: bar.x1 + 4.5,
					cy: bar.y + bar.height / 2,
					w: bar.height + 4,
					h: 9,
					fill: bar.fill,
					stroke: INK_MUTED,
					strokeWidth: 0.5,
					group,
					name: `${name} (ongoing)`
				});
			if (bar.label)
				items.push({
					kind: 'text',
					text: bar.label,
					x: bar.x0 + 4,
					y: bar.y + bar.height / 2 + 4,
					size: G.smallFont + 1,
					anchor: 'start',
					colour: bar.textFill,
					bold: true,
					group,
					name: `${name} label`
				});
			if (bar.startNote?.inBar)
				items.push(startNoteText(bar, bar.startNote, bar.textFill, group, name));
		}
		for (const g of glyphsByLane.get(lane.index) ?? []) items.push(...glyphMark(g, group));
	}
	items.push(...legendItems(layout.legend, groups));
	return { items, groups };
}

function laneCitations(lane: PreparedLane): Citation[] {
	const out: Citation[] = [];
	for (const ph of lane.phases)
		out.push(
			...citationsOf(
				`${lane.name}: ${PHASE_LABELS[ph.phase].long}, ${ph.spanText}`,
				ph.source.sources
			)
		);
	for (const m of lane.milestones)
		out.push(
			...citationsOf(`${lane.name}: ${m.milestone.label} (${m.dateText})`, m.milestone.sources)
		);
	return out;
}

const day = (t: number) => new Date(t).toISOString().slice(0, 10);

/** The timeline as chart slides: one per page of lanes, in the view's window. */
export function timelineScenes(
	prepared: PreparedTimeline,
	window: TimeWindow,
	size: { width: number; height: number } = SLIDE_CHART_PX
): ChartScene[] {
	const pages = pageTimeline(prepared, window, size);
	const shown = pages.at(-1)?.last ?? 0;
	const total = prepared.lanes.length;
	const capped =
		shown < total
			? [
					`Lanes 1–${shown} of ${total} (the first in the current order, ${MAX_TIMELINE_SLIDES} slides at most); narrow the filters to put the others on slides.`
				]
			: [];
	return pages.map((page, i) => {
		const { items, groups } = timelineItems(page.layout);
		const lanes = page.layout.lanes;
		const rows =
			pages.length > 1
				? `Lanes ${page.first}–${page.last} of ${page.total}`
				: `${page.total} lanes`;
		return {
			titleSuffix: i > 0 ? ' (continued)' : '',
			subtitle: `${rows} · ${day(page.layout.window.start)} to ${day(page.layout.window.end)} · bars: development phases; shapes: milestones`,
			width: page.layout.width,
			height: page.layout.height,
			items,
			groups,
			citations: lanes.flatMap((l) => laneCitations(l.lane)),
			notes: capped
		};
	});
}
