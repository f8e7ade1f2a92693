import { building } from '$app/environment';
import { datasetRef, type DatasetRef } from './url-codec';

/**
 * The dataset a page's link names. None while prerendering, where SvelteKit refuses to read the
 * query: a prerendered page shows the built-in dataset's default view, and the browser applies
 * the link's own query.
 */
export function datasetOfPage(url: URL): DatasetRef {
	return datasetRef(building ? new URLSearchParams() : url.searchParams);
}

/** `url.search`, empty while prerendering (see datasetOfPage). */
export function searchOf(url: URL): string {
	return building ? '' : url.search;
}
