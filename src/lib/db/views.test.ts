import { afterEach, describe, expect, test, vi } from 'vitest';
import { Dexie } from 'dexie';
import { defaultViewState } from '$lib/state/view-state';
import { SCHEMA_V1, createDb } from './db';
import {
	STORAGE_UNAVAILABLE,
	dexieRepository,
	memoryRepository,
	openViewsRepository,
	type ViewsRepository
} from './views';

let counter = 0;
const names: string[] = [];
const dbName = () => {
	const name = `test-${Date.now()}-${counter++}`;
	names.push(name);
	return name;
};
afterEach(async () => {
	await Promise.all(names.splice(0).map((n) => Dexie.delete(n)));
});

const state = (assets: string[]) => {
	const s = defaultViewState();
	s.filters.assets = assets;
	return s;
};

const implementations: [string, () => Promise<ViewsRepository>][] = [
	['dexie', async () => dexieRepository(createDb(dbName()), clock())],
	['memory', async () => memoryRepository(clock())]
];
function clock() {
	let t = 1000;
	return () => (t += 1000);
}

describe.each(implementations)('%s repository', (_name, make) => {
	test('last state per dataset', async () => {
		const repo = await make();
		expect(await repo.loadLast('her2')).toBeNull();
		await repo.saveLast('her2', state(['kn026']));
		await repo.saveLast('other', state(['x']));
		await repo.saveLast('her2', state(['kn026', 'zanidatamab']));
		expect((await repo.loadLast('her2'))?.filters.assets).toEqual(['kn026', 'zanidatamab']);
		expect((await repo.loadLast('other'))?.filters.assets).toEqual(['x']);
	});

	test('create, list sorted by name per dataset, rename, delete, restore', async () => {
		const repo = await make();
		const base = { datasetId: 'her2', datasetVersion: '1', path: '/efficacy' };
		const b = await repo.create({ ...base, name: '  zeta   view ', state: state(['kn026']) });
		const a = await repo.create({ ...base, name: 'Alpha', state: state([]) });
		await repo.create({ ...base, datasetId: 'other', name: 'Elsewhere', state: state([]) });
		expect(b).toMatchObject({ name: 'zeta view', createdAt: b.updatedAt, path: '/efficacy' });
		expect((await repo.list('her2')).map((v) => v.name)).toEqual(['Alpha', 'zeta view']);

		await repo.rename(a.id, 'Omega');
		const renamed = await repo.get(a.id);
		expect(renamed?.name).toBe('Omega');
		expect(renamed!.updatedAt).toBeGreaterThan(renamed!.createdAt);
		expect((await repo.list('her2')).map((v) => v.name)).toEqual(['Omega', 'zeta view']);

		await repo.remove(b.id);
		expect((await repo.list('her2')).map((v) => v.id)).toEqual([a.id]);
		await repo.restore(b);
		expect((await repo.get(b.id))?.state.filters.assets).toEqual(['kn026']);
	});

	test('watch reports the list now and after changes', async () => {
		const repo = await make();
		const seen: string[][] = [];
		const stop = repo.watch('her2', (views) => seen.push(views.map((v) => v.name)));
		// Waits on what the watcher reported, never on a clock (the limit only guards a hang).
		await vi.waitFor(() => expect(seen).toEqual([[]]), { timeout: 60_000 });
		await repo.create({
			name: 'One',
			state: state([]),
			datasetId: 'her2',
			datasetVersion: '1',
			path: null
		});
		await vi.waitFor(() => expect(seen.at(-1)).toEqual(['One']), { timeout: 60_000 });
		stop();
		expect(seen[0]).toEqual([]);
	});

	test('stored states are copies: later edits do not leak in', async () => {
		const repo = await make();
		const s = state(['kn026']);
		const view = await repo.create({
			name: 'x',
			state: s,
			datasetId: 'd',
			datasetVersion: '1',
			path: null
		});
		s.filters.assets.push('mutated');
		expect((await repo.get(view.id))?.state.filters.assets).toEqual(['kn026']);
	});
});

describe('schema upgrade', () => {
	test('version 1 data survives the upgrade to version 2 and gains the new fields', async () => {
		const name = dbName();
		const v1 = new Dexie(name);
		v1.version(1).stores(SCHEMA_V1);
		await v1.open();
		const s = state(['kn026']);
		await v1.table('lastState').put({ datasetId: 'her2', state: s, updatedAt: 1 });
		await v1.table('views').bulkPut([
			{
				id: 'a',
				name: 'Gastric 2L',
				state: s,
				datasetId: 'her2',
				datasetVersion: '0.9',
				createdAt: 1,
				updatedAt: 2
			},
			{
				id: 'b',
				name: 'breast',
				state: s,
				datasetId: 'her2',
				datasetVersion: '0.9',
				createdAt: 3,
				updatedAt: 3
			}
		]);
		v1.close();

		const db = createDb(name);
		await db.open();
		expect(db.verno).toBe(4);
		const repo = dexieRepository(db);
		expect(await repo.loadLast('her2')).toEqual(s);
		const views = await repo.list('her2');
		expect(views.map((v) => v.name)).toEqual(['breast', 'Gastric 2L']); // by the new nameKey index
		expect(views[1]).toEqual({
			id: 'a',
			name: 'Gastric 2L',
			state: s,
			datasetId: 'her2',
			datasetVersion: '0.9',
			path: null,
			createdAt: 1,
			updatedAt: 2
		});
		expect((await db.views.get('a'))?.nameKey).toBe('gastric 2l');
		db.close();
	});
});

describe('openViewsRepository', () => {
	test('uses IndexedDB when there is one', async () => {
		const { repo, problem } = await openViewsRepository({ name: dbName() });
		expect(problem).toBeNull();
		expect(repo.persistent).toBe(true);
	});

	test('falls back to memory, and says so, without IndexedDB', async () => {
		const saved = globalThis.indexedDB;
		Object.defineProperty(globalThis, 'indexedDB', { value: undefined, configurable: true });
		try {
			const { repo, problem } = await openViewsRepository({ name: dbName() });
			expect(problem).toBe(STORAGE_UNAVAILABLE);
			expect(repo.persistent).toBe(false);
			await repo.saveLast('d', state(['kn026']));
			expect((await repo.loadLast('d'))?.filters.assets).toEqual(['kn026']);
		} finally {
			Object.defineProperty(globalThis, 'indexedDB', { value: saved, configurable: true });
		}
	});

	test('falls back when opening fails', async () => {
		const saved = globalThis.indexedDB;
		const broken = {
			open: () => {
				throw new DOMException('denied', 'SecurityError');
			}
		};
		Object.defineProperty(globalThis, 'indexedDB', { value: broken, configurable: true });
		try {
			const { problem } = await openViewsRepository({ name: dbName(), timeoutMs: 500 });
			expect(problem).toBe(STORAGE_UNAVAILABLE);
		} finally {
			Object.defineProperty(globalThis, 'indexedDB', { value: saved, configurable: true });
		}
	});
});
