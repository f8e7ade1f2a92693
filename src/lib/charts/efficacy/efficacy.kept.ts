/**
 * The screen's forest-plot layout, kept for the inputs it was made from (charts/shared/kept.ts):
 * "show all" after a filter reuses the layout of every readout.
 */
import { KeptResults } from '$lib/charts/shared/kept';
import { layoutForest } from './efficacy.layout';
import type { ForestInput, ForestLayout, ForestOptions } from './efficacy.marks';

const layouts = new KeptResults<ForestLayout>();

/** `layoutForest(input, options)`, or the same layout made before from the same arrays. */
export function keptForestLayout(input: ForestInput, options: ForestOptions): ForestLayout {
	return layouts.get([input.readouts, input.trials, input.assets], options, () =>
		layoutForest(input, options)
	);
}
