import { describe, expect, it } from 'vitest';
import {
	DAY,
	assignRows,
	clampWindow,
	fitWindow,
	GEOMETRY,
	layoutTimeline,
	MIN_SPAN,
	navigate,
	panWindow,
	prepareTimeline,
	shortIndication,
	START_NOT_REPORTED,
	textWidth,
	timeTicks,
	windowFromState,
	windowToState,
	zoomWindow,
	type GroupBy,
	type PreparedPhase,
	type TimelineData
} from './timeline.layout';
import { asset, milestone, program, type PhaseIn } from './test-fixtures';

const t = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const TODAY = new Date('2026-11-22T10:00:00Z');

function data(): TimelineData {
	return {
		assets: [asset('kn026'), asset('zani'), asset('tras', 'comparator')],
		programs: [
			program('kn-gc', 'kn026', [
				{ phase: 'phase 2', start: null, knownBy: '2019-Q4' },
				{ phase: 'phase 3', start: '2021-08' },
				{ phase: 'filed', start: '2025-09-11' }
			]),
			program('kn-bc', 'kn026', [{ phase: 'phase 2', start: '2020-06' }], {
				indicationGroup: 'breast'
			}),
			program('zani-gc', 'zani', [{ phase: 'phase 3', start: '2021-Q4' }]),
			program('tras-gc', 'tras', [{ phase: 'approved', start: '2010-10-20' }])
		],
		milestones: [
			milestone('a', 'kn026', 'kn-gc', '2025-09-11', { type: 'acceptance', agency: 'NMPA' }),
			milestone('b', 'kn026', 'kn-gc', '2021-09', {
				type: 'designation',
				designation: 'breakthrough-therapy'
			}),
			milestone('c', 'kn026', null, '2021-Q3', { type: 'deal' }),
			milestone('d', 'zani', 'zani-gc', '2026-Q4', { status: 'expected', dateEnd: '2027-Q1' }),
			milestone('e', 'tras', 'tras-gc', '2010-10-20', { type: 'approval', agency: 'FDA' }),
			// Its program is filtered out: it must still be shown, in the corporate lane.
			milestone('f', 'zani', 'zani-btc', '2024-11-20', { type: 'approval' })
		]
	};
}

const prep = (groupBy: GroupBy = 'asset', d = data()) =>
	prepareTimeline(d, { groupBy, today: TODAY, asOf: '2026-09' });

describe('prepareTimeline: lanes', () => {
	it('makes one lane per program plus a corporate lane per asset with unassigned milestones', () => {
		const p = prep();
		expect(p.lanes.map((l) => l.id)).toEqual([
			'lane:kn-gc',
			'lane:kn-bc',
			'lane:corporate:kn026',
			'lane:zani-gc',
			'lane:corporate:zani',
			'lane:tras-gc'
		]);
		expect(p.milestoneCount).toBe(6);
	});

	it.each([
		['asset', ['KN026', 'ZANI'], ['TRAS']],
		['indication', ['Gastric', 'Breast', 'Corporate / other'], ['Gastric']]
	] as const)('groups by %s, comparators in their own section', (groupBy, focus, comparators) => {
		const p = prep(groupBy);
		expect(p.sections.map((s) => s.heading)).toEqual(['Focus assets', 'Comparators']);
		expect(p.sections[0]!.groups.map((g) => g.label)).toEqual(focus);
		expect(p.sections[1]!.groups.map((g) => g.label)).toEqual(comparators);
	});

	it('labels a lane with asset, indication, line and region', () => {
		const lane = prep().lanes[0]!;
		expect(lane.title).toBe('KN026 · gastric cancer');
		expect(lane.subtitle).toBe('2L · HER2+ · China');
		expect(lane.name).toBe('KN026 · gastric cancer 2L China');
	});
});

