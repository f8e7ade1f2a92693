import { browser, building } from '$app/environment';

import { PRERENDER_WIDTH } from './prerender-width';

export {
	FOREST_LAYOUT_WIDTHS,
	FOREST_STACKED_LAYOUT_WIDTHS,
	LAYOUT_WIDTHS,
	NARROWEST_LAYOUT_WIDTH,
	PRERENDER_WIDTH,
	layoutWidthFor
} from './prerender-width';

/** Whether this render writes the prerendered page (fluid x positions, fluid.ts). */
export const drawsFluid = (): boolean => building;

/**
 * The width the chart `kind` is drawn at before its container is measured, or null when it waits
 * for the measure. While prerendering: PRERENDER_WIDTH. In the browser, while the page still
 * holds that chart's prerendered HTML (the wrapper carrying `data-prerendered="<kind>"`, an
 * attribute only the build writes, so hydration removes it): hydration must find the marks the
 * HTML holds, so it draws at once, at the wrapper's width when that is at least PRERENDER_WIDTH
 * (the same marks, stretched: the positions the page shows), else at PRERENDER_WIDTH, and then
 * at the measured width before the next paint. In a narrower column the page shows a drawing
 * made for a narrower layout width (prerender-width.ts), which the build alone writes: hydration
 * drops it, and the measured drawing, laid out at that same width, takes its place.
 */
export function widthBeforeMeasured(kind: string): number | null {
	if (building) return PRERENDER_WIDTH;
	const column = prerenderedColumnWidth(kind);
	return column === null ? null : Math.max(PRERENDER_WIDTH, column);
}

/**
 * The width of the column holding the chart `kind`'s prerendered HTML, while the app takes it
 * over (null otherwise): what decides, before the chart is measured, which of the page's
 * drawings and controls the reader sees.
 */
export function prerenderedColumnWidth(kind: string): number | null {
	if (!browser || building) return null;
	return document.querySelector<HTMLElement>(`[data-prerendered="${kind}"]`)?.clientWidth ?? null;
}

/** The wrapper's `data-prerendered` value: the kind when prerendering, nothing in the browser. */
export const prerenderedMark = (kind: string): string | undefined => (building ? kind : undefined);
