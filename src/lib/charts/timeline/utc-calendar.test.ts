import { describe, expect, it } from 'vitest';
import { scaleLinear, scaleUtc } from 'd3-scale';
import { utcDay, utcMonday, utcMonth, utcYear, type CountableTimeInterval } from 'd3-time';
import { utcFormat } from 'd3-time-format';
import {
	formatDay,
	formatDayYear,
	formatMonth,
	formatMonthYear,
	formatYear,
	linearMap,
	utcMap,
	utcTickTimes,
	type TickUnit
} from './utc-calendar';

// The d3 functions the axis used before: the results must not change by a digit.
const D3: [TickUnit, CountableTimeInterval][] = [
	[{ unit: 'day' }, utcDay],
	[{ unit: 'monday' }, utcMonday],
	[{ unit: 'month', every: 1 }, utcMonth],
	[{ unit: 'month', every: 3 }, utcMonth.every(3) as CountableTimeInterval],
	[{ unit: 'month', every: 6 }, utcMonth.every(6) as CountableTimeInterval],
	[{ unit: 'year', every: 1 }, utcYear],
	...[2, 5, 10, 20].map((k): [TickUnit, CountableTimeInterval] => [
		{ unit: 'year', every: k },
		utcYear.every(k) as CountableTimeInterval
	])
];

const t = (iso: string) => Date.parse(iso);

/** A fixed pseudo-random sequence, so a failure names a window that can be replayed. */
function* windows(count: number, maxSpanDays: number): Generator<[number, number]> {
	let seed = 17;
	const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
	for (let i = 0; i < count; i++) {
		const start = t('1995-01-01') + next() * 40 * 365 * 86_400_000 + (i % 3 === 0 ? 0.5 : 0);
		yield [start, start + next() * maxSpanDays * 86_400_000];
	}
}

describe('utcTickTimes', () => {
	it.each([
		[
			'months from mid-January',
			{ unit: 'month', every: 1 },
			'2024-01-15',
			'2024-04-01',
			['2024-02-01', '2024-03-01']
		],
		[
			'quarters, a start on a quarter',
			{ unit: 'month', every: 3 },
			'2024-04-01',
			'2025-01-01',
			['2024-04-01', '2024-07-01', '2024-10-01']
		],
		['Mondays', { unit: 'monday' }, '2024-03-06', '2024-03-20', ['2024-03-11', '2024-03-18']],
		[
			'every 5 years',
			{ unit: 'year', every: 5 },
			'2012-06-01',
			'2031-01-01',
			['2015-01-01', '2020-01-01', '2025-01-01', '2030-01-01']
		],
		['an empty window', { unit: 'day' }, '2024-03-06', '2024-03-06', []]
	] as [string, TickUnit, string, string, string[]][])('%s', (_, unit, from, to, want) => {
		expect(
			utcTickTimes(unit, t(from), t(to)).map((x) => new Date(x).toISOString().slice(0, 10))
		).toEqual(want);
	});

	it.each(D3.map(([unit, interval]) => [JSON.stringify(unit), unit, interval] as const))(
		'%s gives the ticks d3-time gives, over 400 windows',
		(_, unit, interval) => {
			const maxDays = unit.unit === 'day' ? 60 : unit.unit === 'monday' ? 400 : 20_000;
			for (const [start, end] of windows(400, maxDays)) {
				const want = interval.range(new Date(start), new Date(end + 1)).map((d) => d.getTime());
				expect(utcTickTimes(unit, start, end + 1), `${start}–${end}`).toEqual(want);
			}
		}
	);
});

describe('labels', () => {
	it.each([
		['%Y', formatYear],
		['%b', formatMonth],
		['%b %Y', formatMonthYear],
		['%-d %b', formatDay],
		['%-d %b %Y', formatDayYear]
	] as const)('%s reads as d3-time-format writes it, every day of 2023–2025', (spec, format) => {
		const d3 = utcFormat(spec);
		for (let day = t('2023-01-01'); day < t('2026-01-01'); day += 86_400_000) {
			expect(format(day)).toBe(d3(new Date(day)));
		}
	});

	it.each([
		[t('2025-03-05'), '2025', 'Mar', 'Mar 2025', '5 Mar', '5 Mar 2025'],
		[t('1999-12-31'), '1999', 'Dec', 'Dec 1999', '31 Dec', '31 Dec 1999'],
		[t('2024-09-01'), '2024', 'Sep', 'Sep 2024', '1 Sep', '1 Sep 2024']
	])('%s → %s, %s, %s, %s, %s', (time, year, month, monthYear, day, dayYear) => {
		expect([
			formatYear(time),
			formatMonth(time),
			formatMonthYear(time),
			formatDay(time),
			formatDayYear(time)
		]).toEqual([year, month, monthYear, day, dayYear]);
	});
});

describe('edge cases', () => {
	it('gives no ticks for a window that is not a number', () => {
		expect(utcTickTimes({ unit: 'month', every: 1 }, NaN, t('2024-01-01'))).toEqual([]);
	});

	it('writes a year before 1000 with four digits', () => {
		expect(formatYear(t('0999-06-01T00:00:00Z'))).toBe('0999');
	});
});

describe('linearMap', () => {
	it.each([
		['a time window onto a plot', t('2019-01-01'), t('2031-01-01'), 140, 903.5],
		['a zoomed, fractional window', t('2024-02-03') + 0.25, t('2024-05-09') + 0.75, 140.25, 1180],
		['a reversed domain', 10, -3, 0, 640],
		['a reversed range', 0, 7, 500, 20],
		['an empty domain (the middle of the range)', 5, 5, 100, 300]
	])('%s: the same x as d3-scale', (_, d0, d1, r0, r1) => {
		const own = linearMap(d0, d1, r0, r1);
		const ownUtc = utcMap(d0, d1, r0, r1);
		const linear = scaleLinear().domain([d0, d1]).range([r0, r1]);
		const utc = scaleUtc().domain([d0, d1]).range([r0, r1]);
		const span = d1 - d0 || 1;
		for (let i = -20; i <= 120; i++) {
			const x = d0 + (span * i) / 97;
			expect(own(x)).toBe(linear(x));
			expect(ownUtc(x)).toBe(utc(x));
		}
	});

	it('utcMap, like scaleUtc, rounds a window’s ends to whole milliseconds', () => {
		const map = utcMap(999.5, 2000.25, 0, 1000);
		expect([map(1000), map(2000)]).toEqual([0, 1000]);
	});

	it('maps the ends of the domain to the ends of the range', () => {
		const map = linearMap(t('2020-01-01'), t('2030-01-01'), 140, 900);
		expect([map(t('2020-01-01')), map(t('2030-01-01'))]).toEqual([140, 900]);
	});
});
