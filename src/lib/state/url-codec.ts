/**
 * The URL is the share format. Pure functions, no DOM, no runes.
 *
 * Every parameter is one row of the table in url-codec.params.ts (key, the state it carries, the
 * views that read it, format, parse; defaults come from DEFAULT_VIEW_STATE). This module walks it:
 * `encode(state)` writes only what differs from the defaults, in table order, lists
 * comma-separated, set-like lists in canonical order, always led by `v`. `decode(query, known)`
 * never throws: unknown ids, bad values and unknown keys become warnings and everything else
 * applies. Links from older versions pass through MIGRATIONS first.
 *
 * The `data` and `dataset` keys (which dataset to load: a same-origin path, or the id of a
 * dataset imported into this browser) are rows of the same table, read by `datasetRef` for the
 * root layout and written first by `searchFor`; `encode`/`decode` of the view state leave them be.
 *
 * Parameters (v=1):
 *   assets, roles, modalities, indications, lines, biomarkers, phases, regions, agencies,
 *   milestones (milestone types)        comma lists of ids/values
 *   from, to                            partial dates (2025, 2025-H2, 2025-Q3, 2025-09, 2025-09-11)
 *   lanes=indication                    timeline rows grouped by (asset | indication)
 *   window=2021..2026-Q2                timeline visible window (either side may be empty)
 *   since=2026-09-23 | since=1.0.0      timeline: highlight marks new or changed since a date or
 *                                       a dataset version
 *   rows=binding,payload                mechanisms attribute groups shown
 *   diff=1                              mechanisms: highlight differences
 *   order=name                          mechanisms column order (phase | name | modality | custom)
 *   columns=kn026,zanidatamab           mechanisms custom column order
 *   ref=trastuzumab                     mechanisms pinned reference column
 *   same=hide                           mechanisms: leave out rows whose values agree
 *   ncols=48                            mechanisms: asset columns drawn (default 24)
 *   families=response,hazard            efficacy endpoint families
 *   group=asset                         efficacy grouping (setting | asset)
 *   sort=value                          efficacy sort (group | value | date)
 *   endpoints=ORR,mPFS                  efficacy endpoints shown (empty = all in the families)
 *   nrows=median:100                    efficacy rows drawn per panel (default 50 each)
 *   pin=ms:m-kn026-btd                  the mark whose details are pinned open (a view that has
 *                                       no such mark ignores it)
 *   data=/data/x.json, dataset=<id>     which dataset (the root layout's)
 */
import {
	ENDPOINTS,
	MILESTONE_TYPES,
	AGENCIES,
	MODALITIES,
	PHASES,
	ROLES
} from '$lib/data/vocabulary';
import { partialDateBounds } from '$lib/query/partial-date';
import {
	DATASET_KEYS,
	DATASET_PARAMS,
	VIEW_PARAMS,
	type AnyViewParam,
	type DatasetRef,
	type KnownIds,
	type ParseContext
} from './url-codec.params';
import {
	MAX_ITEMS,
	MAX_VALUE_LENGTH,
	canonical,
	listed,
	quote,
	shownCount,
	splitList,
	undoubleEncode
} from './url-codec.text';
import {
	COLUMN_STEP,
	DEFAULT_VIEW_STATE,
	ENDPOINT_FAMILIES,
	LIST_DIMENSIONS,
	MECHANISM_GROUPS,
	ROW_STEP,
	defaultViewState,
	type ListDimension,
	type ViewState
} from './view-state';

export { isVersionLabel, type DatasetRef, type KnownIds } from './url-codec.params';

export const URL_VERSION = 1;

const TABLE: readonly AnyViewParam[] = VIEW_PARAMS;

/** Every key the codec writes for the view state, in the order it writes them. */
export const PARAMS = ['v', ...VIEW_PARAMS.map((p) => p.key)] as const;

/** Canonical order of set-like filter lists: the schema's order where it fixes the values. */
const SCHEMA_ORDER: Partial<Record<ListDimension, readonly string[]>> = {
	roles: ROLES,
	modalities: MODALITIES,
	phases: PHASES,
	agencies: AGENCIES,
	milestoneTypes: MILESTONE_TYPES
};

/**
 * The state in canonical form: lists deduplicated, set-like lists ordered (schema order where
 * there is one), a reversed date range put right. Two states that show the same view normalise
 * to equal objects, so they encode to the same link.
 */
