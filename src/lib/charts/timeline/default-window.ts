/**
 * The window the timeline opens on: where the events are, not the whole extent. A dataset whose
 * events run 2018–2026 but with one 2012 milestone would otherwise open on 2011–2027 with a third
 * of it empty. Pure.
 *
 * Rule: the span of the dated events (milestones and phase starts), leaving out isolated events
 * at either end — at most `share` (10%) of them, each run separated from the rest by a gap of at
 * least `gap` (2 years); widened to at least `minSpan` (2 years) around its centre; extended to the
 * as-of date when that is later (what "now" means for the data); padded by 3% on each side. Bars
 * reaching outside the window are drawn clipped, and "All" shows everything. No events: the
 * fitted window.
 */
import { DAY, fitWindow, type PreparedTimeline, type TimeWindow } from './timeline.layout';

const YEAR = 365.25 * DAY;

export interface DefaultWindowOptions {
	/** At most this share of the events may be left out as outliers. */
	share?: number;
	/** An outlier is separated from the rest by at least this (ms). */
	gap?: number;
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

/** The first and last index to keep: isolated runs at either end are left out. */
export function trimOutliers(
	sorted: readonly number[],
	share: number,
	gap: number
): { first: number; last: number } {
	const n = sorted.length;
	const most = Math.floor(n * share);
	let first = 0;
	for (let i = 1; i <= most; i++) if (sorted[i]! - sorted[i - 1]! >= gap) first = i;
	let last = n - 1;
	// Stryker disable next-line ArithmeticOperator: starting past the end only compares missing times (NaN), which never isolates
	const lastGap = n - 2;
	for (let i = lastGap; i >= n - 1 - most; i--)
		if (i >= first && sorted[i + 1]! - sorted[i]! >= gap) last = i;
	return { first, last };
}

export function defaultWindow(
	prepared: Pick<PreparedTimeline, 'lanes' | 'extent' | 'today' | 'asOf'>,
	options: DefaultWindowOptions = {}
): TimeWindow {
	const share = options.share ?? 0.1;
	const gap = options.gap ?? 2 * YEAR;
	const minSpan = options.minSpan ?? 2 * YEAR;
	const times = eventTimes(prepared);
	if (times.length === 0) return fitWindow(prepared);
	const { first, last } = trimOutliers(times, share, gap);
	let start = times[first]!;
	let end = times[last]!;
	// At least minSpan, around the same centre.
	const centre = (start + end) / 2;
	const half = Math.max(end - start, minSpan) / 2;
	start = centre - half;
	end = centre + half;
	// Extended to an as-of date less than three years after it (what "now" means for the data).
	const asOf = prepared.asOf?.time ?? end;
	if (asOf - end < 3 * YEAR) end = Math.max(end, asOf);
	const pad = (end - start) * 0.03;
	return { start: start - pad, end: end + pad };
}
