import { defaultDatasetLocation } from '$lib/data/default-dataset';
import { loadDataset, resolveDatasetLocation, type LoadResult } from '$lib/data/load';
import type { LayoutLoad } from './$types';

// A client-only app: no server rendering; adapter-static serves 200.html for every path.
export const ssr = false;
export const prerender = false;

export const load: LayoutLoad = async ({ fetch, url }) => {
	const requested = url.searchParams.get('data');
	let result: LoadResult;
	if (requested === null) {
		result = await loadDataset(defaultDatasetLocation(), fetch);
	} else {
		const location = resolveDatasetLocation(requested, url.origin);
		result = location
			? await loadDataset(location.href, fetch)
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
	}
	return { dataset: result };
};
