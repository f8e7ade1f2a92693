/**
 * How many asset columns the mechanism matrix shows ("Show more" raises it in steps). Kept in the
 * shared view state (`mechanisms.shownColumns`, `ncols=` in the URL) so a shared link shows the
 * same columns; shared through context so the page's export adapter and the matrix on screen
 * apply the same cap. A matrix mounted without a view state (tests) keeps its own.
 */
import { getContext, hasContext, setContext } from 'svelte';
import { useViewStateIfAny, type ViewStateStore } from '$lib/state/view-state.svelte';
import { COLUMN_STEP } from './mechanisms.layout';

const KEY = Symbol('mechanisms-column-limit');

export class ColumnLimit {
	#local = $state(COLUMN_STEP);

	constructor(private readonly store: ViewStateStore | null = null) {}

	get limit(): number {
		return this.store ? this.store.state.mechanisms.shownColumns : this.#local;
	}

	set limit(value: number) {
		if (this.store) this.store.setMechanisms({ shownColumns: value });
		else this.#local = value;
	}

	/** Shows `COLUMN_STEP` more columns (up to `total`). */
	more(total: number): void {
		this.limit = Math.min(Math.max(total, COLUMN_STEP), this.limit + COLUMN_STEP);
	}

	/** Back to the first `COLUMN_STEP` columns. */
	reset(): void {
		this.limit = COLUMN_STEP;
	}
}

/** The column limit of this subtree, created here when no ancestor provides one. */
export function provideColumnLimit(): ColumnLimit {
	if (hasContext(KEY)) return getContext<ColumnLimit>(KEY);
	return setContext(KEY, new ColumnLimit(useViewStateIfAny()));
}
