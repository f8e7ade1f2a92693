/**
 * Partial dates: "2025-09-11" (day), "2025-09" (month), "2025-Q3" (quarter), "2025-H2" (half-year)
 * or "2025" (year), as the schema's `PartialDate` allows.
 *
 * A partial date stands for a period, not an instant. `parsePartialDate` returns that period as two
 * UTC days, both inclusive:
 * - `start`: the first day of the period at 00:00 UTC (the earliest possible day);
 * - `end`: the last day of the period at 00:00 UTC (the latest possible day), e.g. "2025-Q3" ends
 *   on 30 Sep 2025, not on 1 Oct 2025.
 * Inclusive day bounds keep the comparisons readable: a is certainly before b when a's latest
 * possible day is before b's earliest possible day.
 */
import { PARTIAL_DATE_PATTERN } from './vocabulary';

export type DatePrecision = 'day' | 'month' | 'quarter' | 'half' | 'year';

export interface ParsedPartialDate {
	precision: DatePrecision;
	/** First day of the period, 00:00 UTC. */
	start: Date;
	/** Last day of the period, 00:00 UTC (inclusive). */
	end: Date;
	/** Human label: "11 Sep 2025", "Sep 2025", "Q3 2025", "H2 2025" or "2025". */
	label: string;
}

/** English month abbreviations, as the app writes dates ("11 Sep 2025") and the timeline's axis. */
export const MONTH_NAMES = [
	'Jan',
	'Feb',
	'Mar',
	'Apr',
	'May',
	'Jun',
	'Jul',
	'Aug',
	'Sep',
	'Oct',
	'Nov',
	'Dec'
] as const;

function utcDay(year: number, monthIndex: number, day: number): Date {
	// Not Date.UTC, which maps years 0-99 to 1900-1999. A month or day past the end rolls over
	// into the next month or year.
	const date = new Date(0);
	date.setUTCFullYear(year, monthIndex, day);
	return date;
}

/** Last day of the month `monthIndex + monthCount - 1`, i.e. the end of a span of months. */
function lastDayOfMonths(year: number, firstMonthIndex: number, monthCount: number): Date {
	// Day 0 of the following month is the last day of the span.
	return utcDay(year, firstMonthIndex + monthCount, 0);
}

function monthSpan(
	year: number,
	firstMonthIndex: number,
	monthCount: number,
	precision: DatePrecision,
	label: string
): ParsedPartialDate {
	return {
		precision,
		start: utcDay(year, firstMonthIndex, 1),
		end: lastDayOfMonths(year, firstMonthIndex, monthCount),
		label
	};
}

/** Parses a partial date; returns null when it is malformed or not a real calendar day. */
export function parsePartialDate(text: string | null | undefined): ParsedPartialDate | null {
	// Stryker disable next-line ConditionalExpression: RegExp#exec reads null and undefined as the texts "null" and "undefined", which the pattern rejects as well
	if (typeof text !== 'string') return null;
	const match = PARTIAL_DATE_PATTERN.exec(text);
	if (!match) return null;
	const [, yearText, monthText, dayText, quarterText, halfText] = match;
	const year = Number(yearText);

	if (monthText !== undefined) {
		const monthIndex = Number(monthText) - 1;
		const monthName = MONTH_NAMES[monthIndex] ?? monthText;
		if (dayText === undefined)
			return monthSpan(year, monthIndex, 1, 'month', `${monthName} ${year}`);
		const day = Number(dayText);
		const date = utcDay(year, monthIndex, day);
		// The pattern allows 31 for every month; Date rolls 2025-02-30 over into March, so check.
		if (date.getUTCMonth() !== monthIndex) return null;
		return {
			precision: 'day',
			start: date,
			end: date,
			label: `${day} ${monthName} ${year}`
		};
	}
	if (quarterText !== undefined) {
		const quarter = Number(quarterText);
		return monthSpan(year, (quarter - 1) * 3, 3, 'quarter', `Q${quarter} ${year}`);
	}
	if (halfText !== undefined) {
		const half = Number(halfText);
		return monthSpan(year, (half - 1) * 6, 6, 'half', `H${half} ${year}`);
	}
	return monthSpan(year, 0, 12, 'year', String(year));
}

type DateLike = string | ParsedPartialDate | null | undefined;

function toParsed(value: DateLike): ParsedPartialDate | null {
	return typeof value === 'string' ? parsePartialDate(value) : (value ?? null);
}

/**
 * Sort order for partial dates: by earliest possible day, then by latest possible day (so "2025-09-01"
 * comes before "2025-09", which comes before "2025-Q3"). Missing or invalid dates sort last.
 */
export function comparePartialDates(a: DateLike, b: DateLike): number {
	const left = toParsed(a);
	const right = toParsed(b);
	if (!left || !right) return (left ? 0 : 1) - (right ? 0 : 1);
	return left.start.getTime() - right.start.getTime() || left.end.getTime() - right.end.getTime();
}

/**
 * True only when `a` is before `b` whatever days the partial dates turn out to be: the latest
 * possible day of `a` is before the earliest possible day of `b`. False when either is missing or
 * invalid, and when the periods overlap ("2025-09" is not certainly before "2025-Q3").
 */
export function isCertainlyBefore(a: DateLike, b: DateLike): boolean {
	const left = toParsed(a);
	const right = toParsed(b);
	if (!left || !right) return false;
	return left.end.getTime() < right.start.getTime();
}

/** The date's human label ("Q3 2025"); the text itself when it does not parse, '' when missing. */
export function formatPartialDate(value: string | null | undefined): string {
	if (value === null || value === undefined) return '';
	return parsePartialDate(value)?.label ?? value;
}
