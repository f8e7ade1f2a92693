/**
 * The window the timeline opens on: where the events are, not the whole extent. A dataset whose
 * events cluster in 2019–2026 but with one 2012 filing and phase bars reaching back would
 * otherwise open on 2011–2027 with most of it empty. Pure.
 *
 * Rule: the shortest span holding `share` (90%) of the dated events (milestones and phase starts),
 * widened to at least `minSpan` (2 years) around its centre, then to reach the as-of date when
 * that is later (what "now" means for the data), then padded by 3% on each side. With fewer than
 * five events every event counts. No events: the fitted window (5 years back, 1 ahead of today).
 */
import {
	DAY,
	fitWindow,
	type PreparedTimeline,
	type TimeWindow
} from './timeline.layout';

const YEAR = 365.25 * DAY;

export interface DefaultWindowOptions {
	share?: number;
	minSpan?: number;
}

/** Times of the events drawn: milestone midpoints and phase starts (sorted). */
export function eventTimes(prepared: Pick<PreparedTimeline, 'lanes'>): number[] {
	const times: number[] = [];
	for (const lane of prepared.lanes) {
		for (const m of lane.milestones) times.push(m.mid);
		for (const ph of lane.phases) times.push(ph.start);
	}
	return times.sort((a, b) => a - b);
}

/** The shortest interval [times[i], times[i + k - 1]] holding k of the sorted times. */
export function densestSpan(sorted: readonly number[], k: number): TimeWindow | null {
	if (sorted.length === 0) return null;
	const n = Math.min(Math.max(1, k), sorted.length);
	let best: TimeWindow | null = null;
	for (let i = 0; i + n - 1 < sorted.length; i++) {
		const start = sorted[i]!;
		const end = sorted[i + n - 1]!;
		if (!best || end - start < best.end - best.start) best = { start, end };
	}
	return best;
}

export function defaultWindow(
	prepared: Pick<PreparedTimeline, 'lanes' | 'extent' | 'today' | 'asOf'>,
	options: DefaultWindowOptions = {}
): TimeWindow {
	const share = options.share ?? 0.9;
	const minSpan = options.minSpan ?? 2 * YEAR;
	const times = eventTimes(prepared);
	if (times.length === 0) return fitWindow(prepared);
	const k = times.length < 5 ? times.length : Math.ceil(times.length * share);
	let { start, end } = densestSpan(times, k)!;
	if (end - start < minSpan) {
		const centre = (start + end) / 2;
		start = centre - minSpan / 2;
		end = centre + minSpan / 2;
	}
	const asOf = prepared.asOf?.time;
	if (asOf !== undefined && asOf > end && asOf - end < 3 * YEAR) end = asOf;
	const pad = (end - start) * 0.03;
	return { start: start - pad, end: end + pad };
}
