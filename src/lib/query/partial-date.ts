/**
 * A partial date ("2025", "2025-H2", "2025-Q3", "2025-09", "2025-09-11") stands for an interval of
 * days. Filtering compares intervals, so "2025" overlaps a range starting "2025-06": the source does
 * not say the event was outside it. Days are ISO strings, which compare correctly as strings.
 */
import { parsePartialDate } from '$lib/data/dates';

export interface DayInterval {
	/** First day, "YYYY-MM-DD". */
	start: string;
	/** Last day, "YYYY-MM-DD". */
	end: string;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export function isPartialDate(value: string): boolean {
	return parsePartialDate(value) !== null;
}

/** The days a partial date covers, or null when there is no date or the text is not a real one. */
export function partialDateBounds(value: string | null): DayInterval | null {
	const parsed = parsePartialDate(value);
	return parsed ? { start: isoDay(parsed.start), end: isoDay(parsed.end) } : null;
}

/**
 * Whether an item dated [start, end] (partial dates; end optional) overlaps the range [from, to]
 * (partial dates; null = open). Unparseable or missing item dates never match a bounded range.
 */
export function overlapsRange(
	start: string | null,
	end: string | null,
	from: string | null,
	to: string | null
): boolean {
	if (from === null && to === null) return true;
	const a = partialDateBounds(start);
	const b = end ? partialDateBounds(end) : a;
	if (!a || !b) return false;
	const lo = from ? partialDateBounds(from) : null;
	const hi = to ? partialDateBounds(to) : null;
	if (lo && b.end < lo.start) return false;
	if (hi && a.start > hi.end) return false;
	return true;
}
