import { describe, expect, it } from 'vitest';
import {
	comparePartialDates,
	formatPartialDate,
	isCertainlyBefore,
	parsePartialDate
} from './dates';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`).toISOString();

describe('parsePartialDate', () => {
	it.each([
		['2025-09-11', 'day', '2025-09-11', '2025-09-11', '11 Sep 2025'],
		['2025-09-01', 'day', '2025-09-01', '2025-09-01', '1 Sep 2025'],
		['2024-02-29', 'day', '2024-02-29', '2024-02-29', '29 Feb 2024'],
		['2025-09', 'month', '2025-09-01', '2025-09-30', 'Sep 2025'],
		['2025-02', 'month', '2025-02-01', '2025-02-28', 'Feb 2025'],
		['2024-02', 'month', '2024-02-01', '2024-02-29', 'Feb 2024'],
		['2025-12', 'month', '2025-12-01', '2025-12-31', 'Dec 2025'],
		['2025-Q1', 'quarter', '2025-01-01', '2025-03-31', 'Q1 2025'],
		['2025-Q3', 'quarter', '2025-07-01', '2025-09-30', 'Q3 2025'],
		['2025-Q4', 'quarter', '2025-10-01', '2025-12-31', 'Q4 2025'],
		['2025-H1', 'half', '2025-01-01', '2025-06-30', 'H1 2025'],
		['2025-H2', 'half', '2025-07-01', '2025-12-31', 'H2 2025'],
		['2025', 'year', '2025-01-01', '2025-12-31', '2025']
	])('%s → %s %s..%s "%s"', (text, precision, start, end, label) => {
		const parsed = parsePartialDate(text);
		expect(parsed).not.toBeNull();
		expect(parsed?.precision).toBe(precision);
		expect(parsed?.start.toISOString()).toBe(day(start));
		expect(parsed?.end.toISOString()).toBe(day(end));
		expect(parsed?.label).toBe(label);
	});

	it.each([
		['2025-02-30'],
		['2025-02-29'],
		['2025-04-31'],
		['2025-13'],
		['2025-00'],
		['2025-Q5'],
		['2025-H3'],
		['25-09-11'],
		['2025-9-1'],
		['2025-09-11T00:00'],
		['Sep 2025'],
		['']
	])('%s → null', (text) => {
		expect(parsePartialDate(text)).toBeNull();
	});

	it('keeps years before 100 as written', () => {
		const parsed = parsePartialDate('0099-12');
		expect(parsed?.start.toISOString()).toBe('0099-12-01T00:00:00.000Z');
		expect(parsed?.end.toISOString()).toBe('0099-12-31T00:00:00.000Z');
	});

	it('returns null for null and undefined', () => {
		expect(parsePartialDate(null)).toBeNull();
		expect(parsePartialDate(undefined)).toBeNull();
	});
});

describe('isCertainlyBefore', () => {
	it.each([
		['2025-09-10', '2025-09-11', true],
		['2025-09-11', '2025-09-11', false],
		['2025-09-12', '2025-09-11', false],
		['2025-08', '2025-09-01', true],
		['2025-09', '2025-09-30', false],
		['2025-09', '2025-Q3', false],
		['2025-Q2', '2025-07', true],
		['2025-Q3', '2025-09', false],
		['2025-H1', '2025-Q3', true],
		['2025-H1', '2025-Q2', false],
		['2024', '2025-01-01', true],
		['2025', '2025-12-31', false],
		['2025-12-31', '2026', true],
		['2025-02-30', '2026', false],
		[null, '2026', false],
		['2025', null, false]
	])('%s before %s → %s', (a, b, expected) => {
		expect(isCertainlyBefore(a, b)).toBe(expected);
	});

	it('accepts parsed dates', () => {
		const a = parsePartialDate('2025-Q1');
		expect(isCertainlyBefore(a, '2025-04')).toBe(true);
	});
});

describe('comparePartialDates', () => {
	it('sorts by earliest day, then by latest day, invalid and missing last', () => {
		const dates = ['2025-Q3', null, '2025', '2025-09', '2025-02-30', '2025-07-01', '2024-H2'];
		expect([...dates].sort(comparePartialDates)).toEqual([
			'2024-H2',
			'2025',
			'2025-07-01',
			'2025-Q3',
			'2025-09',
			null,
			'2025-02-30'
		]);
	});

	it('is zero for equal dates', () => {
		expect(comparePartialDates('2025-Q3', '2025-Q3')).toBe(0);
		expect(comparePartialDates(null, null)).toBe(0);
	});
});

describe('formatPartialDate', () => {
	it.each([
		['2025-09-11', '11 Sep 2025'],
		['2025-09', 'Sep 2025'],
		['2025-Q3', 'Q3 2025'],
		['2025-H2', 'H2 2025'],
		['2025', '2025'],
		['2025-02-30', '2025-02-30'],
		[null, ''],
		[undefined, '']
	])('%s → "%s"', (text, label) => {
		expect(formatPartialDate(text)).toBe(label);
	});
});
