/**
 * The Data view's table logic, kept pure so it is tested without a browser: columns describe how
 * a row prints and sorts; search matches every word of the query anywhere in the row's text;
 * sorting is stable and puts unknown values last in both directions; pages hold 100 rows.
 */

export interface Column<T> {
	key: string;
	label: string;
	/** The cell as text ("Unknown" rather than blank). */
	text: (row: T) => string;
	/** Sort key; defaults to the text. null sorts last in both directions. */
	sortValue?: (row: T) => string | number | null;
	/** A full comparator for values that do not sort as plain strings or numbers (partial dates). */
	compare?: (a: T, b: T) => number;
	/** Right-aligned, tabular figures. */
	numeric?: boolean;
}

export type SortDirection = 'ascending' | 'descending';

export interface SortState {
	key: string;
	direction: SortDirection;
}

export const PAGE_SIZE = 100;

/** Lower-cased text of everything a user can see in a row (and its id), for search. */
export function searchText<T extends { id: string }>(
	row: T,
	columns: readonly Column<T>[],
	extra = ''
): string {
	return [row.id, ...columns.map((c) => c.text(row)), extra].join('\u0001').toLowerCase();
}

/** Rows whose search text contains every whitespace-separated word of the query. */
export function filterRows<T>(
	rows: readonly T[],
	texts: ReadonlyMap<T, string>,
	query: string
): T[] {
	const words = query.toLowerCase().split(/\s+/).filter(Boolean);
	if (words.length === 0) return rows.slice();
	return rows.filter((row) => {
		const text = texts.get(row) ?? '';
		return words.every((word) => text.includes(word));
	});
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function compareValues(a: string | number | null, b: string | number | null): number {
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	return collator.compare(String(a), String(b));
}

/** Sorted copy; rows whose sort value is null (or text "Unknown"/"") go last either way. */
export function sortRows<T>(
	rows: readonly T[],
	columns: readonly Column<T>[],
	sort: SortState | null
): T[] {
	const column = sort && columns.find((c) => c.key === sort.key);
	if (!sort || !column) return rows.slice();
	const sign = sort.direction === 'ascending' ? 1 : -1;
	const valueOf = column.sortValue ?? ((row: T) => emptyToNull(column.text(row)));
	const decorated = rows.map((row, index) => ({ row, index, value: valueOf(row) }));
	decorated.sort((a, b) => {
		const aMissing = a.value === null;
		const bMissing = b.value === null;
		if (aMissing || bMissing) return aMissing === bMissing ? a.index - b.index : aMissing ? 1 : -1;
		const order = column.compare ? column.compare(a.row, b.row) : compareValues(a.value, b.value);
		return order * sign || a.index - b.index;
	});
	return decorated.map((d) => d.row);
}

function emptyToNull(text: string): string | null {
	return text === '' || text === 'Unknown' ? null : text;
}

/** The next sort after a click on a column header: ascending, then descending, then ascending. */
export function nextSort(current: SortState | null, key: string): SortState {
	if (current?.key === key && current.direction === 'ascending')
		return { key, direction: 'descending' };
	return { key, direction: 'ascending' };
}

export interface Page<T> {
	rows: T[];
	page: number;
	pageCount: number;
	first: number;
	last: number;
}

/** One page of rows (0-based page, clamped), with 1-based first/last row numbers for the label. */
export function paginate<T>(rows: readonly T[], page: number, size = PAGE_SIZE): Page<T> {
	const pageCount = Math.max(1, Math.ceil(rows.length / size));
	const current = Math.min(Math.max(0, page), pageCount - 1);
	const start = current * size;
	const slice = rows.slice(start, start + size);
	return {
		rows: slice,
		page: current,
		pageCount,
		first: slice.length ? start + 1 : 0,
		last: start + slice.length
	};
}

/** "12 of 58 milestones", "1 of 1 milestone". */
export function countLabel(shown: number, total: number, one: string, many: string): string {
	return `${shown.toLocaleString('en')} of ${total.toLocaleString('en')} ${total === 1 ? one : many}`;
}
