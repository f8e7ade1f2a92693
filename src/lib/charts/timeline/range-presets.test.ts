import { expect, test } from 'vitest';
import { rangePresets } from './range-presets';

test('presets count from the as-of date, not the clock', () => {
	expect(rangePresets('2026-09-23')).toEqual([
		{ label: 'All', title: 'Fit all the data', start: null, end: null },
		{
			label: 'Last 5 years',
			title: "23 Sep 2021 to 23 Sep 2026, the data's as-of date",
			start: '2021-09-23',
			end: '2026-09-23'
		},
		{
			label: 'Next 2 years',
			title: "23 Sep 2026, the data's as-of date, to 23 Sep 2028",
			start: '2026-09-23',
			end: '2028-09-23'
		}
	]);
});

test.each<[string, string, string]>([
	['2026-09', '2021-09-30', '2026-09-30'],
	['2025-Q2', '2020-06-30', '2025-06-30'],
	['2024', '2019-12-31', '2024-12-31']
])('a partial as-of (%s) counts from its last day', (asOf, start, end) => {
	expect(rangePresets(asOf)[1]).toMatchObject({ start, end });
});

test('an unreadable as-of leaves only "All"', () => {
	expect(rangePresets('soon').map((p) => p.label)).toEqual(['All']);
});
