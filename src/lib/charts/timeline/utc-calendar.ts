/**
 * The little of a UTC calendar the time axis needs: tick dates (days, Mondays, every k months,
 * every k years) and their labels ("2025", "Mar", "Mar 2025", "5 Mar", "5 Mar 2025"), plus the
 * linear map from a time to an x.
 *
 * Why not d3-time, d3-time-format and d3-scale's scaleUtc: together they were about 8 KB of
 * gzipped JavaScript before the timeline could draw, for a handful of dates and month names.
 * The results are the same to the digit: `utc-calendar.test.ts` compares every function with
 * the d3 one it replaces over thousands of windows.
 */

import { MONTH_NAMES } from '$lib/data/dates';

export type TickUnit =
	| { unit: 'day' }
	| { unit: 'monday' }
	| { unit: 'month'; every: number }
	| { unit: 'year'; every: number };

/** The start of the UTC day, month or year holding `t` (ms). */
function floorTo(t: number, unit: TickUnit['unit']): number {
	const d = new Date(t);
	switch (unit) {
		case 'day':
			return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
		case 'monday': {
			const back = (d.getUTCDay() + 6) % 7;
			return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - back);
		}
		case 'month':
			return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
		case 'year':
			return Date.UTC(d.getUTCFullYear(), 0, 1);
	}
}

/** `t` moved by `n` days, weeks, months or years (t is the start of one). */
function offset(t: number, unit: TickUnit['unit'], n: number): number {
	const d = new Date(t);
	switch (unit) {
		case 'day':
			d.setUTCDate(d.getUTCDate() + n);
			break;
		case 'monday': {
			// Stryker disable next-line ArithmeticOperator: weeks are only ever stepped one at a time (n = 1), where 7 / n is 7
			const days = 7 * n;
			d.setUTCDate(d.getUTCDate() + days);
			break;
		}
		case 'month':
			d.setUTCMonth(d.getUTCMonth() + n);
			break;
		case 'year':
			d.setUTCFullYear(d.getUTCFullYear() + n);
			break;
	}
	return d.getTime();
}

/** Whether a unit's start is one of every k (months 0, 3, 6, 9 for k = 3; years divisible by k). */
function onStep(t: number, tick: TickUnit): boolean {
	if (tick.unit === 'month') return new Date(t).getUTCMonth() % tick.every === 0;
	if (tick.unit === 'year') return new Date(t).getUTCFullYear() % tick.every === 0;
	return true;
}

/**
 * The tick times (ms) in [start, stop): every unit start at or after `start` and before `stop`,
 * as d3-time's `interval.range(start, stop)` gives them (`utcDay`, `utcMonday`,
 * `utcMonth.every(k)`, `utcYear.every(k)`).
 */
export function utcTickTimes(tick: TickUnit, start: number, stop: number): number[] {
	start = wholeMs(start);
	stop = wholeMs(stop);
	const times: number[] = [];
	// Not a number: no ticks (the step search below would never end). An empty window: none.
	// Stryker disable next-line EqualityOperator: at start = stop the loop below adds no tick either
	if (!(start < stop)) return times;
	// The first unit start at or after `start`, then the first one on the step.
	let t = floorTo(start - 1, tick.unit);
	t = offset(t, tick.unit, 1);
	while (!onStep(t, tick)) t = offset(t, tick.unit, 1);
	const step = tick.unit === 'month' || tick.unit === 'year' ? tick.every : 1;
	for (; t < stop; t = offset(t, tick.unit, step)) times.push(t);
	return times;
}

/** "2025" (four digits, as `%Y`). */
export function formatYear(t: number): string {
	return String(new Date(t).getUTCFullYear() % 10000).padStart(4, '0');
}

/** "Mar" (as `%b`). */
export function formatMonth(t: number): string {
	// The same abbreviations as d3-time-format's default (en-US) locale writes for `%b`.
	return MONTH_NAMES[new Date(t).getUTCMonth()] as string;
}

/** "Mar 2025" (as `%b %Y`). */
export function formatMonthYear(t: number): string {
	return `${formatMonth(t)} ${formatYear(t)}`;
}

/** "5 Mar" (as `%-d %b`). */
export function formatDay(t: number): string {
	return `${new Date(t).getUTCDate()} ${formatMonth(t)}`;
}

/** "5 Mar 2025" (as `%-d %b %Y`). */
export function formatDayYear(t: number): string {
	return `${formatDay(t)} ${formatYear(t)}`;
}

/**
 * A value → coordinate map over [d0, d1] → [r0, r1], computed as d3-scale's linear and UTC
 * scales compute it (normalise, then interpolate as a·(1 − t) + b·t; a reversed domain is
 * flipped first), so positions match a d3 scale to the last bit.
 */
export function linearMap(d0: number, d1: number, r0: number, r1: number): (x: number) => number {
	// Stryker disable next-line EqualityOperator: swapping equal ends changes nothing (span 0 maps every value to the midpoint)
	if (d1 < d0) [d0, d1, r0, r1] = [d1, d0, r1, r0];
	const span = d1 - d0;
	const normalize = span ? (x: number) => (x - d0) / span : () => (isNaN(span) ? NaN : 0.5);
	return (x) => {
		const t = normalize(x);
		return r0 * (1 - t) + r1 * t;
	};
}

/** A time as a Date holds it: whole milliseconds, the fraction cut off. */
export const wholeMs = (t: number): number => new Date(t).getTime();

/**
 * A time (ms) → x map over a window, as d3-scale's `scaleUtc` computes it: it rounds the
 * window's ends to whole milliseconds first (a zoomed window's ends have fractions).
 */
export function utcMap(start: number, end: number, x0: number, x1: number): (t: number) => number {
	return linearMap(Math.round(start), Math.round(end), x0, x1);
}
