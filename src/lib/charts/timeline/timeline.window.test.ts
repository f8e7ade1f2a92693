import { describe, expect, it } from 'vitest';
import { DAY, YEAR } from './timeline.prepare';
import {
	clampWindow,
	fitWindow,
	isoDay,
	MAX_SPAN,
	MIN_SPAN,
	windowFromState,
	windowToState,
	zoomWindow
} from './timeline.window';

const t = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe('fitWindow', () => {
	it('pads the data’s extent by 3% on each side', () => {
		const w = fitWindow({ extent: { start: 0, end: 100 * DAY }, today: 0 });
		expect(w.start).toBeCloseTo(-3 * DAY);
		expect(w.end).toBeCloseTo(103 * DAY);
	});

	it('widens an extent shorter than two weeks to two weeks, from its start', () => {
		const w = fitWindow({ extent: { start: 0, end: DAY }, today: 0 });
		expect(w.start).toBeCloseTo(-0.42 * DAY);
		expect(w.end).toBeCloseTo(14.42 * DAY);
	});

	it('without data, shows the five years before today and the year after', () => {
		const today = t('2026-11-22');
		const w = fitWindow({ extent: null, today });
		expect((today - w.start) / YEAR).toBeCloseTo(5.18);
		expect((w.end - today) / YEAR).toBeCloseTo(1.18);
	});
});

describe('clampWindow', () => {
	const at = (span: number) => ({ start: 1000 * DAY, end: 1000 * DAY + span });
	it.each([
		['two weeks', MIN_SPAN],
		['a year', YEAR],
		['eighty years', MAX_SPAN]
	])('keeps a window of %s as it is', (_name, span) => {
		const w = at(span);
		expect(clampWindow(w)).toBe(w);
	});

	it.each([
		['a day', DAY, MIN_SPAN],
		['a century', 100 * YEAR, MAX_SPAN]
	])('brings a window of %s within bounds around its centre', (_name, span, clamped) => {
		const w = clampWindow(at(span));
		expect(w.end - w.start).toBeCloseTo(clamped);
		expect((w.start + w.end) / 2).toBeCloseTo(1000 * DAY + span / 2);
	});
});

describe('zoomWindow', () => {
	const w = { start: t('2020-01-01'), end: t('2030-01-01') };
	it('zooms about the centre by default', () => {
		const z = zoomWindow(w, 0.5);
		const span = w.end - w.start;
		expect(z).toEqual({ start: w.start + span / 4, end: w.end - span / 4 });
	});

	it('never zooms out past eighty years', () => {
		const z = zoomWindow(w, 1000);
		expect(z.end - z.start).toBeCloseTo(MAX_SPAN);
	});

	it('opens an empty window to two weeks around it', () => {
		expect(zoomWindow({ start: 5 * DAY, end: 5 * DAY }, 2)).toEqual({
			start: -2 * DAY,
			end: 12 * DAY
		});
	});
});

describe('view-state days', () => {
	it('names the UTC day a time falls in', () => {
		expect(isoDay(t('2025-09-11') + 23 * 3600_000)).toBe('2025-09-11');
		expect(isoDay(-1)).toBe('1969-12-31');
	});

	it('writes the last day shown: a window ending at midnight ends the day before', () => {
		expect(windowToState({ start: t('2020-01-01'), end: t('2020-02-01') })).toEqual({
			windowStart: '2020-01-01',
			windowEnd: '2020-01-31'
		});
		expect(windowToState({ start: t('2020-01-01'), end: t('2020-02-01') + 3600_000 })).toEqual({
			windowStart: '2020-01-01',
			windowEnd: '2020-02-01'
		});
	});

	const fit = { start: t('2020-01-01'), end: t('2025-01-01') };
	it.each([
		['only a start', '2021-06', null, { start: t('2021-06-01'), end: fit.end }],
		['only an end', null, '2022', { start: fit.start, end: t('2023-01-01') }],
		[
			'a reversed pair of periods',
			'2025',
			'2020-06',
			{ start: t('2020-06-01'), end: t('2026-01-01') }
		],
		['overlapping periods', '2020', '2020-06', { start: t('2020-01-01'), end: t('2020-07-01') }],
		['a start after the fitted end', '2030-01-01', null, { start: fit.end, end: t('2030-01-01') }],
		['nothing readable', 'soon', 'later', fit]
	])('reads %s', (_name, start, end, expected) => {
		expect(windowFromState(start, end, fit)).toEqual(expected);
	});

	it('reads a start on the last day of the end’s period as that one day, not reversed', () => {
		const w = windowFromState('2020-12-31', '2020', fit);
		expect(w.end - w.start).toBe(MIN_SPAN);
		expect((w.start + w.end) / 2).toBe(t('2020-12-31') + DAY / 2);
	});

	it('reads the same day twice as a two-week window around it', () => {
		const w = windowFromState('2020-06-01', '2020-06-01', fit);
		expect(w.end - w.start).toBe(MIN_SPAN);
		expect((w.start + w.end) / 2).toBe(t('2020-06-01') + DAY / 2);
	});
});
