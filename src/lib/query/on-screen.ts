/**
 * What the one-line summary above a chart counts: the rows the chart shows and the assets they
 * belong to, so "12 of 12 assets" never stands above a chart that shows two. Pure.
 */

/** A row that belongs to one asset, none (a standard-of-care arm) or several (a deal). */
export interface AssetRow {
	asset: string | null | readonly string[];
}

/** How many distinct assets these rows belong to. */
export function countAssets(...lists: readonly (readonly AssetRow[])[]): number {
	const ids = new Set<string>();
	for (const rows of lists) {
		for (const { asset } of rows) {
			if (asset === null) continue;
			if (typeof asset === 'string') ids.add(asset);
			else for (const id of asset) ids.add(id);
		}
	}
	return ids.size;
}
