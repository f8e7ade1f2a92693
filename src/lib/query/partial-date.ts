/**
 * A partial date ("2025", "2025-H2", "2025-Q3", "2025-09", "2025-09-11") stands for an interval of
 * days. Filtering compares intervals, so "2025" overlaps a range starting "2025-06": the source does
 * not say the event was outside it. Days are ISO strings, which compare correctly as strings.
 */
import { PARTIAL_DATE_PATTERN } from '$lib/data/schema';

export interface DayInterval {
	/** First day, "YYYY-MM-DD". */
	start: string;
	/** Last day, "YYYY-MM-DD". */
	end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function isPartialDate(value: string): boolean {
	return PARTIAL_DATE_PATTERN.test(value);
}

/** The days a partial date covers, or null when the text is not a partial date. */
export function partialDateBounds(value: string): DayInterval | null {
	const m = PARTIAL_DATE_PATTERN.exec(value);
	if (!m) return null;
	const year = Number(m[1]);
	const [, , month, day, quarter, half] = m;
	let first = 1;
	let last = 12;
	if (month) {
		first = last = Number(month);
		if (day) {
			// "2025-02-31" passes the pattern but is no day: reject rather than roll over.
			if (Number(day) > lastDay(year, first)) return null;
			const d = `${year}-${month}-${day}`;
			return { start: d, end: d };
		}
	} else if (quarter) {
		first = (Number(quarter) - 1) * 3 + 1;
		last = first + 2;
	} else if (half) {
		first = half === '1' ? 1 : 7;
		last = first + 5;
	}
	return {
		start: `${year}-${pad(first)}-01`,
		end: `${year}-${pad(last)}-${pad(lastDay(year, last))}`
	};
}

/**
 * Whether an item dated [start, end] (partial dates; end optional) overlaps the range [from, to]
 * (partial dates; null = open). Unparseable item dates never match a bounded range.
 */
export function overlapsRange(
	start: string,
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
