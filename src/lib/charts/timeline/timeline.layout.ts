/**
 * The timeline layout: filtered programs and milestones → positioned marks. Pure (no DOM, no
 * runes), so the screen, the SVG/PNG export and the PPTX export draw from the same numbers.
 *
 * Two stages, so zooming does not redo the data work:
 * 1. `prepareTimeline(data, options)` — data only: sections (focus, comparators), groups (by asset
 *    or indication), one lane per program plus a "Corporate / other" lane per asset for milestones
 *    without a program; phases turned into time spans; milestones parsed and sorted. O(n log n).
 * 2. `layoutTimeline(prepared, { width, window })` — geometry: the time scale, bars clipped to the
 *    window, glyph positions, collision sub-rows (interval partitioning with two heaps,
 *    O(n log n)), lane heights, ticks, legend, and the keyboard-navigation order.
 * Times are epoch milliseconds (UTC); a partial date is a period (see $lib/data/dates).
 */
import { scaleUtc } from 'd3-scale';
import { utcDay, utcMonday, utcMonth, utcYear, type CountableTimeInterval } from 'd3-time';
import { utcFormat } from 'd3-time-format';
import { parsePartialDate, type DatePrecision, type ParsedPartialDate } from '$lib/data/dates';
import type {
	Asset,
	Milestone,
	MilestoneType,
	Phase,
	Program,
	ProgramPhase
} from '$lib/data/schema';
import { PHASES } from '$lib/data/vocabulary';
import { INK, PHASE_COLOURS, PHASE_TEXT } from '$lib/charts/shared/palette';
import {
	DESIGNATION_NAMES,
	GLYPH_FAMILY_COLOURS,
	GLYPH_KINDS,
	glyphBadge,
	glyphLetter,
	type GlyphShape
} from './glyphs';

export const DAY = 86_400_000;
const YEAR = 365.2425 * DAY;

export type GroupBy = 'asset' | 'indication';
export type Section = 'focus' | 'comparator';

export interface TimelineData {
	assets: readonly Asset[];
	programs: readonly Program[];
	milestones: readonly Milestone[];
}

export interface PrepareOptions {
	groupBy: GroupBy;
	/** The real current date (the today line; ongoing bars run to it). */
	today: Date;
	/** The dataset's "data as of" partial date. */
	asOf: string | null;
}

export interface TimeWindow {
	start: number;
	end: number;
}

// ---------------------------------------------------------------------------------------------
// Stage 1: prepare
// ---------------------------------------------------------------------------------------------

export type PhaseEndKind = 'end' | 'next' | 'ongoing' | 'discontinued';

export interface PreparedPhase {
	id: string;
	phase: Phase;
	source: ProgramPhase;
	/** Where the bar begins: the start period's first day, or knownBy's when start is null. */
	start: number;
	/** Exclusive end of the bar. */
	end: number;
	endKind: PhaseEndKind;
	/** Start not reported: the bar begins at `knownBy`, drawn with a hatched lead. */
	startUnknown: boolean;
	/** The start (or knownBy) period when it is coarser than a day: drawn faded. */
	startPeriod: { start: number; end: number; precision: DatePrecision } | null;
	startLabel: string;
	endLabel: string;
	expected: boolean;
	/** "Aug 2021 – 11 Sep 2025", "start not reported; under way by Q4 2019 – ongoing". */
	spanText: string;
}

export interface PreparedMilestone {
	id: string;
	milestone: Milestone;
	/** Glyph position: the midpoint of the date's period (day precision: noon of the day). */
	mid: number;
	spanStart: number;
	/** Exclusive. */
	spanEnd: number;
	precision: DatePrecision;
	/** Not a single known day: the period (or expected window) is drawn as a bracket. */
	approximate: boolean;
	/** "11 Sep 2025", "Sep 2025 (month precision)", "Q4 2026 – Q1 2027 (window)". */
	dateText: string;
	typeName: string;
}

