import { describe, expect, it } from 'vitest';
import { comparePartialDates } from '$lib/data/dates';
import { parseDataHash } from './jump';
import {
	countLabel,
	filterRows,
	nextSort,
	paginate,
	searchText,
	sortRows,
	type Column,
	type SortState
} from './table';

interface Row {
	id: string;
	name: string;
	n: number | null;
	date: string | null;
}
const rows: Row[] = [
	{ id: 'a', name: 'Zanidatamab', n: 55, date: '2024-06' },
	{ id: 'b', name: 'KN026', n: null, date: '2023' },
	{ id: 'c', name: 'anbenitamab', n: 9, date: null },
	{ id: 'd', name: 'JSKN003', n: 120, date: '2024-Q1' }
];
const columns: Column<Row>[] = [
	{ key: 'name', label: 'Name', text: (r) => r.name },
	{ key: 'n', label: 'n', text: (r) => String(r.n ?? 'Unknown'), sortValue: (r) => r.n },
	{
		key: 'date',
		label: 'Date',
		text: (r) => r.date ?? 'Unknown',
		sortValue: (r) => r.date,
		compare: (a, b) => comparePartialDates(a.date, b.date)
	}
];
const texts = new Map(rows.map((r) => [r, searchText(r, columns)]));

describe('filterRows', () => {
	const cases: [string, string[]][] = [
		['', ['a', 'b', 'c', 'd']],
		['kn0', ['b', 'd']],
		['  KN   026 ', ['b']],
		['2024', ['a', 'd']],
		['nothing', []]
	];
	for (const [query, ids] of cases)
		it(`"${query}"`, () => expect(filterRows(rows, texts, query).map((r) => r.id)).toEqual(ids));
});

describe('sortRows', () => {
	const cases: [SortState | null, string[]][] = [
		[null, ['a', 'b', 'c', 'd']],
		[{ key: 'name', direction: 'ascending' }, ['c', 'd', 'b', 'a']],
		[{ key: 'n', direction: 'ascending' }, ['c', 'a', 'd', 'b']],
		[{ key: 'n', direction: 'descending' }, ['d', 'a', 'c', 'b']],
		[{ key: 'date', direction: 'ascending' }, ['b', 'd', 'a', 'c']],
		[{ key: 'date', direction: 'descending' }, ['a', 'd', 'b', 'c']]
	];
	for (const [sort, ids] of cases)
		it(`${sort?.key ?? 'none'} ${sort?.direction ?? ''} (unknown last)`, () =>
			expect(sortRows(rows, columns, sort).map((r) => r.id)).toEqual(ids));
});

describe('nextSort, paginate, countLabel, parseDataHash', () => {
	it('cycles ascending → descending → ascending, and restarts on a new column', () => {
		const first = nextSort(null, 'n');
		expect(first).toEqual({ key: 'n', direction: 'ascending' });
		expect(nextSort(first, 'n')).toEqual({ key: 'n', direction: 'descending' });
		expect(nextSort({ key: 'n', direction: 'descending' }, 'n').direction).toBe('ascending');
		expect(nextSort(first, 'name')).toEqual({ key: 'name', direction: 'ascending' });
	});
	it('paginates 250 rows into 3 pages and clamps', () => {
		const many = Array.from({ length: 250 }, (_, i) => i);
		expect(paginate(many, 0)).toMatchObject({ first: 1, last: 100, pageCount: 3, page: 0 });
		expect(paginate(many, 2)).toMatchObject({ first: 201, last: 250 });
		expect(paginate(many, 9).page).toBe(2);
		expect(paginate([], 0)).toMatchObject({ first: 0, last: 0, pageCount: 1 });
	});
	it('labels counts', () => {
		expect(countLabel(12, 58, 'milestone', 'milestones')).toBe('12 of 58 milestones');
		expect(countLabel(1, 1, 'milestone', 'milestones')).toBe('1 of 1 milestone');
		expect(countLabel(3000, 3000, 'm', 'ms')).toBe('3,000 of 3,000 ms');
	});
	it('reads the tab and row from the hash', () => {
		const tabs = ['milestones', 'quality'] as const;
		expect(parseDataHash('#milestones', tabs)).toEqual({ tab: 'milestones', id: null });
		expect(parseDataHash('#milestones/ms%2D1', tabs)).toEqual({ tab: 'milestones', id: 'ms-1' });
		expect(parseDataHash('#nope', tabs)).toBeNull();
		expect(parseDataHash('', tabs)).toBeNull();
		expect(parseDataHash('#milestones/%E0%A4%A', tabs)).toEqual({ tab: 'milestones', id: null });
	});
});
