import { describe, expect, it } from 'vitest';
import type { Milestone, Program } from '$lib/data/schema';
import { INK } from '$lib/charts/shared/palette';
import { DAY, prepareTimeline, type GroupBy, type TimelineData } from './timeline.prepare';
import { layoutTimeline } from './timeline.geometry';
import { textWidth, type LayoutOptions } from './timeline.marks';
import { asset, milestone, program, type PhaseIn } from './test-fixtures';

const t = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const TODAY = new Date('2026-11-22T10:00:00Z');
const ASSETS = [asset('kn', 'focus', 'Kanon 026'), asset('tras', 'comparator', 'Trastuzumab')];

/** 760 days over the 760 px of a 1000 px wide chart (plot 210–970): one pixel a day. */
const W = { start: t('2020-01-01'), end: t('2022-01-30') };
const x = (iso: string) => 210 + (t(iso) - W.start) / DAY;

function layout(
	d: Partial<TimelineData>,
	options: Partial<LayoutOptions> = {},
	prep: { groupBy?: GroupBy; asOf?: string | null } = {}
) {
	const prepared = prepareTimeline(
		{ assets: ASSETS, programs: [], milestones: [], ...d },
		{ groupBy: prep.groupBy ?? 'asset', today: TODAY, asOf: prep.asOf ?? null }
	);
	return layoutTimeline(prepared, { width: 1000, window: W, ...options });
}

const bars = (programs: Program[], options: Partial<LayoutOptions> = {}) =>
	layout({ programs }, options).bars;
const glyphs = (milestones: Milestone[], options: Partial<LayoutOptions> = {}) =>
	layout({ milestones }, options).glyphs;

describe('layoutTimeline: the plot area', () => {
	it.each([
		// width, label column, plot left, plot right
		[1000, 200, 210, 970],
		[1003, 201, 211, 973],
		[500, 140, 150, 470],
		[2000, 270, 280, 1970]
	])('at %i px the label column is %i px, the plot %i–%i', (width, labelWidth, left, right) => {
		expect(layout({}, { width })).toMatchObject({
			width,
			labelWidth,
			plotLeft: left,
			plotRight: right
		});
	});

	it('never draws narrower than 320 px', () => {
		expect(layout({}, { width: 100 })).toMatchObject({ width: 320, plotLeft: 150, plotRight: 290 });
	});

	it('keeps a 40 px plot beside a wide label column', () => {
		expect(layout({}, { width: 420, labelWidth: 400 })).toMatchObject({
			labelWidth: 400,
			plotLeft: 410,
			plotRight: 450
		});
	});
});

