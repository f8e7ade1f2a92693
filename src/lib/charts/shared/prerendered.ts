import { browser, building } from '$app/environment';

/**
 * The width a prerendered chart is drawn at: the main column of a 1280 px wide window. A chart
 * waits for its container's width before it draws, except when prerendering (no container to
 * measure) and when the app takes over a prerendered chart: hydration must find the marks the
 * HTML holds, so it draws them at this width first, then at the measured one in the same frame.
 * In a column of another width that redraw would move every mark sideways, so the drawing stays
 * hidden there until the app has redrawn it (app.css: the container query on [data-prerendered],
 * which names this width).
 */
export const PRERENDER_WIDTH = 1232;

/**
 * Whether the chart `kind` draws before it is measured: while prerendering, and in the browser
 * while the page still holds that chart's prerendered HTML (the wrapper carrying
 * `data-prerendered="<kind>"`, an attribute only the build writes, so hydration removes it).
 */
export function drawsBeforeMeasured(kind: string): boolean {
	if (building) return true;
	return browser && document.querySelector(`[data-prerendered="${kind}"]`) !== null;
}

/** The wrapper's `data-prerendered` value: the kind when prerendering, nothing in the browser. */
export const prerenderedMark = (kind: string): string | undefined => (building ? kind : undefined);
