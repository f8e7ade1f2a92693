/**
 * The matrix as the screen shows it (shared filters, mechanisms options, the column cap), laid out
 * once per change and shared through context: the controls print how many rows differ next to
 * their toggle, the matrix draws the same layout. Provided by the page's export adapter (so the
 * controls and the matrix, siblings, share it) or by the matrix when mounted alone.
 */
import { getContext, hasContext, setContext } from 'svelte';
import { KeptResults } from '$lib/charts/shared/kept';
import { useViewState, type ViewStateStore } from '$lib/state/view-state.svelte';
import { provideColumnLimit, type ColumnLimit } from './column-limit.svelte';
import { layoutMatrix, type MatrixLayout } from './mechanisms.layout';

const KEY = Symbol('mechanisms-matrix-layout');

/** Layouts kept for their input tables and options: "show all" reuses that of every asset. */
const layouts = new KeptResults<MatrixLayout>();

export class MatrixLayoutModel {
	readonly #view: ViewStateStore;
	readonly #limit: ColumnLimit;
	readonly #layout: MatrixLayout = $derived.by(() => {
		const input = this.#view.filtered;
		const options = {
			...this.#view.state.mechanisms,
			maxColumns: this.#limit.limit,
			keep: this.#view.state.filters.assets
		};
		const { assets, programs, milestones, readouts, deals, trials } = input;
		return layouts.get([assets, programs, milestones, readouts, deals, trials], options, () =>
			layoutMatrix(input, options)
		);
	});

	constructor(view: ViewStateStore, limit: ColumnLimit) {
		this.#view = view;
		this.#limit = limit;
	}

	get layout(): MatrixLayout {
		return this.#layout;
	}
}

/** The shared matrix layout of this subtree, created here when no ancestor provides one. */
export function provideMatrixLayout(): MatrixLayoutModel {
	if (hasContext(KEY)) return getContext<MatrixLayoutModel>(KEY);
	return setContext(KEY, new MatrixLayoutModel(useViewState(), provideColumnLimit()));
}
