/**
 * The screen's timeline preparation and layout, kept for the inputs they were made from
 * (charts/shared/kept.ts): "show all" after a filter reuses those of every lane.
 */
import { KeptResults } from '$lib/charts/shared/kept';
import type { LayoutOptions, TimelineLayout } from './timeline.marks';
import { layoutTimeline } from './timeline.geometry';
import {
	prepareTimeline,
	type PrepareOptions,
	type PreparedTimeline,
	type TimelineData
} from './timeline.prepare';

const preparations = new KeptResults<PreparedTimeline>();
const layouts = new KeptResults<TimelineLayout>();

/** `prepareTimeline(data, options)`, or the same result made before from the same arrays. */
export function keptPreparation(data: TimelineData, options: PrepareOptions): PreparedTimeline {
	const { groupBy, today, asOf } = options;
	return preparations.get(
		[data.milestones, data.assets, data.programs],
		{ groupBy, today: today.getTime(), asOf },
		() => prepareTimeline(data, options)
	);
}

/** `layoutTimeline(prepared, options)`, or the same layout made before for these inputs. */
export function keptLayout(prepared: PreparedTimeline, options: LayoutOptions): TimelineLayout {
	const { width, window, labelWidth, fitWidth } = options;
	return layouts.get(
		[prepared],
		{ width, start: window.start, end: window.end, labelWidth, fitWidth },
		() => layoutTimeline(prepared, options)
	);
}