describe('layoutTimeline: headings and lanes top to bottom', () => {
	it('stacks group headings and lanes; a bar lane has room for a row of glyphs above the bar', () => {
		const l = layout({
			programs: [program('x', 'kn', [{ phase: 'phase 1', start: '2020-03' }])],
			milestones: [
				milestone('a', 'kn', 'x', '2020-06-01'),
				milestone('c', 'kn', null, '2020-06-01')
			]
		});
		expect(l.headings).toEqual([{ kind: 'group', label: 'Kanon 026', y: 46, height: 24 }]);
		expect(l.lanes.map((b) => [b.y, b.height, b.rows, b.barY, b.stripe])).toEqual([
			[70, 46, 1, 95, false],
			[116, 38, 1, 133, true]
		]);
		expect(l.bars[0]!).toMatchObject({ y: 95, height: 16, cy: 103 });
		expect(l.glyphs.map((g) => [g.id, g.y])).toEqual([
			['ms:a', 85],
			['ms:c', 139]
		]);
		expect(l.lanes.map((b) => b.index)).toEqual([0, 1]);
		expect([...l.marksById.values()].map((m) => [m.id, m.kind, m.laneIndex])).toEqual([
			['ms:a', 'glyph', 0],
			['bar:x:0', 'bar', 0],
			['ms:c', 'glyph', 1]
		]);
		expect(l.plotTop).toBe(46);
		expect(l.plotBottom).toBe(154);
		expect(l.legendTop).toBe(172);
	});

	it('gives a lane with no milestones the minimum height and no glyph rows', () => {
		const l = layout({ programs: [program('x', 'kn', [{ phase: 'phase 1', start: '2020-03' }])] });
		expect(l.lanes[0]).toMatchObject({ height: 38, rows: 0, barY: 87 });
	});

	it('keeps a glyph row in a lane whose milestones are all outside the window', () => {
		const l = layout({
			programs: [program('x', 'kn', [])],
			milestones: [milestone('m', 'kn', 'x', '2024-01-01')]
		});
		expect(l.glyphs).toEqual([]);
		expect(l.lanes[0]).toMatchObject({ rows: 1, height: 46 });
	});

	it('heads each section when there are comparators', () => {
		const l = layout({ programs: [program('x', 'kn', []), program('y', 'tras', [])] });
		expect(l.headings.map((h) => [h.kind, h.label, h.y, h.height])).toEqual([
			['section', 'Focus assets', 46, 30],
			['group', 'Kanon 026', 76, 24],
			['section', 'Comparators', 138, 30],
			['group', 'Trastuzumab', 168, 24]
		]);
	});

	it('heads a comparators-only chart, not a focus-only one', () => {
		const kinds = (assetId: string) =>
			layout({ programs: [program('x', assetId, [])] }).headings.map((h) => h.kind);
		expect(kinds('tras')).toEqual(['section', 'group']);
		expect(kinds('kn')).toEqual(['group']);
	});

	it('shortens a label that does not fit the label column', () => {
		const long = 'an indication whose name runs on and on';
		const lane = layout(
			{ programs: [program('x', 'kn', [], { indication: long, biomarker: long })] },
			{ width: 500 }
		).lanes[0]!;
		expect(lane.title.endsWith('…')).toBe(true);
		expect(textWidth(lane.title, 12)).toBeLessThanOrEqual(132);
		expect(lane.subtitle.endsWith('…')).toBe(true);
		expect(textWidth(lane.subtitle, 11)).toBeLessThanOrEqual(132);
		expect(textWidth(lane.subtitle, 11)).toBeGreaterThan(textWidth(lane.title, 12) - 12);
	});
});

