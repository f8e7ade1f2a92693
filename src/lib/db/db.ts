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
 * - A later `datasets` table (imported datasets, keyed by the same dataset id every other table
 *   uses) is a v3 that declares the new store; nothing existing has to move.
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
	return db;
}
