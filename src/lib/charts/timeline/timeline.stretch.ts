/**
 * A timeline laid out at one width, stretched to a wider one (charts/shared/fluid.ts): every x in
 * the plot moves by one affine map, so the time scale spans the wider plot; the lane labels, the
 * glyph rows, the bar labels, the ticks and the legend stay as laid out. The prerendered page
 * draws the same stretch in CSS, so the app's drawing lands exactly on it.
 */
import { stretchX } from '$lib/charts/shared/fluid';
import type { BarMark, GlyphMark, Mark, TimelineLayout } from './timeline.marks';

type Span = { x0: number; x1: number } | null;

export function stretchTimeline(base: TimelineLayout, width: number): TimelineLayout {
	if (width <= base.width) return base;
	const sx = (x: number) => stretchX(x, base, width);
	const span = (s: Span): Span => s && { x0: sx(s.x0), x1: sx(s.x1) };
	const bars: BarMark[] = base.bars.map((bar) => ({
		...bar,
		x0: sx(bar.x0),
		x1: sx(bar.x1),
		cx: sx(bar.cx),
		fade: span(bar.fade),
		hatch: span(bar.hatch),
		startNote: bar.startNote && { ...bar.startNote, x: sx(bar.startNote.x) }
	}));
	const glyphs: GlyphMark[] = base.glyphs.map((glyph) => ({
		...glyph,
		x: sx(glyph.x),
		cx: sx(glyph.cx),
		span: span(glyph.span)
	}));
	const byId = new Map<string, Mark>();
	for (const mark of [...bars, ...glyphs]) byId.set(mark.id, mark);
	// The same order as the base's map (the keyboard and the tests read it in order).
	const marksById = new Map<string, Mark>(
		[...base.marksById.keys()].map((id) => [id, byId.get(id)!])
	);
	return {
		...base,
		width,
		plotRight: sx(base.plotRight),
		bars,
		glyphs,
		marksById,
		today: base.today && { ...base.today, x: sx(base.today.x) },
		asOf: base.asOf && { ...base.asOf, x: sx(base.asOf.x), labelX: sx(base.asOf.labelX) }
	};
}
