/**
 * The height to give a chart's <svg> on screen: the tallest it has been at its current width.
 *
 * Chromium lays out every text of an <svg> again when the svg's own size changes: 7 ms of the
 * frame after a filter click on the forest plot's 500 texts, more than the click's script. With a
 * steady height, a click that removes rows only moves the marks below them; the box around the
 * svg, as tall as the chart, clips what is left below (`overflow: clip`). A new width lays
 * everything out anyway, so the height starts again from the chart's own.
 */
export class SteadyHeights {
	readonly #seen = new Map<string, { width: number; height: number }>();

	/** The svg height for chart `key` (a panel) laid out at `width` and `height`. */
	of(key: string, width: number, height: number): number {
		const seen = this.#seen.get(key);
		const steady = seen && seen.width === width ? Math.max(seen.height, height) : height;
		this.#seen.set(key, { width, height: steady });
		return steady;
	}
}
