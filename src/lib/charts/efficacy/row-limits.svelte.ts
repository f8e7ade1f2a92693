/**
 * How many rows each forest-plot panel draws ("Show more" raises it). Kept in the shared view
 * state (`efficacy.shownRows`, `nrows=` in the URL) so a shared link shows the same rows; shared
 * through context by the chart, its table and the export adapter, so the picture, the table, the
 * CSV and the slides show the same rows. A chart mounted without a view state (tests) keeps its
 * own. Create it with `useRowLimits()` during component init.
 */
import { getContext, setContext } from 'svelte';
import type { EndpointFamily } from '$lib/state/view-state';
import { useViewStateIfAny, type ViewStateStore } from '$lib/state/view-state.svelte';
import { DEFAULT_ROW_LIMIT, ROW_LIMIT_STEP } from './efficacy.layout';

type Limits = Record<EndpointFamily, number>;

export class RowLimits {
	#local: Limits = $state({
		response: DEFAULT_ROW_LIMIT,
		median: DEFAULT_ROW_LIMIT,
		hazard: DEFAULT_ROW_LIMIT,
		landmark: DEFAULT_ROW_LIMIT
	});

	constructor(private readonly store: ViewStateStore | null = null) {}

	get values(): Readonly<Limits> {
		return this.store ? this.store.state.efficacy.shownRows : this.#local;
	}

	#set(family: EndpointFamily, value: number): void {
		if (this.store) {
			this.store.setEfficacy({
				shownRows: { ...this.store.state.efficacy.shownRows, [family]: value }
			});
		} else this.#local[family] = value;
	}

	/** Shows `step` more rows of a panel that has `total` rows (never beyond it). */
	showMore(family: EndpointFamily, total: number, step = ROW_LIMIT_STEP): void {
		this.#set(family, Math.min(total, this.values[family] + step));
	}

	/** Back to the first rows only. */
	reset(family: EndpointFamily): void {
		this.#set(family, DEFAULT_ROW_LIMIT);
	}
}

const KEY = Symbol('efficacy-row-limits');

/** The page's row limits; created by the first component that asks (page or chart). */
export function useRowLimits(): RowLimits {
	const existing = getContext<RowLimits | undefined>(KEY);
	if (existing) return existing;
	return setContext(KEY, new RowLimits(useViewStateIfAny()));
}
