/**
 * The active filters as a sentence a reader of a printout understands without the app:
 * "Indication: Gastric; Line: 2L (includes 2L+); Dates: from 2021 to 2027". Pure; the caller
 * passes how a value is labelled.
 */
import {
	DIMENSION_LABELS,
	LIST_DIMENSIONS,
	type Filters,
	type ListDimension
} from '$lib/state/view-state';
import { formatPartialDate } from '$lib/data/dates';

export type ValueLabel = (dimension: ListDimension, value: string) => string;

/** Each active filter as "Dimension: value, value"; the date range last. */
export function filterClauses(
	filters: Filters,
	label: ValueLabel,
	/** For lines: the onward populations a chosen line brings in (see lines.ts). */
	includes: (dimension: ListDimension, value: string) => readonly string[] = () => []
): string[] {
	const clauses: string[] = [];
	for (const d of LIST_DIMENSIONS) {
		if (filters[d].length === 0) continue;
		const values = filters[d].map((v) => {
			const extra = includes(d, v);
			return extra.length ? `${label(d, v)} (includes ${extra.join(', ')})` : label(d, v);
		});
		clauses.push(`${DIMENSION_LABELS[d]}: ${values.join(', ')}`);
	}
	const from = filters.from ? formatPartialDate(filters.from) : null;
	const to = filters.to ? formatPartialDate(filters.to) : null;
	if (from && to) clauses.push(`Dates: from ${from} to ${to}`);
	else if (from) clauses.push(`Dates: from ${from}`);
	else if (to) clauses.push(`Dates: up to ${to}`);
	return clauses;
}

/** The whole sentence, or one saying nothing is filtered. */
export function filtersInWords(...args: Parameters<typeof filterClauses>): string {
	const clauses = filterClauses(...args);
	return clauses.length ? `Filters: ${clauses.join('; ')}.` : 'Filters: none (all the data).';
}
