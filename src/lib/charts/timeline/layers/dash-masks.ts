/**
 * The ids of the masks that dash the timeline's spanning lines (drawn as rects: DashMask.svelte),
 * named after the chart's plot clip, which is unique in the page. Defs draws them; the bars' leads
 * (as a dashed 4 3 line was) and an expected period's bracket (2 1.5) use them.
 */
export const dashMasks = (clipId: string) => ({
	lead: `${clipId}-lead-dash`,
	bracket: `${clipId}-bracket-dash`
});
