/**
 * A panel's order: rows grouped by setting or asset, endpoints in vocabulary order, then sorted
 * by role, value or date.
 */
import type { Asset, Endpoint, Readout } from '$lib/data/schema';
import type { EfficacyOptions, EndpointFamily } from '$lib/state/view-state';
import { parsePartialDate } from '$lib/data/dates';
import { markRole, rowDate } from './efficacy.text';
import type { ForestOptions } from './efficacy.marks';
import { ENDPOINT_ORDER, type MarkRole } from './efficacy.vocab';

export interface Group {
	key: string;
	label: string;
	sortKey: string;
	readouts: Readout[];
}

/** One row of a panel in display order, with the group and endpoint it sits under. */
export interface PanelEntry {
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
		if (!asset) {
			return {
				// Stryker disable next-line StringLiteral: a group's key only has to differ from the others' (asset:<id>)
				key: 'asset:soc',
				label: 'Standard of care',
				sortKey: '9'
			};
		}
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
		// Stryker disable next-line StringLiteral: a group's key only has to differ from the others' (no line is named '')
		key: `setting:${group}|${r.line ?? ''}`,
		label: `${name} · ${line}`,
		sortKey: `${group}|${String(lineRank(r.line)).padStart(2, '0')}|${line}`
	};
}

const ROLE_RANK: Record<MarkRole, number> = { investigational: 0, comparator: 1, benchmark: 2 };

/** The default locale's collation, as `localeCompare` without arguments, built once. */
const collator = new Intl.Collator();

/** Parsed row dates by text: a partial date is parsed once, not at every comparison (no date: null). */
const dateKeys = new Map<string | null, [number, number] | null>();
function dateKey(text: string | null): [number, number] | null {
	let key = dateKeys.get(text);
	// Stryker disable next-line ConditionalExpression: parsing again gives the same key, only slower
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
			// Stryker disable next-line ArithmeticOperator: dir is 1 or -1, so dividing by it is multiplying by it
			return (a.value - b.value) * dir || byDefault(a, b);
		});
	} else if (sort === 'date') {
		items.sort((a, b) => compareDateKeys(a.date, b.date) || byDefault(a, b));
	} else {
		items.sort(byDefault);
	}
	return items.map((item) => item.r);
}

/** A panel's rows in display order: groups by sort key, endpoints in order, rows sorted. */
export function orderPanel(
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
