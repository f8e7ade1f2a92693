import { redirect } from '@sveltejs/kit';
import { building } from '$app/environment';
import { defaultDatasetLocation } from '$lib/data/default-dataset';
import {
	loadDataset,
	loadDatasetText,
	resolveDatasetLocation,
	type LoadResult
} from '$lib/data/load';
import {
	openDatasetStore,
	type DatasetChoice,
	type DatasetRecord,
	type DatasetStore
} from '$lib/db/door';
import { mayHaveImports, noteImports } from '$lib/db/hints';
import { recallParsed, rememberParsed } from '$lib/data/parsed-cache';
import { showLoadStage } from '$lib/data/load-status';
import { datasetRef, hasStateParams, searchFor } from '$lib/state/url-codec';
import type { LayoutLoad } from './$types';

// A static site: the build prerenders each view with the built-in dataset, so its HTML already
// holds the default chart (see lib/server/prerendered-page.ts); any other path is served
// 200.html, and every link's own state, dataset or import is rendered in the browser.
export const ssr = true;
export const prerender = true;

/** Invalidated after an import or a delete, so the switcher's list is read again. */
const DATASETS_DEPENDENCY = 'landscape:datasets';

/** The dataset store, through the door: Dexie is not part of the first chart's JavaScript. */
const datasetStore = (): Promise<DatasetStore> => openDatasetStore();

async function loadImported(
	id: string,
	record: DatasetRecord | undefined,
	store: DatasetStore
): Promise<LoadResult> {
	const location = `dataset=${id}`;
	const text = record ? await store.text(id) : undefined;
	if (!record || text === undefined) {
		return {
			ok: false,
			location,
			title: 'This link names a dataset this browser does not have',
			problems: [
				{
					path: '?dataset',
					message: `“${id.slice(0, 120)}” is a dataset imported into someone's browser. Imported datasets are stored only in the browser that imported them (nothing is uploaded), so a link to one opens only there. Ask the sender for the dataset file and import it in the Data view, or open the built-in dataset.`
				}
			]
		};
	}
	const known = recallParsed(id, record.importedAt);
	if (known) return known;
	const result = await loadDatasetText(text, location, null, showLoadStage);
	rememberParsed(id, record.importedAt, result);
	return result;
}

export const load: LayoutLoad = async ({ fetch, url, depends, untrack }) => {
	depends(DATASETS_DEPENDENCY);
	// Prerendering: the built-in dataset, no view state (a page's link may add it in the browser).
	if (import.meta.env.SSR && building) {
		const { prerenderFetch } = await import('$lib/data/prerender-fetch');
		const result = await loadDataset(
			defaultDatasetLocation(),
			prerenderFetch,
			__BUILT_IN_DATASET__
		);
		const choice: DatasetChoice = { kind: 'built-in' };
		return { dataset: result, choice, imported: [] as DatasetRecord[], persistentDatasets: true };
	}
	const { data: requested, dataset: importedId } = datasetRef(url.searchParams);
	// The embed route never touches storage unless its link names an imported dataset; other
	// routes open it only if this browser may hold imports (see hints.ts).
	const embed = untrack(() => url.pathname.includes('/embed/'));
	const needStore = importedId !== null || (!embed && mayHaveImports());
	const store = needStore ? await datasetStore() : null;
	const imported = (await store?.list().catch(() => null)) ?? ([] as DatasetRecord[]);
	if (store && !embed) noteImports(imported.length > 0);

	let result: LoadResult;
	let choice: DatasetChoice;
	if (requested !== null) {
		choice = { kind: 'path', path: requested };
		const location = resolveDatasetLocation(requested, url.origin);
		result = location
			? await loadDataset(location.href, fetch, __BUILT_IN_DATASET__, showLoadStage)
			: {
					ok: false,
					location: requested,
					title: 'This link names a dataset the app will not load',
					problems: [
						{
							path: '?data',
							message: `"${requested.slice(0, 120)}" is not a .json file on this site; only same-origin paths such as /data/her2.json are loaded`
						}
					]
				};
	} else if (importedId !== null) {
		choice = { kind: 'imported', id: importedId };
		result = await loadImported(
			importedId,
			imported.find((r) => r.id === importedId),
			store ?? (await datasetStore())
		);
	} else {
		// A bare visit (no dataset, no view state in the URL, not an embed) reopens the dataset the
		// user last switched to — by putting it in the URL, so the address bar is always shareable.
		// A link with view state but no dataset is a link to the built-in dataset: it always wins.
		const bare = untrack(() => !hasStateParams(url.searchParams));
		if (bare && store) {
			const active = await store.getActive().catch(() => null);
			if (active !== null && imported.some((r) => r.id === active)) {
				// A bare visit has no other keys to keep.
				const target = untrack(
					() => `${url.pathname}${searchFor(null, { data: null, dataset: active })}`
				);
				redirect(307, target);
			}
		}
		choice = { kind: 'built-in' };
		result = await loadDataset(defaultDatasetLocation(), fetch, __BUILT_IN_DATASET__);
	}
	showLoadStage(null);
	return { dataset: result, choice, imported, persistentDatasets: store?.persistent ?? true };
};