describe('prepareTimeline: phases', () => {
	const phases = () => prep().lanes[0]!.phases;
	it.each([
		// index, start, end, endKind, spanText
		[
			0,
			'2019-10-01',
			'2021-08-01',
			'next',
			'start not reported; under way by Q4 2019 – Aug 2021 (next phase)'
		],
		[1, '2021-08-01', '2025-09-11', 'next', 'Aug 2021 – 11 Sep 2025 (next phase)'],
		[2, '2025-09-11', '2026-11-22', 'ongoing', '11 Sep 2025 – ongoing']
	])('phase %i runs %s → %s (%s)', (i, start, end, endKind, spanText) => {
		const ph = phases()[i]!;
		expect(ph.start).toBe(t(start));
		expect(ph.end).toBe(t(end));
		expect(ph.endKind).toBe(endKind);
		expect(ph.spanText).toBe(spanText);
	});

	it('marks an unknown start and a coarse start period', () => {
		const [p2, p3, filed] = phases() as [PreparedPhase, PreparedPhase, PreparedPhase];
		expect(p2.startUnknown).toBe(true);
		expect(p3.startPeriod).toEqual({
			start: t('2021-08-01'),
			end: t('2021-09-01'),
			precision: 'month'
		});
		expect(filed.startPeriod).toBeNull();
	});

	it.each([
		[
			'an own end before the next start wins',
			[
				{ phase: 'phase 1', start: '2021-03', end: '2023-06' },
				{ phase: 'phase 3', start: '2023-H2' }
			],
			'end',
			t('2023-07-01')
		],
		[
			'an own end after the next start is cut there',
			[
				{ phase: 'phase 1', start: '2021', end: '2024' },
				{ phase: 'phase 3', start: '2023-H2' }
			],
			'next',
			t('2023-07-01')
		],
		[
			'a discontinued program ends at its last evidence',
			[{ phase: 'phase 1', start: '2021' }],
			'discontinued',
			t('2022-01-01')
		]
	])('%s', (_name, phaseList, endKind, end) => {
		const d = data();
		const p = program('x', 'kn026', phaseList as PhaseIn[], {
			status: endKind === 'discontinued' ? 'discontinued' : 'active'
		});
		const prepared = prepareTimeline(
			{ assets: d.assets, programs: [p], milestones: [milestone('m', 'kn026', 'x', '2021-12')] },
			{ groupBy: 'asset', today: TODAY, asOf: null }
		);
		const first = prepared.lanes[0]!.phases[0]!;
		expect(first.endKind).toBe(endKind);
		expect(first.end).toBe(end);
	});
});

describe('prepareTimeline: milestone dates keep their precision', () => {
	it.each([
		['2025-09-11', null, t('2025-09-11') + DAY / 2, false, '11 Sep 2025'],
		['2025-09', null, t('2025-09-16'), true, 'Sep 2025 (month precision)'],
		['2025-Q3', null, (t('2025-07-01') + t('2025-10-01')) / 2, true, 'Q3 2025 (quarter precision)'],
		[
			'2025-H2',
			null,
			(t('2025-07-01') + t('2026-01-01')) / 2,
			true,
			'H2 2025 (half-year precision)'
		],
		['2025', null, (t('2025-01-01') + t('2026-01-01')) / 2, true, '2025 (year precision)'],
		[
			'2026-Q4',
			'2027-Q1',
			(t('2026-10-01') + t('2027-04-01')) / 2,
			true,
			'Q4 2026 – Q1 2027 (window)'
		]
	])('%s (to %s) sits at its midpoint', (date, dateEnd, mid, approximate, text) => {
		const d = data();
		const prepared = prepareTimeline(
			{
				assets: d.assets,
				programs: [],
				milestones: [milestone('m', 'kn026', null, date, { dateEnd })]
			},
			{ groupBy: 'asset', today: TODAY, asOf: null }
		);
		const m = prepared.lanes[0]!.milestones[0]!;
		expect(m.mid).toBe(mid);
		expect(m.approximate).toBe(approximate);
		expect(m.dateText).toBe(text);
	});
});

