/**
 * How many asset columns the mechanism matrix shows ("Show more" raises it in steps). Shared
 * through context so the page's export adapter and the matrix on screen apply the same cap: the
 * adapter (created first, in the page) provides it, the matrix reads it, and a matrix mounted
 * without a provider (tests) makes its own. Local UI state for now; a candidate for the shared
 * view state and the URL (`mechanisms.maxColumns`).
 */
import { getContext, hasContext, setContext } from 'svelte';
import { COLUMN_STEP } from './mechanisms.layout';

const KEY = Symbol('mechanisms-column-limit');

export class ColumnLimit {
	limit = $state(COLUMN_STEP);

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
	return setContext(KEY, new ColumnLimit());
}
