/**
 * Every URL parameter, described once: its key, which state it carries, which views read it,
 * how it is written and read. The codec (url-codec.ts) only walks this table: `encode` writes a
 * parameter when its text differs from the text of its default (DEFAULT_VIEW_STATE, the one
 * source of defaults), in table order; `decode` reads each present key through `parse`, which
 * reports what it could not read and returns undefined to keep the default.
 *
 * A ViewState field without a parameter does not compile (see `Unmapped` at the end), so a new
 * option cannot silently be left out of shared links.
 */
import {
	AGENCIES,
	ENDPOINTS,
	MILESTONE_TYPES,
	MODALITIES,
	PHASES,
	ROLES
} from '$lib/data/vocabulary';
import type { Endpoint } from '$lib/data/schema';
import { isPartialDate } from '$lib/query/partial-date';
import { MAX_VALUE_LENGTH, joinList, parseCount, quote, shownCount } from './url-codec.text';
import {
	COLUMN_STEP,
	DEFAULT_VIEW_STATE,
	ENDPOINT_FAMILIES,
	MECHANISM_GROUPS,
	ROW_STEP,
	type EndpointFamily,
	type ListDimension,
	type MechanismGroup,
	type ViewState
} from './view-state';

/** Values a link may name, per dimension, taken from the loaded dataset. Missing = any syntax-valid value. */
export type KnownIds = Partial<Record<ListDimension, readonly string[]>>;

/** A dataset version as `since=` names one: numbers with dots ("1.0.0"); a date has no dots. */
export function isVersionLabel(text: string): boolean {
	return text.length <= 40 && /^\d+(\.\d+)+([-+][0-9A-Za-z.-]+)?$/.test(text);
}

export interface ParseContext {
	known: KnownIds;
	/** A value that could not be read, e.g. `diff="maybe"`. */
	invalid(text: string): void;
	/** An id the loaded dataset does not know. */
	unknown(id: string): void;
}

/** `section.field` for the options sections, the bare name for a top-level value (`pin`). */
type FieldPath = {
	[S in keyof ViewState]: ViewState[S] extends object ? `${S}.${keyof ViewState[S] & string}` : S;
}[keyof ViewState];

export interface Param<Target, V, Field extends string = string> {
	key: string;
	/** The state fields it carries (the compile-time check below counts them). */
	fields: readonly Field[];
	/**
	 * The views that read it: 'all' (the shared filters) or the views whose options section it
	 * belongs to (a view's `optionsKey` in lib/views.ts). Other views carry it unchanged.
	 */
	views: 'all' | readonly OptionsSection[];
	/** list: repeated keys merge and values split on commas; single: the last value wins. */
	shape: 'list' | 'single';
	get(target: Target): V;
	set(target: Target, value: V): void;
	/** The link text; a value whose text equals its default's is not written. */
	format(value: V): string;
	/** The value a link says (one item for single, the split items for list); undefined = keep the default. */
	parse(values: string[], ctx: ParseContext): V | undefined;
}

// ---------------------------------------------------------------------------------------------
// Builders for the common kinds

/** The sections of the state (filters and each view's options); not top-level values. */
type Section = {
	[K in keyof ViewState]: ViewState[K] extends object ? K : never;
}[keyof ViewState];
/** The per-view option sections of the state. */
export type OptionsSection = Exclude<Section, 'filters'>;

/** A getter and setter for one field, typed by its path. */
function field<S extends Section, F extends keyof ViewState[S] & string>(section: S, name: F) {
	return {
		fields: [`${section}.${name}` as `${S}.${F}`] as const,
		get: (s: ViewState) => s[section][name],
		set: (s: ViewState, v: ViewState[S][F]) => {
			s[section][name] = v;
		}
	};
}

// Stryker disable next-line StringLiteral: a single parameter always arrives with at least one value
const trimmed = (values: string[]) => (values.at(-1) ?? '').trim();