export interface PreparedLane {
	id: string;
	kind: 'program' | 'corporate';
	section: Section;
	groupKey: string;
	assetId: string;
	assetName: string;
	program: Program | null;
	/** First label line, short: "KN026 · Gastric/GEJ". */
	title: string;
	/** With the full indication, for the lane's tooltip and the table. */
	fullTitle: string;
	/** Second label line: "2L · HER2+ · China". */
	subtitle: string;
	/** For accessible names: "KN026 · Gastric/GEJ adenocarcinoma 2L China". */
	name: string;
	phases: PreparedPhase[];
	/** Phases with no date at all (listed in the table, not drawable). */
	undatedPhases: ProgramPhase[];
	/** Sorted by `mid`. */
	milestones: PreparedMilestone[];
}

export interface PreparedGroup {
	key: string;
	label: string;
	section: Section;
	lanes: PreparedLane[];
}

export interface PreparedSection {
	section: Section;
	heading: string;
	groups: PreparedGroup[];
}

export interface PreparedTimeline {
	sections: PreparedSection[];
	/** Every lane in drawing order. */
	lanes: PreparedLane[];
	/** Milestones whose date does not parse (shown in the table only). */
	undatedMilestones: Milestone[];
	/** The data's time extent (including today when a bar is ongoing); null when empty. */
	extent: TimeWindow | null;
	today: number;
	asOf: { time: number; label: string } | null;
	phasesPresent: Phase[];
	typesPresent: MilestoneType[];
	milestoneCount: number;
}

export const PHASE_LABELS: Record<Phase, { long: string; short: string }> = {
	preclinical: { long: 'Preclinical', short: 'Pre' },
	'phase 1': { long: 'Phase 1', short: 'P1' },
	'phase 1/2': { long: 'Phase 1/2', short: 'P1/2' },
	'phase 2': { long: 'Phase 2', short: 'P2' },
	'phase 2/3': { long: 'Phase 2/3', short: 'P2/3' },
	'phase 3': { long: 'Phase 3', short: 'P3' },
	filed: { long: 'Filed', short: 'F' },
	approved: { long: 'Approved', short: 'A' }
};

const PRECISION_WORDS: Record<DatePrecision, string> = {
	day: 'day',
	month: 'month',
	quarter: 'quarter',
	half: 'half-year',
	year: 'year'
};

/** "Sep 2025 (month precision)"; a day is just "11 Sep 2025". */
export function describePartialDate(parsed: ParsedPartialDate): string {
	return parsed.precision === 'day'
		? parsed.label
		: `${parsed.label} (${PRECISION_WORDS[parsed.precision]} precision)`;
}

function periodEnd(p: ParsedPartialDate): number {
	return p.end.getTime() + DAY;
}

export function utcToday(now: Date): number {
	return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
}

/** Parsed milestones by object: a filter change re-prepares lanes without re-parsing dates. */
const preparedMilestones = new WeakMap<Milestone, PreparedMilestone | null>();

function prepareMilestone(m: Milestone): PreparedMilestone | null {
	let prepared = preparedMilestones.get(m);
	if (prepared === undefined) {
		prepared = parseMilestone(m);
		preparedMilestones.set(m, prepared);
	}
	return prepared;
}

function parseMilestone(m: Milestone): PreparedMilestone | null {
	const from = parsePartialDate(m.date);
	if (!from) return null;
	const to = m.dateEnd ? (parsePartialDate(m.dateEnd) ?? from) : from;
	const spanStart = from.start.getTime();
	const spanEnd = Math.max(periodEnd(to), spanStart + DAY);
	const approximate = from.precision !== 'day' || to !== from;
	const dateText =
		to !== from
			? `${from.label} – ${to.label} (${m.status === 'expected' ? 'expected window' : 'window'})`
			: describePartialDate(from);
	let typeName = GLYPH_KINDS[m.type].name;
	if (m.type === 'designation' && m.designation)
		typeName = `${DESIGNATION_NAMES[m.designation]} designation`;
	if (m.type === 'approval' && m.approvalKind && m.approvalKind !== 'full')
		typeName = `${m.approvalKind === 'accelerated' ? 'Accelerated' : 'Conditional'} approval`;
	return {
		id: m.id,
		milestone: m,
		mid: (spanStart + spanEnd) / 2,
		spanStart,
		spanEnd,
		precision: to !== from ? to.precision : from.precision,
		approximate,
		dateText,
		typeName
	};
}

