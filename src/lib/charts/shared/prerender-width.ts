// Apart from prerendered.ts, which needs SvelteKit's environment: the build's page hooks and the
// end-to-end tests read these widths too.

/**
 * The widths a chart is laid out at on screen, widest first. A chart at least as wide as one of
 * them is laid out at the widest that fits and stretched to its own width (fluid.ts); the
 * prerendered page holds a drawing at each, its x positions written as fractions of its width,
 * so each is right in every column from its width up to the next one. The stylesheet shows the
 * one for the column (app.css: the container queries on [data-prerendered], which name these
 * widths), so the chart is in the first paint from the narrowest of them up.
 *
 * - 1,200 px: a little under the main column of a 1280 px window (1,232 px, or 1,215 px beside
 *   a classic scrollbar), so every window from 1280 px shows the widest layout, with every column
 *   of the forest plot.
 * - 936 px: the narrowest the forest plot keeps four of its columns (regimen, setting, n and
 *   endpoint; efficacy.columns.ts): windows from 1,001 px.
 * - 708 px: the narrowest it keeps two (regimen and endpoint): windows from 773 px.
 * - 640 px: the narrowest the timeline is drawn without scrolling sideways, and the forest plot
 *   with its regimen column: windows from 705 px, e.g. half of a 1440 px screen.
 *
 * Narrower than the last, the timeline keeps 640 px and scrolls sideways, and so does its
 * narrowest drawing (app.css). The forest plot has one layout width more (FOREST_LAYOUT_WIDTHS:
 * 600 px); narrower, it stacks its rows, laid out at its stacked widths (below). So no page
 * waits for the app at any width. Each width costs the page a drawing (of gzip, about 9 KB for
 * the forest plot and 14 KB for the timeline; of brotli, which finds the widest drawing's text
 * again, 2 and 4 KB), and a stretched layout is coarser than one made for the column: hence
 * only the widths where the forest plot's columns change most, and the narrowest a drawing can
 * be.
 */
export const LAYOUT_WIDTHS = [1200, 936, 708, 640] as const;

/**
 * The forest plot's: those and 600 px, the narrowest it keeps its rows in columns (below, it
 * stacks them: efficacy.columns.ts, STACKED_BELOW), with the same regimen column as at 640–707
 * px. Windows from 665 px, e.g. half of a 1366 px laptop screen (683 px).
 */
export const FOREST_LAYOUT_WIDTHS = [...LAYOUT_WIDTHS, 600] as const;

/**
 * The forest plot's widths with its rows stacked (a column under 600 px: efficacy.columns.ts), laid
 * out and stretched as the others. A stacked layout's width decides only where its texts are cut
 * (the regimen, the trial line beside the value) and how its legend wraps, so a little room is
 * lost to the stretch, never a column:
 * - 480 px: windows of 504 px and more (a 200 % zoom of a 1280 px screen);
 * - 360 px: windows of 384 px and more, e.g. a 390 px phone (its column: 366 px);
 * - 296 px: the column of a 320 px window, the narrowest the page is laid out at (body's
 *   min-width; a 400 % zoom of a 1280 px screen), so a drawing fits every column.
 */
export const FOREST_STACKED_LAYOUT_WIDTHS = [480, 360, 296] as const;

/** The widest layout: the drawing a wide window shows, and the one the app takes over. */
export const PRERENDER_WIDTH = LAYOUT_WIDTHS[0];

/** The narrowest of LAYOUT_WIDTHS: below it the timeline scrolls sideways. */
export const NARROWEST_LAYOUT_WIDTH = Math.min(...LAYOUT_WIDTHS);

/**
 * The width a chart `width` px wide is laid out at before it is stretched: the widest of its
 * layout widths (LAYOUT_WIDTHS, or the forest plot's) it holds, or undefined (laid out at its own
 * width) when narrower than them all.
 */
export function layoutWidthFor(
	width: number,
	widths: readonly number[] = LAYOUT_WIDTHS
): number | undefined {
	return widths.find((layoutWidth) => width >= layoutWidth);
}