describe('milestone spans', () => {
	const prepared = (date: string, dateEnd: string | null) => {
		const d = data();
		return prepareTimeline(
			{
				assets: d.assets,
				programs: [],
				milestones: [milestone('m', 'kn026', null, date, { dateEnd })]
			},
			{ groupBy: 'asset', today: TODAY, asOf: null }
		).lanes[0]!.milestones[0]!;
	};

	it.each([
		['a known day covers that day', '2025-03-01', null, '2025-03-01', '2025-03-02'],
		[
			'a window of days covers every day of it',
			'2025-03-01',
			'2025-03-10',
			'2025-03-01',
			'2025-03-11'
		],
		['a window of months covers both months', '2025-03', '2025-04', '2025-03-01', '2025-05-01'],
		['a quarter', '2025-Q2', null, '2025-04-01', '2025-07-01']
	])('%s', (_name, date, dateEnd, start, end) => {
		const m = prepared(date, dateEnd);
		expect(m.spanStart).toBe(t(start));
		expect(m.spanEnd).toBe(t(end));
		expect(m.mid).toBe((t(start) + t(end)) / 2);
	});

	it('a day-precise window is drawn as a window, a single day is not', () => {
		expect(prepared('2025-03-01', '2025-03-10').approximate).toBe(true);
		expect(prepared('2025-03-01', null).approximate).toBe(false);
	});
});

describe('assignRows', () => {
	it.each([
		[
			'no overlap',
			[
				[0, 10],
				[20, 30],
				[40, 50]
			],
			[0, 0, 0],
			1
		],
		[
			'touching is overlap',
			[
				[0, 10],
				[10, 20]
			],
			[0, 1],
			2
		],
		[
			'three stacked',
			[
				[0, 30],
				[5, 35],
				[10, 40]
			],
			[0, 1, 2],
			3
		],
		[
			'a freed row is reused, lowest first',
			[
				[0, 10],
				[2, 30],
				[12, 20],
				[25, 40]
			],
			[0, 1, 0, 0],
			2
		],
		['empty', [], [], 0]
	])('%s', (_name, intervals, rows, count) => {
		const result = assignRows(intervals.map(([left, right]) => ({ left: left!, right: right! })));
		expect(result.rows).toEqual(rows);
		expect(result.count).toBe(count);
	});
});

describe('timeTicks', () => {
	it.each([
		['2000-01-01', '2030-01-01', 'year', '2000'],
		['2020-01-01', '2024-01-01', 'half', 'H1 2020'],
		['2024-01-01', '2025-01-01', 'month', 'Jan 2024'],
		['2024-03-01', '2024-03-08', 'day', '1 Mar 2024'],
		['2024-03-01', '2024-06-01', 'week', '4 Mar 2024']
	])('%s → %s over 1000 px: %s ticks', (from, to, kind, firstLabel) => {
		const { kind: k, ticks } = timeTicks({ start: t(from), end: t(to) }, 0, 1000);
		expect(k).toBe(kind);
		expect(ticks[0]!.label).toBe(firstLabel);
		for (let i = 1; i < ticks.length; i++)
			expect(ticks[i]!.x - ticks[i - 1]!.x).toBeGreaterThanOrEqual(60);
	});

	it('labels quarters and marks years major', () => {
		const { kind, ticks } = timeTicks({ start: t('2024-01-01'), end: t('2026-01-01') }, 0, 700);
		expect(kind).toBe('quarter');
		expect(ticks.map((x) => x.label)).toEqual([
			'Q1 2024',
			'Q2',
			'Q3',
			'Q4',
			'Q1 2025',
			'Q2',
			'Q3',
			'Q4',
			'Q1 2026'
		]);
		expect(ticks.filter((x) => x.major).length).toBe(3);
	});
});