function preparePhases(
	program: Program,
	today: number,
	lastEvidence: number
): { phases: PreparedPhase[]; undated: ProgramPhase[] } {
	const dated = program.phases
		.map((ph, index) => {
			const start = parsePartialDate(ph.start);
			const knownBy = start ? null : parsePartialDate(ph.knownBy);
			return { ph, index, anchor: start ?? knownBy, startUnknown: !start };
		})
		.filter((d) => d.anchor !== null) as Array<{
		ph: ProgramPhase;
		index: number;
		anchor: ParsedPartialDate;
		startUnknown: boolean;
	}>;
	const undated = program.phases.filter(
		(ph) => !parsePartialDate(ph.start) && !parsePartialDate(ph.knownBy)
	);
	// Dataset order is the phase order; a stable sort by start fixes the odd out-of-order entry.
	dated.sort((a, b) => a.anchor.start.getTime() - b.anchor.start.getTime() || a.index - b.index);

	const phases = dated.map((d, i): PreparedPhase => {
		const start = d.anchor.start.getTime();
		const next = dated[i + 1];
		const ownEnd = parsePartialDate(d.ph.end);
		let end: number;
		let endKind: PhaseEndKind;
		if (ownEnd && (!next || periodEnd(ownEnd) <= next.anchor.start.getTime())) {
			end = periodEnd(ownEnd);
			endKind = 'end';
		} else if (next) {
			end = next.anchor.start.getTime();
			endKind = 'next';
		} else if (program.status === 'discontinued') {
			end = Math.max(lastEvidence, start + DAY);
			endKind = 'discontinued';
		} else {
			end = Math.max(today, start + DAY);
			endKind = 'ongoing';
		}
		const startLabel = d.anchor.label;
		const endLabel =
			endKind === 'end'
				? (ownEnd as ParsedPartialDate).label
				: endKind === 'next'
					? `${(next as (typeof dated)[number]).anchor.label} (next phase)`
					: endKind === 'ongoing'
						? 'ongoing'
						: 'discontinued';
		const spanText = d.startUnknown
			? `start not reported; under way by ${startLabel} – ${endLabel}`
			: `${startLabel} – ${endLabel}`;
		return {
			id: `bar:${program.id}:${d.index}`,
			phase: d.ph.phase,
			source: d.ph,
			start,
			end,
			endKind,
			startUnknown: d.startUnknown,
			startPeriod:
				d.anchor.precision === 'day'
					? null
					: {
							start,
							end: Math.min(periodEnd(d.anchor), end),
							precision: d.anchor.precision
						},
			startLabel,
			endLabel,
			expected: d.ph.status === 'expected',
			spanText
		};
	});
	return { phases, undated };
}

/**
 * A short indication for lane labels and accessible names: an acronym given in parentheses
 * ("… (PROC)" → "PROC"), else the text before any parenthesis, comma or " after ", without a
 * trailing "adenocarcinoma" ("Gastric/GEJ adenocarcinoma (locally advanced…)" → "Gastric/GEJ").
 * The full indication stays in the lane's tooltip, the details and the table.
 */
export function shortIndication(indication: string): string {
	const acronym = /\(([A-Z][A-Z0-9/-]{1,9})\)/.exec(indication);
	if (acronym) return acronym[1]!;
	let s = indication.replace(/\s*\([^)]*\)/g, '');
	s = s.split(/,\s|\s+after\s/)[0]!.trim();
	const bare = s.replace(/\s+adenocarcinoma$/i, '').trim();
	return bare || s || indication;
}

