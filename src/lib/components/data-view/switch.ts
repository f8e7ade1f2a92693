/**
 * Switching datasets: remember the choice (so a bare visit reopens it), then show the same page
 * with the other dataset. View state is dropped from the URL — its ids belong to the dataset left
 * behind — but the page and its hash (the Data view's tab) stay.
 */
import { goto } from '$app/navigation';
import { openDatasetStore } from '$lib/db/door';
import { searchFor } from '$lib/state/url-codec';

/** The URL of `current` showing `id` (an imported dataset) or the built-in one (null). */
export function urlForDataset(current: URL, id: string | null): string {
	return `${current.pathname}${searchFor(null, { data: null, dataset: id })}${current.hash}`;
}

export async function switchDataset(current: URL, id: string | null): Promise<void> {
	// The door loads Dexie on use: the header's switcher must not pull it into the first page load.
	const store = await openDatasetStore();
	await store.setActive(id).catch(() => undefined);
	// eslint-disable-next-line svelte/no-navigation-without-resolve -- same page, already resolved
	await goto(urlForDataset(current, id), { invalidateAll: true });
}