describe('windows', () => {
	const w = { start: t('2020-01-01'), end: t('2030-01-01') };
	it('zooming keeps the anchor in place', () => {
		const anchor = t('2022-01-01');
		const z = zoomWindow(w, 0.5, anchor);
		expect((anchor - z.start) / (z.end - z.start)).toBeCloseTo(
			(anchor - w.start) / (w.end - w.start)
		);
		expect(z.end - z.start).toBe((w.end - w.start) / 2);
	});
	it('never zooms below the minimum span', () => {
		expect(zoomWindow(w, 1e-9).end - zoomWindow(w, 1e-9).start).toBe(MIN_SPAN);
		expect(
			clampWindow({ start: 0, end: DAY }).end - clampWindow({ start: 0, end: DAY }).start
		).toBe(MIN_SPAN);
	});
	it('pans by a time delta', () => {
		expect(panWindow(w, DAY)).toEqual({ start: w.start + DAY, end: w.end + DAY });
	});
	it.each([
		[{ windowStart: '2020-01-01', windowEnd: '2029-12-31' }, w],
		[{ windowStart: '2020', windowEnd: '2029' }, w],
		[
			{ windowStart: null, windowEnd: null },
			{ start: 1, end: 2 + MIN_SPAN }
		],
		[{ windowStart: '2029-12-31', windowEnd: '2020-01-01' }, w]
	])('reads the view state %o', (state, expected) => {
		expect(
			windowFromState(state.windowStart, state.windowEnd, { start: 1, end: 2 + MIN_SPAN })
		).toEqual(expected);
	});
	it('writes ISO days that read back to the same days', () => {
		const s = windowToState({ start: t('2020-01-01') + 3600_000, end: t('2030-01-01') - 3600_000 });
		expect(s).toEqual({ windowStart: '2020-01-01', windowEnd: '2029-12-31' });
		expect(windowFromState(s.windowStart, s.windowEnd, w)).toEqual(w);
	});
});

