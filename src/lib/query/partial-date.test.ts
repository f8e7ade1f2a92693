import { describe, expect, test } from 'vitest';
import { isPartialDate, overlapsRange, partialDateBounds } from './partial-date';

describe('partialDateBounds', () => {
	test.each([
		['2025', '2025-01-01', '2025-12-31'],
		['2025-H1', '2025-01-01', '2025-06-30'],
		['2025-H2', '2025-07-01', '2025-12-31'],
		['2025-Q1', '2025-01-01', '2025-03-31'],
		['2024-Q1', '2024-01-01', '2024-03-31'],
		['2025-Q3', '2025-07-01', '2025-09-30'],
		['2024-02', '2024-02-01', '2024-02-29'],
		['2025-02', '2025-02-01', '2025-02-28'],
		['2025-09-11', '2025-09-11', '2025-09-11']
	])('%s covers %s to %s', (value, start, end) => {
		expect(partialDateBounds(value)).toEqual({ start, end });
	});

	test.each(['', '25', '2025-13', '2025-Q5', '2025-H3', '2025-9', '2025-02-30', 'May 2025'])(
		'%j is not a partial date',
		(value) => {
			expect(partialDateBounds(value)).toBeNull();
			expect(isPartialDate(value)).toBe(false);
		}
	);

	test('isPartialDate accepts each precision', () => {
		for (const value of ['2025', '2025-H2', '2025-Q3', '2025-09', '2025-09-11']) {
			expect(isPartialDate(value)).toBe(true);
		}
	});
});

describe('overlapsRange', () => {
	test.each([
		// start, end, from, to, expected
		['2025-05', null, null, null, true],
		['2025-05', null, '2025', null, true],
		['2025', null, '2025-06', '2025-06', true], // a year overlaps any month in it
		['2024-12-31', null, '2025', null, false],
		['2026-01', null, null, '2025', false],
		['2025-Q2', '2025-Q3', '2025-09', null, true], // an expected window reaching into the range
		['2025-Q2', '2025-Q3', '2025-10', null, false],
		['2025-H1', null, '2025-06-30', '2025-07-01', true],
		['garbage', null, '2025', null, false],
		['garbage', null, null, null, true], // no range: nothing to be outside of
		['2025', 'garbage', '2024', null, false], // an unreadable end counts as unreadable
		['2025-06-30', null, null, '2025-06', true], // starting on the range's last day
		['2025-07-01', null, null, '2025-06', false]
	] as const)('%s..%s within %s..%s → %s', (start, end, from, to, expected) => {
		expect(overlapsRange(start, end, from, to)).toBe(expected);
	});
});