describe('layoutTimeline: phase bars', () => {
	it.each([
		['a long bar has the phase’s name', '2020-06-08', 370, 'Phase 3'],
		['a shorter one its short name', '2020-05-04', 335, 'P3'],
		['one just too short for the name has the short name', '2020-05-25', 356, 'P3'],
		['one just too short for the short name none', '2020-04-28', 329, null],
		['a sliver none', '2020-04-13', 314, null]
	])('%s', (_name, end, x1, label) => {
		const [bar] = bars([program('x', 'kn', [{ phase: 'phase 3', start: '2020-04-10', end }])]);
		expect(bar).toMatchObject({ x0: 310, x1, label, cx: (310 + x1) / 2 });
	});

	it('draws a one-day bar at least 2 px wide', () => {
		const [bar] = bars([
			program('x', 'kn', [{ phase: 'phase 3', start: '2020-04-10', end: '2020-04-10' }])
		]);
		expect([bar!.x0, bar!.x1]).toEqual([310, 312]);
	});

	it('fades a start known only to the month, over that month', () => {
		const phases = [{ phase: 'phase 2', start: '2020-04', end: '2020-12' }];
		expect(bars([program('x', 'kn', phases)])[0]!.fade).toEqual({
			x0: x('2020-04-01'),
			x1: x('2020-05-01')
		});
		// The window opens mid-month: the fade starts at the plot's edge.
		const clipped = bars([program('x', 'kn', phases)], {
			window: { start: t('2020-04-16'), end: t('2020-04-16') + 760 * DAY }
		})[0]!;
		expect(clipped.fade).toEqual({ x0: 210, x1: 225 });
	});

	it('fades the last day of a month when the window opens on it: 1 px, still drawn', () => {
		const phases = [{ phase: 'phase 2', start: '2020-04', end: '2020-12' }];
		const bar = bars([program('x', 'kn', phases)], {
			window: { start: t('2020-04-30'), end: t('2020-04-30') + 760 * DAY }
		})[0]!;
		expect(bar.fade).toEqual({ x0: 210, x1: 211 });
	});

	it.each([
		['a start known to the day', { phase: 'phase 2', start: '2020-04-10', end: '2020-12' }],
		['a start not reported', { phase: 'phase 2', start: null, knownBy: '2020-04', end: '2020-12' }]
	])('does not fade %s', (_name, phase) => {
		expect(bars([program('x', 'kn', [phase])])[0]!.fade).toBeNull();
	});

	it('does not fade a month too short to see at 80 years wide', () => {
		const wide = { start: t('1960-01-01'), end: t('2040-01-01') };
		const phases = [{ phase: 'phase 2', start: '2020-04', end: '2024-12' }];
		expect(bars([program('x', 'kn', phases)], { window: wide })[0]!.fade).toBeNull();
	});

	it('writes dark text on an expected bar, the phase’s text colour on an actual one', () => {
		const bar = (status: string) =>
			bars([program('x', 'kn', [{ phase: 'phase 3', start: '2020-04-10', status }])])[0]!;
		expect(bar('expected').textFill).toBe(INK);
		expect(bar('actual').textFill).toBe('#ffffff');
	});

	it('clips a bar to the plot and says which ends are cut', () => {
		const [bar] = bars([program('x', 'kn', [{ phase: 'phase 1', start: '2019-06' }])]);
		expect(bar).toMatchObject({
			x0: 210,
			x1: 970,
			clippedStart: true,
			clippedEnd: true,
			openEnd: false
		});
	});

	it('draws an arrow on an ongoing bar that ends inside the window, not on one that ended', () => {
		const now = { start: t('2025-01-01'), end: t('2027-01-01') };
		const [ongoing, ended] = bars(
			[
				program('x', 'kn', [{ phase: 'phase 1', start: '2025-06' }]),
				program('y', 'kn', [{ phase: 'phase 1', start: '2025-06', end: '2026-03' }])
			],
			{ window: now }
		);
		expect(ongoing).toMatchObject({ openEnd: true, clippedStart: false, clippedEnd: false });
		expect(ended!.openEnd).toBe(false);
	});

	it('names a bar for screen readers, saying when it is expected', () => {
		const aria = (status: string) =>
			bars([program('x', 'kn', [{ phase: 'phase 3', start: '2020-04-10', status }])])[0]!.ariaLabel;
		expect(aria('expected')).toBe(
			'KN · gastric cancer 2L China · Phase 3 · 10 Apr 2020 – ongoing · expected'
		);
		expect(aria('actual')).toBe('KN · gastric cancer 2L China · Phase 3 · 10 Apr 2020 – ongoing');
	});

	describe('a phase whose start is not reported, after another phase', () => {
		// Phase 2 known under way from June 2020 (x 362); phase 1 ends before it.
		const second = (phase1End: string, phase2End = '2020-12', window = W) =>
			bars(
				[
					program('x', 'kn', [
						{ phase: 'phase 1', start: '2020-01-10', end: phase1End },
						{ phase: 'phase 2', start: null, knownBy: '2020-06', end: phase2End }
					])
				],
				{ window }
			).find((b) => b.id === 'bar:x:1')!;

		it('has a lead that stops 2 px after the phase before, at least 4 px long', () => {
			expect(second('2020-05-25').hatch).toEqual({ x0: 358, x1: 362 });
			expect(second('2020-05-26').hatch).toBeNull();
		});

		it('writes the words in the bar after its label when they do not fit before it', () => {
			const b = second('2020-05-25');
			expect(b.label).toBe('Phase 2');
			expect(b.startNote).toMatchObject({ anchor: 'start', inBar: true });
			expect(b.startNote!.x).toBeCloseTo(362 + 4 + textWidth('Phase 2', 12) + 8);
		});

		it('leaves the words out when the bar is too short for them too', () => {
			expect(second('2020-05-25', '2020-10-26').startNote).toBeNull();
		});
	});

	it('writes the words in a bar whose reported start is the window’s left edge', () => {
		const b = bars([program('x', 'kn', [{ phase: 'phase 2', start: null, knownBy: '2020-06' }])], {
			window: { start: t('2020-06-01'), end: t('2020-06-01') + 760 * DAY }
		})[0]!;
		expect(b.x0).toBe(210);
		expect(b.hatch).toBeNull();
		expect(b.startNote).toMatchObject({ anchor: 'start', inBar: true });
	});

	it('leaves out bars wholly outside the window', () => {
		expect(
			bars([
				program('x', 'kn', [{ phase: 'phase 1', start: '2018-01', end: '2019-06' }]),
				program('y', 'kn', [{ phase: 'phase 1', start: '2023-01' }])
			])
		).toEqual([]);
	});

	it('leaves out a phase that ends as the window opens or starts as it closes', () => {
		// The window is 1 January 2020 to 30 January 2022 (x 210–970).
		const drawn = (phase: PhaseIn) => bars([program('x', 'kn', [phase])]).map((b) => [b.x0, b.x1]);
		expect(drawn({ phase: 'phase 1', start: '2019-06-01', end: '2019-12-31' })).toEqual([]);
		expect(drawn({ phase: 'phase 1', start: '2019-06-01', end: '2020-01-01' })).toEqual([
			[210, 211]
		]);
		expect(drawn({ phase: 'phase 1', start: '2022-01-30' })).toEqual([]);
		expect(drawn({ phase: 'phase 1', start: '2022-01-29' })).toEqual([[969, 970]]);
	});

	it('does not call a bar cut when it fills the window exactly', () => {
		const [bar] = bars([
			program('x', 'kn', [{ phase: 'phase 1', start: '2020-01-01', end: '2022-01-29' }])
		]);
		expect(bar).toMatchObject({ x0: 210, x1: 970, clippedStart: false, clippedEnd: false });
	});

	it('keeps the arrow of an ongoing bar that reaches exactly the window’s right edge', () => {
		// Ongoing: the bar runs to today, 22 November 2026, the window's end.
		const [bar] = bars([program('x', 'kn', [{ phase: 'phase 1', start: '2026-06' }])], {
			window: { start: t('2025-11-22'), end: t('2026-11-22') }
		});
		expect(bar).toMatchObject({ x1: 970, openEnd: true, clippedEnd: false });
	});

	describe('with no label column, over 3000 days (0.32 px a day, plot 10–970)', () => {
		const wide = { start: t('2020-01-01'), end: t('2020-01-01') + 3000 * DAY };
		const barOf = (phase: PhaseIn) =>
			bars([program('x', 'kn', [phase])], { labelWidth: 0, window: wide })[0]!;

		it('names a bar whose room is exactly the name’s width (the name and 4 px either side)', () => {
			// 151 days: 48.32 px, the width of "Phase 3" at 12 px and 8 px.
			const full = barOf({ phase: 'phase 3', start: '2020-01-01', end: '2020-05-30' });
			expect(full.x1 - full.x0 - 8).toBe(textWidth('Phase 3', 12));
			expect(full.label).toBe('Phase 3');
			// 61 days: 19.52 px, exactly room for "P3".
			const short = barOf({ phase: 'phase 3', start: '2020-01-01', end: '2020-03-01' });
			expect(short.x1 - short.x0 - 8).toBe(textWidth('P3', 12));
			expect(short.label).toBe('P3');
		});

		it('writes “start not reported” left of the lead when it exactly fits', () => {
			// Under way by 26 February 2021 (x 145.04): a 36 px lead, 4 px, then the words end at
			// x 105.04, just 95.04 px (their width) after the plot's left edge.
			const b = barOf({ phase: 'phase 2', start: null, knownBy: '2021-02-26' });
			expect(b.hatch!.x0).toBeCloseTo(109.04);
			expect(b.hatch!.x1).toBeCloseTo(145.04);
			expect(b.startNote).toMatchObject({ anchor: 'end', inBar: false });
			expect(b.startNote!.x).toBeCloseTo(105.04);
			// The words' left end is the plot's left edge, to the last bit.
			expect(b.startNote!.x - textWidth('start not reported', 11)).toBe(10);
			// A day earlier they do not fit there: they go in the bar.
			const earlier = barOf({ phase: 'phase 2', start: null, knownBy: '2021-02-25' });
			expect(earlier.startNote).toMatchObject({ anchor: 'start', inBar: true });
		});

		it('writes it in the bar after the label when it exactly fits there', () => {
			// Under way by the window's start, to 17 April 2021: 473 days, 151.36 px. "Phase 2"
			// (48.32 px with its gap) and the words (95.04 px) fill it to 4 px from its end.
			const b = barOf({ phase: 'phase 2', start: null, knownBy: '2020-01-01', end: '2021-04-17' });
			expect(b.label).toBe('Phase 2');
			expect(b.startNote).toMatchObject({ anchor: 'start', inBar: true });
			expect(b.startNote!.x).toBeCloseTo(62.32);
			// The words end 4 px before the bar's end, to the last bit.
			expect(b.startNote!.x + textWidth('start not reported', 11)).toBe(b.x1 - 4);
			const shorter = barOf({
				phase: 'phase 2',
				start: null,
				knownBy: '2020-01-01',
				end: '2021-04-16'
			});
			expect(shorter.startNote).toBeNull();
		});
	});
});

