/**
 * The timeline's time window: fit, zoom, pan, and the view-state strings.
 */
import { parsePartialDate } from '$lib/data/dates';
import { DAY, periodEnd, YEAR, type TimeWindow, type PreparedTimeline } from './timeline.prepare';

export const MIN_SPAN = 14 * DAY;
export const MAX_SPAN = 80 * YEAR;

/** The window that fits the data with a small margin (5 years around today when empty). */
export function fitWindow(prepared: Pick<PreparedTimeline, 'extent' | 'today'>): TimeWindow {
	const extent = prepared.extent ?? {
		start: prepared.today - 5 * YEAR,
		end: prepared.today + YEAR
	};
	const span = Math.max(extent.end - extent.start, MIN_SPAN);
	const pad = span * 0.03;
	return { start: extent.start - pad, end: extent.start + span + pad };
}

/** Keeps a window's span within [MIN_SPAN, MAX_SPAN], keeping its centre. */
export function clampWindow(w: TimeWindow): TimeWindow {
	const span = w.end - w.start;
	if (span >= MIN_SPAN && span <= MAX_SPAN) return w;
	const centre = (w.start + w.end) / 2;
	const s = Math.min(Math.max(span, MIN_SPAN), MAX_SPAN);
	return { start: centre - s / 2, end: centre + s / 2 };
}

/** Zooms by `factor` (< 1 zooms in) keeping the time under `anchor` where it is. */
export function zoomWindow(
	w: TimeWindow,
	factor: number,
	anchor = (w.start + w.end) / 2
): TimeWindow {
	const span = w.end - w.start;
	const next = Math.min(Math.max(span * factor, MIN_SPAN), MAX_SPAN);
	const t = span > 0 ? (anchor - w.start) / span : 0.5;
	return { start: anchor - t * next, end: anchor + (1 - t) * next };
}

export function panWindow(w: TimeWindow, deltaMs: number): TimeWindow {
	return { start: w.start + deltaMs, end: w.end + deltaMs };
}

/** "2025-09-11" for a UTC time. */
export function isoDay(t: number): string {
	return new Date(Math.floor(t / DAY) * DAY).toISOString().slice(0, 10);
}

/** The view-state strings for a window: first and last day shown (ISO days). */
export function windowToState(w: TimeWindow): { windowStart: string; windowEnd: string } {
	return { windowStart: isoDay(w.start), windowEnd: isoDay(Math.ceil(w.end / DAY) * DAY - DAY) };
}

/**
 * The window from the view state (partial-date strings, null = fit). A missing or invalid side
 * fits the data; a reversed window is swapped.
 */
export function windowFromState(
	windowStart: string | null,
	windowEnd: string | null,
	fit: TimeWindow
): TimeWindow {
	const s = parsePartialDate(windowStart);
	const e = parsePartialDate(windowEnd);
	let start = s ? s.start.getTime() : fit.start;
	let end = e ? periodEnd(e) : fit.end;
	// A reversed pair of days means the same days the other way round.
	if (s && e && e.end.getTime() < s.start.getTime()) {
		start = e.start.getTime();
		end = periodEnd(s);
	} else [start, end] = [Math.min(start, end), Math.max(start, end)];
	return clampWindow({ start, end });
}
