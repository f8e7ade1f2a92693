/**
 * Horizontal positions that follow the chart's width without the app.
 *
 * A chart on screen wider than PRERENDER_WIDTH is laid out at that width (every decision: which
 * labels fit, how glyphs stack, the ticks, the legend) and then stretched: its plot's x
 * coordinates map onto the wider plot by one affine map, the label column stays, and whatever is
 * anchored to the right edge moves with it. So each x is `a·W + b` of the chart's width W.
 *
 * The prerendered page holds that layout with each such x written as `calc(a·100% + b px)` (or a
 * percentage and a `dx` for text, which takes no calc), so the browser draws the same picture
 * in any column at least PRERENDER_WIDTH wide before the app runs; the app then writes the same
 * positions in pixels (`stretchX`), and nothing moves.
 *
 * calc() goes only where Chromium, Firefox (ESR 153) and WebKit (Safari's engine; WebKitGTK 2.50)
 * all read it: the x and width of a rect, a circle's cx. A nested `<svg>` takes its x as a plain
 * percentage in all three, but a calc() in Chromium only (the others put it at 0), and a line
 * none. So a glyph is placed by a nested svg at the percentage, its pixels a shift of its content
 * (`place`); a horizontal line that spans two x (a whisker, an axis, a lead) is a thin rect; a
 * vertical line, a text: the percentage and a shift or dx. The first-paint guard still checks the
 * browser (server/prerendered-page.ts), and app.css keeps the drawing hidden until the app has
 * drawn it in one that misplaces it (html.no-fluid-svg).
 */

/** The part of a layout the stretch needs: the chart's width and its plot's ends, in px. */
export interface PlotSpan {
	width: number;
	plotLeft: number;
	plotRight: number;
}

/** An x as `a·W + b`: a fraction of the chart's width W plus pixels. */
export interface Affine {
	a: number;
	b: number;
}

/** Where an x is anchored: to the plot (stretches), the right edge (moves) or the left (stays). */
export type Anchor = 'plot' | 'right' | 'left';

/** An x of the layout `g` (px at g.width) as an affine function of the chart's width. */
export function affineX(x: number, g: PlotSpan, anchor: Anchor = 'plot'): Affine {
	if (anchor === 'left') return { a: 0, b: x };
	if (anchor === 'right') return { a: 1, b: x - g.width };
	const f = (x - g.plotLeft) / (g.plotRight - g.plotLeft);
	const rightMargin = g.width - g.plotRight;
	return { a: f, b: g.plotLeft - f * (g.plotLeft + rightMargin) };
}

/** The x of layout `g` in the same chart stretched to `width` px. */
export function stretchX(x: number, g: PlotSpan, width: number, anchor: Anchor = 'plot'): number {
	const { a, b } = affineX(x, g, anchor);
	return a * width + b;
}

const pct = (a: number) => `${+(a * 100).toFixed(5)}%`;
const px = (b: number) => +b.toFixed(3);

/** A length as CSS: `12.5%`, `40` or `calc(12.5% + 40px)`. */
export function cssLength({ a, b }: Affine): string {
	const bx = px(b);
	if (a === 0) return String(bx);
	if (bx === 0) return pct(a);
	return `calc(${pct(a)} ${bx < 0 ? '-' : '+'} ${Math.abs(bx)}px)`;
}

const minus = (p: Affine, q: Affine): Affine => ({ a: p.a - q.a, b: p.b - q.b });

/**
 * Attribute values for the x positions of one layout: pixels on screen, fluid lengths in the
 * prerendered page (`fluid`). `offset` is pixels added to x.
 */
export class XPositions {
	readonly #layout: PlotSpan;
	readonly #fluid: boolean;
	constructor(layout: PlotSpan, fluid: boolean) {
		this.#layout = { width: layout.width, plotLeft: layout.plotLeft, plotRight: layout.plotRight };
		this.#fluid = fluid;
	}

	/**
	 * `previous` when it places x alike for `layout` (the same width and plot), else new ones. A
	 * filter click changes the layout but seldom its plot: kept, the same object tells the marks
	 * that read it that their positions' rule did not change, so those whose own data did not
	 * either are not redrawn (a $derived passes on only a value that is not the same object).
	 */
	static reuse(previous: XPositions | undefined, layout: PlotSpan, fluid: boolean): XPositions {
		if (previous !== undefined && previous.#fluid === fluid) {
			const p = previous.#layout;
			if (
				p.width === layout.width &&
				p.plotLeft === layout.plotLeft &&
				p.plotRight === layout.plotRight
			)
				return previous;
		}
		return new XPositions(layout, fluid);
	}