/** One of a few words; anything else is reported. */
function oneOf<S extends Section, F extends keyof ViewState[S] & string>(
	key: string,
	at: [S, F],
	views: readonly OptionsSection[],
	allowed: readonly (ViewState[S][F] & string)[]
): Param<ViewState, ViewState[S][F], `${S}.${F}`> {
	return {
		key,
		views,
		shape: 'single',
		...field(at[0], at[1]),
		format: (v) => String(v),
		parse: (values, ctx) => {
			const found = allowed.find((a) => a === trimmed(values));
			if (found === undefined) ctx.invalid(`${key}=${quote(values.at(-1)!)}`);
			return found;
		}
	};
}

/** Values fixed by the schema, checked even when the dataset's ids are not known. */
const SCHEMA_VALUES: Partial<Record<ListDimension, readonly string[]>> = {
	roles: ROLES,
	modalities: MODALITIES,
	phases: PHASES,
	agencies: AGENCIES,
	milestoneTypes: MILESTONE_TYPES
};

/** A filter list: ids the dataset knows (or the schema fixes); others are reported as unknown. */
function filterList<D extends ListDimension>(
	key: string,
	dim: D
): Param<ViewState, string[], `filters.${D}`> {
	return {
		key,
		views: 'all',
		shape: 'list',
		...field('filters', dim),
		format: joinList,
		parse: (items, ctx) => {
			const allowed = ctx.known[dim] ?? SCHEMA_VALUES[dim];
			const keep: string[] = [];
			for (const item of items) {
				if (item.length > MAX_VALUE_LENGTH) ctx.invalid(`${key}=${quote(item)}`);
				else if (allowed && !allowed.includes(item)) ctx.unknown(item);
				else keep.push(item);
			}
			return keep;
		}
	};
}

function filterDate<K extends 'from' | 'to'>(
	key: K
): Param<ViewState, string | null, `filters.${K}`> {
	return {
		key,
		views: 'all',
		shape: 'single',
		...field('filters', key),
		format: (v) => v ?? '',
		parse: (values, ctx) => {
			const v = trimmed(values);
			if (v === '') return undefined;
			if (isPartialDate(v)) return v;
			ctx.invalid(`${key}=${quote(values.at(-1)!)} (dates look like 2025, 2025-Q3 or 2025-09-11)`);
			return undefined;
		}
	};
}

/** Words from a fixed list; a link whose every word is unreadable keeps the default. */
function wordList<T extends string>(key: string, allowed: readonly T[], keepEmpty: boolean) {
	return (items: string[], ctx: ParseContext): T[] | undefined => {
		const good = items.filter((i): i is T => (allowed as readonly string[]).includes(i));
		for (const i of items) if (!good.includes(i as T)) ctx.invalid(`${key}=${quote(i)}`);
		return good.length > 0 || items.length === 0 || keepEmpty ? good : undefined;
	};
}

const COUNT_HINT = '(a whole number)';

// ---------------------------------------------------------------------------------------------
// The table, in the order links write them

