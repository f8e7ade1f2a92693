/**
 * What the matrix shows once a reader points at, focuses or opens a cell (its tooltip and its
 * sources panel): loaded after the matrix is drawn (see OnDemand), not before it.
 */
export { default as Tooltip } from '$lib/charts/shared/Tooltip.svelte';
export { default as CellTip } from './CellTip.svelte';
export { default as SourcePanel } from './SourcePanel.svelte';
