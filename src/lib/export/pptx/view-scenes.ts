/**
 * A view as native chart slides, from the dataset and the view state alone: the same filters,
 * the same layout functions and the same row and column limits as the screen. Pure, so the
 * share panel, the deck render script and the tests all make the same slides.
 */
import { layoutForestPages } from '$lib/charts/efficacy/efficacy.layout';
import { layoutMatrix } from '$lib/charts/mechanisms/mechanisms.layout';
import { defaultWindow } from '$lib/charts/timeline/default-window';
import { prepareTimeline, windowFromState } from '$lib/charts/timeline/timeline.layout';
import type { DatasetModel } from '$lib/data/model';
import { applyFilters } from '$lib/query/filter';
import type { ViewState } from '$lib/state/view-state';
import type { ExportableView } from '../chart-export';
import { forestScenes } from './forest-slides';
import { matrixScenes } from './matrix-slides';
import { SLIDE_CHART_PX, type ChartScene } from './scene';
import { timelineScenes } from './timeline-slides';

export function viewScenes(
	view: ExportableView,
	model: DatasetModel,
	state: ViewState,
	today: Date
): ChartScene[] {
	const filtered = applyFilters(model, state.filters);
	switch (view) {
		case 'timeline': {
			const prepared = prepareTimeline(filtered, {
				groupBy: state.timeline.groupBy,
				today,
				asOf: model.dataset.meta.asOf
			});
			const window = windowFromState(
				state.timeline.windowStart,
				state.timeline.windowEnd,
				defaultWindow(prepared)
			);
			return timelineScenes(prepared, window);
		}
		case 'efficacy': {
			const pages = layoutForestPages(
				filtered,
				{
					...state.efficacy,
					width: SLIDE_CHART_PX.width,
					rowLimits: state.efficacy.shownRows
				},
				SLIDE_CHART_PX.height
			);
			return forestScenes(pages, new Set(pages.map((p) => p.family)).size > 1);
		}
		case 'mechanisms': {
			const layout = layoutMatrix(filtered, {
				...state.mechanisms,
				maxColumns: state.mechanisms.shownColumns,
				keep: state.filters.assets
			});
			return matrixScenes(layout, { highlight: state.mechanisms.highlightDifferences });
		}
	}
}
