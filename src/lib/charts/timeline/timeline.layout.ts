/**
 * The timeline layout: filtered programs and milestones → positioned marks. Pure (no DOM, no
 * runes), so the screen, the SVG/PNG export and the PPTX export draw from the same numbers.
 *
 * Two stages, so zooming does not redo the data work:
 * 1. `prepareTimeline(data, options)` — data only: sections (focus, comparators), groups (by asset
 *    or indication), one lane per program plus a "Corporate / other" lane per asset for milestones
 *    without a program; phases turned into time spans; milestones parsed and sorted. O(n log n).
 * 2. `layoutTimeline(prepared, { width, window })` — geometry: the time scale, bars clipped to the
 *    window, glyph positions, collision sub-rows (interval partitioning with two heaps,
 *    O(n log n)), lane heights, ticks, legend, and the keyboard-navigation order.
 * Times are epoch milliseconds (UTC); a partial date is a period (see $lib/data/dates).
 */
export * from './timeline.prepare';
export * from './timeline.window';
export * from './timeline.marks';
export * from './timeline.ticks';
export * from './timeline.rows';
export * from './timeline.geometry';
export * from './timeline.nav';
