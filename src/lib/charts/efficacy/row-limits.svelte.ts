/**
 * How many rows each forest-plot panel draws ("Show more" raises it). Shared through context by
 * the chart, its table and the export adapter, so the picture, the table, the CSV and the slides
 * show the same rows. Local to the page for now (not in the URL): a shared link opens with the
 * default limit. Create it with `useRowLimits()` during component init.
 */
import { getContext, setContext } from 'svelte';
import type { EndpointFamily } from '$lib/state/view-state';
import { DEFAULT_ROW_LIMIT, ROW_LIMIT_STEP } from './efficacy.layout';

export class RowLimits {
	values: Record<EndpointFamily, number> = $state({
		response: DEFAULT_ROW_LIMIT,
		median: DEFAULT_ROW_LIMIT,
		hazard: DEFAULT_ROW_LIMIT,
		landmark: DEFAULT_ROW_LIMIT
	});

	/** Shows `step` more rows of a panel that has `total` rows (never beyond it). */
	showMore(family: EndpointFamily, total: number, step = ROW_LIMIT_STEP): void {
		this.values[family] = Math.min(total, this.values[family] + step);
	}

	/** Back to the first rows only. */
	reset(family: EndpointFamily): void {
		this.values[family] = DEFAULT_ROW_LIMIT;
	}
}

const KEY = Symbol('efficacy-row-limits');

/** The page's row limits; created by the first component that asks (page or chart). */
export function useRowLimits(): RowLimits {
	const existing = getContext<RowLimits | undefined>(KEY);
	if (existing) return existing;
	return setContext(KEY, new RowLimits());
}
