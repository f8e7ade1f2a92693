import { expect, test } from 'vitest';
import { dataAge } from './data-age';

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

test.each<[string, string, number | null, string, boolean]>([
	['2026-09-23', '2026-09-23', 0, 'current', false],
	['2026-09-23', '2026-09-24', 1, '1 day old', false],
	['2026-09-23', '2026-10-30', 37, '37 days old', false],
	['2026-09-23', '2026-11-22', 60, '1 month old', false],
	['2026-09-23', '2026-11-23', 61, '2 months old', true],
	['2026-09-23', '2026-12-05', 73, '2 months old', true],
	// A month-precision as-of counts from its last day.
	['2026-09', '2026-10-30', 30, '30 days old', false],
	['2025', '2026-12-05', 339, '11 months old', true],
	['2023-06-01', '2026-12-05', 1283, '3 years old', true],
	// An as-of in the future (a clock behind) is "current", never negative.
	['2027-01-01', '2026-12-05', 0, 'current', false],
	['not a date', '2026-12-05', null, '', false]
])('data as of %s on %s: %s days', (asOf, today, days, text, stale) => {
	expect(dataAge(asOf, day(today))).toEqual({ days, text, stale });
});

test.each<[string, string, string]>([
	// Days up to six weeks, then months up to two years, then whole years.
	['2026-01-01', '2026-02-14', '44 days old'],
	['2026-01-01', '2026-02-15', '1 month old'],
	['2024-01-01', '2025-12-31', '23 months old'],
	['2024-01-01', '2026-01-02', '2 years old'],
	['2020-01-01', '2026-12-31', '6 years old']
])('data as of %s on %s reads "%s"', (asOf, today, text) => {
	expect(dataAge(asOf, day(today)).text).toBe(text);
});

test('the age counts whole calendar days, whatever the time of day today', () => {
	expect(dataAge('2026-09-23', new Date('2026-09-24T00:00:00Z')).days).toBe(1);
	expect(dataAge('2026-09-23', new Date('2026-09-24T23:59:59Z')).days).toBe(1);
});
