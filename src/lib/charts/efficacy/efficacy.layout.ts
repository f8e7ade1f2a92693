/**
 * The forest plot's layout: filtered readouts (+ trials, assets, options, width) → positioned
 * marks, one panel per endpoint family. Pure: no DOM, no runes. The on-screen chart and the
 * SVG/PNG/PPTX exports draw from this, so they cannot disagree.
 *
 * A panel, top to bottom: title, column headers, then per group (setting or asset) a header, per
 * endpoint a sub-header, then one row per readout (trial × arm × population × endpoint); then the
 * x axis (with "favours" labels for hazard ratios) and a legend (shapes by arm role, point area by
 * n, † computed CI, ‡ reported CI differs from exact).
 */
import { scaleLinear, scaleLog, scaleSqrt } from 'd3-scale';
import { max } from 'd3-array';
import type { Asset, Endpoint, Readout, Trial } from '$lib/data/schema';
import { ROW_STEP, type EfficacyOptions, type EndpointFamily } from '$lib/state/view-state';
import { formatPartialDate, parsePartialDate } from '$lib/data/dates';
import { INK, INK_MUTED, ROLE_COLOURS } from '$lib/charts/shared/palette';
import {
	ciMismatch,
	describeCi,
	formatValueText,
	resolveCi,
	type Bound,
	type ResolvedCi
} from './efficacy.ci';

export const FAMILY_OF_ENDPOINT: Record<Endpoint, EndpointFamily> = {
	ORR: 'response',
	cORR: 'response',
	DCR: 'response',
	CBR: 'response',
	pCR: 'response',
	tpCR: 'response',
	mPFS: 'median',
	mOS: 'median',
	mDOR: 'median',
	'HR-PFS': 'hazard',
	'HR-OS': 'hazard',
	'PFS-rate': 'landmark',
	'OS-rate': 'landmark',
	'DOR-rate': 'landmark'
};

/** Endpoints in display order, per family. */
export const ENDPOINT_ORDER: readonly Endpoint[] = [
	'ORR',
	'cORR',
	'DCR',
	'CBR',
	'pCR',
	'tpCR',
	'mPFS',
	'mOS',
	'mDOR',
	'HR-PFS',
	'HR-OS',
	'PFS-rate',
	'OS-rate',
	'DOR-rate'
];

export const ENDPOINT_NAMES: Record<Endpoint, string> = {
	ORR: 'Objective response rate',
	cORR: 'Confirmed objective response rate',
	DCR: 'Disease control rate',
	CBR: 'Clinical benefit rate',
	pCR: 'Pathological complete response',
	tpCR: 'Total pathological complete response',
	mPFS: 'Median progression-free survival',
	mOS: 'Median overall survival',
	mDOR: 'Median duration of response',
	'HR-PFS': 'Hazard ratio, progression-free survival',
	'HR-OS': 'Hazard ratio, overall survival',
	'PFS-rate': 'Progression-free survival rate',
	'OS-rate': 'Overall survival rate',
	'DOR-rate': 'Duration-of-response rate'
};

export const FAMILY_TITLES: Record<EndpointFamily, string> = {
	response: 'Response rates',
	median: 'Medians',
	hazard: 'Hazard ratios',
	landmark: 'Landmark rates'
};

export const FAMILY_AXIS_LABELS: Record<EndpointFamily, string> = {
	response: 'Rate (%)',
	median: 'Months',
	hazard: 'Hazard ratio (log scale)',
	landmark: 'Rate at landmark (%)'
};

export type MarkRole = 'investigational' | 'comparator' | 'benchmark';
export type MarkShape = 'circle' | 'square' | 'diamond';

export const ROLE_SHAPES: Record<MarkRole, MarkShape> = {
	investigational: 'circle',
	comparator: 'square',
	benchmark: 'diamond'
};

export const ROLE_LABELS: Record<MarkRole, string> = {
	investigational: 'Investigational arm',
	comparator: 'Comparator arm',
	benchmark: 'Standard-of-care benchmark'
};

// ---------------------------------------------------------------------------------------------
// Geometry constants (px). Exported so the component and the export agree on font sizes.

export const FONT_SIZE = 12;
/** The smallest chart text: 11 px, legible at every width (the plot scrolls, never shrinks). */
export const SMALL_FONT_SIZE = 11;
export const TITLE_HEIGHT = 28;
export const COLUMN_HEADER_HEIGHT = 22;
export const GROUP_HEADER_HEIGHT = 24;
export const ENDPOINT_HEADER_HEIGHT = 18;
export const ROW_HEIGHT = 34;
export const AXIS_HEIGHT = 46;
export const MAX_RADIUS = 9;
export const MIN_RADIUS = 2.5;
/** Radius used when n is unknown (drawn hollow, so it does not pretend to a size). */
export const UNKNOWN_N_RADIUS = 4;
const PLOT_MIN_WIDTH = 220;
const GAP = 10;
/** Average glyph width of Source Sans 3 relative to font size, for truncation estimates. */
const CHAR_WIDTH = 0.52;

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

