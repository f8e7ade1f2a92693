/**
 * The one view state shared by every chart: filters plus per-view options. Pure types and
 * defaults; the URL codec writes only what differs from DEFAULT_VIEW_STATE.
 */
import type { Endpoint, EndpointFamily } from '$lib/data/vocabulary';

export { ENDPOINT_FAMILIES, type EndpointFamily } from '$lib/data/vocabulary';

export const MECHANISM_GROUPS = [
	'binding',
	'molecule',
	'payload',
	'development',
	'evidence'
] as const;
export type MechanismGroup = (typeof MECHANISM_GROUPS)[number];

export interface Filters {
	/** Asset ids; empty = every asset. */
	assets: string[];
	/** Indication groups (e.g. "gastric", "breast"); empty = all. */
	indications: string[];
	/** Lines of therapy as in the data (e.g. "1L", "2L+"); empty = all. */
	lines: string[];
	biomarkers: string[];
	modalities: string[];
	/** Development phases (the phase a program has reached); empty = all. */
	phases: string[];
	regions: string[];
	agencies: string[];
	milestoneTypes: string[];
	/** Asset roles ("focus", "comparator"); empty = both. */
	roles: string[];
	/** Partial dates bounding milestones and readouts; null = open. */
	from: string | null;
	to: string | null;
}

export interface TimelineOptions {
	groupBy: 'asset' | 'indication';
	/** The visible time window (zoom/pan); null = fit the data. */
	windowStart: string | null;
	windowEnd: string | null;
	/**
	 * Highlight marks new or changed since this: a date ("2026-09-23", any partial date) or a
	 * dataset version ("1.0.0"); null = no highlight.
	 */
	since: string | null;
}

export interface MechanismsOptions {
	groups: MechanismGroup[];
	highlightDifferences: boolean;
	order: 'phase' | 'name' | 'modality' | 'custom';
	/** Column order when order = custom (asset ids). */
	columns: string[];
	/** A pinned reference column, e.g. "trastuzumab". */
	reference: string | null;
	/** Leave out rows whose values agree across the shown assets. */
	hideIdentical: boolean;
	/** How many asset columns are drawn ("Show more" raises it in steps of COLUMN_STEP). */
	shownColumns: number;
}

export interface EfficacyOptions {
	families: EndpointFamily[];
	groupBy: 'setting' | 'asset';
	sort: 'group' | 'value' | 'date';
	/** Endpoints shown within the families (e.g. ORR, mPFS); empty = every endpoint. */
	endpoints: Endpoint[];
	/** Rows drawn per endpoint panel ("Show more" raises it in steps of ROW_STEP). */
	shownRows: Record<EndpointFamily, number>;
}

/** The mechanism matrix draws this many asset columns at first, and adds this many per step. */
export const COLUMN_STEP = 24;
/** Each forest-plot panel draws this many rows at first, and adds this many per step. */
export const ROW_STEP = 50;
/** No link asks for more than this many columns or rows (a bound on work, not a product limit). */
export const MAX_SHOWN = 100_000;

export interface ViewState {
	filters: Filters;
	timeline: TimelineOptions;
	mechanisms: MechanismsOptions;
	efficacy: EfficacyOptions;
	/**
	 * The mark whose details are pinned open in the view shown (a timeline milestone or phase
	 * bar, a forest-plot row), by its mark id; null = none. One field for every view: a view
	 * that has no such mark (another view's, or one filtered out) ignores it.
	 */
	pin: string | null;
}

export const DEFAULT_FILTERS: Filters = {
	assets: [],
	indications: [],
	lines: [],
	biomarkers: [],
	modalities: [],
	phases: [],
	regions: [],
	agencies: [],
	milestoneTypes: [],
	roles: [],
	from: null,
	to: null
};

export const DEFAULT_VIEW_STATE: ViewState = {
	filters: DEFAULT_FILTERS,
	timeline: { groupBy: 'asset', windowStart: null, windowEnd: null, since: null },
	mechanisms: {
		groups: [...MECHANISM_GROUPS],
		highlightDifferences: false,
		order: 'phase',
		columns: [],
		reference: null,
		hideIdentical: false,
		shownColumns: COLUMN_STEP
	},
	efficacy: {
		families: ['response'],
		groupBy: 'setting',
		sort: 'group',
		endpoints: [],
		shownRows: { response: ROW_STEP, median: ROW_STEP, hazard: ROW_STEP, landmark: ROW_STEP }
	},
	pin: null
};

/** A deep copy of the defaults, safe to mutate. */
export function defaultViewState(): ViewState {
	return structuredClone(DEFAULT_VIEW_STATE);
}

/** Filter dimensions holding a list of selected values (empty = no restriction). */
export const LIST_DIMENSIONS = [
	'assets',
	'roles',
	'modalities',
	'indications',
	'lines',
	'biomarkers',
	'phases',
	'regions',
	'agencies',
	'milestoneTypes'
] as const satisfies readonly (keyof Filters)[];
export type ListDimension = (typeof LIST_DIMENSIONS)[number];

/** What a filter bar can show: the list dimensions plus the date range ("dates" = from/to). */
export type FilterDimension = ListDimension | 'dates';

export const DIMENSION_LABELS: Record<FilterDimension, string> = {
	assets: 'Assets',
	roles: 'Role',
	modalities: 'Modality',
	indications: 'Indication',
	lines: 'Line',
	biomarkers: 'Biomarker',
	phases: 'Phase',
	regions: 'Region',
	agencies: 'Agency',
	milestoneTypes: 'Milestone type',
	dates: 'Dates'
};

/** True when any filter restricts the data. */
export function hasActiveFilters(filters: Filters): boolean {
	return (
		LIST_DIMENSIONS.some((d) => filters[d].length > 0) ||
		filters.from !== null ||
		filters.to !== null
	);
}

const isStringArray = (v: unknown): v is string[] =>
	Array.isArray(v) && v.every((x) => typeof x === 'string');
/** A plain object (not null, not an array): what a stored record's sections must be. */
export const isRecord = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A ViewState from untrusted stored data (an older app version, a damaged record): every field
 * of the right type is kept, everything else takes its default. Values are not checked against a
 * dataset here; run the result through the URL codec for that.
 */
export function coerceViewState(raw: unknown): ViewState {
	const out = defaultViewState();
	if (!isRecord(raw)) return out;
	if (typeof raw.pin === 'string') out.pin = raw.pin;
	for (const section of ['filters', 'timeline', 'mechanisms', 'efficacy'] as const) {
		const from = raw[section];
		if (!isRecord(from)) continue;
		const target = out[section] as unknown as Record<string, unknown>;
		for (const [key, fallback] of Object.entries(target)) {
			const value = from[key];
			const ok = Array.isArray(fallback)
				? isStringArray(value)
				: fallback === null
					? typeof value === 'string' // null is the default already
					: typeof value === typeof fallback;
			if (ok) target[key] = Array.isArray(value) ? [...value] : value;
		}
	}
	return out;
}
