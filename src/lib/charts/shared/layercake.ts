/**
 * The one door to LayerCake. LayerCake 11 exposes its chart context through
 * `getLayerCakeContext()` (reactive getters: read `k.width` inside `$derived` or markup, never
 * destructure it at the top of a component); `getContext('LayerCake')` is undefined in v11.
 * Every chart imports LayerCake from here, so an upgrade changes one file and the per-chart
 * render tests catch a silent break.
 *
 * How the timeline and the forest plot use it: a frame component (TimelineFrame, ForestFrame)
 * gives the cake the chart's size from its layout, the plot area as `padding`, and the x scale
 * with its range already in the SVG's coordinates (LayerCake keeps a range set on the scale it
 * is given), so every layer draws in one coordinate space, on screen and in exports:
 * `k.xScale(value)` is an x in the SVG, and `plotTop(k)` … `plotBottom(k)` bound the plot.
 */
import { getLayerCakeContext, type LayerCakeContext } from 'layercake';

export { LayerCake, Svg, Html } from 'layercake';

/** A frame's scale: a value (a number, or a time in ms) → a coordinate in the SVG. */
export type FrameScale = ((value: number) => number) & { copy(): unknown; range(): number[] };

/**
 * What a layer of these charts reads from its frame. The x scale maps values to x; the y scale
 * is the identity over the plot's vertical extent (rows and lanes are placed by the layout), so
 * both ranges bound the plot area.
 */
export type Frame = LayerCakeContext<{ x: FrameScale; y: FrameScale }>;

/** The frame of the chart this layer is drawn in. Call during a layer's initialisation. */
export function useFrame(): Frame {
	return getLayerCakeContext<{ x: FrameScale; y: FrameScale }>();
}

// The plot area from the scales' ranges, which the frames set on the scales themselves: exact
// wherever the chart is mounted (the measured container size is not used).
export const plotLeft = (k: Frame): number => k.xRange[0] as number;
export const plotRight = (k: Frame): number => k.xRange[1] as number;
export const plotTop = (k: Frame): number => k.yRange[0] as number;
export const plotBottom = (k: Frame): number => k.yRange[1] as number;
/** The whole chart's width: the plot and the padding either side. */
export const frameWidth = (k: Frame): number => plotRight(k) + k.padding.right;
