/**
 * Keyboard navigation between the timeline's marks: along a lane, across lanes, first and last.
 */
import type { TimelineLayout } from './timeline.marks';

export type NavKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End';

/**
 * The mark focus moves to from `current` on a key: ←/→ along the lane in time order, ↑/↓ to the
 * nearest mark in time in the next lane that has any, Home/End to the lane's first/last mark
 * (with `global`: the chart's first/last). Returns `current` at the edges.
 */
export function navigate(
	layout: Pick<TimelineLayout, 'nav' | 'marksById'>,
	current: string,
	key: NavKey,
	global = false
): string {
	const mark = layout.marksById.get(current);
	const lanes = layout.nav;
	if (!mark) return firstMark(layout) ?? current;
	const lane = lanes[mark.laneIndex]!;
	const i = lane.indexOf(current);
	switch (key) {
		case 'ArrowLeft':
			return lane[i - 1] ?? current;
		case 'ArrowRight':
			return lane[i + 1] ?? current;
		case 'Home':
			return global ? (firstMark(layout) ?? current) : (lane[0] ?? current);
		case 'End':
			if (global) {
				for (let l = lanes.length - 1; l >= 0; l--)
					if (lanes[l]!.length) return lanes[l]!.at(-1) as string;
				return current;
			}
			return lane.at(-1) ?? current;
		case 'ArrowUp':
		case 'ArrowDown': {
			const step = key === 'ArrowUp' ? -1 : 1;
			for (let l = mark.laneIndex + step; l >= 0 && l < lanes.length; l += step) {
				const candidates = lanes[l]!;
				if (candidates.length === 0) continue;
				let best = candidates[0]!;
				let bestD = Infinity;
				for (const id of candidates) {
					const d = Math.abs(layout.marksById.get(id)!.cx - mark.cx);
					if (d < bestD) {
						best = id;
						bestD = d;
					}
				}
				return best;
			}
			return current;
		}
	}
}

export function firstMark(layout: Pick<TimelineLayout, 'nav'>): string | null {
	for (const lane of layout.nav) if (lane.length) return lane[0]!;
	return null;
}
