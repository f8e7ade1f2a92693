import { browser, building } from '$app/environment';

/**
 * The width a chart is laid out at, at most, on screen, and the width its prerendered drawing is
 * made at: a little under the main column of a 1280 px wide window (1,232 px, or 1,215 px
 * beside a classic scrollbar), so every window from 1280 px shows it. A wider chart is this
 * layout stretched (fluid.ts), and the prerendered drawing writes its x positions as fractions of
 * its width, so it is right in every column at least this wide. In a narrower one the app lays
 * the chart out again (other labels fit, glyphs stack otherwise), so there the drawing stays
 * hidden until the app has redrawn it (app.css: the container query on [data-prerendered], which
 * names this width).
 */
export const PRERENDER_WIDTH = 1200;

/** Whether this render writes the prerendered page (fluid x positions, fluid.ts). */
export const drawsFluid = (): boolean => building;

/**
 * The width the chart `kind` is drawn at before its container is measured, or null when it waits
 * for the measure. While prerendering: PRERENDER_WIDTH. In the browser, while the page still
 * holds that chart's prerendered HTML (the wrapper carrying `data-prerendered="<kind>"`, an
 * attribute only the build writes, so hydration removes it): hydration must find the marks the
 * HTML holds, so it draws at once, at the wrapper's width when that is at least PRERENDER_WIDTH
 * (the same marks, stretched: the positions the page shows), else at PRERENDER_WIDTH, and then
 * at the measured width (the drawing is hidden there until then).
 */
export function widthBeforeMeasured(kind: string): number | null {
	if (building) return PRERENDER_WIDTH;
	if (!browser) return null;
	const wrapper = document.querySelector<HTMLElement>(`[data-prerendered="${kind}"]`);
	if (wrapper === null) return null;
	return Math.max(PRERENDER_WIDTH, wrapper.clientWidth);
}

/** The wrapper's `data-prerendered` value: the kind when prerendering, nothing in the browser. */
export const prerenderedMark = (kind: string): string | undefined => (building ? kind : undefined);
