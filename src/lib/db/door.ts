/**
 * The one door to storage. The rest of the app imports only this module (and hints.ts, the
 * synchronous localStorage hints): each opener loads the Dexie-backed module on first use, as its
 * own chunk (~30 KB gzip), so a first visit draws its first chart without it. The openers never
 * reject: without IndexedDB they give this tab's memory.
 */
import type { DatasetStore } from './datasets';
import type { OpenOptions } from './db';
import type { OpenedRepository } from './views';

export type { DatasetChoice, DatasetRecord, DatasetStore } from './datasets';
export type { OpenOptions } from './db';
export type { OpenedRepository, SavedView, ViewsRepository } from './views';
export { isQuotaError } from './errors';
export { recordFor } from './records';

/** The imported datasets, opened once per tab. */
export async function openDatasetStore(options?: OpenOptions): Promise<DatasetStore> {
	const { openDatasetStore } = await import('./datasets');
	return openDatasetStore(options);
}

/** The last view and saved views: IndexedDB, or memory with the reason why. */
export async function openViewsRepository(options?: OpenOptions): Promise<OpenedRepository> {
	const { openViewsRepository } = await import('./views');
	return openViewsRepository(options);
}