describe('layoutTimeline: milestone glyphs', () => {
	it('places a day at its noon, with its agency beside it', () => {
		const [g] = glyphs([
			milestone('m', 'kn', null, '2020-04-10', {
				type: 'approval',
				agency: 'FDA',
				approvalKind: 'accelerated'
			})
		]);
		expect(g).toMatchObject({
			x: 310.5,
			cx: 310.5,
			span: null,
			approxMark: false,
			sideLabel: 'FDA',
			agency: 'FDA',
			shape: 'star',
			colour: '#0072b2',
			badge: 'A',
			letter: null,
			hollow: false
		});
	});

	it('draws an expected milestone hollow', () => {
		const [g] = glyphs([milestone('m', 'kn', null, '2020-04-10', { status: 'expected' })]);
		expect(g!.hollow).toBe(true);
	});

	it('brackets a quarter under the glyph', () => {
		const [g] = glyphs([milestone('m', 'kn', null, '2020-Q2')]);
		expect(g).toMatchObject({
			span: { x0: x('2020-04-01'), x1: x('2020-07-01') },
			approxMark: false,
			sideLabel: null
		});
	});

	it('writes ≈ when a period is under 8 px on screen', () => {
		const g = (dateEnd: string, agency: string | null = null) =>
			glyphs([milestone('m', 'kn', null, '2020-04-10', { dateEnd, agency })])[0]!;
		expect(g('2020-04-16')).toMatchObject({ approxMark: true, sideLabel: '≈' });
		expect(g('2020-04-16', 'EMA').sideLabel).toBe('≈ EMA');
		expect(g('2020-04-17')).toMatchObject({ approxMark: false, sideLabel: null });
	});

	it.each([
		['2019-12-24', false],
		['2019-12-25', true],
		['2022-02-05', true],
		['2022-02-06', false]
	])('a glyph on %s, near the plot’s edge, is drawn: %s', (date, drawn) => {
		const ids = glyphs([milestone('m', 'kn', null, date, { agency: 'FDA' })]).map((g) => g.id);
		expect(ids).toEqual(drawn ? ['ms:m'] : []);
	});

	it('stacks glyphs that collide into rows, the lane growing with them', () => {
		const l = layout({
			programs: [program('x', 'kn', [])],
			milestones: [milestone('a', 'kn', 'x', '2020-04-10'), milestone('b', 'kn', 'x', '2020-04-12')]
		});
		const [a, b] = l.glyphs;
		expect([a!.row, b!.row]).toEqual([0, 1]);
		expect(a!.y - b!.y).toBe(20);
		expect(l.lanes[0]).toMatchObject({ rows: 2, height: 66 });
	});

	it.each([
		['17 days apart collide', '2020-04-27', 2],
		['18 days apart do not', '2020-04-28', 1]
	])('two glyphs %s', (_name, date, rows) => {
		const l = layout({
			milestones: [milestone('a', 'kn', null, '2020-04-10'), milestone('b', 'kn', null, date)]
		});
		expect(l.lanes[0]!.rows).toBe(rows);
	});

	it.each([
		['a day just after a quarter’s bracket collides with it', '2020-07-10', 2],
		['a day after that does not', '2020-07-11', 1],
		['a day just before the bracket collides with it', '2020-03-22', 2],
		['a day before that does not', '2020-03-21', 1]
	])('%s', (_name, date, rows) => {
		const l = layout({
			milestones: [milestone('q', 'kn', null, '2020-Q2'), milestone('d', 'kn', null, date)]
		});
		expect(l.lanes[0]!.rows).toBe(rows);
	});

	it.each([
		['30 days after a glyph with an agency collides with its label', '2020-05-10', 2],
		['38 days after it does not', '2020-05-18', 1]
	])('a glyph %s', (_name, date, rows) => {
		const l = layout({
			milestones: [
				milestone('a', 'kn', null, '2020-04-10', { agency: 'NMPA' }),
				milestone('b', 'kn', null, date)
			]
		});
		expect(l.lanes[0]!.rows).toBe(rows);
	});

	it('gives the lower row to the glyph whose bracket starts first', () => {
		// The quarter's glyph is later (mid-May) but its bracket starts on 1 April, left of the day.
		const l = layout({
			milestones: [
				milestone('day', 'kn', null, '2020-04-15'),
				milestone('q', 'kn', null, '2020-Q2')
			]
		});
		const row = (id: string) => l.glyphs.find((g) => g.id === `ms:${id}`)!.row;
		expect([row('q'), row('day')]).toEqual([0, 1]);
	});
});