/** The columns that fit at this width, dropping the least important first. */
export function fitColumns(width: number): {
	columns: ColumnLayout[];
	plotX0: number;
	plotX1: number;
	valueX: number;
} {
	const kept = [...LEFT_COLUMNS];
	const needed = () =>
		kept.reduce((sum, c) => sum + c.width + GAP, 0) + VALUE_COLUMN_WIDTH + PLOT_MIN_WIDTH + GAP * 2;
	while (needed() > width && kept.length > 1) {
		let worst = 0;
		for (let i = 1; i < kept.length; i++) {
			if ((kept[i]?.priority ?? 0) > (kept[worst]?.priority ?? 0)) worst = i;
		}
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
}

/** Cuts text to fit `width` px at `fontSize`, with an ellipsis. */
export function truncate(text: string, width: number, fontSize = FONT_SIZE): string {
	const maxChars = Math.floor(width / (fontSize * CHAR_WIDTH));
	if (text.length <= maxChars) return text;
	if (maxChars <= 1) return '…';
	return `${text.slice(0, maxChars - 1).trimEnd()}…`;
}

// ---------------------------------------------------------------------------------------------
// Scales and ticks

export interface AxisTick {
	value: number;
	x: number;
	label: string;
}

export interface AxisLayout {
	kind: 'linear' | 'log';
	domain: [number, number];
	x0: number;
	x1: number;
	ticks: AxisTick[];
	label: string;
	/** x of the reference line (HR = 1), or null. */
	reference: number | null;
	scale: (value: number) => number;
}

const finite = (v: number | null | undefined): v is number => typeof v === 'number' && isFinite(v);

/** Powers of two from `low` to `high`, as tick values: 0.25, 0.5, 1, 2, 4. */
export function logTicks(domain: [number, number]): number[] {
	const ticks: number[] = [];
	for (let e = Math.round(Math.log2(domain[0])); e <= Math.round(Math.log2(domain[1])); e++) {
		ticks.push(2 ** e);
	}
	return ticks;
}

/** The log domain: symmetric around 1, at least 0.25–4, widened by powers of 2 to hold points. */
export function hazardDomain(values: readonly number[]): [number, number] {
	let k = 2; // 2^2 = 4
	for (const v of values) {
		if (!(v > 0)) continue;
		const needed = Math.ceil(Math.abs(Math.log2(v)) - 1e-9);
		k = Math.max(k, Math.min(needed, 6));
	}
	return [2 ** -k, 2 ** k];
}

export function formatTick(value: number): string {
	if (value >= 1) return String(value);
	// 0.25, 0.5, 0.125: as few digits as exact
	return String(Number(value.toPrecision(3)));
}

export function buildAxis(
	family: EndpointFamily,
	readouts: readonly Readout[],
	x0: number,
	x1: number
): AxisLayout {
	const label = FAMILY_AXIS_LABELS[family];
	if (family === 'hazard') {
		const domain = hazardDomain(readouts.map((r) => r.value).filter(finite));
		const s = scaleLog().base(2).domain(domain).range([x0, x1]);
		return {
			kind: 'log',
			domain,
			x0,
			x1,
			label,
			reference: s(1),
			ticks: logTicks(domain).map((v) => ({ value: v, x: s(v), label: formatTick(v) })),
			scale: (v) => s(v)
		};
	}
	if (family === 'median') {
		const highs: number[] = [];
		for (const r of readouts) {
			if (finite(r.value)) highs.push(r.value);
			if (r.range) highs.push(r.range.high);
			if (r.ci && typeof r.ci.high === 'number') highs.push(r.ci.high);
		}
		const top = Math.max(max(highs) ?? 0, 1);
		const s = scaleLinear().domain([0, top]).nice(6).range([x0, x1]);
		const domain = s.domain() as [number, number];
		return {
			kind: 'linear',
			domain,
			x0,
			x1,
			label,
			reference: null,
			ticks: s.ticks(6).map((v) => ({ value: v, x: s(v), label: String(v) })),
			scale: (v) => s(v)
		};
	}
	const s = scaleLinear().domain([0, 100]).range([x0, x1]);
	return {
		kind: 'linear',
		domain: [0, 100],
		x0,
		x1,
		label,
		reference: null,
		ticks: [0, 20, 40, 60, 80, 100].map((v) => ({ value: v, x: s(v), label: String(v) })),
		scale: (v) => s(v)
	};
}

/** Point radius from n: area ∝ n (sqrt scale), floored so small arms stay visible. */
export function radiusScale(maxN: number): (n: number | null) => number {
	const s = scaleSqrt()
		.domain([0, Math.max(maxN, 1)])
		.range([0, MAX_RADIUS]);
	return (n) => (n === null ? UNKNOWN_N_RADIUS : Math.max(MIN_RADIUS, s(n)));
}

/** Up to three round n values for the size legend, the largest ≤ maxN. */
export function sizeLegendValues(maxN: number): number[] {
	if (!(maxN > 0)) return [];
	const top = niceFloor(maxN);
	const values = [niceFloor(top / 10), niceFloor(top / 3), top].filter((v) => v >= 1);
	return [...new Set(values)];
}

function niceFloor(v: number): number {
	if (v < 1) return 0;
	const p = 10 ** Math.floor(Math.log10(v));
	const m = v / p;
	const step = m >= 5 ? 5 : m >= 2 ? 2 : 1;
	return step * p;
}

// ---------------------------------------------------------------------------------------------
// Marks

export interface WhiskerMark {
	x1: number;
	x2: number;
	/** Caps drawn where the bound is inside the axis. */
	capLow: boolean;
	capHigh: boolean;
	/** Arrows where the bound leaves the axis or is "not reached". */
	arrowLow: boolean;
	arrowHigh: boolean;
	/** An upper (or lower) bound not reached: arrow to the axis end plus an "NR" label. */
	nrLow: boolean;
	nrHigh: boolean;
	dashed: boolean;
}

export interface PointMark {
	x: number;
	r: number;
	shape: MarkShape;
	colour: string;
	/** Hollow when n is unknown (the size would be a guess). */
	hollow: boolean;
	/** The value lies outside the axis: drawn at the edge. */
	clipped: boolean;
}

export interface BandMark {
	x1: number;
	x2: number;
	y1: number;
	y2: number;
	label: string;
	/** Whom it came from, e.g. "Standard of care · ESMO 2024". */
	readoutId: string;
}

export interface RowCells {
	regimen: [string, string];
	setting: [string, string];
	population: [string, string];
	n: [string, string];
	dataCut: [string, string];
	endpoint: [string, string];
	value: [string, string];
}

export interface RowMark {
	key: string;
	readout: Readout;
	trial: Trial | null;
	asset: Asset | null;
	/** Top of the row. */
	y: number;
	/** Vertical centre of the marks. */
	cy: number;
	height: number;
	zebra: boolean;
	role: MarkRole;
	colour: string;
	focusAsset: boolean;
	ci: ResolvedCi;
	computedCi: boolean;
	mismatch: boolean;
	point: PointMark | null;
	whisker: WhiskerMark | null;
	/** A range (e.g. SoC ORR 10–15%) drawn as a band in the row. */
	band: { x1: number; x2: number } | null;
	/** "NR" as text where a median was not reached (no point), ending at x. */
	nrText: { x: number } | null;
	/** Full (untruncated) and displayed text per column. */
	full: RowCells;
	cells: RowCells;
	valueText: string;
	/** Accessible name. */
	label: string;
	/** The date used for date sorting (data cut, else presentation date). */
	date: string | null;
}

export interface HeaderMark {
	/** Unique in its panel (group key, and endpoint for endpoint headers). */
	key: string;
	kind: 'group' | 'endpoint';
	y: number;
	height: number;
	label: string;
}

export interface PanelLayout {
	family: EndpointFamily;
	title: string;
	/** Right of the title: what part of the panel's readouts is drawn ("Showing 50 of 2,100 …"). */
	titleNote: string | null;
	width: number;
	height: number;
	columns: ColumnLayout[];
	valueX: number;
	axis: AxisLayout;
	rowsTop: number;
	rowsBottom: number;
	rows: RowMark[];
	/** Readouts in the panel; `rows` holds the first `rows.length` of them in display order. */
	total: number;
	/** "Showing 50 of 2,100 response-rate readouts", or null when every row is drawn. */
	shownNote: string | null;
	headers: HeaderMark[];
	bands: BandMark[];
	favours: { left: string; right: string } | null;
	legend: LegendLayout;
}

export type LegendItem =
	| { kind: 'shape'; x: number; y: number; shape: MarkShape; colour: string; label: string }
	| { kind: 'size'; x: number; y: number; r: number; label: string }
	| { kind: 'dash'; x: number; y: number; label: string }
	| { kind: 'band'; x: number; y: number; label: string }
	| { kind: 'text'; x: number; y: number; label: string; strong: boolean };

export interface LegendLayout {
	y: number;
	height: number;
	/** Positioned items, wrapped to the panel width. */
	items: LegendItem[];
	roles: { role: MarkRole; label: string; shape: MarkShape; colour: string }[];
	sizes: { n: number; r: number }[];
	computed: boolean;
	mismatch: boolean;
	nr: boolean;
	band: boolean;
	/** The panel's rows come from more than one trial. */
	crossTrial: boolean;
}

export const CROSS_TRIAL_NOTE =
	'Cross-trial comparison — not head-to-head. Trials differ in design, population and follow-up.';

const LEGEND_LINE = 18;
const LEGEND_MARKER = 22;

/** Places legend items left to right, wrapping to the width. */
export function placeLegend(
	entries: (
		| { kind: 'shape'; shape: MarkShape; colour: string; label: string }
		| { kind: 'size'; r: number; label: string }
		| { kind: 'dash'; label: string }
		| { kind: 'band'; label: string }
		| { kind: 'text'; label: string; strong: boolean }
	)[],
	top: number,
	width: number
): { items: LegendItem[]; height: number } {
	const items: LegendItem[] = [];
	let x = 0;
	let line = 0;
	for (const entry of entries) {
		const marker =
			entry.kind === 'text' ? 0 : entry.kind === 'size' ? entry.r * 2 + 6 : LEGEND_MARKER;
		const w = marker + entry.label.length * SMALL_FONT_SIZE * CHAR_WIDTH + 16;
		// A strong note (cross-trial) always starts its own line.
		if ((x > 0 && x + w > width) || (entry.kind === 'text' && entry.strong && x > 0)) {
			x = 0;
			line++;
		}
		items.push({ ...entry, x, y: top + 12 + line * LEGEND_LINE } as LegendItem);
		x += w;
	}
	return { items, height: items.length === 0 ? 0 : (line + 1) * LEGEND_LINE + 8 };
}

export interface ForestLayout {
	width: number;
	panels: PanelLayout[];
	/** Distinct trials among all rows shown. */
	trialIds: string[];
	crossTrial: boolean;
	rowCount: number;
	/** Rows drawn (row limits applied) and the trials they come from. */
	drawnCount: number;
	drawnTrialIds: string[];
	/** Endpoints present among the selected families (before the endpoint filter). */
	availableEndpoints: Endpoint[];
}

export interface ForestInput {
	readouts: readonly Readout[];
	trials: readonly Trial[];
	assets: readonly Asset[];
}

export interface ForestOptions extends Omit<EfficacyOptions, 'endpoints' | 'shownRows'> {
	width: number;
	/** Endpoint filter: null or empty = all endpoints of the selected families. */
	endpoints?: readonly Endpoint[] | null;
	/**
	 * Rows drawn per panel, the first in the current grouping and sort (missing = all). A forest
	 * plot of thousands of rows is unreadable and slow; the panel says how many it leaves out.
	 */
	rowLimits?: Partial<Record<EndpointFamily, number>>;
}

/** Rows a panel shows at first, and how many more each "Show more" adds. */
export const DEFAULT_ROW_LIMIT = ROW_STEP;
export const ROW_LIMIT_STEP = ROW_STEP;
/** "Show all" is offered up to this many rows; beyond, only steps (the page stays responsive). */
export const SHOW_ALL_MAX = 200;

/** "response-rate readouts": what a panel's rows are, in a sentence. */
export const FAMILY_NOUNS: Record<EndpointFamily, [string, string]> = {
	response: ['response-rate readout', 'response-rate readouts'],
	median: ['median readout', 'median readouts'],
	hazard: ['hazard-ratio readout', 'hazard-ratio readouts'],
	landmark: ['landmark-rate readout', 'landmark-rate readouts']
};

const count = (n: number) => n.toLocaleString('en-US');

/** "Showing 50 of 2,100 response-rate readouts" — or null when the panel shows every row. */
export function shownPhrase(family: EndpointFamily, shown: number, total: number): string | null {
	if (shown >= total) return null;
	return `Showing ${count(shown)} of ${count(total)} ${FAMILY_NOUNS[family][total === 1 ? 0 : 1]}`;
}

// ---------------------------------------------------------------------------------------------
// Text

const PHASE_SHORT: Record<string, string> = {
	preclinical: 'preclinical',
	'phase 1': 'Ph 1',
	'phase 1/2': 'Ph 1/2',
	'phase 2': 'Ph 2',
	'phase 2/3': 'Ph 2/3',
	'phase 3': 'Ph 3',
	filed: 'filed',
	approved: 'approved'
};

/** "Breast cancer" → "breast cancer"; acronyms ("BTC", "GEJ") stay. */
function lowerFirst(text: string): string {
	if (text.length > 1 && /[a-z]/.test(text[1] ?? '')) return text[0]!.toLowerCase() + text.slice(1);
	return text;
}

/** "1L HER2+ breast cancer". */
export function settingPhrase(r: Readout): string {
	return [r.line, r.biomarker, lowerFirst(r.indication)].filter(Boolean).join(' ');
}

export function endpointLabel(r: Readout): string {
	if (r.landmarkMonths !== null && FAMILY_OF_ENDPOINT[r.endpoint] === 'landmark') {
		return `${r.landmarkMonths}-mo ${r.endpoint.replace('-rate', '')} rate`;
	}
	return r.endpoint;
}

function rowDate(r: Readout): string | null {
	return r.dataCut ?? r.presentedAt?.date ?? null;
}

function markRole(r: Readout): MarkRole {
	return r.armRole;
}

function accessibleName(
	r: Readout,
	trial: Trial | null,
	ci: ResolvedCi,
	valueText: string
): string {
	const parts = [r.arm, settingPhrase(r)];
	if (trial?.phase) parts.push(trial.phase);
	parts.push(r.n === null ? 'n not reported' : `n ${r.n}`);
	const unit = r.unit === '%' ? '%' : r.unit === 'months' ? ' months' : '';
	let value: string;
	const approx = r.approximate ? 'approximately ' : '';
	if (r.value !== null) {
		const head = valueText.split(' (')[0]?.replace('≈', '') ?? String(r.value);
		value = `${approx}${head.replace(/%$/, '')}${unit}`;
	} else if (r.range) {
		value = `${approx}${r.range.low} to ${r.range.high}${unit} (range)`;
	} else if (r.notReached) {
		value = 'not reached';
	} else {
		value = 'not reported';
	}
	const what = `${endpointLabel(r)} ${value}${ci.source === 'none' ? '' : `, ${describeCi(ci)}`}`;
	const vs = r.comparatorArm ? ` vs ${r.comparatorArm}` : '';
	const context = [trial?.name ?? r.trial, r.population].filter(Boolean).join(', ');
	return `${parts.join(', ')}: ${what}${vs}. ${context}.`;
}

// ---------------------------------------------------------------------------------------------
// Grouping and sorting

interface Group {
	key: string;
	label: string;
	sortKey: string;
	readouts: Readout[];
}

/** One row of a panel in display order, with the group and endpoint it sits under. */
interface PanelEntry {
	readout: Readout;
	group: Group;
	endpoint: Endpoint;
}

const LINE_ORDER = ['neoadjuvant', 'adjuvant', '1L', '1L+', '2L', '2L+', '3L', '3L+'];
function lineRank(line: string | null): number {
	if (line === null) return 99;
	const i = LINE_ORDER.indexOf(line);
	return i === -1 ? 50 : i;
}

function groupOf(
	r: Readout,
	groupBy: EfficacyOptions['groupBy'],
	assetsById: ReadonlyMap<string, Asset>
): { key: string; label: string; sortKey: string } {
	if (groupBy === 'asset') {
		const asset = r.asset ? assetsById.get(r.asset) : undefined;
		if (!asset) return { key: 'asset:soc', label: 'Standard of care', sortKey: '9' };
		const rank = asset.role === 'focus' ? '0' : '1';
		return {
			key: `asset:${asset.id}`,
			label: asset.shortName,
			sortKey: `${rank}${asset.shortName}`
		};
	}
	// Indication group and line, so a focus asset's rows sit next to the benchmarks of the same
	// setting even when the indications are worded differently; each row keeps its own wording.
	const line = r.line ?? 'line not stated';
	const group = r.indicationGroup || r.indication;
	const name = group.charAt(0).toUpperCase() + group.slice(1);
	return {
		key: `setting:${group}|${r.line ?? ''}`,
		label: `${name} · ${line}`,
		sortKey: `${group}|${String(lineRank(r.line)).padStart(2, '0')}|${line}`
	};
}

const ROLE_RANK: Record<MarkRole, number> = { investigational: 0, comparator: 1, benchmark: 2 };

/** The default locale's collation, as `localeCompare` without arguments, built once. */
const collator = new Intl.Collator();

/** Parsed row dates by text: a partial date is parsed once, not at every comparison. */
const dateKeys = new Map<string, [number, number] | null>();
function dateKey(text: string | null): [number, number] | null {
	if (text === null) return null;
	let key = dateKeys.get(text);
	if (key === undefined) {
		const parsed = parsePartialDate(text);
		key = parsed ? [parsed.start.getTime(), parsed.end.getTime()] : null;
		dateKeys.set(text, key);
	}
	return key;
}

/** `comparePartialDates` on pre-parsed keys: missing or invalid dates last. */
function compareDateKeys(a: [number, number] | null, b: [number, number] | null): number {
	if (!a || !b) return (a ? 0 : 1) - (b ? 0 : 1);
	return a[0] - b[0] || a[1] - b[1];
}

interface SortItem {
	r: Readout;
	role: number;
	focus: number;
	date: [number, number] | null;
	value: number | null;
}

/**
 * Rows in display order. Keys are computed once per row (decorate–sort–undecorate), so a sort of
 * thousands of rows does not parse dates or look up assets at every comparison.
 */
function sortRows(
	rows: readonly Readout[],
	sort: EfficacyOptions['sort'],
	family: EndpointFamily,
	assetsById: ReadonlyMap<string, Asset>
): Readout[] {
	const items: SortItem[] = rows.map((r) => ({
		r,
		role: ROLE_RANK[markRole(r)],
		focus: r.asset ? (assetsById.get(r.asset)?.role === 'focus' ? 0 : 1) : 2,
		date: dateKey(rowDate(r)),
		value: r.value ?? (r.range ? (r.range.low + r.range.high) / 2 : null)
	}));
	const byDefault = (a: SortItem, b: SortItem) =>
		a.role - b.role ||
		a.focus - b.focus ||
		collator.compare(a.r.arm, b.r.arm) ||
		// The same arm: the whole population before its subsets.
		(b.r.n ?? -1) - (a.r.n ?? -1) ||
		compareDateKeys(a.date, b.date) ||
		collator.compare(a.r.id, b.r.id);
	if (sort === 'value') {
		const dir = family === 'hazard' ? 1 : -1;
		// Not reached medians are the longest; unknown values go last.
		const rank = (item: SortItem) =>
			item.value !== null ? 1 : item.r.notReached ? (dir === -1 ? 0 : 2) : 3;
		items.sort((a, b) => {
			if (a.value === null || b.value === null) return rank(a) - rank(b) || byDefault(a, b);
			return (a.value - b.value) * dir || byDefault(a, b);
		});
	} else if (sort === 'date') {
		items.sort((a, b) => compareDateKeys(a.date, b.date) || byDefault(a, b));
	} else {
		items.sort(byDefault);
	}
	return items.map((item) => item.r);
}

// ---------------------------------------------------------------------------------------------
// Rows → marks

function placeBound(
	axis: AxisLayout,
	bound: Bound | null,
	side: 'low' | 'high'
): { x: number; cap: boolean; arrow: boolean; nr: boolean } | null {
	const [d0, d1] = axis.domain;
	const edge = side === 'low' ? axis.x0 : axis.x1;
	if (bound === null) return null;
	if (bound === 'NR') return { x: edge, cap: false, arrow: true, nr: true };
	if (axis.kind === 'log' && bound <= 0) return { x: axis.x0, cap: false, arrow: true, nr: false };
	if (bound < d0) return { x: axis.x0, cap: false, arrow: true, nr: false };
	if (bound > d1) return { x: axis.x1, cap: false, arrow: true, nr: false };
	return { x: axis.scale(bound), cap: true, arrow: false, nr: false };
}

function clampToAxis(axis: AxisLayout, v: number): { x: number; clipped: boolean } {
	const [d0, d1] = axis.domain;
	if (axis.kind === 'log' && v <= 0) return { x: axis.x0, clipped: true };
	if (v < d0) return { x: axis.x0, clipped: true };
	if (v > d1) return { x: axis.x1, clipped: true };
	return { x: axis.scale(v), clipped: false };
}

interface RowContext {
	axis: AxisLayout;
	trialsById: ReadonlyMap<string, Trial>;
	assetsById: ReadonlyMap<string, Asset>;
	radius: (n: number | null) => number;
	columns: ColumnLayout[];
	valueWidth: number;
	/** Everything besides the readout, trial and asset that a row's marks depend on. */
	key: string;
}

/**
 * Row marks from earlier layouts, by readout. A filter click re-lays out the chart; rows whose
 * readout, trial, asset, axis, columns and size scale did not change come back as the same object
 * (or a copy with the new y), so their intervals, texts and accessible names are not recomputed
 * and the renderer skips rows that did not move. Same inputs, same marks: the layout stays pure
 * to its callers.
 */
const rowCache = new WeakMap<Readout, (RowMark & { cacheKey: string })[]>();
/** Layout contexts remembered per readout: the chart on screen, an export, a slide deck. */
const ROW_CACHE_CONTEXTS = 3;

function rowMark(r: Readout, ctx: RowContext, y: number, zebra: boolean): RowMark {
	const trial = ctx.trialsById.get(r.trial) ?? null;
	const asset = r.asset ? (ctx.assetsById.get(r.asset) ?? null) : null;
	let entries = rowCache.get(r);
	if (!entries) rowCache.set(r, (entries = []));
	const i = entries.findIndex((e) => e.cacheKey === ctx.key);
	const cached = i === -1 ? undefined : entries[i];
	let mark: RowMark & { cacheKey: string };
	if (cached && cached.trial === trial && cached.asset === asset) {
		if (cached.y === y && cached.zebra === zebra) return cached;
		mark = { ...cached, y, cy: y + ROW_HEIGHT / 2, zebra };
	} else {
		mark = { ...buildRow(r, ctx, y, zebra), cacheKey: ctx.key };
	}
	if (i !== -1) entries.splice(i, 1);
	entries.unshift(mark);
	if (entries.length > ROW_CACHE_CONTEXTS) entries.length = ROW_CACHE_CONTEXTS;
	return mark;
}

function buildRow(r: Readout, ctx: RowContext, y: number, zebra: boolean): RowMark {
	const { axis } = ctx;
	const trial = ctx.trialsById.get(r.trial) ?? null;
	const asset = r.asset ? (ctx.assetsById.get(r.asset) ?? null) : null;
	const role = markRole(r);
	const colour = ROLE_COLOURS[role];
	const ci = resolveCi(r);
	const valueText = formatValueText(r, ci);
	const cy = y + ROW_HEIGHT / 2;

	let point: PointMark | null = null;
	if (r.value !== null && !(axis.kind === 'log' && r.value <= 0)) {
		const { x, clipped } = clampToAxis(axis, r.value);
		point = {
			x,
			r: ctx.radius(r.n),
			shape: ROLE_SHAPES[role],
			colour,
			hollow: r.n === null,
			clipped
		};
	}

	let whisker: WhiskerMark | null = null;
	const lo = placeBound(axis, ci.low, 'low');
	const hi = placeBound(axis, ci.high, 'high');
	if (lo && hi) {
		whisker = {
			x1: lo.x,
			x2: hi.x,
			capLow: lo.cap,
			capHigh: hi.cap,
			arrowLow: lo.arrow,
			arrowHigh: hi.arrow,
			nrLow: lo.nr,
			nrHigh: hi.nr,
			dashed: ci.source === 'computed'
		};
	}

	let band: RowMark['band'] = null;
	if (r.value === null && r.range) {
		const a = clampToAxis(axis, r.range.low).x;
		const b = clampToAxis(axis, r.range.high).x;
		band = { x1: Math.min(a, b), x2: Math.max(a, b) };
	}

	// A median not reached: text, never a point. Placed at the upper end of what is known.
	let nrText: RowMark['nrText'] = null;
	if (r.value === null && r.notReached) {
		// Just left of the known lower bound, or at the axis end when nothing is known.
		nrText = {
			x: whisker && !whisker.nrLow && whisker.x1 > axis.x0 + 24 ? whisker.x1 - 6 : axis.x1
		};
	}

	const trialLine = [trial?.name ?? r.trial, trial?.phase ? PHASE_SHORT[trial.phase] : null]
		.filter(Boolean)
		.join(' · ');
	const second: string[] = [];
	if (r.comparatorArm) second.push(`vs ${r.comparatorArm}`);
	if (r.pValue) second.push(`p ${r.pValue}`);
	if (ci.source === 'computed') second.push('† CI computed');
	if (ci.check && !ci.check.agrees) second.push('‡ differs from exact');
	if (role === 'benchmark' && second.length === 0) second.push('benchmark, not a trial arm');
	const full: RowCells = {
		regimen: [r.arm, trialLine],
		setting: [r.indication, [r.line, r.biomarker].filter(Boolean).join(' · ')],
		population: [r.population, r.assessment ?? ''],
		n: [r.n === null ? '–' : String(r.n), ''],
		dataCut: [formatPartialDate(rowDate(r)) || '–', r.maturity ?? ''],
		endpoint: [
			endpointLabel(r),
			r.assessment && !ctx.columns.some((c) => c.key === 'population') ? r.assessment : ''
		],
		value: [valueText, second.join(' · ')]
	};
	const widthOf = (key: ColumnKey) => ctx.columns.find((c) => c.key === key)?.width ?? 0;
	const cut = (key: ColumnKey): [string, string] => [
		truncate(full[key][0], widthOf(key)),
		truncate(full[key][1], widthOf(key), SMALL_FONT_SIZE)
	];
	const cells: RowCells = {
		regimen: cut('regimen'),
		setting: cut('setting'),
		population: cut('population'),
		n: full.n,
		dataCut: cut('dataCut'),
		endpoint: cut('endpoint'),
		value: [full.value[0], truncate(full.value[1], ctx.valueWidth, SMALL_FONT_SIZE)]
	};

	return {
		key: r.id,
		readout: r,
		trial,
		asset,
		y,
		cy,
		height: ROW_HEIGHT,
		zebra,
		role,
		colour,
		focusAsset: asset?.role === 'focus',
		ci,
		computedCi: ci.source === 'computed',
		mismatch: ciMismatch(ci),
		point,
		whisker,
		band,
		nrText,
		full,
		cells,
		valueText,
		label: accessibleName(r, trial, ci, valueText),
		date: rowDate(r)
	};
}

function favoursLabels(readouts: readonly Readout[]): { left: string; right: string } {
	const arms = [...new Set(readouts.map((r) => r.arm))];
	const comparators = [...new Set(readouts.map((r) => r.comparatorArm).filter(Boolean))];
	return {
		left: `favours ${arms.length === 1 ? arms[0] : 'investigational arm'}`,
		right: `favours ${comparators.length === 1 ? comparators[0] : 'comparator'}`
	};
}

/** A panel's rows in display order: groups by sort key, endpoints in order, rows sorted. */
function orderPanel(
	family: EndpointFamily,
	readouts: readonly Readout[],
	options: Pick<ForestOptions, 'groupBy' | 'sort'>,
	assetsById: ReadonlyMap<string, Asset>
): PanelEntry[] {
	const groups = new Map<string, Group>();
	for (const r of readouts) {
		const g = groupOf(r, options.groupBy, assetsById);
		let group = groups.get(g.key);
		if (!group) groups.set(g.key, (group = { ...g, readouts: [] }));
		group.readouts.push(r);
	}
	const ordered = [...groups.values()].sort((a, b) => collator.compare(a.sortKey, b.sortKey));
	const entries: PanelEntry[] = [];
	for (const group of ordered) {
		const byEndpoint = new Map<Endpoint, Readout[]>();
		for (const r of group.readouts) {
			const list = byEndpoint.get(r.endpoint);
			if (list) list.push(r);
			else byEndpoint.set(r.endpoint, [r]);
		}
		for (const endpoint of ENDPOINT_ORDER) {
			const subset = byEndpoint.get(endpoint);
			if (!subset) continue;
			for (const readout of sortRows(subset, options.sort, family, assetsById)) {
				entries.push({ readout, group, endpoint });
			}
		}
	}
	return entries;
}

/** What a panel is drawn from: its ordered rows, the ones shown, and the shared geometry. */
interface PanelPlan {
	family: EndpointFamily;
	/** Every readout of the panel, for the axis domain and the "favours" labels. */
	readouts: Readout[];
	entries: PanelEntry[];
	shown: PanelEntry[];
	rowCtx: RowContext;
	columns: ColumnLayout[];
	valueX: number;
	axis: AxisLayout;
	sizes: { n: number; r: number }[];
	width: number;
}

function planPanel(
	family: EndpointFamily,
	readouts: Readout[],
	options: ForestOptions,
	ctx: {
		trialsById: ReadonlyMap<string, Trial>;
		assetsById: ReadonlyMap<string, Asset>;
		radius: (n: number | null) => number;
		sizes: { n: number; r: number }[];
		maxN: number;
	}
): PanelPlan {
	const { columns, plotX0, plotX1, valueX } = fitColumns(options.width);
	const axis = buildAxis(family, readouts, plotX0, plotX1);
	const entries = orderPanel(family, readouts, options, ctx.assetsById);
	const limit = options.rowLimits?.[family];
	const shown =
		limit !== undefined && limit >= 0 && limit < entries.length
			? entries.slice(0, Math.floor(limit))
			: entries;
	const rowCtx: RowContext = {
		axis,
		trialsById: ctx.trialsById,
		assetsById: ctx.assetsById,
		radius: ctx.radius,
		columns,
		valueWidth: options.width - valueX,
		key: [
			options.width,
			axis.kind,
			axis.domain.join(','),
			plotX0,
			plotX1,
			ctx.maxN,
			columns.map((c) => c.key).join(',')
		].join('|')
	};
	return {
		family,
		readouts,
		entries,
		shown,
		rowCtx,
		columns,
		valueX,
		axis,
		sizes: ctx.sizes,
		width: options.width
	};
}

/** Positions a run of a panel's rows (all shown rows, or one slide's worth) as a panel. */
function placePanel(
	plan: PanelPlan,
	entries: readonly PanelEntry[],
	title: string,
	titleNote: string | null
): PanelLayout {
	const { axis, family } = plan;
	const rows: RowMark[] = [];
	const headers: HeaderMark[] = [];
	const bands: BandMark[] = [];
	const rowsTop = TITLE_HEIGHT + COLUMN_HEADER_HEIGHT;
	let y = rowsTop;
	let runTop = y;
	let run: Readout[] = [];
	// Standard-of-care ranges shade every row of their setting and endpoint (here: every shown row).
	const closeRun = () => {
		for (const r of run) {
			if (r.armRole !== 'benchmark' || r.value !== null || !r.range) continue;
			const a = clampToAxis(axis, r.range.low).x;
			const b = clampToAxis(axis, r.range.high).x;
			const d = Math.max(
				0,
				...[r.range.low, r.range.high].map((v) => (Number.isInteger(v) ? 0 : 1))
			);
			bands.push({
				x1: Math.min(a, b),
				x2: Math.max(a, b),
				y1: runTop,
				y2: y,
				label: `${r.arm} ${r.range.low.toFixed(d)}–${r.range.high.toFixed(d)}${r.unit === '%' ? '%' : ''}`,
				readoutId: r.id
			});
		}
		run = [];
	};
	let previous: PanelEntry | null = null;
	entries.forEach((entry, index) => {
		const newGroup = previous === null || previous.group !== entry.group;
		if (newGroup || previous?.endpoint !== entry.endpoint) {
			closeRun();
			if (newGroup) {
				headers.push({
					key: entry.group.key,
					kind: 'group',
					y,
					height: GROUP_HEADER_HEIGHT,
					label: entry.group.label
				});
				y += GROUP_HEADER_HEIGHT;
			}
			headers.push({
				key: `${entry.group.key}|${entry.endpoint}`,
				kind: 'endpoint',
				y,
				height: ENDPOINT_HEADER_HEIGHT,
				label: `${entry.endpoint} — ${ENDPOINT_NAMES[entry.endpoint]}`
			});
			y += ENDPOINT_HEADER_HEIGHT;
			runTop = y;
		}
		rows.push(rowMark(entry.readout, plan.rowCtx, y, index % 2 === 1));
		run.push(entry.readout);
		y += ROW_HEIGHT;
		previous = entry;
	});
	closeRun();
	const rowsBottom = y;
	const legendY = rowsBottom + AXIS_HEIGHT;
	const legend = panelLegend(rows, plan.sizes, legendY, plan.width);
	return {
		family,
		title,
		titleNote,
		width: plan.width,
		height: legendY + legend.height,
		columns: plan.columns,
		valueX: plan.valueX,
		axis,
		rowsTop,
		rowsBottom,
		rows,
		total: plan.entries.length,
		shownNote: shownPhrase(family, plan.shown.length, plan.entries.length),
		headers,
		bands,
		favours: family === 'hazard' ? favoursLabels(plan.readouts) : null,
		legend
	};
}

function panelLegend(
	rows: readonly RowMark[],
	sizes: { n: number; r: number }[],
	legendY: number,
	width: number
): LegendLayout {
	const rolesPresent = (['investigational', 'comparator', 'benchmark'] as const).filter((role) =>
		rows.some((row) => row.role === role)
	);
	const flags = {
		computed: rows.some((row) => row.computedCi),
		mismatch: rows.some((row) => row.mismatch),
		nr: rows.some((row) => row.nrText !== null || row.whisker?.nrHigh || row.whisker?.nrLow),
		band: rows.some((row) => row.band !== null),
		crossTrial: new Set(rows.map((row) => row.readout.trial)).size > 1
	};
	const legend = placeLegend(
		[
			...rolesPresent.map((role) => ({
				kind: 'shape' as const,
				shape: ROLE_SHAPES[role],
				colour: ROLE_COLOURS[role],
				label: ROLE_LABELS[role]
			})),
			...(sizes.length > 0 ? [{ kind: 'text' as const, label: 'Area ∝ n:', strong: false }] : []),
			...sizes.map((s) => ({ kind: 'size' as const, r: s.r, label: `n ${s.n}` })),
			...(flags.computed
				? [{ kind: 'dash' as const, label: '† CI computed (exact Clopper–Pearson)' }]
				: []),
			...(flags.mismatch
				? [{ kind: 'text' as const, label: '‡ reported CI differs from exact', strong: false }]
				: []),
			...(flags.nr ? [{ kind: 'text' as const, label: 'NR = not reached', strong: false }] : []),
			...(flags.band ? [{ kind: 'band' as const, label: 'Standard-of-care range' }] : []),
			...(flags.crossTrial
				? [{ kind: 'text' as const, label: CROSS_TRIAL_NOTE, strong: true }]
				: [])
		],
		legendY,
		width
	);
	return {
		y: legendY,
		height: legend.height,
		items: legend.items,
		roles: rolesPresent.map((role) => ({
			role,
			label: ROLE_LABELS[role],
			shape: ROLE_SHAPES[role],
			colour: ROLE_COLOURS[role]
		})),
		sizes,
		...flags
	};
}

/**
 * The readouts the chart shows: those of the selected families, narrowed by the endpoint filter
 * (ignored when empty), plus the endpoints available to that filter and the trials they come from.
 */
export function selectReadouts(
	readouts: readonly Readout[],
	families: readonly EndpointFamily[],
	endpoints: readonly Endpoint[] | null = null
): { shown: Readout[]; availableEndpoints: Endpoint[]; trialIds: string[] } {
	const inFamilies = readouts.filter((r) => families.includes(FAMILY_OF_ENDPOINT[r.endpoint]));
	const availableEndpoints = ENDPOINT_ORDER.filter((e) => inFamilies.some((r) => r.endpoint === e));
	const endpointFilter = endpoints?.length ? new Set(endpoints) : null;
	const shown = endpointFilter
		? inFamilies.filter((r) => endpointFilter.has(r.endpoint))
		: inFamilies;
	const trialIds = [...new Set(shown.map((r) => r.trial))].sort();
	return { shown, availableEndpoints, trialIds };
}

/** The panels' plans: selection, one size scale for every panel, ordering and row limits. */
function planForest(
	input: ForestInput,
	options: ForestOptions
): {
	plans: PanelPlan[];
	shown: Readout[];
	availableEndpoints: Endpoint[];
	trialIds: string[];
} {
	const trialsById = new Map(input.trials.map((t) => [t.id, t]));
	const assetsById = new Map(input.assets.map((a) => [a.id, a]));
	const { shown, availableEndpoints, trialIds } = selectReadouts(
		input.readouts,
		options.families,
		options.endpoints ?? null
	);
	// One size scale for every panel, so equal n means equal area across panels.
	const maxN = max(shown, (r) => r.n ?? 0) ?? 0;
	const radius = radiusScale(maxN);
	const sizes = sizeLegendValues(maxN).map((n) => ({ n, r: radius(n) }));
	const byFamily = new Map<EndpointFamily, Readout[]>();
	for (const r of shown) {
		const family = FAMILY_OF_ENDPOINT[r.endpoint];
		const list = byFamily.get(family);
		if (list) list.push(r);
		else byFamily.set(family, [r]);
	}
	const plans: PanelPlan[] = [];
	for (const family of ['response', 'median', 'hazard', 'landmark'] as const) {
		const readouts = byFamily.get(family);
		if (!options.families.includes(family) || !readouts) continue;
		plans.push(
			planPanel(family, readouts, options, { trialsById, assetsById, radius, sizes, maxN })
		);
	}
	return { plans, shown, availableEndpoints, trialIds };
}

/** The whole forest plot: one panel per selected family that has readouts. */
export function layoutForest(input: ForestInput, options: ForestOptions): ForestLayout {
	const { plans, shown, availableEndpoints, trialIds } = planForest(input, options);
	const panels = plans.map((plan) =>
		placePanel(
			plan,
			plan.shown,
			FAMILY_TITLES[plan.family],
			shownPhrase(plan.family, plan.shown.length, plan.entries.length)
		)
	);
	const drawn = panels.flatMap((p) => p.rows.map((r) => r.readout));
	const drawnTrials = [...new Set(drawn.map((r) => r.trial))].sort();
	return {
		width: options.width,
		panels,
		trialIds,
		crossTrial: trialIds.length > 1,
		rowCount: shown.length,
		drawnCount: drawn.length,
		drawnTrialIds: drawnTrials,
		availableEndpoints
	};
}

export interface ForestPage {
	family: EndpointFamily;
	/** 0 for the panel's first page; later pages are titled "… (continued)". */
	index: number;
	/** Of the panel's pages. */
	count: number;
	panel: PanelLayout;
	/** Position of the page's rows among the panel's shown rows (1-based, inclusive). */
	first: number;
	last: number;
}

/**
 * The chart cut into pages no taller than `maxHeight` (e.g. slides whose text must stay legible):
 * one or more pages per panel, the rows that are shown on screen (row limits apply), each page
 * repeating the title, column headers, the group and endpoint headers of its first row, the axis
 * and a legend for its own rows. A single row taller than a page still gets a page.
 */
export function layoutForestPages(
	input: ForestInput,
	options: ForestOptions,
	maxHeight: number
): ForestPage[] {
	const { plans } = planForest(input, options);
	const pages: ForestPage[] = [];
	for (const plan of plans) {
		const title = FAMILY_TITLES[plan.family];
		const chunks: PanelEntry[][] = [];
		// Greedy by height, checked by laying the page out (the legend depends on its rows).
		let start = 0;
		while (start < plan.shown.length) {
			let end = start + 1;
			const fits = placePanel(plan, plan.shown.slice(start, end), title, null).height <= maxHeight;
			while (fits && end < plan.shown.length) {
				const next = placePanel(plan, plan.shown.slice(start, end + 1), title, null);
				if (next.height > maxHeight) break;
				end++;
			}
			chunks.push(plan.shown.slice(start, end));
			start = end;
		}
		let first = 1;
		chunks.forEach((chunk, index) => {
			const last = first + chunk.length - 1;
			const of =
				plan.shown.length < plan.entries.length
					? `of the ${count(plan.shown.length)} shown (${count(plan.entries.length)} ${FAMILY_NOUNS[plan.family][1]} in view)`
					: `of ${count(plan.entries.length)}`;
			const note =
				chunks.length > 1 || plan.shown.length < plan.entries.length
					? `Rows ${count(first)}–${count(last)} ${of}`
					: null;
			pages.push({
				family: plan.family,
				index,
				count: chunks.length,
				panel: placePanel(plan, chunk, index === 0 ? title : `${title} (continued)`, note),
				first,
				last
			});
			first = last + 1;
		});
	}
	return pages;
}

export const TEXT_COLOURS = { ink: INK, muted: INK_MUTED };