export const VIEW_PARAMS = [
	filterList('assets', 'assets'),
	filterList('roles', 'roles'),
	filterList('modalities', 'modalities'),
	filterList('indications', 'indications'),
	filterList('lines', 'lines'),
	filterList('biomarkers', 'biomarkers'),
	filterList('phases', 'phases'),
	filterList('regions', 'regions'),
	filterList('agencies', 'agencies'),
	filterList('milestones', 'milestoneTypes'),
	filterDate('from'),
	filterDate('to'),
	oneOf('lanes', ['timeline', 'groupBy'], ['timeline'], ['asset', 'indication']),
	{
		key: 'window',
		fields: ['timeline.windowStart', 'timeline.windowEnd'] as const,
		views: ['timeline'],
		shape: 'single',
		get: (s: ViewState) => [s.timeline.windowStart, s.timeline.windowEnd] as const,
		set: (s: ViewState, [start, end]: readonly [string | null, string | null]) => {
			s.timeline.windowStart = start;
			s.timeline.windowEnd = end;
		},
		format: ([start, end]) => `${start ?? ''}..${end ?? ''}`,
		parse: (values, ctx) => {
			const text = values.at(-1) ?? '';
			const [start = '', end = '', ...rest] = text.split('..');
			const ok = (s: string) => s === '' || isPartialDate(s);
			if (rest.length === 0 && text.includes('..') && ok(start) && ok(end))
				return [start || null, end || null] as const;
			ctx.invalid(`window=${quote(text)} (expected start..end, e.g. 2021..2026-Q2)`);
			return undefined;
		}
	} satisfies Param<ViewState, readonly [string | null, string | null], FieldPath>,
	{
		key: 'since',
		views: ['timeline'],
		shape: 'single',
		...field('timeline', 'since'),
		format: (v) => v ?? '',
		parse: (values, ctx) => {
			const v = trimmed(values);
			if (v === '') return undefined;
			if (isPartialDate(v) || isVersionLabel(v)) return v;
			ctx.invalid(
				`since=${quote(values.at(-1)!)} (a date like 2026-09-23 or a version like 1.0.0)`
			);
			return undefined;
		}
	} satisfies Param<ViewState, string | null>,
	{
		key: 'rows',
		views: ['mechanisms'],
		shape: 'list',
		...field('mechanisms', 'groups'),
		format: joinList,
		parse: wordList<MechanismGroup>('rows', MECHANISM_GROUPS, false)
	} satisfies Param<ViewState, MechanismGroup[]>,
	{
		key: 'diff',
		views: ['mechanisms'],
		shape: 'single',
		...field('mechanisms', 'highlightDifferences'),
		format: (v) => (v ? '1' : '0'),
		parse: (values, ctx) => {
			const v = trimmed(values);
			if (['1', 'true', 'yes', 'on'].includes(v)) return true;
			if (['0', 'false', 'no', 'off'].includes(v)) return false;
			ctx.invalid(`diff=${quote(values.at(-1)!)}`);
			return undefined;
		}
	} satisfies Param<ViewState, boolean>,
	oneOf('order', ['mechanisms', 'order'], ['mechanisms'], ['phase', 'name', 'modality', 'custom']),
	{
		key: 'columns',
		views: ['mechanisms'],
		shape: 'list',
		...field('mechanisms', 'columns'),
		format: joinList,
		parse: (items, ctx) => {
			const keep: string[] = [];
			for (const c of items) {
				if (ctx.known.assets && !ctx.known.assets.includes(c)) ctx.unknown(c);
				else if (c.length <= MAX_VALUE_LENGTH) keep.push(c);
			}
			return keep;
		}
	} satisfies Param<ViewState, string[]>,
	{
		key: 'ref',
		views: ['mechanisms'],
		shape: 'single',
		...field('mechanisms', 'reference'),
		format: (v) => v ?? '',
		parse: (values, ctx) => {
			const v = trimmed(values);
			if (v === '') return undefined;
			if (ctx.known.assets && !ctx.known.assets.includes(v)) {
				ctx.unknown(v);
				return undefined;
			}
			return v.slice(0, MAX_VALUE_LENGTH);
		}
	} satisfies Param<ViewState, string | null>,
	{
		key: 'same',
		views: ['mechanisms'],
		shape: 'single',
		...field('mechanisms', 'hideIdentical'),
		format: (v) => (v ? 'hide' : 'show'),
		parse: (values, ctx) => {
			const v = trimmed(values);
			if (v === 'hide' || v === 'show') return v === 'hide';
			ctx.invalid(`same=${quote(values.at(-1)!)}`);
			return undefined;
		}
	} satisfies Param<ViewState, boolean>,
	{
		key: 'ncols',
		views: ['mechanisms'],
		shape: 'single',
		...field('mechanisms', 'shownColumns'),
		format: String,
		parse: (values, ctx) => {
			const n = parseCount(values.at(-1)!);
			if (n !== null) return shownCount(n, COLUMN_STEP);
			ctx.invalid(`ncols=${quote(values.at(-1)!)} ${COUNT_HINT}`);
			return undefined;
		}
	} satisfies Param<ViewState, number>,
	{
		key: 'families',
		views: ['efficacy'],
		shape: 'list',
		...field('efficacy', 'families'),
		format: joinList,
		// A link whose every family is unreadable keeps the default rather than an empty chart.
		parse: wordList<EndpointFamily>('families', ENDPOINT_FAMILIES, false)
	} satisfies Param<ViewState, EndpointFamily[]>,
	oneOf('group', ['efficacy', 'groupBy'], ['efficacy'], ['setting', 'asset']),
	oneOf('sort', ['efficacy', 'sort'], ['efficacy'], ['group', 'value', 'date']),
	{
		key: 'endpoints',
		views: ['efficacy'],
		shape: 'list',
		...field('efficacy', 'endpoints'),
		format: joinList,
		parse: wordList<Endpoint>('endpoints', ENDPOINTS, true)
	} satisfies Param<ViewState, Endpoint[]>,
	{
		key: 'nrows',
		views: ['efficacy'],
		shape: 'list',
		...field('efficacy', 'shownRows'),
		// Only the panels that differ from the first step, e.g. "median:100".
		format: (rows) =>
			ENDPOINT_FAMILIES.filter((f) => rows[f] !== DEFAULT_VIEW_STATE.efficacy.shownRows[f])
				.map((f) => `${f}:${rows[f]}`)
				.join(','),
		parse: (items, ctx) => {
			const rows = { ...DEFAULT_VIEW_STATE.efficacy.shownRows };
			for (const item of items) {
				const [family = '', count = ''] = item.split(':');
				const n = parseCount(count);
				if ((ENDPOINT_FAMILIES as readonly string[]).includes(family) && n !== null)
					rows[family as EndpointFamily] = shownCount(n, ROW_STEP);
				else ctx.invalid(`nrows=${quote(item)} (e.g. median:100)`);
			}
			return rows;
		}
	} satisfies Param<ViewState, Record<EndpointFamily, number>>,
	{
		// The mark whose details are pinned open: any id; a view that has no such mark (another
		// view's, or one filtered out) ignores it, so no dataset check here.
		key: 'pin',
		fields: ['pin'] as const,
		views: ['timeline', 'efficacy'],
		shape: 'single',
		get: (s: ViewState) => s.pin,
		set: (s: ViewState, v: string | null) => {
			s.pin = v;
		},
		format: (v) => v ?? '',
		parse: (values, ctx) => {
			const v = trimmed(values);
			if (v === '') return undefined;
			if (v.length <= MAX_VALUE_LENGTH) return v;
			ctx.invalid(`pin=${quote(values.at(-1)!)}`);
			return undefined;
		}
	} satisfies Param<ViewState, string | null, FieldPath>
] as const;

