/**
 * The typed repository the app sees: the last view state per dataset, and saved views. Two
 * implementations with one interface: IndexedDB (Dexie, shared by every tab, live across tabs via
 * liveQuery) and memory (this tab only), used when IndexedDB is missing or fails.
 */
import { liveQuery } from 'dexie';
import type { ViewState } from '$lib/state/view-state';
import { openDb, type LandscapeDb, type OpenOptions, type SavedViewRecord } from './db';

export type SavedView = Omit<SavedViewRecord, 'nameKey'>;

export interface NewSavedView {
	name: string;
	state: ViewState;
	datasetId: string;
	datasetVersion: string;
	path: string | null;
}

export interface ViewsRepository {
	/** True when data outlives the tab (IndexedDB). */
	readonly persistent: boolean;
	loadLast(datasetId: string): Promise<ViewState | null>;
	saveLast(datasetId: string, state: ViewState): Promise<void>;
	list(datasetId: string): Promise<SavedView[]>;
	/** Calls back with the dataset's saved views now and after every change, from any tab. */
	watch(
		datasetId: string,
		next: (views: SavedView[]) => void,
		error?: (e: unknown) => void
	): () => void;
	get(id: string): Promise<SavedView | undefined>;
	create(view: NewSavedView): Promise<SavedView>;
	rename(id: string, name: string): Promise<void>;
	remove(id: string): Promise<void>;
	/** Puts a view back as it was (undo of remove). */
	restore(view: SavedView): Promise<void>;
}

export const MAX_NAME_LENGTH = 120;

export function cleanName(name: string): string {
	return name.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_LENGTH) || 'Untitled view';
}

const toRecord = (view: SavedView): SavedViewRecord => ({
	...view,
	nameKey: view.name.toLocaleLowerCase()
});
const fromRecord = ({ nameKey: _nameKey, ...view }: SavedViewRecord): SavedView => view;

function newId(): string {
	return typeof crypto !== 'undefined' && 'randomUUID' in crypto
		? crypto.randomUUID()
		: `v-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function build(view: NewSavedView, now: number): SavedView {
	return {
		id: newId(),
		name: cleanName(view.name),
		state: structuredClone(view.state),
		datasetId: view.datasetId,
		datasetVersion: view.datasetVersion,
		path: view.path,
		createdAt: now,
		updatedAt: now
	};
}

/** Plain data only: $state proxies and class instances do not survive structured cloning. */
const plain = (state: ViewState): ViewState => JSON.parse(JSON.stringify(state));

export function dexieRepository(db: LandscapeDb, now: () => number = Date.now): ViewsRepository {
	const list = async (datasetId: string) =>
		(
			await db.views
				.where('[datasetId+nameKey]')
				.between([datasetId, ''], [datasetId, '\uffff'])
				.toArray()
		).map(fromRecord);
	return {
		persistent: true,
		async loadLast(datasetId) {
			return (await db.lastState.get(datasetId))?.state ?? null;
		},
		async saveLast(datasetId, state) {
			await db.lastState.put({ datasetId, state: plain(state), updatedAt: now() });
		},
		list,
		watch(datasetId, next, error) {
			const sub = liveQuery(() => list(datasetId)).subscribe({
				next,
				error: (e) => error?.(e)
			});
			return () => sub.unsubscribe();
		},
		async get(id) {
			const r = await db.views.get(id);
			return r && fromRecord(r);
		},
		async create(input) {
			const view = build({ ...input, state: plain(input.state) }, now());
			await db.views.add(toRecord(view));
			return view;
		},
		async rename(id, name) {
			const clean = cleanName(name);
			await db.views.update(id, {
				name: clean,
				nameKey: clean.toLocaleLowerCase(),
				updatedAt: now()
			});
		},
		async remove(id) {
			await db.views.delete(id);
		},
		async restore(view) {
			await db.views.put(toRecord(view));
		}
	};
}

export function memoryRepository(now: () => number = Date.now): ViewsRepository {
	const last = new Map<string, ViewState>();
	const views = new Map<string, SavedView>();
	const watchers = new Set<() => void>();
	const list = (datasetId: string) =>
		[...views.values()]
			.filter((v) => v.datasetId === datasetId)
			.sort((a, b) => a.name.toLocaleLowerCase().localeCompare(b.name.toLocaleLowerCase()))
			.map((v) => structuredClone(v));
	const changed = () => watchers.forEach((w) => w());
	return {
		persistent: false,
		async loadLast(datasetId) {
			const s = last.get(datasetId);
			return s ? structuredClone(s) : null;
		},
		async saveLast(datasetId, state) {
			last.set(datasetId, plain(state));
		},
		async list(datasetId) {
			return list(datasetId);
		},
		watch(datasetId, next) {
			const w = () => next(list(datasetId));
			watchers.add(w);
			queueMicrotask(w);
			return () => watchers.delete(w);
		},
		async get(id) {
			const v = views.get(id);
			return v && structuredClone(v);
		},
		async create(input) {
			const view = build({ ...input, state: plain(input.state) }, now());
			views.set(view.id, view);
			changed();
			return structuredClone(view);
		},
		async rename(id, name) {
			const v = views.get(id);
			if (v) views.set(id, { ...v, name: cleanName(name), updatedAt: now() });
			changed();
		},
		async remove(id) {
			views.delete(id);
			changed();
		},
		async restore(view) {
			views.set(view.id, structuredClone(view));
			changed();
		}
	};
}

export interface OpenedRepository {
	repo: ViewsRepository;
	/** Why storage is not persistent, in words for the user; null when it is. */
	problem: string | null;
}

export const STORAGE_UNAVAILABLE =
	'Storage is unavailable in this browser window (private browsing or blocked site data): filters and saved views last only until this tab closes.';

/**
 * Opens IndexedDB, or falls back to memory. Never rejects. A blocked or hanging open (another tab
 * holds an old version open) gives up after `timeoutMs`.
 */
export async function openViewsRepository(options: OpenOptions = {}): Promise<OpenedRepository> {
	const db = await openDb(options, (db) => db.lastState.get('__probe__'));
	return db
		? { repo: dexieRepository(db), problem: null }
		: { repo: memoryRepository(), problem: STORAGE_UNAVAILABLE };
}
