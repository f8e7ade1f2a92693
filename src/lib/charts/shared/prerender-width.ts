// Apart from prerendered.ts, which needs SvelteKit's environment: the build's page hooks and the
// end-to-end tests read this width too.

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
