/**
 * The timeline's range presets, counted from the dataset's as-of date rather than the reader's
 * clock: "Last 5 years" of a dataset as of Sep 2026 ends in Sep 2026, not a year later. Pure.
 */
import { formatPartialDate, parsePartialDate } from '$lib/data/dates';

export interface RangePreset {
	label: string;
	/** Says the exact span, for the button's tooltip and accessible description. */
	title: string;
	/** ISO days; null = fit the data on that side. */
	start: string | null;
	end: string | null;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
/** "23 Sep 2026", as dates read everywhere else in the app. */
const shortDate = (d: Date) => formatPartialDate(iso(d));

function addYears(day: Date, years: number): Date {
	const d = new Date(day.getTime());
	d.setUTCFullYear(d.getUTCFullYear() + years);
	return d;
}

/** All, the five years up to the as-of date, and the two years after it (what is expected). */
export function rangePresets(asOf: string): RangePreset[] {
	const all: RangePreset = { label: 'All', title: 'Fit all the data', start: null, end: null };
	const parsed = parsePartialDate(asOf);
	if (!parsed) return [all];
	const asOfDay = parsed.end;
	const back = addYears(asOfDay, -5);
	const ahead = addYears(asOfDay, 2);
	return [
		all,
		{
			label: 'Last 5 years',
			title: `${shortDate(back)} to ${shortDate(asOfDay)}, the data's as-of date`,
			start: iso(back),
			end: iso(asOfDay)
		},
		{
			label: 'Next 2 years',
			title: `${shortDate(asOfDay)}, the data's as-of date, to ${shortDate(ahead)}`,
			start: iso(asOfDay),
			end: iso(ahead)
		}
	];
}
