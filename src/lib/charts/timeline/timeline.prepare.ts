/**
 * Timeline stage 1, data only: sections (focus, comparators), groups (by asset or indication),
 * one lane per program plus a "Corporate / other" lane per asset for milestones without a
 * program; phases turned into time spans; milestones parsed and sorted. O(n log n).
 */
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
import { DESIGNATION_NAMES, GLYPH_KINDS } from './glyphs';

export const DAY = 86_400_000;
export const YEAR = 365.2425 * DAY;

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

/** The corporate lanes' group when grouping by indication: a key no indication group has. */
const CORPORATE_GROUP = '\u0000corporate';

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

export function periodEnd(p: ParsedPartialDate): number {
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
		precision: to.precision,
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
	dated.sort((a, b) => a.anchor.start.getTime() - b.anchor.start.getTime());

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
	s = s.split(/,\s|\safter\s/)[0]!.trim();
	const bare = s.replace(/\s+adenocarcinoma$/i, '');
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
	const programIds = new Set<string | null>(data.programs.map((p) => p.id));

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
		const target = programIds.has(m.program) ? byProgram : corporate;
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

	// Stryker disable next-line ArrayDeclaration: lanes are read only through the section filter below, which drops anything else
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
			name: `${name} · ${[indication, program.line, region].filter(Boolean).join(' ')}`,
			phases,
			undatedPhases: undated,
			milestones: ms
		});
	}
	// Corporate lanes, by asset id (the sections below put them in asset order); an asset that is
	// not in `assets` still gets its lane.
	const corporateAssets = [...corporate.keys()].sort((a, b) => a.localeCompare(b));
	for (const assetId of corporateAssets) {
		const name = assetName(assetId);
		lanes.push({
			id: `lane:corporate:${assetId}`,
			kind: 'corporate',
			section: sectionOf(assetId),
			groupKey: options.groupBy === 'asset' ? assetId : CORPORATE_GROUP,
			assetId,
			assetName: name,
			program: null,
			title: `${name} · Corporate / other`,
			fullTitle: `${name} · Corporate / other`,
			subtitle: 'Deals, INDs, other',
			name: `${name} · Corporate / other`,
			phases: [],
			undatedPhases: [],
			milestones: corporate.get(assetId)!
		});
	}

	// Group lanes: groups in first-seen order (assets in asset order, those not in `assets` last),
	// corporate group last. The sorts are stable: lanes that tie keep their order above.
	const assetRank = (id: string) => assetOrder.get(id) ?? data.assets.length;
	const sections: PreparedSection[] = [];
	const orderedLanes: PreparedLane[] = [];
	for (const section of ['focus', 'comparator'] as const) {
		const sectionLanes = lanes.filter((l) => l.section === section);
		if (sectionLanes.length === 0) continue;
		const groups = new Map<string, PreparedGroup>();
		if (options.groupBy === 'asset') {
			sectionLanes.sort((a, b) => assetRank(a.assetId) - assetRank(b.assetId));
		} else {
			// Indication groups in first-seen order: corporate lanes come after every program lane,
			// so their group is last. Lanes by asset order inside a group.
			const firstSeen = new Map<string, number>();
			sectionLanes.forEach((lane, i) => {
				if (!firstSeen.has(lane.groupKey)) firstSeen.set(lane.groupKey, i);
			});
			sectionLanes.sort(
				(a, b) =>
					firstSeen.get(a.groupKey)! - firstSeen.get(b.groupKey)! ||
					assetRank(a.assetId) - assetRank(b.assetId)
			);
		}
		for (const lane of sectionLanes) {
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

	// Extent over everything drawn (an ongoing bar runs to today, so today is in it).
	let lo = Infinity;
	let hi = -Infinity;
	const phasesPresent = new Set<Phase>();
	const typesPresent = new Set<MilestoneType>();
	let milestoneCount = 0;
	for (const lane of orderedLanes) {
		for (const ph of lane.phases) {
			lo = Math.min(lo, ph.start);
			hi = Math.max(hi, ph.end);
			phasesPresent.add(ph.phase);
		}
		for (const m of lane.milestones) {
			lo = Math.min(lo, m.spanStart);
			hi = Math.max(hi, m.spanEnd);
			typesPresent.add(m.milestone.type);
			milestoneCount++;
		}
	}
	const asOfParsed = parsePartialDate(options.asOf);
	return {
		sections,
		lanes: orderedLanes,
		undatedMilestones,
		// Stryker disable next-line LogicalOperator: lo and hi are set together, so both are finite or neither
		extent: Number.isFinite(lo) && Number.isFinite(hi) ? { start: lo, end: hi } : null,
		today,
		asOf: asOfParsed ? { time: periodEnd(asOfParsed), label: asOfParsed.label } : null,
		phasesPresent: PHASES.filter((p) => phasesPresent.has(p)),
		typesPresent: (Object.keys(GLYPH_KINDS) as MilestoneType[]).filter((t) => typesPresent.has(t)),
		milestoneCount
	};
}