describe('layoutTimeline', () => {
	const fitted = (groupBy: GroupBy = 'asset', d = data(), width = 1200) => {
		const p = prep(groupBy, d);
		return layoutTimeline(p, { width, window: fitWindow(p) });
	};

	it('draws every milestone and every dated phase when the window fits the data', () => {
		const l = fitted();
		expect(l.glyphs).toHaveLength(6);
		expect(l.bars).toHaveLength(6);
		expect(l.lanes).toHaveLength(6);
		expect(l.nav.flat()).toHaveLength(12);
		for (const g of l.glyphs) {
			expect(g.x).toBeGreaterThanOrEqual(l.plotLeft);
			expect(g.x).toBeLessThanOrEqual(l.plotRight);
		}
	});

	it('names marks for screen readers', () => {
		const l = fitted();
		expect(l.marksById.get('ms:a')?.ariaLabel).toBe(
			'KN026 · gastric cancer 2L China · Milestone a · 11 Sep 2025'
		);
		expect(l.marksById.get('ms:d')?.ariaLabel).toBe(
			'ZANI · gastric cancer 2L China · Milestone d · Q4 2026 – Q1 2027 (expected window) · expected'
		);
		expect(l.marksById.get('bar:kn-gc:0')?.ariaLabel).toContain(
			'start not reported; under way by Q4 2019'
		);
	});

	it('encodes type, letters, badges, expected and precision', () => {
		const l = fitted();
		const g = (id: string) => l.glyphs.find((x) => x.id === `ms:${id}`)!;
		expect(g('a')).toMatchObject({ shape: 'pentagon', agency: 'NMPA', span: null, hollow: false });
		expect(g('b')).toMatchObject({ shape: 'diamond', letter: 'B' });
		expect(g('d').hollow).toBe(true);
		expect(g('d').span!.x1).toBeGreaterThan(g('d').span!.x0);
		expect(g('c').shape).toBe('hexagon');
		const bar = l.bars.find((b) => b.id === 'bar:kn-gc:0')!;
		expect(bar.hatch).not.toBeNull();
		expect(l.bars.find((b) => b.id === 'bar:kn-gc:2')!.openEnd).toBe(true);
	});

	it('stacks glyphs that would overlap into sub-rows and grows the lane', () => {
		const d = data();
		const base = fitted('asset', d);
		d.milestones = [
			...d.milestones,
			milestone('a2', 'kn026', 'kn-gc', '2025-09-12'),
			milestone('a3', 'kn026', 'kn-gc', '2025-09-13')
		];
		const l = fitted('asset', d);
		const rows = ['a', 'a2', 'a3'].map((id) => l.glyphs.find((x) => x.id === `ms:${id}`)!.row);
		expect(new Set(rows).size).toBe(3);
		expect(l.lanes[0]!.rows).toBe(3);
		expect(l.lanes[0]!.height).toBeGreaterThan(base.lanes[0]!.height);
		// Zoomed in to a month, the three days no longer collide.
		const p = prep('asset', d);
		const zoomed = layoutTimeline(p, {
			width: 1200,
			window: { start: t('2025-09-05'), end: t('2025-09-20') }
		});
		expect(zoomed.lanes[0]!.rows).toBe(1);
	});

	describe('a phase whose start is not reported', () => {
		const bar = (window: [string, string], width = 1200) =>
			layoutTimeline(prep(), {
				width,
				window: { start: t(window[0]), end: t(window[1]) }
			}).bars.find((b) => b.id === 'bar:kn-gc:0');

		it('gets a dashed lead into it and the words left of the lead when the lane has room', () => {
			const b = bar(['2015-01-01', '2027-01-01'])!;
			expect(b.hatch!.x1).toBe(b.x0);
			expect(b.hatch!.x1 - b.hatch!.x0).toBeGreaterThanOrEqual(20);
			expect(b.startNote).toEqual({ x: b.hatch!.x0 - 4, anchor: 'end', inBar: false });
			expect(b.startNote!.x - textWidth(START_NOT_REPORTED, GEOMETRY.smallFont)).toBeGreaterThan(0);
		});

		it('writes the words inside the bar when the lane left of it is too short', () => {
			// The window opens just before the bar: room for the lead, not the words.
			const b = bar(['2019-08-01', '2022-01-01'])!;
			expect(b.hatch).not.toBeNull();
			expect(b.startNote).toMatchObject({ anchor: 'start', inBar: true });
			expect(b.startNote!.x).toBeGreaterThan(b.x0);
			expect(b.startNote!.x + textWidth(START_NOT_REPORTED, GEOMETRY.smallFont)).toBeLessThan(b.x1);
		});

		it('has neither once its start is left of the window', () => {
			const b = bar(['2020-06-01', '2022-01-01'])!;
			expect(b.hatch).toBeNull();
			expect(b.startNote).toBeNull();
		});

		it('is never marked on a bar whose start is reported', () => {
			const l = layoutTimeline(prep(), {
				width: 1200,
				window: { start: t('2015-01-01'), end: t('2027-01-01') }
			});
			for (const b of l.bars.filter((b) => !b.phase.startUnknown)) {
				expect(b.hatch).toBeNull();
				expect(b.startNote).toBeNull();
			}
		});
	});

	it('culls marks outside the window and clips bars to it', () => {
		const p = prep();
		const l = layoutTimeline(p, {
			width: 1000,
			window: { start: t('2021-01-01'), end: t('2022-01-01') }
		});
		expect(l.glyphs.map((g) => g.id).sort()).toEqual(['ms:b', 'ms:c']);
		for (const b of l.bars) {
			expect(b.x0).toBeGreaterThanOrEqual(l.plotLeft);
			expect(b.x1).toBeLessThanOrEqual(l.plotRight);
		}
		expect(l.bars.find((b) => b.id === 'bar:kn-gc:0')?.clippedStart).toBe(true);
		expect(l.today).toBeNull();
	});

	it('places the today line and the data-as-of marker', () => {
		const l = fitted();
		expect(l.today?.label).toBe('Today');
		expect(l.asOf?.label).toBe('Data as of Sep 2026');
		expect(l.asOf!.x).toBeLessThan(l.today!.x);
	});

	it('has a legend entry for each phase and glyph type present', () => {
		const l = fitted();
		const labels = l.legend.map((i) => i.label);
		expect(labels).toContain('Phase 3');
		expect(labels).toContain('Deal / licence');
		expect(labels.some((x) => x.startsWith('Designation'))).toBe(true);
		expect(l.height).toBeGreaterThan(l.legendTop);
	});

	it('renders an empty dataset without marks', () => {
		const p = prepareTimeline(
			{ assets: [], programs: [], milestones: [] },
			{ groupBy: 'asset', today: TODAY, asOf: null }
		);
		const l = layoutTimeline(p, { width: 800, window: fitWindow(p) });
		expect(l.lanes).toEqual([]);
		expect(l.ticks.length).toBeGreaterThan(0);
	});

	it('lays out thousands of marks', () => {
		const d = data();
		const programs = [];
		const milestones = [];
		for (let i = 0; i < 2000; i++) {
			programs.push(
				program(`p${i}`, 'kn026', [
					{ phase: 'phase 1', start: '2019' },
					{ phase: 'phase 2', start: '2021-03' }
				])
			);
			for (let j = 0; j < 4; j++)
				milestones.push(milestone(`m${i}-${j}`, 'kn026', `p${i}`, `202${j}-0${(i % 9) + 1}`));
		}
		const p = prepareTimeline(
			{ assets: d.assets, programs, milestones },
			{ groupBy: 'asset', today: TODAY, asOf: null }
		);
		const l = layoutTimeline(p, { width: 1400, window: fitWindow(p) });
		expect(l.glyphs).toHaveLength(8000);
	});
});