/** Any row of the table, for the codec's generic walk. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each row is checked where it is written
export type AnyViewParam = Param<ViewState, any>;

// Compile-time check: every ViewState field is carried by a parameter. A new field without one
// makes `Unmapped` a non-empty union and the assignment below fails to compile.
type Mapped = (typeof VIEW_PARAMS)[number]['fields'][number];
type Unmapped = Exclude<FieldPath, Mapped>;
const everyFieldHasAParam: [Unmapped] extends [never] ? true : Unmapped = true;
void everyFieldHasAParam;

// ---------------------------------------------------------------------------------------------
// Which dataset a link shows: a same-origin path (`data=`) or an imported dataset's id
// (`dataset=`). The root layout's load reads them; every link keeps them, first.

export interface DatasetRef {
	data: string | null;
	dataset: string | null;
}

const datasetParam = (key: keyof DatasetRef): Param<DatasetRef, string | null> => ({
	key,
	fields: [],
	views: 'all',
	shape: 'single',
	get: (ref) => ref[key],
	set: (ref, v) => {
		ref[key] = v;
	},
	// Stryker disable next-line StringLiteral: searchFor writes a dataset key only when it has a value
	format: (v) => v ?? '',
	parse: (values) => values.at(-1) ?? null
});

export const DATASET_PARAMS = [datasetParam('data'), datasetParam('dataset')] as const;
export const DATASET_KEYS: readonly string[] = DATASET_PARAMS.map((p) => p.key);