export function normalizeViewState(state: ViewState): ViewState {
	// A JSON copy, not structuredClone: the live state is a Svelte proxy, which cannot be cloned.
	const s = JSON.parse(JSON.stringify(state)) as ViewState;
	for (const d of LIST_DIMENSIONS) s.filters[d] = canonical(s.filters[d], SCHEMA_ORDER[d]);
	const a = partialDateBounds(s.filters.from);
	const b = partialDateBounds(s.filters.to);
	if (a && b && a.start > b.end) [s.filters.from, s.filters.to] = [s.filters.to, s.filters.from];
	s.mechanisms.groups = canonical(s.mechanisms.groups, MECHANISM_GROUPS);
	s.mechanisms.columns = [...new Set(s.mechanisms.columns)];
	if (typeof s.pin !== 'string' || s.pin === '') s.pin = null;
	s.efficacy.families = canonical(s.efficacy.families, ENDPOINT_FAMILIES);
	s.efficacy.endpoints = canonical(s.efficacy.endpoints, ENDPOINTS);
	s.mechanisms.shownColumns = shownCount(s.mechanisms.shownColumns, COLUMN_STEP);
	const rows = (isObject(s.efficacy.shownRows) ? s.efficacy.shownRows : {}) as Record<
		string,
		unknown
	>;
	s.efficacy.shownRows = Object.fromEntries(
		ENDPOINT_FAMILIES.map((f) => [f, shownCount(rows[f], ROW_STEP)])
	) as typeof s.efficacy.shownRows;
	return s;
}

const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null;

// ---------------------------------------------------------------------------------------------
// Encode

/** Each parameter's text for the default state: what a link leaves out. */
const DEFAULT_TEXT = new Map(TABLE.map((p) => [p.key, p.format(p.get(DEFAULT_VIEW_STATE))]));

export function encode(input: ViewState): URLSearchParams {
	const state = normalizeViewState(input);
	const p = new URLSearchParams();
	p.set('v', String(URL_VERSION));
	for (const param of TABLE) {
		const text = param.format(param.get(state));
		if (text !== DEFAULT_TEXT.get(param.key)) p.set(param.key, text);
	}
	return p;
}

/**
 * Query text for a link: like URLSearchParams#toString but leaving commas, colons and dots
 * readable (`assets=kn026,zanidatamab`). Parsing it back with URLSearchParams gives the same pairs.
 */
export function toQueryString(params: URLSearchParams): string {
	const enc = (s: string) =>
		encodeURIComponent(s).replace(/%2C/gi, ',').replace(/%3A/gi, ':').replace(/%20/g, '+');
	return [...params].map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
}

/** True when the state equals the defaults: nothing for a link to carry. */
export function isDefaultState(state: ViewState): boolean {
	return isDefaultParams(encode(state));
}

/** The encoding of the defaults holds only the version key: every other key differs from them. */
function isDefaultParams(params: URLSearchParams): boolean {
	return [...params.keys()].length === 1;
}

/**
 * The state's query text, '' for the defaults: `isDefaultState` and `toQueryString(encode())` in
 * one encoding (it runs on every filter click, several times).
 */
export function stateText(state: ViewState): string {
	const params = encode(state);
	return isDefaultParams(params) ? '' : toQueryString(params);
}

/** The codec's part of a query (everything but the dataset keys), as a comparable string. */
export function stateQuery(query: URLSearchParams | string): string {
	const p = new URLSearchParams(query);
	for (const k of DATASET_KEYS) p.delete(k);
	return toQueryString(p);
}

/** True when the query carries any view state (a key other than the dataset keys). */
export function hasStateParams(query: URLSearchParams | string): boolean {
	const p = new URLSearchParams(query);
	return [...p.keys()].some((k) => !DATASET_KEYS.includes(k));
}

// ---------------------------------------------------------------------------------------------
// The dataset keys

/**
 * Which dataset a query names. Reads only the dataset keys (SvelteKit re-runs the root load only
 * for the search params it read, so view-state changes never reload the dataset).
 */
export function datasetRef(query: URLSearchParams): DatasetRef {
	const ref: DatasetRef = { data: null, dataset: null };
	for (const param of DATASET_PARAMS) {
		const value = query.get(param.key);
		// Stryker disable next-line ConditionalExpression: an absent key leaves the null the reference starts with
		if (value !== null) param.set(ref, param.parse([value], IGNORE) ?? null);
	}
	return ref;
}

const IGNORE: ParseContext = { known: {}, invalid: () => {}, unknown: () => {} };

/**
 * The query for a state (null: the defaults) showing the dataset `ref` names: the dataset keys
 * first, then the codec's keys; '' when there is nothing to carry.
 */
export function searchFor(state: ViewState | null, ref: DatasetRef): string {
	return searchForText(state ? stateText(state) : '', ref);
}

/** `searchFor` from the state's text (`stateText`), for a caller that has it already. */
export function searchForText(text: string, ref: DatasetRef): string {
	const parts: string[] = [];
	for (const param of DATASET_PARAMS) {
		const value = param.get(ref);
		// Dataset paths stay readable: only what would break the query is escaped.
		if (value !== null)
			parts.push(`${param.key}=${encodeURIComponent(param.format(value)).replace(/%2F/gi, '/')}`);
	}
	if (text) parts.push(text);
	return parts.length ? `?${parts.join('&')}` : '';
}

// ---------------------------------------------------------------------------------------------
// Migrations: each turns a query of version `from` into one of version `from + 1`.

