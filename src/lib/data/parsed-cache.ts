/**
 * The last imported dataset, validated, keyed by its id and import time: the layout reuses it when
 * it reruns (filters, navigation) and right after an import (which has just validated the same
 * text), so megabytes are not parsed and checked twice. One entry: memory stays bounded.
 */
import type { LoadResult } from './load';

let last: { id: string; importedAt: number; result: LoadResult } | null = null;

export function rememberParsed(id: string, importedAt: number, result: LoadResult): void {
	last = { id, importedAt, result };
}

export function recallParsed(id: string, importedAt: number): LoadResult | null {
	return last?.id === id && last.importedAt === importedAt ? last.result : null;
}
