import { expect, test } from 'vitest';
import { DEFAULT_FILTERS, type Filters } from '$lib/state/view-state';
import { filtersInWords } from './filter-words';

const label = (_d: string, v: string) => v.charAt(0).toUpperCase() + v.slice(1);
const includes = (d: string, v: string) =>
	d !== 'lines' ? [] : v === '2L' ? ['2L+'] : v === '3L' ? ['2L+', '3L+'] : [];

test.each<[string, Partial<Filters>, string]>([
	['nothing chosen', {}, 'Filters: none (all the data).'],
	[
		'several dimensions, in the bar order, dates last',
		{ indications: ['gastric'], assets: ['kn026', 'zanidatamab'], from: '2021', to: '2027' },
		'Filters: Assets: Kn026, Zanidatamab; Indication: Gastric; Dates: from 2021 to 2027.'
	],
	['a line says what it includes', { lines: ['2L'] }, 'Filters: Line: 2L (includes 2L+).'],
	[
		'each line its own inclusions',
		{ lines: ['1L', '3L'] },
		'Filters: Line: 1L, 3L (includes 2L+, 3L+).'
	],
	['only a start date', { from: '2024-03' }, 'Filters: Dates: from Mar 2024.'],
	['only an end date', { to: '2025-Q2' }, 'Filters: Dates: up to Q2 2025.']
])('%s', (_name, patch, expected) => {
	expect(filtersInWords({ ...DEFAULT_FILTERS, ...patch }, label, includes)).toBe(expected);
});

test('without a way to tell inclusions, values are listed plainly', () => {
	expect(filtersInWords({ ...DEFAULT_FILTERS, lines: ['2L'] }, label)).toBe('Filters: Line: 2L.');
});
