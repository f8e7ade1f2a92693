import { describe, expect, it } from 'vitest';
import { SteadyXPositions, XPositions, affineX, cssLength, stretchX, type Anchor } from './fluid';

/** A 1000 px chart: labels to 210, plot 210–970, a 30 px margin right. */
const G = { width: 1000, plotLeft: 210, plotRight: 970 };

/** What a browser computes for one of these lengths in a chart `width` px wide. */
function evaluate(length: number | string, width: number): number {
	if (typeof length === 'number') return length;
	const m = /^(?:calc\()?(-?[\d.]+)%(?: ([+-]) ([\d.]+)px\))?$/.exec(length);
	if (m) return (Number(m[1]) / 100) * width + (m[2] === '-' ? -1 : 1) * Number(m[3] ?? 0);
	if (/^-?[\d.]+$/.test(length)) return Number(length);
	throw new Error(`not a length: ${length}`);
}

describe('affine x positions', () => {
	it.each<[Anchor, number]>([
		['plot', 210],
		['plot', 590],
		['plot', 970],
		['plot', 100],
		['left', 4],
		['right', 996]
	])('a %s-anchored x of %i px is that x at the layout’s own width', (anchor, x) => {
		const { a, b } = affineX(x, G, anchor);
		expect(a * G.width + b).toBeCloseTo(x, 9);
	});

	it('stretches the plot, keeps the labels and moves the right margin with the edge', () => {
		// 1500 px: the plot spans 210–1470, 1260/760 of its width at 1000 px.
		expect(stretchX(210, G, 1500)).toBeCloseTo(210, 9);
		expect(stretchX(970, G, 1500)).toBeCloseTo(1470, 9);
		expect(stretchX(590, G, 1500)).toBeCloseTo(210 + (380 * 1260) / 760, 9);
		expect(stretchX(4, G, 1500, 'left')).toBe(4);
		expect(stretchX(996, G, 1500, 'right')).toBe(1496);
	});
});

describe('cssLength', () => {
	it.each([
		[{ a: 0, b: 40 }, '40'],
		[{ a: 0.125, b: 0 }, '12.5%'],
		[{ a: 0.125, b: 40 }, 'calc(12.5% + 40px)'],
		[{ a: 0.125, b: -4.25 }, 'calc(12.5% - 4.25px)'],
		[{ a: 1, b: -30 }, 'calc(100% - 30px)']
	])('writes %o as %s', (affine, css) => {
		expect(cssLength(affine)).toBe(css);
	});
});

/** The pixels of a `translate(b,0)`. */
const shiftOf = (transform: string | undefined) =>
	Number(/^translate\((-?[\d.]+),0\)$/.exec(transform ?? '')![1]);

describe('XPositions', () => {
	const screen = new XPositions(G, false);
	const page = new XPositions(G, true);

	it('is reused for a layout with the same width and plot, so marks that read it stay as drawn', () => {
		const layout = { ...G, height: 400, rows: [] };
		expect(XPositions.reuse(screen, layout, false)).toBe(screen);
		expect(XPositions.reuse(page, { ...G }, true)).toBe(page);
		// Anything that moves an x, or the other kind of lengths, makes new ones.
		for (const changed of [
			{ ...G, width: 1001 },
			{ ...G, plotLeft: 211 },
			{ ...G, plotRight: 969 }
		])
			expect(XPositions.reuse(screen, changed, false)).not.toBe(screen);
		expect(XPositions.reuse(screen, G, true)).not.toBe(screen);
		expect(XPositions.reuse(undefined, G, false).span(300, 500)).toBe(200);
	});

	it('keeps one chart’s positions across layouts with the same width and plot', () => {
		const positions = new SteadyXPositions();
		const first = positions.of(G, false);
		expect(positions.of({ ...G }, false)).toBe(first);
		const wider = positions.of({ ...G, width: 1200 }, false);
		expect(wider).not.toBe(first);
		expect(wider.full).toBe(1200);
		expect(positions.of({ ...G, width: 1200 }, false)).toBe(wider);
	});

	it('writes pixels on screen, as the attributes always were', () => {
		expect(screen.at(500, -2)).toBe(498);
		expect(screen.span(300, 500, 4)).toBe(204);
		expect(screen.spanAtLeast(300, 301, 2)).toBe(2);
		expect(screen.spanAtLeast(300, 500, 2)).toBe(200);
		expect(screen.span(500, 300)).toBe(-200);
		expect(screen.full).toBe(1000);
		expect(screen.textX(500, 4)).toBe(504);
		expect(screen.textDx(500, 4)).toBeUndefined();
		expect(screen.textDx(500, 0, -10)).toBe(-10);
		expect(screen.lineX(500)).toBe(500);
		expect(screen.lineX(500, 'plot', 300)).toBe(200);
		expect(screen.lineShift(500)).toBeUndefined();
		expect(screen.lineShift(500, 'plot', 300)).toBeUndefined();
		expect(screen.place(500, -2)).toStrictEqual({ x: 498, shift: undefined });
	});

	// In the page, every value, evaluated at any width, is where the stretched layout puts it.
	it.each([1000, 1232, 1440, 1872])(
		'writes lengths a %i px chart resolves to the stretched x',
		(W) => {
			const at = (x: number, anchor: Anchor = 'plot') => stretchX(x, G, W, anchor);
			for (const x of [150, 210, 333.3, 590, 970, 990]) {
				expect(evaluate(page.at(x, -3.5), W)).toBeCloseTo(at(x) - 3.5, 2);
				expect(evaluate(page.span(x, 970, 7), W)).toBeCloseTo(at(970) - at(x) + 7, 2);
				expect(evaluate(page.span(590, x), W)).toBeCloseTo(at(x) - at(590), 2);
				// Text and vertical lines: the percentage, and its pixels as dx or a shift.
				const textX = evaluate(page.textX(x, 4), W) + page.textDx(x, 4, -10)!;
				expect(textX).toBeCloseTo(at(x) + 4 - 10, 2);
				expect(evaluate(page.lineX(x), W) + shiftOf(page.lineShift(x))).toBeCloseTo(at(x), 2);
				// A nested svg: a plain percentage (no calc(): Firefox and WebKit put that at 0),
				// its pixels a shift of what it holds; inside it, lengths relative to it.
				const placed = page.place(x, -3.5);
				expect(String(placed.x)).toMatch(/^-?[\d.]+%$/);
				expect(evaluate(placed.x, W) + shiftOf(placed.shift)).toBeCloseTo(at(x) - 3.5, 2);
				const inside = evaluate(page.lineX(590, 'plot', x), W);
				expect(at(x) + inside + shiftOf(page.lineShift(590, 'plot', x))).toBeCloseTo(at(590), 2);
				expect(at(x) + evaluate(page.span(x, 590, -1), W)).toBeCloseTo(at(590) - 1, 2);
			}
			// At least 2 px: max() of the two, as the page writes it.
			const tiny = /^max\(2px, (.+)\)$/.exec(String(page.spanAtLeast(590, 590.5, 2)))![1]!;
			expect(Math.max(2, evaluate(tiny, W))).toBe(2);
			const wide = /^max\(2px, (.+)\)$/.exec(String(page.spanAtLeast(300, 590, 2)))![1]!;
			expect(evaluate(wide, W)).toBeCloseTo(at(590) - at(300), 2);
			expect(evaluate(page.at(100, 0, 'left'), W)).toBe(100);
			expect(evaluate(page.span(100, 1000, 0, 'left', 'right'), W)).toBeCloseTo(W - 100, 2);
			expect(evaluate(page.full, W)).toBe(W);
		}
	);
});