describe('layoutTimeline: keyboard order', () => {
	it('goes through a lane’s marks left to right, a bar before a glyph at its centre', () => {
		const l = layout({
			programs: [
				program('x', 'kn', [{ phase: 'phase 3', start: '2020-04-10', end: '2020-04-19' }])
			],
			milestones: [
				milestone('mid', 'kn', 'x', '2020-04-10', { dateEnd: '2020-04-19' }),
				milestone('early', 'kn', 'x', '2020-03-01'),
				milestone('late', 'kn', 'x', '2020-09-01')
			]
		});
		expect(l.marksById.get('bar:x:0')!.cx).toBe(l.marksById.get('ms:mid')!.cx);
		expect(l.nav).toEqual([['ms:early', 'bar:x:0', 'ms:mid', 'ms:late']]);
	});
});

describe('layoutTimeline: today and the as-of date', () => {
	const around = { start: t('2026-01-01'), end: t('2027-01-01') };
	it('marks both inside the window', () => {
		const l = layout({}, { window: around }, { asOf: '2026-09' });
		const xOf = (time: number) => 210 + ((time - around.start) * 760) / (around.end - around.start);
		expect(l.today).toEqual({
			x: xOf(t('2026-11-22') + DAY / 2),
			label: 'Today',
			labelLeft: false
		});
		// Its label ends 4 px left of its line.
		expect(l.asOf).toEqual({
			x: xOf(t('2026-10-01')),
			label: 'Data as of Sep 2026',
			labelX: xOf(t('2026-10-01')),
			labelShift: -4
		});
	});

	it('ends the as-of label before the today label where that sits left of its line', () => {
		const noon = t('2026-11-22') + DAY / 2;
		const year = 365 * DAY;
		// Today on the right edge (x 970), its label left of it, about 29 px wide from 966 px.
		const at = (years: number) =>
			layout({}, { window: { start: noon - years * year, end: noon } }, { asOf: '2026-09' });
		// Over one year the as-of line (1 October) is 108 px further left: its label stays by it.
		expect(at(1).asOf).toMatchObject({ labelShift: -4 });
		expect(at(1).asOf!.labelX).toBe(at(1).asOf!.x);
		// Over five years it is 22 px left of today: its label would run into "Today".
		const close = at(5);
		expect(close.asOf!.x).toBeGreaterThan(940);
		expect(close.asOf!.labelX).toBe(close.today!.x);
		const asOfEnd = close.asOf!.labelX + close.asOf!.labelShift;
		const todayStart = close.today!.x - 4 - 'Today'.length * 11 * 0.48 * 1.1;
		expect(asOfEnd).toBeCloseTo(todayStart - 6, 6);
		// Today's label right of its line leaves the as-of label where it was.
		const early = layout(
			{},
			{ window: { start: noon - 5 * year, end: noon + year } },
			{ asOf: '2026-09' }
		);
		expect(early.today!.labelLeft).toBe(false);
		expect(early.asOf).toMatchObject({ labelShift: -4 });
	});

	it('marks both on the window’s very edges', () => {
		// Today is marked at its noon, the as-of date (September 2026) at the month's end.
		const noon = t('2026-11-22') + DAY / 2;
		const asOf = t('2026-10-01');
		const year = 365 * DAY;
		const at = (start: number, end: number) =>
			layout({}, { window: { start, end } }, { asOf: '2026-09' });
		// Within 44 px of the right edge (1000 px) its label goes left of the line.
		expect(at(noon, noon + year).today).toEqual({ x: 210, label: 'Today', labelLeft: false });
		expect(at(noon - year, noon).today).toEqual({ x: 970, label: 'Today', labelLeft: true });
		expect(at(asOf, asOf + year).asOf).toMatchObject({ x: 210 });
		expect(at(asOf - year, asOf).asOf).toMatchObject({ x: 970 });
	});

	it('leaves out either outside the window, and the as-of date when there is none', () => {
		expect(layout({}, {}, { asOf: '2026-09' })).toMatchObject({ today: null, asOf: null });
		expect(layout({}, { window: around }).asOf).toBeNull();
		const afterAsOf = { start: t('2026-10-15'), end: t('2027-01-01') };
		expect(layout({}, { window: afterAsOf }, { asOf: '2026-09' }).asOf).toBeNull();
		const beforeToday = { start: t('2026-01-01'), end: t('2026-11-01') };
		expect(layout({}, { window: beforeToday }).today).toBeNull();
	});
});