	#affine(x: number, offset: number, anchor: Anchor): Affine {
		const r = affineX(x, this.#layout, anchor);
		return { a: r.a, b: r.b + offset };
	}

	/** For a rect's x or a circle's cx: px, or calc(). */
	at(x: number, offset = 0, anchor: Anchor = 'plot'): number | string {
		return this.#fluid ? cssLength(this.#affine(x, offset, anchor)) : x + offset;
	}

	/**
	 * Where a nested svg puts what it holds (a glyph, an arrow) at x: the svg's `x` (px, or the
	 * percentage) and the `shift` of a `<g>` inside it (undefined, or the pixels as a translate).
	 */
	place(x: number, offset = 0, anchor: Anchor = 'plot'): { x: number | string; shift?: string } {
		if (!this.#fluid) return { x: x + offset, shift: undefined };
		const { a, b } = this.#affine(x, offset, anchor);
		return { x: pct(a), shift: `translate(${px(b)},0)` };
	}

	/**
	 * A width from x0 to x1 (+ `extra` px), each end anchored as given (in the plot by default);
	 * also x1 relative to x0, for a rect inside what `place` put at x0.
	 */
	span(
		x0: number,
		x1: number,
		extra = 0,
		from: Anchor = 'plot',
		to: Anchor = 'plot'
	): number | string {
		if (!this.#fluid) return x1 - x0 + extra;
		return cssLength(minus(this.#affine(x1, extra, to), this.#affine(x0, 0, from)));
	}

	/** A width from x0 to x1 in the plot, at least `min` px (CSS max() in the page). */
	spanAtLeast(x0: number, x1: number, min: number): number | string {
		if (!this.#fluid) return Math.max(min, x1 - x0);
		const d = minus(this.#affine(x1, 0, 'plot'), this.#affine(x0, 0, 'plot'));
		const length = cssLength(d);
		return `max(${min}px, ${/^-?[\d.]+$/.test(length) ? `${length}px` : length})`;
	}

	/** The whole chart's width. */
	get full(): number | string {
		return this.#fluid ? '100%' : this.#layout.width;
	}

	/** A text's x: px, or the percentage (its pixels go to `textDx`: text takes no calc). */
	textX(x: number, offset = 0, anchor: Anchor = 'plot'): number | string {
		if (!this.#fluid) return x + offset;
		return pct(this.#affine(x, offset, anchor).a);
	}

	/** A text's dx: `dx` as given on screen; in the page, plus the x's pixels. */
	textDx(x: number, offset = 0, dx = 0, anchor: Anchor = 'plot'): number | undefined {
		if (!this.#fluid) return dx === 0 ? undefined : dx;
		return px(this.#affine(x, offset, anchor).b + dx);
	}

	/**
	 * A vertical line's x1 (and x2): px, or the percentage, its pixels going to `lineShift` (x1 and
	 * x2 take no calc()). With `from`: x relative to `from`, for a line inside what `place` put
	 * there. Written as three plain attributes, not a spread: a spread's element is redrawn as a
	 * whole each time the chart's layout changes.
	 */
	lineX(x: number, anchor: Anchor = 'plot', from?: number): number | string {
		if (!this.#fluid) return x - (from ?? 0);
		return pct(this.#lineAffine(x, anchor, from).a);
	}

	/** A vertical line's transform: nothing on screen; in the page, the x's pixels as a shift. */
	lineShift(x: number, anchor: Anchor = 'plot', from?: number): string | undefined {
		if (!this.#fluid) return undefined;
		return `translate(${px(this.#lineAffine(x, anchor, from).b)},0)`;
	}

	#lineAffine(x: number, anchor: Anchor, from: number | undefined): Affine {
		const to = this.#affine(x, 0, anchor);
		return from === undefined ? to : minus(to, this.#affine(from, 0, 'plot'));
	}
}

/**
 * One chart's x positions, kept the same object while its width and plot stay the same
 * (`XPositions.reuse`): `$derived(positions.of(layout, fluid))`.
 */
export class SteadyXPositions {
	#last: XPositions | undefined;

	of(layout: PlotSpan, fluid: boolean): XPositions {
		this.#last = XPositions.reuse(this.#last, layout, fluid);
		return this.#last;
	}
}
