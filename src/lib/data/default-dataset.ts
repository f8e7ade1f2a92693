// Kept apart from load.ts so the loader stays free of SvelteKit imports (tests and scripts use it).
import { base } from '$app/paths';

/** The built-in dataset, shipped in static/data/. */
export function defaultDatasetLocation(): string {
	return `${base}/data/her2.json`;
}
