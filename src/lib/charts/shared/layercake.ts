/**
 * The one door to LayerCake. LayerCake 11 exposes its chart context through
 * `getLayerCakeContext()` (reactive getters: read `k.width` inside `$derived` or markup, never
 * destructure it at the top of a component); `getContext('LayerCake')` is undefined in v11.
 * Every chart imports LayerCake from here, so an upgrade changes one file and the per-chart
 * render tests catch a silent break.
 */
export { LayerCake, Svg, Html } from 'layercake';