export interface Migration {
	from: number;
	migrate(params: URLSearchParams): URLSearchParams;
}

/** Empty while v=1 is the only version; a future v2 appends { from: 1, migrate } here. */
export const MIGRATIONS: readonly Migration[] = [];

export function migrate(
	params: URLSearchParams,
	version: number,
	migrations: readonly Migration[] = MIGRATIONS,
	target = URL_VERSION
): URLSearchParams {
	let p = params;
	for (let v = version; v < target; v++) {
		const step = migrations.find((m) => m.from === v);
		if (step) p = step.migrate(new URLSearchParams(p));
	}
	return p;
}

// ---------------------------------------------------------------------------------------------
// Decode

export interface DecodeResult {
	state: ViewState;
	warnings: string[];
}

export interface DecodeOptions {
	migrations?: readonly Migration[];
	version?: number;
}

function parseQuery(query: URLSearchParams | string): URLSearchParams {
	if (typeof query !== 'string') return new URLSearchParams(query);
	let text = query.trim();
	text = text.slice(text.indexOf('?') + 1); // what follows "?", or all of it when there is none
	const hash = text.indexOf('#');
	if (hash >= 0) text = text.slice(0, hash);
	return new URLSearchParams(text);
}

const BY_KEY = new Map(TABLE.map((p) => [p.key, p]));

export function decode(
	query: URLSearchParams | string,
	known: KnownIds = {},
	options: DecodeOptions = {}
): DecodeResult {
	const warnings: string[] = [];
	const unknownIds: string[] = [];
	const invalid: string[] = [];
	const unknownKeys: string[] = [];
	const duplicated: string[] = [];
	const state = defaultViewState();
	const current = options.version ?? URL_VERSION;

	let params = parseQuery(query);

	// Version first: a missing v is read as the current version (a hand-typed link).
	const vText = params.get('v');
	let version = current;
	if (vText !== null) {
		const n = Number(undoubleEncode(vText));
		if (Number.isInteger(n) && n >= 0) version = n;
		else invalid.push(`v=${quote(vText)}`);
	}
	if (version > current) {
		warnings.push(
			'This link was made by a newer version of the app; settings it does not know were ignored.'
		);
	} else {
		params = migrate(params, version, options.migrations, current); // none when it is current
	}

	// Group values by key: duplicate keys are merged (lists) or the last one wins (single values).
	const values = new Map<string, string[]>();
	for (const [rawKey, rawValue] of params) {
		const key = undoubleEncode(rawKey).trim();
		if (key === 'v' || DATASET_KEYS.includes(key)) continue;
		if (!BY_KEY.has(key)) {
			if (!unknownKeys.includes(key) && key !== '') unknownKeys.push(key);
			continue;
		}
		const value = undoubleEncode(rawValue).slice(0, MAX_ITEMS * MAX_VALUE_LENGTH);
		const list = values.get(key);
		if (list) list.push(value);
		else values.set(key, [value]);
	}

	const ctx: ParseContext = {
		known,
		invalid: (text) => invalid.push(text),
		unknown: (id) => unknownIds.push(id)
	};
	for (const param of TABLE) {
		const raw = values.get(param.key);
		if (!raw) continue;
		let input: string[];
		if (param.shape === 'single') {
			if (raw.length > 1) duplicated.push(param.key);
			// Stryker disable next-line MethodExpression: every single parameter reads only its last value anyway
			input = raw.slice(-1);
		} else {
			input = raw.flatMap(splitList);
			if (input.length > MAX_ITEMS) {
				invalid.push(
					`${param.key} (${input.length} values; only the first ${MAX_ITEMS} were read)`
				);
				input.length = MAX_ITEMS;
			}
		}
		const value = param.parse(input, ctx);
		if (value !== undefined) param.set(state, value);
	}

	// Warnings, most useful first.
	const uniqueUnknown = [...new Set(unknownIds)];
	if (uniqueUnknown.length > 0) {
		warnings.push(
			uniqueUnknown.length === 1
				? `1 item in this link is not in this dataset: ${listed(uniqueUnknown)}`
				: `${uniqueUnknown.length} items in this link are not in this dataset: ${listed(uniqueUnknown)}`
		);
	}
	if (invalid.length > 0) {
		warnings.push(
			`Ignored ${invalid.length === 1 ? 'a value' : `${invalid.length} values`} that could not be read: ${listed(invalid)}`
		);
	}
	if (duplicated.length > 0) {
		warnings.push(`This link sets ${listed(duplicated)} more than once; the last one was used.`);
	}
	if (unknownKeys.length > 0) {
		warnings.push(
			`Ignored ${unknownKeys.length === 1 ? 'a setting' : `${unknownKeys.length} settings`} this app does not know: ${listed(unknownKeys.map((k) => quote(k)))}`
		);
	}
	return { state: normalizeViewState(state), warnings };
}