function capitalise(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Stage 1: data → lanes. Pure; memoise on (data, groupBy, today, asOf). */
export function prepareTimeline(data: TimelineData, options: PrepareOptions): PreparedTimeline {
	const today = utcToday(options.today);
	const assetsById = new Map(data.assets.map((a) => [a.id, a]));
	const assetOrder = new Map(data.assets.map((a, i) => [a.id, i]));
	const programIds = new Set(data.programs.map((p) => p.id));

	// Milestones per program lane or per asset's corporate lane.
	const byProgram = new Map<string, PreparedMilestone[]>();
	const corporate = new Map<string, PreparedMilestone[]>();
	const undatedMilestones: Milestone[] = [];
	for (const m of data.milestones) {
		const pm = prepareMilestone(m);
		if (!pm) {
			undatedMilestones.push(m);
			continue;
		}
		// A milestone whose program is not shown still appears, in its asset's corporate lane.
		const target = m.program !== null && programIds.has(m.program) ? byProgram : corporate;
		const key = target === byProgram ? (m.program as string) : m.asset;
		const list = target.get(key);
		if (list) list.push(pm);
		else target.set(key, [pm]);
	}
	const byMid = (a: PreparedMilestone, b: PreparedMilestone) =>
		a.mid - b.mid || a.id.localeCompare(b.id);
	for (const list of byProgram.values()) list.sort(byMid);
	for (const list of corporate.values()) list.sort(byMid);

	const assetName = (id: string) => assetsById.get(id)?.shortName ?? id;
	const sectionOf = (assetId: string): Section =>
		assetsById.get(assetId)?.role === 'comparator' ? 'comparator' : 'focus';

	const lanes: PreparedLane[] = [];
	for (const program of data.programs) {
		const ms = byProgram.get(program.id) ?? [];
		const lastEvidence = ms.reduce((t, m) => Math.max(t, m.spanEnd), 0);
		const { phases, undated } = preparePhases(program, today, lastEvidence);
		const name = assetName(program.asset);
		const detail = [program.line, program.biomarker, program.region].filter(Boolean);
		if (program.status === 'discontinued') detail.push('discontinued');
		const indication = shortIndication(program.indication);
		const region = program.region === 'Unspecified' ? null : program.region;
		lanes.push({
			id: `lane:${program.id}`,
			kind: 'program',
			section: sectionOf(program.asset),
			groupKey: options.groupBy === 'asset' ? program.asset : program.indicationGroup,
			assetId: program.asset,
			assetName: name,
			program,
			title: `${name} · ${indication}`,
			fullTitle: `${name} · ${program.indication}`,
			subtitle: detail.join(' · '),
			name: [name, [indication, program.line, region].filter(Boolean).join(' ')]
				.filter(Boolean)
				.join(' · '),
			phases,
			undatedPhases: undated,
			milestones: ms
		});
	}
	// Corporate lanes, in asset order; an asset that is not in `assets` still gets its lane.
	const corporateAssets = [...corporate.keys()].sort(
		(a, b) =>
			(assetOrder.get(a) ?? Infinity) - (assetOrder.get(b) ?? Infinity) || a.localeCompare(b)
	);
	for (const assetId of corporateAssets) {
		const name = assetName(assetId);
		lanes.push({
			id: `lane:corporate:${assetId}`,
			kind: 'corporate',
			section: sectionOf(assetId),
			groupKey: options.groupBy === 'asset' ? assetId : '\u0000corporate',
			assetId,
			assetName: name,
			program: null,
			title: `${name} · Corporate / other`,
			fullTitle: `${name} · Corporate / other`,
			subtitle: 'Deals, INDs, other',
			name: `${name} · Corporate / other`,
			phases: [],
			undatedPhases: [],
			milestones: corporate.get(assetId) ?? []
		});
	}

	// Group lanes: groups in first-seen order (assets in asset order), corporate group last.
	const sections: PreparedSection[] = [];
	const orderedLanes: PreparedLane[] = [];
	for (const section of ['focus', 'comparator'] as const) {
		const sectionLanes = lanes.filter((l) => l.section === section);
		if (sectionLanes.length === 0) continue;
		const groups = new Map<string, PreparedGroup>();
		const keyed = sectionLanes.map((lane, i) => ({ lane, i }));
		if (options.groupBy === 'asset') {
			keyed.sort(
				(a, b) =>
					(assetOrder.get(a.lane.assetId) ?? Infinity) -
						(assetOrder.get(b.lane.assetId) ?? Infinity) || a.i - b.i
			);
		} else {
			// Indication groups first, the corporate group last; lanes by asset order inside a group.
			const firstSeen = new Map<string, number>();
			keyed.forEach(({ lane, i }) => {
				if (!firstSeen.has(lane.groupKey)) firstSeen.set(lane.groupKey, i);
			});
			const rank = (l: PreparedLane) =>
				l.kind === 'corporate' ? Infinity : (firstSeen.get(l.groupKey) ?? 0);
			keyed.sort(
				(a, b) =>
					rank(a.lane) - rank(b.lane) ||
					(assetOrder.get(a.lane.assetId) ?? Infinity) -
						(assetOrder.get(b.lane.assetId) ?? Infinity) ||
					a.i - b.i
			);
		}
		for (const { lane } of keyed) {
			let group = groups.get(lane.groupKey);
			if (!group) {
				const label =
					options.groupBy === 'asset'
						? (assetsById.get(lane.assetId)?.name ?? lane.assetId)
						: lane.kind === 'corporate'
							? 'Corporate / other'
							: capitalise(lane.groupKey);
				group = { key: lane.groupKey, label, section, lanes: [] };
				groups.set(lane.groupKey, group);
			}
			group.lanes.push(lane);
			orderedLanes.push(lane);
		}
		sections.push({
			section,
			heading: section === 'focus' ? 'Focus assets' : 'Comparators',
			groups: [...groups.values()]
		});
	}

	// Extent over everything drawn.
	let lo = Infinity;
	let hi = -Infinity;
	let ongoing = false;
	const phasesPresent = new Set<Phase>();
	const typesPresent = new Set<MilestoneType>();
	let milestoneCount = 0;
	for (const lane of orderedLanes) {
		for (const ph of lane.phases) {
			lo = Math.min(lo, ph.start);
			hi = Math.max(hi, ph.end);
			if (ph.endKind === 'ongoing') ongoing = true;
			phasesPresent.add(ph.phase);
		}
		for (const m of lane.milestones) {
			lo = Math.min(lo, m.spanStart);
			hi = Math.max(hi, m.spanEnd);
			typesPresent.add(m.milestone.type);
			milestoneCount++;
		}
	}
	if (ongoing) hi = Math.max(hi, today);
	const asOfParsed = parsePartialDate(options.asOf);
	return {
		sections,
		lanes: orderedLanes,
		undatedMilestones,
		extent: Number.isFinite(lo) && Number.isFinite(hi) ? { start: lo, end: hi } : null,
		today,
		asOf: asOfParsed ? { time: periodEnd(asOfParsed), label: asOfParsed.label } : null,
		phasesPresent: PHASES.filter((p) => phasesPresent.has(p)),
		typesPresent: (Object.keys(GLYPH_KINDS) as MilestoneType[]).filter((t) => typesPresent.has(t)),
		milestoneCount
	};
}

// ---------------------------------------------------------------------------------------------
// Windows: fit, zoom, pan, and the view-state strings
// ---------------------------------------------------------------------------------------------

export const MIN_SPAN = 14 * DAY;
export const MAX_SPAN = 80 * YEAR;

/** The window that fits the data with a small margin (5 years around today when empty). */
export function fitWindow(prepared: Pick<PreparedTimeline, 'extent' | 'today'>): TimeWindow {
	const extent = prepared.extent ?? {
		start: prepared.today - 5 * YEAR,
		end: prepared.today + YEAR
	};
	const span = Math.max(extent.end - extent.start, MIN_SPAN);
	const pad = span * 0.03;
	return { start: extent.start - pad, end: extent.start + span + pad };
}

/** Keeps a window's span within [MIN_SPAN, MAX_SPAN], keeping its centre. */
export function clampWindow(w: TimeWindow): TimeWindow {
	const span = w.end - w.start;
	if (span >= MIN_SPAN && span <= MAX_SPAN) return w;
	const centre = (w.start + w.end) / 2;
	const s = Math.min(Math.max(span, MIN_SPAN), MAX_SPAN);
	return { start: centre - s / 2, end: centre + s / 2 };
}

/** Zooms by `factor` (< 1 zooms in) keeping the time under `anchor` where it is. */
export function zoomWindow(
	w: TimeWindow,
	factor: number,
	anchor = (w.start + w.end) / 2
): TimeWindow {
	const span = w.end - w.start;
	const next = Math.min(Math.max(span * factor, MIN_SPAN), MAX_SPAN);
	const t = span > 0 ? (anchor - w.start) / span : 0.5;
	return { start: anchor - t * next, end: anchor + (1 - t) * next };
}

export function panWindow(w: TimeWindow, deltaMs: number): TimeWindow {
	return { start: w.start + deltaMs, end: w.end + deltaMs };
}

/** "2025-09-11" for a UTC time. */
export function isoDay(t: number): string {
	return new Date(Math.floor(t / DAY) * DAY).toISOString().slice(0, 10);
}

/** The view-state strings for a window: first and last day shown (ISO days). */
export function windowToState(w: TimeWindow): { windowStart: string; windowEnd: string } {
	return { windowStart: isoDay(w.start), windowEnd: isoDay(Math.ceil(w.end / DAY) * DAY - DAY) };
}

/**
 * The window from the view state (partial-date strings, null = fit). A missing or invalid side
 * fits the data; a reversed window is swapped.
 */
export function windowFromState(
	windowStart: string | null,
	windowEnd: string | null,
	fit: TimeWindow
): TimeWindow {
	const s = parsePartialDate(windowStart);
	const e = parsePartialDate(windowEnd);
	let start = s ? s.start.getTime() : fit.start;
	let end = e ? periodEnd(e) : fit.end;
	// A reversed pair of days means the same days the other way round.
	if (s && e && e.end.getTime() < s.start.getTime()) {
		start = e.start.getTime();
		end = periodEnd(s);
	} else if (end <= start) [start, end] = [Math.min(start, end), Math.max(start, end)];
	return clampWindow({ start, end });
}

// ---------------------------------------------------------------------------------------------
// Stage 2: geometry
// ---------------------------------------------------------------------------------------------

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

export interface Tick {
	x: number;
	time: number;
	label: string;
	major: boolean;
}

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
	/** Hatched stub before the bar: start not reported. */
	hatch: { x0: number; x1: number } | null;
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
	today: { x: number; label: string } | null;
	asOf: { x: number; label: string } | null;
	legend: LegendItem[];
	legendTop: number;
}

