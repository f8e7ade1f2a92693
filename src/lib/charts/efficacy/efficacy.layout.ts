/**
 * The forest plot's layout: filtered readouts (+ trials, assets, options, width) → positioned
 * marks, one panel per endpoint family. Pure: no DOM, no runes. The on-screen chart and the
 * SVG/PNG/PPTX exports draw from this, so they cannot disagree.
 *
 * A panel, top to bottom: title, column headers, then per group (setting or asset) a header, per
 * endpoint a sub-header, then one row per readout (trial × arm × population × endpoint); then the
 * x axis (with "favours" labels for hazard ratios) and a legend (shapes by arm role, point area by
 * n, † computed CI, ‡ reported CI differs from exact).
 *
 * The work is split along its seams: vocabulary (efficacy.vocab), columns and geometry
 * (efficacy.columns), axes and size scale (efficacy.axis), mark types (efficacy.marks), order
 * (efficacy.sort), row marks (efficacy.rows), legend (efficacy.legend), panels (efficacy.panel)
 * and pages (efficacy.pages). This module assembles the plot and is the one import for callers.
 */
import type { ForestInput, ForestLayout, ForestOptions } from './efficacy.marks';
import { placePanel, planForest } from './efficacy.panel';
import { shownPhrase } from './efficacy.limits';
import { FAMILY_TITLES } from './efficacy.vocab';
import { stretchForest } from './efficacy.stretch';

export * from './efficacy.vocab';
export * from './efficacy.columns';
export * from './efficacy.axis';
export * from './efficacy.marks';
export * from './efficacy.limits';
export * from './efficacy.legend';
export * from './efficacy.text';
export * from './efficacy.pages';
export { readoutsPerFamily, selectReadouts } from './efficacy.panel';

/**
 * The whole forest plot: one panel per selected family that has readouts. With `fitWidth` below
 * `width`, laid out at `fitWidth` and stretched (efficacy.stretch.ts), its rows in columns or
 * stacked alike.
 */
export function layoutForest(input: ForestInput, options: ForestOptions): ForestLayout {
	const { fitWidth, ...rest } = options;
	if (fitWidth === undefined || options.width <= fitWidth) return layoutAtWidth(input, rest);
	return stretchForest(layoutAtWidth(input, { ...rest, width: fitWidth }), options.width);
}

function layoutAtWidth(input: ForestInput, options: ForestOptions): ForestLayout {
	const { plans, shown, availableEndpoints, trialIds } = planForest(input, options);
	const panels = plans.map((plan) =>
		placePanel(
			plan,
			plan.shown,
			FAMILY_TITLES[plan.family],
			shownPhrase(plan.family, plan.shown.length, plan.entries.length)
		)
	);
	const drawn = panels.flatMap((p) => p.rows.map((r) => r.readout));
	const drawnTrials = [...new Set(drawn.map((r) => r.trial))].sort();
	return {
		width: options.width,
		panels,
		trialIds,
		crossTrial: trialIds.length > 1,
		rowCount: shown.length,
		drawnCount: drawn.length,
		drawnTrialIds: drawnTrials,
		availableEndpoints
	};
}
