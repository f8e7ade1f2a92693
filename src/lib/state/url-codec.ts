/**
 * The URL is the share format. Pure functions, no DOM, no runes.
 *
 * `encode(state)` writes only what differs from DEFAULT_VIEW_STATE, keys in the fixed order of
 * PARAMS, lists comma-separated, set-like lists in canonical order, always led by `v`.
 * `decode(query, known)` never throws: unknown ids, bad values and unknown keys become warnings and
 * everything else applies. Links from older versions pass through MIGRATIONS first.
 *
 * The `data` and `dataset` keys (which dataset to load: a same-origin path, or the id of a dataset
 * imported into this browser) belong to the root layout: encode never writes them and decode
 * ignores them.
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
 */
import {
	AGENCIES,
	ENDPOINTS,
	MILESTONE_TYPES,
	MODALITIES,
	PHASES,
	ROLES
} from '$lib/data/vocabulary';
import { isPartialDate, partialDateBounds } from '$lib/query/partial-date';
import {
	COLUMN_STEP,
	DEFAULT_VIEW_STATE,
	ENDPOINT_FAMILIES,
	LIST_DIMENSIONS,
	MAX_SHOWN,
	MECHANISM_GROUPS,
	ROW_STEP,
	defaultViewState,
	type ListDimension,
	type ViewState
} from './view-state';

export const URL_VERSION = 1;

/** A dataset version as `since=` names one: numbers with dots ("1.0.0"); a date has no dots. */
export function isVersionLabel(text: string): boolean {
	return text.length <= 40 && /^\d+(\.\d+)+([-+][0-9A-Za-z.-]+)?$/.test(text);
}

/** Keys owned by someone else: left alone, never warned about. */
export const FOREIGN_KEYS = ['data', 'dataset'] as const;

/** Values a link may name, per dimension, taken from the loaded dataset. Missing = any syntax-valid value. */
export type KnownIds = Partial<Record<ListDimension, readonly string[]>>;

const LIST_KEYS: Record<ListDimension, string> = {
	assets: 'assets',
	roles: 'roles',
	modalities: 'modalities',
	indications: 'indications',
	lines: 'lines',
	biomarkers: 'biomarkers',
	phases: 'phases',
	regions: 'regions',
	agencies: 'agencies',
	milestoneTypes: 'milestones'
};

/** Every key the codec writes, in the order it writes them. */
export const PARAMS = [
	'v',
	...LIST_DIMENSIONS.map((d) => LIST_KEYS[d]),
	'from',
	'to',
	'lanes',
	'window',
	'since',
	'rows',
	'diff',
	'order',
	'columns',
	'ref',
	'same',
	'ncols',
	'families',
	'group',
	'sort',
	'endpoints',
	'nrows',
	'pin'
] as const;

/** Dimensions whose values are fixed by the schema, checked even when `known` is silent. */
const SCHEMA_VALUES: Partial<Record<ListDimension, readonly string[]>> = {
	roles: ROLES,
	modalities: MODALITIES,
	phases: PHASES,
	agencies: AGENCIES,
	milestoneTypes: MILESTONE_TYPES
};

/** Upper bounds that keep a hostile or runaway link cheap to decode. */
const MAX_ITEMS = 200;
const MAX_VALUE_LENGTH = 200;
const MAX_LISTED = 8;

// ---------------------------------------------------------------------------------------------
// Lists: comma-separated; a comma or backslash inside a value is escaped with a backslash.

function joinList(values: readonly string[]): string {
	return values.map((v) => v.replace(/[\\,]/g, (c) => '\\' + c)).join(',');
}

function splitList(text: string): string[] {
	const out: string[] = [];
	let current = '';
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === '\\' && i + 1 < text.length) current += text[++i];
		else if (c === ',') {
			out.push(current);
			current = '';
		} else current += c;
	}
	out.push(current);
	return out.map((v) => v.trim()).filter((v) => v !== '');
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
	a.length === b.length && a.every((v) => b.includes(v));