export interface LayoutOptions {
	width: number;
	window: TimeWindow;
}

/** Rough text width for the label column and collision boxes (Source Sans 3 averages ~0.5em). */
export function textWidth(text: string, fontSize: number): number {
	return text.length * fontSize * 0.48;
}

export function truncate(text: string, maxWidth: number, fontSize: number): string {
	if (textWidth(text, fontSize) <= maxWidth) return text;
	const chars = Math.max(1, Math.floor(maxWidth / (fontSize * 0.48)) - 1);
	return text.slice(0, chars).trimEnd() + '…';
}

// Ticks ----------------------------------------------------------------------------------------

export type TickKind = 'day' | 'week' | 'month' | 'quarter' | 'half' | 'year';

interface TickLevel {
	kind: TickKind;
	days: number;
	interval: CountableTimeInterval | null;
}

const TICK_LEVELS: TickLevel[] = [
	{ kind: 'day', days: 1, interval: utcDay },
	{ kind: 'week', days: 7, interval: utcMonday },
	{ kind: 'month', days: 30.44, interval: utcMonth },
	{ kind: 'quarter', days: 91.3, interval: utcMonth.every(3) as CountableTimeInterval },
	{ kind: 'half', days: 182.6, interval: utcMonth.every(6) as CountableTimeInterval },
	...[1, 2, 5, 10, 20].map((k): TickLevel => ({
		kind: 'year',
		days: 365.25 * k,
		interval: (k === 1 ? utcYear : utcYear.every(k)) as CountableTimeInterval
	}))
];

