/**
 * Imported datasets in IndexedDB: their meta (for the switcher), their JSON text (loaded only when
 * one is opened), and which dataset was active last. Like views.ts, a Dexie implementation and a
 * memory one (this tab only) behind one interface; `openDatasetStore` never rejects.
 */
import { openDb, type DatasetRecord, type LandscapeDb, type OpenOptions } from './db';
import { noteImports } from './hints';
import { dexieHistory, memoryHistory, type DatasetHistory } from './versions';

export type { DatasetRecord } from './db';
export { recordFor } from './records';

export const ACTIVE_DATASET_KEY = 'activeDataset';

/** Which dataset the app shows: the built-in one, a same-origin file (?data=), or an import. */
export type DatasetChoice =
	{ kind: 'built-in' } | { kind: 'path'; path: string } | { kind: 'imported'; id: string };

export interface DatasetStore extends DatasetHistory {
	readonly persistent: boolean;
	/** Newest import first. */
	list(): Promise<DatasetRecord[]>;
	get(id: string): Promise<DatasetRecord | undefined>;
	text(id: string): Promise<string | undefined>;
	/** Stores (or replaces) one dataset: meta and text in one transaction, never half. */
	put(record: DatasetRecord, text: string): Promise<void>;
	remove(id: string): Promise<void>;
	/** The imported dataset last switched to; null = the built-in one. */
	getActive(): Promise<string | null>;
	setActive(id: string | null): Promise<void>;
}

export function dexieDatasetStore(db: LandscapeDb): DatasetStore {
	const history = dexieHistory(db);
	return {
		...history,
		async saveVersion(record, text, previous) {
			const result = await history.saveVersion(record, text, previous);
			noteImports(true);
			return result;
		},
		persistent: true,
		async list() {
			return (await db.datasets.orderBy('importedAt').reverse().toArray()) as DatasetRecord[];
		},
		get: (id) => db.datasets.get(id),
		async text(id) {
			return (await db.datasetTexts.get(id))?.text;
		},
		async put(record, text) {
			await db.transaction('rw', db.datasets, db.datasetTexts, async () => {
				await db.datasetTexts.put({ id: record.id, text });
				await db.datasets.put(record);
			});
			noteImports(true);
		},
		async remove(id) {
			const tables = [db.datasets, db.datasetTexts, db.settings, db.datasetVersions];
			await db.transaction('rw', tables, async () => {
				await db.datasets.delete(id);
				await db.datasetTexts.delete(id);
				await db.datasetVersions.where('datasetId').equals(id).delete();
				const active = await db.settings.get(ACTIVE_DATASET_KEY);
				if (active?.value === id) await db.settings.put({ key: ACTIVE_DATASET_KEY, value: null });
			});
		},
		async getActive() {
			return (await db.settings.get(ACTIVE_DATASET_KEY))?.value ?? null;
		},
		async setActive(id) {
			await db.settings.put({ key: ACTIVE_DATASET_KEY, value: id });
		}
	};
}

export function memoryDatasetStore(): DatasetStore {
	const records = new Map<string, DatasetRecord>();
	const texts = new Map<string, string>();
	let active: string | null = null;
	const history = memoryHistory(records, texts);
	return {
		...history,
		async saveVersion(record, text, previous) {
			const result = await history.saveVersion(record, text, previous);
			noteImports(true);
			return result;
		},
		persistent: false,
		async list() {
			return [...records.values()].sort((a, b) => b.importedAt - a.importedAt);
		},
		async get(id) {
			return records.get(id);
		},
		async text(id) {
			return texts.get(id);
		},
		async put(record, text) {
			records.set(record.id, { ...record });
			texts.set(record.id, text);
			noteImports(true);
		},
		async remove(id) {
			records.delete(id);
			texts.delete(id);
			if (active === id) active = null;
		},
		async getActive() {
			return active;
		},
		async setActive(id) {
			active = id;
		}
	};
}

let opening: Promise<DatasetStore> | null = null;

/** The app's dataset store, opened once per tab; memory when IndexedDB is missing or refuses. */
export function openDatasetStore(options: OpenOptions = {}) {
	opening ??= openStore(options);
	return opening;
}

async function openStore(options: OpenOptions): Promise<DatasetStore> {
	const db = await openDb(options, (db) => db.settings.get(ACTIVE_DATASET_KEY));
	return db ? dexieDatasetStore(db) : memoryDatasetStore();
}
