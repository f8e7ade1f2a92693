/**
 * Timeline stage 2, geometry for a width and a time window: the time scale, bars clipped to the
 * window, glyph positions, collision sub-rows, lane heights, ticks, legend, and the
 * keyboard-navigation order.
 */
import { INK, PHASE_COLOURS, PHASE_TEXT } from '$lib/charts/shared/palette';
import { GLYPH_FAMILY_COLOURS, GLYPH_KINDS, glyphBadge, glyphLetter } from './glyphs';
import {
	DAY,
	PHASE_LABELS,
	type PreparedPhase,
	type PreparedMilestone,
	type PreparedLane,
	type PreparedTimeline
} from './timeline.prepare';
import { clampWindow } from './timeline.window';
import {
	GEOMETRY,
	START_NOT_REPORTED,
	textWidth,
	truncate,
	type BarMark,
	type GlyphMark,
	type Mark,
	type LaneBox,
	type Heading,
	type LegendItem,
	type TimelineLayout,
	type LayoutOptions
} from './timeline.marks';
import { timeTicks } from './timeline.ticks';
import { assignRows } from './timeline.rows';
import { stretchTimeline } from './timeline.stretch';

const AGENCY_FONT = 9.5;
/** The longest dashed lead into a bar whose start is not reported. */
const LEAD_LENGTH = 36;

function glyphAria(lane: PreparedLane, m: PreparedMilestone): string {
	const ms = m.milestone;
	const parts = [lane.name, ms.label, m.dateText];
	if (ms.status === 'expected') parts.push('expected');
	return parts.join(' · ');
}

function barAria(lane: PreparedLane, ph: PreparedPhase): string {
	const parts = [lane.name, PHASE_LABELS[ph.phase].long, ph.spanText];
	if (ph.expected) parts.push('expected');
	return parts.join(' · ');
}

/**
 * Stage 2: geometry for a width and a time window. Pure; memoise on (prepared, width, window).
 * With `fitWidth` below `width`, laid out at `fitWidth` and stretched (timeline.stretch.ts).
 */
export function layoutTimeline(prepared: PreparedTimeline, options: LayoutOptions): TimelineLayout {
	const { fitWidth, ...rest } = options;
	if (fitWidth === undefined || options.width <= fitWidth) return layoutAtWidth(prepared, rest);
	return stretchTimeline(layoutAtWidth(prepared, { ...rest, width: fitWidth }), options.width);
}