describe('layoutTimeline: the legend', () => {
	it('lists the phases, then the glyph types, then the notes, each on new rows', () => {
		const l = layout({
			programs: [
				program('x', 'kn', [
					{ phase: 'phase 3', start: '2020-01' },
					{ phase: 'approved', start: '2021-01' }
				])
			],
			milestones: [
				milestone('d', 'kn', 'x', '2020-06-01', { type: 'designation' }),
				milestone('a', 'kn', 'x', '2020-07-01', { type: 'approval' }),
				milestone('l', 'kn', 'x', '2020-08-01', { type: 'deal' })
			]
		});
		const top = l.legendTop;
		expect(l.legend.map((i) => [i.kind, i.label, i.y - top])).toEqual([
			['phase', 'Phase 3', 0],
			['phase', 'Approved', 0],
			['glyph', 'Designation (B breakthrough, F fast track, O orphan, P priority review)', 22],
			['glyph', 'Approval (A accelerated, C conditional)', 22],
			['glyph', 'Deal / licence', 22],
			['note', 'Hollow / dashed: expected', 44],
			['note', 'Bracket or ≈: date known only to month, quarter, half or year', 44],
			[
				'note',
				'Dashed lead, “start not reported”: the bar begins when first reported under way',
				66
			],
			['note', 'Arrow: ongoing', 66]
		]);
		// Each item starts where the one before ended, 14 px on; a row starts at 0.
		expect(l.legend[0]!.x).toBe(0);
		expect(l.legend[1]!.x).toBeCloseTo(22 + textWidth('Phase 3', 12) + 14);
		expect(l.legend[2]!.x).toBe(0);
		expect(l.legend[5]!.x).toBe(0);
		expect(l.legend[7]!.x).toBe(0);
		expect(l.legend[2]).toMatchObject({ shape: 'diamond', letter: 'B/F/O/P', colour: '#0072b2' });
		expect(l.legend[3]!.letter).toBeUndefined();
		expect(l.legend[0]!.phase).toBe('phase 3');
		expect(l.legend.slice(5).map((i) => i.note)).toEqual([
			'expected',
			'approximate',
			'hatch',
			'ongoing'
		]);
		expect(l.height).toBe(top + 66 + 22 + 10);
	});

	it('wraps an item that would run past the chart’s width', () => {
		const l = layout(
			{ milestones: [milestone('a', 'kn', null, '2020-07-01', { type: 'approval' })] },
			{ width: 320 }
		);
		const approval = l.legend[0]!;
		expect([approval.x, approval.y]).toEqual([0, l.legendTop]);
		const notes = l.legend.slice(1);
		expect(notes.map((n) => n.x)).toEqual([0, 0, 0, 0]);
		expect(notes.map((n) => n.y - l.legendTop)).toEqual([22, 44, 66, 88]);
	});

	it('keeps an item that ends exactly at the chart’s right edge on its row', () => {
		// "Approval (A accelerated, C conditional)" takes 20 + 224.64 px, then a 14 px gap, then
		// "Deal / licence" 20 + 80.64 px: the row ends at 359.28 px.
		const legendAt = (width: number) =>
			layout(
				{
					milestones: [
						milestone('a', 'kn', null, '2020-07-01', { type: 'approval' }),
						milestone('l', 'kn', null, '2020-08-01', { type: 'deal' })
					]
				},
				{ width }
			);
		const fits = legendAt(359.28);
		expect(fits.legend.slice(0, 2).map((i) => [i.label, i.y - fits.legendTop])).toEqual([
			['Approval (A accelerated, C conditional)', 0],
			['Deal / licence', 0]
		]);
		expect(fits.legend[1]!.x).toBeCloseTo(258.64);
		const narrower = legendAt(359.27);
		expect([narrower.legend[1]!.x, narrower.legend[1]!.y - narrower.legendTop]).toEqual([0, 22]);
	});

	it('starts a row with an item wider than the chart, not an empty row before it', () => {
		const l = layout(
			{ milestones: [milestone('d', 'kn', null, '2020-06-01', { type: 'designation' })] },
			{ width: 320 }
		);
		expect(textWidth(l.legend[0]!.label, 12)).toBeGreaterThan(320);
		expect([l.legend[0]!.x, l.legend[0]!.y]).toEqual([0, l.legendTop]);
	});

	it('with only bars lists their phases, then the notes on a new row', () => {
		const l = layout({ programs: [program('x', 'kn', [{ phase: 'phase 2', start: '2020-03' }])] });
		expect(l.legend.map((i) => [i.phase ?? i.note, i.y - l.legendTop])).toEqual([
			['phase 2', 0],
			['expected', 22],
			['approximate', 22],
			['hatch', 44],
			['ongoing', 44]
		]);
	});

	it('with only milestones starts with their types', () => {
		const l = layout({ milestones: [milestone('l', 'kn', null, '2020-08-01', { type: 'deal' })] });
		expect(l.legend.slice(0, 2).map((i) => [i.label, i.x, i.y - l.legendTop])).toEqual([
			['Deal / licence', 0, 0],
			['Hollow / dashed: expected', 0, 22]
		]);
	});

	it('is empty with nothing drawn, the chart ending below the lanes', () => {
		const l = layout({});
		expect(l.legend).toEqual([]);
		expect(l.height).toBe(l.plotBottom + 10);
	});
});
