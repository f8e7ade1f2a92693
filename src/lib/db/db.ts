/**
 * The IndexedDB schema, through Dexie 4. This folder is the only code that touches IndexedDB.
 *
 * Versions are kept forever (a browser may still hold any of them) and each upgrade is a pure
 * record transform, tested like the URL migrations:
 * - v1: `lastState` (one row per dataset id: the view state to restore on a bare visit) and
 *   `views` (saved views, indexed by dataset).
 * - v2: saved views gain `nameKey` (lower-cased name, for sorting and finding duplicates without
 *   case trouble) and `path` (the page the view was saved on; null for older rows), and a compound
 *   index [datasetId+nameKey] so a dataset's views come back sorted by name.
 * - v3: imported datasets. `datasets` holds each one's meta (id = the dataset's own meta id, the
 *   key every other table uses; title, version, asOf, importedAt, size), `datasetTexts` its JSON
 *   text (kept apart so listing the datasets never reads megabytes), and `settings` small
 *   key/value rows (`activeDataset`: the dataset last switched to). Only new stores: the upgrade
 *   moves nothing, so v2 rows stay as they are.
 * - v4: `datasetVersions`, the earlier versions of imported datasets (each a full JSON text,
 *   auto-numbered `seq`, indexed by dataset), kept when an import of registry records is
 *   accepted, so a reader can see what changed and undo the last import. A new store only: v3
 *   rows stay as they are.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { ViewState } from '$lib/state/view-state';

export const DB_NAME = 'landscape';

export interface LastStateRecord {
	datasetId: string;
	state: ViewState;
	updatedAt: number;
}

export interface SavedViewRecord {
	id: string;
	name: string;
	/** Lower-cased, trimmed name (v2). */
	nameKey: string;
	state: ViewState;
	datasetId: string;
	datasetVersion: string;
	/** Route the view was saved on, e.g. "/efficacy" (v2; null for views saved before). */
	path: string | null;
	createdAt: number;
	updatedAt: number;
}

export const SCHEMA_V1 = {
	lastState: 'datasetId',
	views: 'id, datasetId, updatedAt'
} as const;

export const SCHEMA_V2 = {
	lastState: 'datasetId',
	views: 'id, datasetId, updatedAt, [datasetId+nameKey]'
} as const;

export const SCHEMA_V3 = {
	...SCHEMA_V2,
	datasets: 'id, importedAt',
	datasetTexts: 'id',
	settings: 'key'
} as const;

export const SCHEMA_V4 = {
	...SCHEMA_V3,
	datasetVersions: '++seq, datasetId'
} as const;

/** An earlier version of an imported dataset (v4). */
export interface DatasetVersionRecord {
	/** Auto-numbered; a higher number is a later save. */
	seq?: number;
	datasetId: string;
	version: string;
	asOf: string;
	title: string;
	/** Date.now() when this version was replaced by the next one. */
	savedAt: number;
	/** What replaced it, e.g. "Registry import: 3 changes accepted (NCT99990001)". */
	replacedBy: string;
	text: string;
}

/** An imported dataset, as listed by the dataset switcher. */
export interface DatasetRecord {
	id: string;
	title: string;
	version: string;
	asOf: string;
	target: string;
	/** Date.now() of the import. */
	importedAt: number;
	/** Length of the stored JSON text, in characters. */
	size: number;
	/** What it was imported from ("her2.csv.zip"). */
	from: string;
}

export interface DatasetTextRecord {
	id: string;
	text: string;
}

export interface SettingRecord {
	key: string;
	value: string | null;
}

/** v1 → v2 for one saved view. */
export function upgradeViewToV2(view: Record<string, unknown>): void {
	view.nameKey = String(view.name ?? '')
		.trim()
		.toLocaleLowerCase();
	if (!('path' in view)) view.path = null;
}

export type LandscapeDb = Dexie & {
	lastState: EntityTable<LastStateRecord, 'datasetId'>;
	views: EntityTable<SavedViewRecord, 'id'>;
	datasets: EntityTable<DatasetRecord, 'id'>;
	datasetTexts: EntityTable<DatasetTextRecord, 'id'>;
	settings: EntityTable<SettingRecord, 'key'>;
	datasetVersions: EntityTable<DatasetVersionRecord, 'seq'>;
};

export function createDb(
	name = DB_NAME,
	options?: ConstructorParameters<typeof Dexie>[1]
): LandscapeDb {
	const db = new Dexie(name, options) as LandscapeDb;
	db.version(1).stores(SCHEMA_V1);
	db.version(2)
		.stores(SCHEMA_V2)
		.upgrade((tx) => tx.table('views').toCollection().modify(upgradeViewToV2));
	// New stores only: nothing to transform (Dexie creates them on open).
	db.version(3).stores(SCHEMA_V3);
	db.version(4).stores(SCHEMA_V4);
	return db;
}

export interface OpenOptions {
	name?: string;
	timeoutMs?: number;
	/**
	 * A newer version of the app (another tab) wants to upgrade the database: this connection
	 * closes so the upgrade is not blocked, and the caller is told so it can tell the user.
	 */
	onVersionChange?: () => void;
}

/**
 * Opens the database, or null when this browser has no usable IndexedDB: missing, refused (some
 * private modes), or not answering within `timeoutMs`. `probe` reads one row, because a refusal
 * sometimes shows only on the first request, and it should show here rather than later.
 */
export async function openDb(
	options: OpenOptions,
	probe: (db: LandscapeDb) => Promise<unknown>
): Promise<LandscapeDb | null> {
	let idb: IDBFactory | undefined;
	try {
		idb = globalThis.indexedDB;
	} catch {
		idb = undefined;
	}
	if (!idb) return null;
	let db: LandscapeDb | null = null;
	try {
		db = createDb(options.name, { indexedDB: idb, IDBKeyRange: globalThis.IDBKeyRange });
		const opened = db;
		opened.on('versionchange', () => {
			// Close (and stay closed: no silent reopen at the old version), then say why.
			opened.close();
			options.onVersionChange?.();
			return false;
		});
		let timer: ReturnType<typeof setTimeout> | undefined;
		const timeout = new Promise<never>((_, reject) => {
			timer = setTimeout(() => reject(new Error('open timed out')), options.timeoutMs ?? 4000);
		});
		try {
			await Promise.race([db.open(), timeout]);
		} finally {
			clearTimeout(timer);
		}
		await probe(db);
		return db;
	} catch {
		try {
			db?.close();
		} catch {
			/* already unusable */
		}
		return null;
	}
}