function layoutAtWidth(prepared: PreparedTimeline, options: LayoutOptions): TimelineLayout {
	const G = GEOMETRY;
	const width = Math.max(options.width, 320);
	const labelWidth =
		options.labelWidth ?? Math.round(Math.min(Math.max(width * 0.2, G.labelMin), G.labelMax));
	const plotLeft = labelWidth + G.labelGap;
	const plotRight = Math.max(plotLeft + 40, width - G.right);
	const win = clampWindow(options.window);
	const k = (plotRight - plotLeft) / (win.end - win.start);
	const xOf = (t: number) => plotLeft + (t - win.start) * k;
	const R = G.glyphR;

	const headings: Heading[] = [];
	const lanes: LaneBox[] = [];
	const bars: BarMark[] = [];
	const glyphs: GlyphMark[] = [];
	const nav: string[][] = [];
	const marksById = new Map<string, Mark>();

	let y = G.top;
	let laneIndex = 0;
	const showSectionHeadings =
		prepared.sections.length > 1 || prepared.sections[0]?.section === 'comparator';
	for (const section of prepared.sections) {
		if (showSectionHeadings) {
			headings.push({ kind: 'section', label: section.heading, y, height: G.sectionHeading });
			y += G.sectionHeading;
		}
		for (const group of section.groups) {
			headings.push({ kind: 'group', label: group.label, y, height: G.groupHeading });
			y += G.groupHeading;
			for (const lane of group.lanes) {
				// Visible glyphs and their collision boxes (glyph, agency label, date bracket).
				const visible: Array<{
					m: PreparedMilestone;
					x: number;
					left: number;
					right: number;
					span: { x0: number; x1: number } | null;
					side: string | null;
					approxMark: boolean;
				}> = [];
				for (const m of lane.milestones) {
					const x = xOf(m.mid);
					let span: { x0: number; x1: number } | null = null;
					let left = x - R - 2;
					let right = x + R + 2;
					if (m.approximate) {
						span = { x0: xOf(m.spanStart), x1: xOf(m.spanEnd) };
						left = Math.min(left, span.x0 - 1);
						right = Math.max(right, span.x1 + 1);
					}
					// Agency beside the glyph; "≈" when the period is too short on screen to show.
					const approxMark = span !== null && span.x1 - span.x0 < 8;
					const agency = m.milestone.agency;
					const side = [approxMark ? '≈' : null, agency].filter(Boolean).join(' ') || null;
					if (side) right = Math.max(right, x + R + 4 + textWidth(side, AGENCY_FONT));
					// Off the plot by more than its radius: not drawn, even if its bracket or label reach in.
					if (x < plotLeft - R || x > plotRight + R) continue;
					visible.push({ m, x, left, right, span, side, approxMark });
				}
				// Already sorted by mid; collisions need left-edge order (brackets can reach left). The
				// sort is stable: equal left edges keep their order by mid.
				const byLeft = visible
					.map((_v, i) => i)
					.sort((a, b) => visible[a]!.left - visible[b]!.left);
				const { rows, count } = assignRows(byLeft.map((i) => visible[i]!));
				// Stryker disable next-line ArrayDeclaration: every slot is filled on the next line
				const rowOf = new Array<number>(visible.length);
				byLeft.forEach((vi, j) => (rowOf[vi] = rows[j]!));

				const glyphRows = lane.milestones.length > 0 ? Math.max(1, count) : 0;
				const hasBar = lane.kind === 'program';
				const content = G.lanePad * 2 + glyphRows * G.glyphRow + (hasBar ? G.barHeight : 0);
				const height = Math.max(G.laneMin, content);
				const barY = y + height - G.lanePad - G.barHeight;
				const glyphBase = hasBar ? barY : y + height - G.lanePad;

				lanes.push({
					index: laneIndex,
					lane,
					y,
					height,
					rows: glyphRows,
					barY,
					title: truncate(lane.title, labelWidth - 8, G.fontSize),
					subtitle: truncate(lane.subtitle, labelWidth - 8, G.smallFont),
					stripe: laneIndex % 2 === 1
				});

				const laneMarks: Mark[] = [];
				// Bars, clipped to the plot.
				for (let pi = 0; pi < lane.phases.length; pi++) {
					const ph = lane.phases[pi]!;
					const rawX0 = xOf(ph.start);
					const rawX1 = xOf(ph.end);
					// A phase overlaps the window unless it ends by the window's start or starts at its
					// end (a bar there would be 0 px wide, an invisible stop in the keyboard order).
					if (rawX1 <= plotLeft || rawX0 >= plotRight) continue;
					const x0 = Math.max(plotLeft, rawX0);
					const x1 = Math.min(plotRight, Math.max(rawX1, rawX0 + 2));
					const long = PHASE_LABELS[ph.phase].long;
					const short = PHASE_LABELS[ph.phase].short;
					const room = x1 - x0 - 8;
					const label =
						textWidth(long, G.smallFont + 1) <= room
							? long
							: textWidth(short, G.smallFont + 1) <= room
								? short
								: null;
					let fade: BarMark['fade'] = null;
					if (ph.startPeriod && !ph.startUnknown) {
						const f0 = Math.max(x0, xOf(ph.startPeriod.start));
						const f1 = Math.min(x1, xOf(ph.startPeriod.end));
						if (f1 - f0 >= 1) fade = { x0: f0, x1: f1 };
					}
					// Start not reported: a dashed lead into the bar and the words, left of it where
					// the lane is free, else inside the bar after its label (else the legend says it).
					let hatch: BarMark['hatch'] = null;
					let startNote: BarMark['startNote'] = null;
					if (ph.startUnknown && rawX0 >= plotLeft) {
						const prev = lane.phases[pi - 1];
						const limit = prev ? Math.max(plotLeft, xOf(prev.end) + 2) : plotLeft;
						const h0 = Math.max(limit, rawX0 - LEAD_LENGTH);
						if (rawX0 - h0 >= 4) hatch = { x0: h0, x1: rawX0 };
						const words = textWidth(START_NOT_REPORTED, G.smallFont);
						const outside = (hatch?.x0 ?? rawX0) - 4;
						const inside = x0 + 4 + (label ? textWidth(label, G.smallFont + 1) + 8 : 0);
						if (outside - words >= limit) startNote = { x: outside, anchor: 'end', inBar: false };
						else if (inside + words <= x1 - 4)
							startNote = { x: inside, anchor: 'start', inBar: true };
					}
					const bar: BarMark = {
						kind: 'bar',
						id: ph.id,
						laneIndex,
						lane,
						phase: ph,
						x0,
						x1,
						y: barY,
						height: G.barHeight,
						fill: PHASE_COLOURS[ph.phase],
						// Expected bars are pale (40% fill): dark text stays legible on them.
						textFill: ph.expected ? INK : PHASE_TEXT[ph.phase],
						label,
						fade,
						hatch,
						startNote,
						openEnd: ph.endKind === 'ongoing' && rawX1 <= plotRight,
						clippedStart: rawX0 < plotLeft,
						clippedEnd: rawX1 > plotRight,
						cx: (x0 + x1) / 2,
						cy: barY + G.barHeight / 2,
						ariaLabel: barAria(lane, ph)
					};
					bars.push(bar);
					laneMarks.push(bar);
				}
				// Glyphs, row 0 nearest the bar.
				for (let vi = 0; vi < visible.length; vi++) {
					const { m, x, span, side, approxMark } = visible[vi]!;
					const row = rowOf[vi]!;
					const gy = glyphBase - G.glyphRow / 2 - row * G.glyphRow;
					const ms = m.milestone;
					const kind = GLYPH_KINDS[ms.type];
					const glyph: GlyphMark = {
						kind: 'glyph',
						id: `ms:${ms.id}`,
						laneIndex,
						lane,
						item: m,
						x,
						y: gy,
						row,
						shape: kind.shape,
						colour: GLYPH_FAMILY_COLOURS[kind.family],
						hollow: ms.status === 'expected',
						letter: glyphLetter(ms),
						badge: glyphBadge(ms),
						agency: ms.agency,
						sideLabel: side,
						span,
						approxMark,
						cx: x,
						cy: gy,
						ariaLabel: glyphAria(lane, m)
					};
					glyphs.push(glyph);
					laneMarks.push(glyph);
				}
				// The sort is stable: at the same centre the bars, added first, stay before the glyphs.
				laneMarks.sort((a, b) => a.cx - b.cx);
				for (const mark of laneMarks) marksById.set(mark.id, mark);
				nav.push(laneMarks.map((mk) => mk.id));
				y += height;
				laneIndex++;
			}
		}
	}
	const plotBottom = y;

	const { kind: tickKind, ticks } = timeTicks(win, plotLeft, plotRight);
	const inPlot = (x: number) => x >= plotLeft && x <= plotRight;
	const todayX = xOf(prepared.today + DAY / 2);
	const asOfX = prepared.asOf ? xOf(prepared.asOf.time) : NaN;
	// Near the right edge the today label sits left of its line.
	const today = inPlot(todayX)
		? { x: todayX, label: 'Today', labelLeft: todayX + 44 > width }
		: null;

	// Legend: phases present, glyph shapes present, then the notes that explain the encodings,
	// each part from a new row.
	const legend: LegendItem[] = [];
	const legendTop = plotBottom + G.legendGap;
	let lx = 0;
	let ly = legendTop;
	// A new row, unless the current one is still empty: a part of the legend with no items leaves
	// no empty row, and an item wider than the chart takes a row of its own.
	const newRow = () => {
		if (lx > 0) {
			lx = 0;
			ly += G.legendRow;
		}
	};
	const place = (item: Omit<LegendItem, 'x' | 'y'>, w: number) => {
		if (lx + w > width) newRow();
		legend.push({ ...item, x: lx, y: ly });
		lx += w + 14;
	};
	for (const phase of prepared.phasesPresent) {
		const label = PHASE_LABELS[phase].long;
		place({ kind: 'phase', label, phase }, 22 + textWidth(label, G.fontSize));
	}
	newRow();
	for (const type of prepared.typesPresent) {
		const kindInfo = GLYPH_KINDS[type];
		const letter = type === 'designation' ? 'B/F/O/P' : undefined;
		const label =
			type === 'designation'
				? 'Designation (B breakthrough, F fast track, O orphan, P priority review)'
				: type === 'approval'
					? 'Approval (A accelerated, C conditional)'
					: kindInfo.name;
		place(
			{
				kind: 'glyph',
				label,
				shape: kindInfo.shape,
				colour: GLYPH_FAMILY_COLOURS[kindInfo.family],
				letter
			},
			20 + textWidth(label, G.fontSize)
		);
	}
	if (legend.length > 0) {
		newRow();
		const notes: Array<[LegendItem['note'], string]> = [
			['expected', 'Hollow / dashed: expected'],
			['approximate', 'Bracket or ≈: date known only to month, quarter, half or year'],
			['hatch', 'Dashed lead, “start not reported”: the bar begins when first reported under way'],
			['ongoing', 'Arrow: ongoing']
		];
		for (const [note, label] of notes)
			place({ kind: 'note', label, note }, 30 + textWidth(label, G.fontSize));
	}
	const height = (legend.length > 0 ? ly + G.legendRow : plotBottom) + G.bottom;

	return {
		width,
		height,
		plotLeft,
		plotRight,
		plotTop: G.top,
		plotBottom,
		labelWidth,
		window: win,
		ticks,
		tickKind,
		headings,
		lanes,
		bars,
		glyphs,
		nav,
		marksById,
		today,
		asOf:
			prepared.asOf && inPlot(asOfX)
				? asOfMarker(asOfX, `Data as of ${prepared.asOf.label}`, today)
				: null,
		legend,
		legendTop
	};
}

/** The date lines' labels: 11 px, the today label bold (a little wider), 6 px apart at least. */
const DATE_LABEL_SIZE = 11;
const DATE_LABEL_GAP = 6;

/**
 * The as-of line and where its label ends (right-aligned): 4 px left of the line, or, where the
 * today label sits left of its own line and the two would overlap (the data a few weeks old, the
 * today line near the right edge), just left of the today label. The place is kept as an x of
 * the plot and a shift in px, so a stretched layout moves it with the today line.
 */
function asOfMarker(
	x: number,
	label: string,
	today: { x: number; label: string; labelLeft: boolean } | null
): NonNullable<TimelineLayout['asOf']> {
	const own = { x, label, labelX: x, labelShift: -4 };
	if (!today?.labelLeft) return own;
	const todayWidth = textWidth(today.label, DATE_LABEL_SIZE) * 1.1;
	const todayStart = today.x - 4 - todayWidth;
	const end = x - 4;
	const overlaps =
		end > todayStart - DATE_LABEL_GAP && end - textWidth(label, DATE_LABEL_SIZE) < today.x - 4;
	if (!overlaps) return own;
	return { x, label, labelX: today.x, labelShift: -(4 + todayWidth + DATE_LABEL_GAP) };
}
