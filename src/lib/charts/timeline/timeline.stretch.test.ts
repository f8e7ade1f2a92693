import { describe, expect, it } from 'vitest';
import { stretchX } from '$lib/charts/shared/fluid';
import { DAY, prepareTimeline } from './timeline.prepare';
import { layoutTimeline } from './timeline.geometry';
import type { LayoutOptions } from './timeline.marks';
import { asset, milestone, program } from './test-fixtures';

const t = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
/** 760 days over the 760 px plot of a 1000 px wide chart (210–970): one pixel a day. */
const W = { start: t('2020-01-01'), end: t('2022-01-30') };

const prepared = prepareTimeline(
	{
		assets: [asset('kn')],
		programs: [
			// 25 days: "P3" at 1000 px; room for "Phase 3" at 2000.
			program('x', 'kn', [{ phase: 'phase 3', start: '2020-04-10', end: '2020-05-04' }]),
			program('y', 'kn', [
				{ phase: 'phase 2', start: null, knownBy: '2020-09-01', end: '2021-06-01' }
			])
		],
		milestones: [
			// 10 days apart: stacked at 1000 px, side by side at 2000.
			milestone('a', 'kn', 'x', '2020-06-01'),
			milestone('b', 'kn', 'x', '2020-06-11'),
			milestone('c', 'kn', 'y', '2020-10', { type: 'approval', agency: 'NMPA' })
		]
	},
	{ groupBy: 'asset', today: new Date('2021-12-20T10:00:00Z'), asOf: '2021-11' }
);
const at = (options: Partial<LayoutOptions>) =>
	layoutTimeline(prepared, { width: 1000, window: W, ...options });

describe('a timeline wider than its fit width', () => {
	const fit = at({ width: 1000 });
	const stretched = at({ width: 2000, fitWidth: 1000 });
	const own = at({ width: 2000 });

	it('keeps every decision of the fit width: label column, bar labels, glyph rows, ticks, legend', () => {
		// At its own 2000 px the chart would decide otherwise: the test data is chosen so.
		expect(own.labelWidth).not.toBe(fit.labelWidth);
		expect(own.bars[0]!.label).toBe('Phase 3');
		expect(own.lanes[0]!.rows).toBe(1);
		expect(fit.bars[0]!.label).toBe('P3');
		expect(fit.lanes[0]!.rows).toBe(2);

		expect(stretched.labelWidth).toBe(fit.labelWidth);
		expect(stretched.plotLeft).toBe(fit.plotLeft);
		expect(stretched.bars.map((b) => [b.label, b.startNote?.anchor])).toEqual(
			fit.bars.map((b) => [b.label, b.startNote?.anchor])
		);
		expect(stretched.lanes).toEqual(fit.lanes);
		expect(stretched.height).toBe(fit.height);
		expect(stretched.ticks).toEqual(fit.ticks);
		expect(stretched.legend).toEqual(fit.legend);
		expect(stretched.nav).toEqual(fit.nav);
		expect([...stretched.marksById.keys()]).toEqual([...fit.marksById.keys()]);
		expect(stretched.today?.labelLeft).toBe(fit.today?.labelLeft);
	});

	it('spans the wider plot: every x moves by the one affine map of the fit layout', () => {
		const sx = (x: number) => stretchX(x, fit, 2000);
		// The data has each kind of x: a lead and its words, a period's bracket, today, as-of.
		expect(fit.bars.some((b) => b.hatch && b.startNote)).toBe(true);
		expect(fit.glyphs.some((g) => g.span)).toBe(true);
		expect(fit.today && fit.asOf).toBeTruthy();
		expect(stretched).toMatchObject({ width: 2000, plotRight: 1970 });
		fit.bars.forEach((bar, i) => {
			const s = stretched.bars[i]!;
			expect([s.x0, s.x1, s.cx]).toEqual([sx(bar.x0), sx(bar.x1), sx(bar.cx)]);
			expect(s.hatch).toEqual(bar.hatch && { x0: sx(bar.hatch.x0), x1: sx(bar.hatch.x1) });
			expect(s.startNote?.x).toEqual(bar.startNote ? sx(bar.startNote.x) : undefined);
		});
		fit.glyphs.forEach((glyph, i) => {
			const s = stretched.glyphs[i]!;
			expect([s.x, s.cx, s.y]).toEqual([sx(glyph.x), sx(glyph.cx), glyph.y]);
			expect(s.span).toEqual(glyph.span && { x0: sx(glyph.span.x0), x1: sx(glyph.span.x1) });
		});
		for (const [id, mark] of stretched.marksById)
			expect(mark).toBe([...stretched.bars, ...stretched.glyphs].find((m) => m.id === id));
		expect(stretched.today!.x).toBe(sx(fit.today!.x));
		expect(stretched.asOf!.x).toBe(sx(fit.asOf!.x));
		// Time is where the wider plot's scale puts it: one day is 1690/760 px.
		const glyphA = stretched.glyphs.find((g) => g.id === 'ms:a')!;
		expect(glyphA.x).toBeCloseTo(
			210 + ((t('2020-06-01') + DAY / 2 - W.start) / DAY) * (1760 / 760),
			6
		);
	});

	it('is the plain layout at or below the fit width', () => {
		expect(at({ width: 1000, fitWidth: 1000 })).toEqual(fit);
		expect(at({ width: 800, fitWidth: 1000 })).toEqual(at({ width: 800 }));
	});
});
