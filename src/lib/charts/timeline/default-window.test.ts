import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { validateDataset } from '$lib/data/validate';
import { applyFilters } from '$lib/query/filter';
import { DEFAULT_FILTERS } from '$lib/state/view-state';
import { defaultWindow, eventTimes, trimOutliers } from './default-window';
import { DAY, fitWindow, prepareTimeline, type PreparedTimeline } from './timeline.layout';

const YEAR = 365.25 * DAY;
const t = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const year = (time: number) => new Date(time).getUTCFullYear();

describe('trimOutliers', () => {
	it.each([
		['nothing isolated', [2018, 2019, 2020, 2021, 2022], 0, 4],
		[
			'one early outlier of 11',
			[2010, 2018, 2018.5, 2019, 2019, 2020, 2020, 2021, 2021, 2022, 2022],
			1,
			10
		],
		[
			'a late gap of exactly two years isolates',
			[2018, 2018.5, 2019, 2019, 2020, 2020, 2021, 2021, 2022, 2022, 2024],
			0,
			9
		],
		[
			'one late outlier of 11',
			[2018, 2018.5, 2019, 2019, 2020, 2020, 2021, 2021, 2022, 2022, 2030],
			0,
			9
		],
		['too few events to leave any out', [2010, 2018, 2019, 2020], 0, 3],
		[
			'a gap of exactly two years isolates',
			[2016, 2018, 2018.5, 2019, 2019, 2020, 2020, 2021, 2021, 2022, 2022],
			1,
			10
		],
		[
			'a gap under two years is kept',
			[2016.5, 2018, 2018.5, 2019, 2019, 2020, 2020, 2021, 2021, 2022, 2022],
			0,
			10
		],
		[
			'two early outliers of 20 (10%)',
			[2005, 2006, ...Array.from({ length: 18 }, (_, i) => 2015 + i / 3)],
			2,
			19
		]
	])('%s', (_name, years, first, last) => {
		const times = (years as number[]).map((y) => (y - 1970) * YEAR);
		expect(trimOutliers(times, 0.1, 2 * YEAR)).toEqual({ first, last });
	});
});

function preparedWith(milestones: string[], asOf: string | null = null): PreparedTimeline {
	const mids = milestones.map(t);
	return {
		lanes: [{ milestones: mids.map((mid) => ({ mid })), phases: [] }],
		extent: { start: Math.min(...mids), end: Math.max(...mids) },
		today: t('2026-10-01'),
		asOf: asOf ? { time: t(asOf), label: asOf } : null
	} as unknown as PreparedTimeline;
}

describe('eventTimes', () => {
	it('lists milestone midpoints and phase starts of every lane, in time order', () => {
		const prepared = {
			lanes: [
				{ milestones: [{ mid: 30 }, { mid: 10 }], phases: [{ start: 25 }] },
				{ milestones: [{ mid: 5 }], phases: [{ start: 40 }, { start: 20 }] }
			]
		} as unknown as PreparedTimeline;
		expect(eventTimes(prepared)).toEqual([5, 10, 20, 25, 30, 40]);
	});
});

describe('trimOutliers with a large share', () => {
	it('keeps at least the last run when every gap isolates', () => {
		expect(trimOutliers([0, 10, 20, 30], 0.5, 5)).toEqual({ first: 2, last: 2 });
	});
});

describe('defaultWindow', () => {
	it.each([
		// [case, milestones, as-of, first year shown, last year shown]
		[
			'events 2019–2025 with an isolated 2012 one',
			[
				'2012-06-01',
				'2019-01-01',
				'2019-06-01',
				'2020-01-01',
				'2020-06-01',
				'2021-01-01',
				'2022-01-01',
				'2023-01-01',
				'2024-01-01',
				'2025-01-01',
				'2025-06-01'
			],
			null,
			2018,
			2025
		],
		[
			'reaches the as-of date',
			['2019-01-01', '2020-01-01', '2021-01-01', '2022-01-01', '2023-01-01'],
			'2024-09-01',
			2018,
			2024
		],
		['a single event gets two years around it', ['2024-06-01'], null, 2023, 2025],
		[
			'a last event under two years after the rest is kept',
			[
				'2019-01-01',
				'2019-06-01',
				'2020-01-01',
				'2020-06-01',
				'2021-01-01',
				'2021-06-01',
				'2022-01-01',
				'2022-06-01',
				'2023-01-01',
				'2023-02-01',
				'2024-06-01'
			],
			null,
			2018,
			2024
		],
		[
			'an as-of date far beyond the events is not stretched to',
			['2010-01-01', '2011-01-01'],
			'2020-01-01',
			2009,
			2011
		]
	])('%s', (_name, milestones, asOf, from, to) => {
		const w = defaultWindow(preparedWith(milestones as string[], asOf as string | null));
		expect([year(w.start), year(w.end)]).toEqual([from, to]);
	});

	it('does not pull the end back to an as-of date before the last event', () => {
		const w = defaultWindow(
			preparedWith(['2019-01-01', '2020-01-01', '2021-01-01', '2022-06-01'], '2021-06-01')
		);
		expect(w.end).toBeGreaterThan(t('2022-06-01'));
	});

	it('does not reach an as-of date three years after the last event', () => {
		const prepared = {
			lanes: [{ milestones: [{ mid: 0 }, { mid: 2 * YEAR }], phases: [] }],
			extent: { start: 0, end: 2 * YEAR },
			today: 0,
			asOf: { time: 5 * YEAR, label: '' }
		} as unknown as PreparedTimeline;
		expect(defaultWindow(prepared).end).toBeCloseTo(2 * YEAR * 1.03);
	});

	it('pads the events by 3% of their span on each side', () => {
		const w = defaultWindow(preparedWith(['2010-01-01', '2020-01-01']));
		const span = t('2020-01-01') - t('2010-01-01');
		expect(w.start).toBeCloseTo(t('2010-01-01') - span * 0.03);
		expect(w.end).toBeCloseTo(t('2020-01-01') + span * 0.03);
	});

	it('takes its share, gap and shortest span from the options', () => {
		const prepared = preparedWith(['2010-01-01', '2019-01-01', '2020-01-01']);
		const w = defaultWindow(prepared, { share: 0.5, gap: 5 * YEAR, minSpan: 4 * YEAR });
		// 2010 is left out; the remaining year is widened to four around its centre.
		expect(w.end - w.start).toBeCloseTo(4 * YEAR * 1.06);
		expect((w.start + w.end) / 2).toBeCloseTo((t('2019-01-01') + t('2020-01-01')) / 2);
	});

	it('without events, fits as before', () => {
		const empty = { lanes: [], extent: null, today: t('2026-10-01'), asOf: null };
		expect(defaultWindow(empty)).toEqual(fitWindow(empty));
	});

	it('opens the HER2 timeline on the years with events, not on 2011–2027', () => {
		const raw = JSON.parse(readFileSync('static/data/her2.json', 'utf8'));
		const result = validateDataset(raw, 'her2.json');
		if (!result.ok) throw new Error('her2.json does not validate');
		const prepared = prepareTimeline(applyFilters(result.model, DEFAULT_FILTERS), {
			groupBy: 'asset',
			today: new Date('2026-10-01T00:00:00Z'),
			asOf: result.model.dataset.meta.asOf
		});
		const fit = fitWindow(prepared);
		const w = defaultWindow(prepared);
		expect(w.end - w.start).toBeLessThan((fit.end - fit.start) * 0.75);
		expect(year(w.start)).toBeGreaterThanOrEqual(2017);
		expect(w.end).toBeGreaterThanOrEqual(prepared.asOf!.time);
	});
});