const fmtYear = utcFormat('%Y');
const fmtMonth = utcFormat('%b');
const fmtMonthYear = utcFormat('%b %Y');
const fmtDay = utcFormat('%-d %b');
const fmtDayYear = utcFormat('%-d %b %Y');

/** Ticks for a window: years, halves, quarters, months, weeks or days, ≥ `minSpacing` px apart. */
export function timeTicks(
	window: TimeWindow,
	x0: number,
	x1: number,
	minSpacing = 72
): { kind: TickKind; ticks: Tick[] } {
	const pxPerDay = ((x1 - x0) / (window.end - window.start)) * DAY;
	const level =
		TICK_LEVELS.find((l) => l.days * pxPerDay >= minSpacing) ?? (TICK_LEVELS.at(-1) as TickLevel);
	const scale = scaleUtc().domain([window.start, window.end]).range([x0, x1]);
	const dates = (level.interval as CountableTimeInterval).range(
		new Date(window.start),
		new Date(window.end + 1)
	);
	const ticks = dates.map((d, i): Tick => {
		const m = d.getUTCMonth();
		const first = i === 0;
		let label: string;
		let major: boolean;
		switch (level.kind) {
			case 'year':
				label = fmtYear(d);
				major = true;
				break;
			case 'half':
				label = m === 0 || first ? `H${m < 6 ? 1 : 2} ${d.getUTCFullYear()}` : 'H2';
				major = m === 0;
				break;
			case 'quarter':
				label =
					m === 0 || first ? `Q${Math.floor(m / 3) + 1} ${d.getUTCFullYear()}` : `Q${m / 3 + 1}`;
				major = m === 0;
				break;
			case 'month':
				label = m === 0 || first ? fmtMonthYear(d) : fmtMonth(d);
				major = m === 0;
				break;
			default:
				label = first || (m === 0 && d.getUTCDate() <= 7) ? fmtDayYear(d) : fmtDay(d);
				major = d.getUTCDate() === 1 || (level.kind === 'week' && d.getUTCDate() <= 7);
		}
		return { x: scale(d), time: d.getTime(), label, major };
	});
	return { kind: level.kind, ticks };
}

