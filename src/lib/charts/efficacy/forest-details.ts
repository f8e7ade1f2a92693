/**
 * What the forest plot shows once a reader points at, focuses or pins a row: loaded after the
 * chart is drawn (see OnDemand), not before it.
 */
export { default as Tooltip } from '$lib/charts/shared/Tooltip.svelte';
export { default as RowDetails } from './RowDetails.svelte';