describe('navigate', () => {
	const l = (() => {
		const p = prep();
		return layoutTimeline(p, { width: 1200, window: fitWindow(p) });
	})();
	const first = l.nav[0]!;
	it.each([
		['ArrowRight', first[0], first[1]],
		['ArrowLeft', first[0], first[0]],
		['End', first[0], first.at(-1)],
		['Home', first.at(-1), first[0]],
		['ArrowUp', first[0], first[0]]
	] as const)('%s from %s → %s', (key, from, to) => {
		expect(navigate(l, from as string, key)).toBe(to);
	});
	it('ArrowDown goes to the nearest mark in time in the next lane', () => {
		const from = 'bar:kn-gc:1'; // Phase 3 from Aug 2021
		const target = navigate(l, from, 'ArrowDown');
		expect(l.marksById.get(target)?.laneIndex).toBe(1);
	});
	it('global End goes to the last mark of the chart', () => {
		expect(navigate(l, first[0]!, 'End', true)).toBe(l.nav.at(-1)!.at(-1));
	});
});

describe('shortIndication', () => {
	it.each([
		['Gastric/GEJ adenocarcinoma (locally advanced, recurrent or metastatic)', 'Gastric/GEJ'],
		['Gastric cancer (first line)', 'Gastric cancer'],
		['Platinum-resistant recurrent epithelial ovarian, primary peritoneal (PROC)', 'PROC'],
		[
			'Advanced colorectal cancer after oxaliplatin, fluorouracil and irinotecan',
			'Advanced colorectal cancer'
		],
		[
			'HR-positive advanced breast cancer, previously treated',
			'HR-positive advanced breast cancer'
		],
		['Adenocarcinoma', 'Adenocarcinoma'],
		['gastric cancer', 'gastric cancer']
	])('%s → %s', (full, short) => {
		expect(shortIndication(full)).toBe(short);
	});
});