// Collisions ------------------------------------------------------------------------------------

/** A small binary min-heap keyed by a number. */
class MinHeap<T> {
	#items: Array<{ key: number; value: T }> = [];
	get size() {
		return this.#items.length;
	}
	peekKey(): number {
		return this.#items[0]?.key ?? Infinity;
	}
	push(key: number, value: T): void {
		const a = this.#items;
		a.push({ key, value });
		let i = a.length - 1;
		while (i > 0) {
			const p = (i - 1) >> 1;
			if (a[p]!.key <= a[i]!.key) break;
			[a[p], a[i]] = [a[i]!, a[p]!];
			i = p;
		}
	}
	pop(): T | undefined {
		const a = this.#items;
		if (a.length === 0) return undefined;
		const top = a[0];
		const last = a.pop() as { key: number; value: T };
		if (a.length > 0) {
			a[0] = last;
			let i = 0;
			for (;;) {
				const l = 2 * i + 1;
				const r = l + 1;
				let m = i;
				if (l < a.length && a[l]!.key < a[m]!.key) m = l;
				if (r < a.length && a[r]!.key < a[m]!.key) m = r;
				if (m === i) break;
				[a[m], a[i]] = [a[i]!, a[m]!];
				i = m;
			}
		}
		return top!.value;
	}
}

/**
 * Assigns each interval [left, right] the lowest sub-row free at its left edge, given intervals
 * sorted by left. Two heaps (busy rows by right edge, free rows by index): O(n log n), and the
 * number of rows is the minimum possible (the maximum overlap).
 */
export function assignRows(intervals: ReadonlyArray<{ left: number; right: number }>): {
	rows: number[];
	count: number;
} {
	const busy = new MinHeap<number>();
	const free = new MinHeap<number>();
	const rows: number[] = new Array(intervals.length);
	let count = 0;
	for (let i = 0; i < intervals.length; i++) {
		const { left, right } = intervals[i]!;
		while (busy.size > 0 && busy.peekKey() < left) {
			const row = busy.pop() as number;
			free.push(row, row);
		}
		const row = free.size > 0 ? (free.pop() as number) : count++;
		rows[i] = row;
		busy.push(right, row);
	}
	return { rows, count };
}

// Layout ---------------------------------------------------------------------------------------

const AGENCY_FONT = 9.5;

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

