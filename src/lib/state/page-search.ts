import { building } from '$app/environment';

/**
 * A page URL's query. Empty while prerendering, where SvelteKit refuses to read it: a prerendered
 * page shows the built-in dataset's default view, and the browser applies the link's own query.
 */
export function searchParamsOf(url: URL): URLSearchParams {
	return building ? new URLSearchParams() : url.searchParams;
}

/** `url.search`, empty while prerendering (see searchParamsOf). */
export function searchOf(url: URL): string {
	return building ? '' : url.search;
}