/** Canonical order for set-like lists: the order of `order` when given, else sorted. */
function canonical(values: readonly string[], order?: readonly string[]): string[] {
	const unique = [...new Set(values)];
	if (!order) return unique.sort();
	const rank = (v: string) => {
		const i = order.indexOf(v);
		return i < 0 ? Number.MAX_SAFE_INTEGER : i;
	};
	return unique.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The state in canonical form: lists deduplicated, set-like lists ordered (schema order where
 * there is one), a reversed date range put right. Two states that show the same view normalise
 * to equal objects, so they encode to the same link.
 */
export function normalizeViewState(state: ViewState): ViewState {
	// A JSON copy, not structuredClone: the live state is a Svelte proxy, which cannot be cloned.
	const s = JSON.parse(JSON.stringify(state)) as ViewState;
	for (const d of LIST_DIMENSIONS) s.filters[d] = canonical(s.filters[d], SCHEMA_VALUES[d]);
	if (s.filters.from && s.filters.to) {
		const a = partialDateBounds(s.filters.from);
		const b = partialDateBounds(s.filters.to);
		if (a && b && a.start > b.end) [s.filters.from, s.filters.to] = [s.filters.to, s.filters.from];
	}
	s.mechanisms.groups = canonical(
		s.mechanisms.groups,
		MECHANISM_GROUPS
	) as typeof s.mechanisms.groups;
	s.mechanisms.columns = [...new Set(s.mechanisms.columns)];
	if (typeof s.pin !== 'string' || s.pin === '') s.pin = null;
	s.efficacy.families = canonical(
		s.efficacy.families,
		ENDPOINT_FAMILIES
	) as typeof s.efficacy.families;
	s.efficacy.endpoints = canonical(s.efficacy.endpoints, ENDPOINTS) as typeof s.efficacy.endpoints;
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

/** A "how many are drawn" count: a whole number from the first step up to MAX_SHOWN. */
function shownCount(value: unknown, step: number): number {
	const n = typeof value === 'number' ? value : Number.NaN;
	return Number.isInteger(n) ? Math.min(MAX_SHOWN, Math.max(step, n)) : step;
}

/** Parses a shown count from a link, or null when it is not a whole number. */
function parseCount(text: string): number | null {
	return /^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : null;
}

// ---------------------------------------------------------------------------------------------
// Encode

export function encode(input: ViewState): URLSearchParams {
	const state = normalizeViewState(input);
	const d = DEFAULT_VIEW_STATE;
	const p = new URLSearchParams();
	p.set('v', String(URL_VERSION));
	for (const dim of LIST_DIMENSIONS) {
		if (state.filters[dim].length > 0) p.set(LIST_KEYS[dim], joinList(state.filters[dim]));
	}
	if (state.filters.from) p.set('from', state.filters.from);
	if (state.filters.to) p.set('to', state.filters.to);

	const t = state.timeline;
	if (t.groupBy !== d.timeline.groupBy) p.set('lanes', t.groupBy);
	if (t.windowStart || t.windowEnd) p.set('window', `${t.windowStart ?? ''}..${t.windowEnd ?? ''}`);
	if (t.since) p.set('since', t.since);

	const m = state.mechanisms;
	if (!sameSet(m.groups, d.mechanisms.groups)) p.set('rows', joinList(m.groups));
	if (m.highlightDifferences !== d.mechanisms.highlightDifferences)
		p.set('diff', m.highlightDifferences ? '1' : '0');
	if (m.order !== d.mechanisms.order) p.set('order', m.order);
	if (m.columns.length > 0) p.set('columns', joinList(m.columns));
	if (m.reference) p.set('ref', m.reference);
	if (m.hideIdentical) p.set('same', 'hide');
	if (m.shownColumns !== d.mechanisms.shownColumns) p.set('ncols', String(m.shownColumns));

	const e = state.efficacy;
	if (!sameSet(e.families, d.efficacy.families)) p.set('families', joinList(e.families));
	if (e.groupBy !== d.efficacy.groupBy) p.set('group', e.groupBy);
	if (e.sort !== d.efficacy.sort) p.set('sort', e.sort);
	if (e.endpoints.length > 0) p.set('endpoints', joinList(e.endpoints));
	const rows = ENDPOINT_FAMILIES.filter((f) => e.shownRows[f] !== d.efficacy.shownRows[f]);
	if (rows.length > 0) p.set('nrows', rows.map((f) => `${f}:${e.shownRows[f]}`).join(','));

	if (state.pin) p.set('pin', state.pin);
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
	return [...encode(state).keys()].length === 1;
}

/** The codec's part of a query (everything but FOREIGN_KEYS), as a comparable string. */
export function stateQuery(query: URLSearchParams | string): string {
	const p = new URLSearchParams(query);
	for (const k of FOREIGN_KEYS) p.delete(k);
	return toQueryString(p);
}

/** True when the query carries any view state (a key other than FOREIGN_KEYS). */
export function hasStateParams(query: URLSearchParams | string): boolean {
	const p = new URLSearchParams(query);
	return [...p.keys()].some((k) => !(FOREIGN_KEYS as readonly string[]).includes(k));
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

/** Undo one extra layer of percent-encoding (a link pasted through an over-eager encoder). */
function undoubleEncode(value: string): string {
	if (!/%[0-9A-Fa-f]{2}/.test(value)) return value;
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}

function quote(value: string): string {
	const short = value.length > 40 ? value.slice(0, 40) + '…' : value;
	return `"${short}"`;
}

function listed(items: readonly string[]): string {
	const shown = items.slice(0, MAX_LISTED).join(', ');
	return items.length > MAX_LISTED ? `${shown} and ${items.length - MAX_LISTED} more` : shown;
}

function parseQuery(query: URLSearchParams | string): URLSearchParams {
	if (typeof query !== 'string') return new URLSearchParams(query);
	let text = query.trim();
	const q = text.indexOf('?');
	if (q >= 0) text = text.slice(q + 1);
	const hash = text.indexOf('#');
	if (hash >= 0) text = text.slice(0, hash);
	return new URLSearchParams(text);
}

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
	} else if (version < current) {
		params = migrate(params, version, options.migrations, current);
	}

	// Group values by key: duplicate keys are merged (lists) or the last one wins (single values).
	const values = new Map<string, string[]>();
	for (const [rawKey, rawValue] of params) {
		const key = undoubleEncode(rawKey).trim();
		if (key === 'v' || (FOREIGN_KEYS as readonly string[]).includes(key)) continue;
		if (!(PARAMS as readonly string[]).includes(key)) {
			if (!unknownKeys.includes(key) && key !== '') unknownKeys.push(key);
			continue;
		}
		const value = undoubleEncode(rawValue).slice(0, MAX_ITEMS * MAX_VALUE_LENGTH);
		const list = values.get(key);
		if (list) list.push(value);
		else values.set(key, [value]);
	}

	const single = (key: string): string | null => {
		const vs = values.get(key);
		if (!vs) return null;
		if (vs.length > 1 && !duplicated.includes(key)) duplicated.push(key);
		return vs.at(-1) ?? null;
	};
	const list = (key: string): string[] | null => {
		const vs = values.get(key);
		if (!vs) return null;
		const items = vs.flatMap(splitList);
		if (items.length > MAX_ITEMS) {
			invalid.push(`${key} (${items.length} values; only the first ${MAX_ITEMS} were read)`);
			items.length = MAX_ITEMS;
		}
		return items;
	};
	const oneOf = <T extends string>(key: string, allowed: readonly T[], apply: (v: T) => void) => {
		const v = single(key);
		if (v === null) return;
		const found = allowed.find((a) => a === v.trim());
		if (found) apply(found);
		else invalid.push(`${key}=${quote(v)}`);
	};

	// Filters
	for (const dim of LIST_DIMENSIONS) {
		const key = LIST_KEYS[dim];
		const items = list(key);
		if (!items) continue;
		const allowed = known[dim] ?? SCHEMA_VALUES[dim];
		const keep: string[] = [];
		for (const item of items) {
			if (item.length > MAX_VALUE_LENGTH) invalid.push(`${key}=${quote(item)}`);
			else if (allowed && !allowed.includes(item)) unknownIds.push(item);
			else keep.push(item);
		}
		state.filters[dim] = keep;
	}
	for (const key of ['from', 'to'] as const) {
		const v = single(key);
		if (v === null) continue;
		if (v.trim() === '') continue;
		if (isPartialDate(v.trim()) && partialDateBounds(v.trim())) state.filters[key] = v.trim();
		else invalid.push(`${key}=${quote(v)} (dates look like 2025, 2025-Q3 or 2025-09-11)`);
	}

	// Timeline
	oneOf('lanes', ['asset', 'indication'] as const, (v) => (state.timeline.groupBy = v));
	const windowText = single('window');
	if (windowText !== null) {
		const [start = '', end = '', ...rest] = windowText.split('..');
		const ok = (s: string) => s === '' || (isPartialDate(s) && partialDateBounds(s) !== null);
		if (rest.length === 0 && windowText.includes('..') && ok(start) && ok(end)) {
			state.timeline.windowStart = start || null;
			state.timeline.windowEnd = end || null;
		} else invalid.push(`window=${quote(windowText)} (expected start..end, e.g. 2021..2026-Q2)`);
	}
	const since = single('since');
	if (since !== null && since.trim() !== '') {
		const v = since.trim();
		if ((isPartialDate(v) && partialDateBounds(v)) || isVersionLabel(v)) state.timeline.since = v;
		else invalid.push(`since=${quote(since)} (a date like 2026-09-23 or a version like 1.0.0)`);
	}

	// Mechanisms
	const rows = list('rows');
	if (rows) {
		const good = rows.filter((r): r is (typeof MECHANISM_GROUPS)[number] =>
			(MECHANISM_GROUPS as readonly string[]).includes(r)
		);
		for (const r of rows) if (!good.includes(r as never)) invalid.push(`rows=${quote(r)}`);
		if (good.length > 0 || rows.length === 0) state.mechanisms.groups = good;
	}
	const diff = single('diff');
	if (diff !== null) {
		if (['1', 'true', 'yes', 'on'].includes(diff.trim()))
			state.mechanisms.highlightDifferences = true;
		else if (['0', 'false', 'no', 'off'].includes(diff.trim()))
			state.mechanisms.highlightDifferences = false;
		else invalid.push(`diff=${quote(diff)}`);
	}
	oneOf(
		'order',
		['phase', 'name', 'modality', 'custom'] as const,
		(v) => (state.mechanisms.order = v)
	);
	const columns = list('columns');
	if (columns) {
		for (const c of columns) {
			if (known.assets && !known.assets.includes(c)) unknownIds.push(c);
			else if (c.length <= MAX_VALUE_LENGTH) state.mechanisms.columns.push(c);
		}
	}
	const ref = single('ref');
	if (ref !== null && ref.trim() !== '') {
		if (known.assets && !known.assets.includes(ref.trim())) unknownIds.push(ref.trim());
		else state.mechanisms.reference = ref.trim().slice(0, MAX_VALUE_LENGTH);
	}

	oneOf('same', ['hide', 'show'] as const, (v) => (state.mechanisms.hideIdentical = v === 'hide'));
	const ncols = single('ncols');
	if (ncols !== null) {
		const n = parseCount(ncols);
		if (n === null) invalid.push(`ncols=${quote(ncols)} (a whole number)`);
		else state.mechanisms.shownColumns = shownCount(n, COLUMN_STEP);
	}

	// Efficacy
	const families = list('families');
	if (families) {
		const good = families.filter((f): f is (typeof ENDPOINT_FAMILIES)[number] =>
			(ENDPOINT_FAMILIES as readonly string[]).includes(f)
		);
		for (const f of families) if (!good.includes(f as never)) invalid.push(`families=${quote(f)}`);
		// A link whose every family is unreadable keeps the default rather than an empty chart.
		if (good.length > 0 || families.length === 0) state.efficacy.families = good;
	}
	oneOf('group', ['setting', 'asset'] as const, (v) => (state.efficacy.groupBy = v));
	oneOf('sort', ['group', 'value', 'date'] as const, (v) => (state.efficacy.sort = v));
	const endpoints = list('endpoints');
	if (endpoints) {
		const good = endpoints.filter((e): e is (typeof ENDPOINTS)[number] =>
			(ENDPOINTS as readonly string[]).includes(e)
		);
		for (const e of endpoints)
			if (!good.includes(e as never)) invalid.push(`endpoints=${quote(e)}`);
		state.efficacy.endpoints = good;
	}
	const nrows = list('nrows');
	if (nrows) {
		for (const item of nrows) {
			const [family = '', count = ''] = item.split(':');
			const n = parseCount(count);
			if ((ENDPOINT_FAMILIES as readonly string[]).includes(family) && n !== null) {
				state.efficacy.shownRows[family as (typeof ENDPOINT_FAMILIES)[number]] = shownCount(
					n,
					ROW_STEP
				);
			} else invalid.push(`nrows=${quote(item)} (e.g. median:100)`);
		}
	}

	// The pinned mark: any id; the chart that has no such mark ignores it (no dataset check here).
	const pin = single('pin');
	if (pin !== null && pin.trim() !== '') {
		if (pin.trim().length <= MAX_VALUE_LENGTH) state.pin = pin.trim();
		else invalid.push(`pin=${quote(pin)}`);
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