/** Stage 2: geometry for a width and a time window. Pure; memoise on (prepared, width, window). */
export function layoutTimeline(prepared: PreparedTimeline, options: LayoutOptions): TimelineLayout {
	const G = GEOMETRY;
	const width = Math.max(options.width, 320);
	const labelWidth = Math.round(Math.min(Math.max(width * 0.2, G.labelMin), G.labelMax));
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
					if (right < plotLeft || left > plotRight) continue;
					if (x < plotLeft - R || x > plotRight + R) continue;
					visible.push({ m, x, left, right, span, side, approxMark });
				}
				// Already sorted by mid; collisions need left-edge order (brackets can reach left).
				const byLeft = visible
					.map((_v, i) => i)
					.sort((a, b) => visible[a]!.left - visible[b]!.left || a - b);
				const { rows, count } = assignRows(byLeft.map((i) => visible[i]!));
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
					if (rawX1 < plotLeft || rawX0 > plotRight) continue;
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
					let hatch: BarMark['hatch'] = null;
					if (ph.startUnknown && rawX0 >= plotLeft) {
						const prev = lane.phases[pi - 1];
						const limit = prev ? Math.max(plotLeft, xOf(prev.end)) : plotLeft;
						const h0 = Math.max(limit, rawX0 - 18);
						if (rawX0 - h0 >= 2) hatch = { x0: h0, x1: rawX0 };
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
				laneMarks.sort((a, b) => a.cx - b.cx || (a.kind === 'bar' ? -1 : 1));
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

	// Legend: phases present, glyph shapes present, then the notes that explain the encodings.
	const legend: LegendItem[] = [];
	const legendTop = plotBottom + G.legendGap;
	let lx = 0;
	let ly = legendTop;
	const place = (item: Omit<LegendItem, 'x' | 'y'>, w: number) => {
		if (lx > 0 && lx + w > width) {
			lx = 0;
			ly += G.legendRow;
		}
		legend.push({ ...item, x: lx, y: ly });
		lx += w + 14;
	};
	for (const phase of prepared.phasesPresent) {
		const label = PHASE_LABELS[phase].long;
		place({ kind: 'phase', label, phase }, 22 + textWidth(label, G.fontSize));
	}
	if (prepared.phasesPresent.length > 0) {
		lx = 0;
		ly += G.legendRow;
	}
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
	if (prepared.typesPresent.length > 0 || prepared.phasesPresent.length > 0) {
		lx = 0;
		ly += G.legendRow;
		const notes: Array<[LegendItem['note'], string]> = [
			['expected', 'Hollow / dashed: expected'],
			['approximate', 'Bracket or ≈: date known only to month, quarter, half or year'],
			['hatch', 'Hatched lead: start not reported'],
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
		today: inPlot(todayX) ? { x: todayX, label: 'Today' } : null,
		asOf:
			prepared.asOf && inPlot(asOfX)
				? { x: asOfX, label: `Data as of ${prepared.asOf.label}` }
				: null,
		legend,
		legendTop
	};
}

// Keyboard navigation ----------------------------------------------------------------------------

export type NavKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End';

/**
 * The mark focus moves to from `current` on a key: ←/→ along the lane in time order, ↑/↓ to the
 * nearest mark in time in the next lane that has any, Home/End to the lane's first/last mark
 * (with `global`: the chart's first/last). Returns `current` at the edges.
 */
export function navigate(
	layout: Pick<TimelineLayout, 'nav' | 'marksById'>,
	current: string,
	key: NavKey,
	global = false
): string {
	const mark = layout.marksById.get(current);
	const lanes = layout.nav;
	if (!mark) return firstMark(layout) ?? current;
	const lane = lanes[mark.laneIndex] ?? [];
	const i = lane.indexOf(current);
	switch (key) {
		case 'ArrowLeft':
			return lane[Math.max(0, i - 1)] ?? current;
		case 'ArrowRight':
			return lane[Math.min(lane.length - 1, i + 1)] ?? current;
		case 'Home':
			return global ? (firstMark(layout) ?? current) : (lane[0] ?? current);
		case 'End':
			if (global) {
				for (let l = lanes.length - 1; l >= 0; l--)
					if (lanes[l]!.length) return lanes[l]!.at(-1) as string;
				return current;
			}
			return lane.at(-1) ?? current;
		case 'ArrowUp':
		case 'ArrowDown': {
			const step = key === 'ArrowUp' ? -1 : 1;
			for (let l = mark.laneIndex + step; l >= 0 && l < lanes.length; l += step) {
				const candidates = lanes[l]!;
				if (candidates.length === 0) continue;
				let best = candidates[0]!;
				let bestD = Infinity;
				for (const id of candidates) {
					const d = Math.abs((layout.marksById.get(id)?.cx ?? 0) - mark.cx);
					if (d < bestD) {
						best = id;
						bestD = d;
					}
				}
				return best;
			}
			return current;
		}
	}
}

export function firstMark(layout: Pick<TimelineLayout, 'nav'>): string | null {
	for (const lane of layout.nav) if (lane.length) return lane[0]!;
	return null;
}
