import { afterEach, describe, expect, test } from 'vitest';
import { Dexie } from 'dexie';
import { SCHEMA_V3, createDb } from './db';
import { dexieDatasetStore, memoryDatasetStore, recordFor, type DatasetStore } from './datasets';
import { MAX_VERSIONS, StorageShortError } from './versions';

let counter = 0;
const names: string[] = [];
const dbName = () => {
	const name = `versions-${Date.now()}-${counter++}`;
	names.push(name);
	return name;
};
afterEach(async () => {
	while (names.length) await Dexie.delete(names.pop()!);
});

const META = { id: 'mine', title: 'Mine', version: '1.0.0', asOf: '2026-09', target: 'HER2' };
const meta = (version: string) => ({ ...META, version });
const previous = (version: string, text: string, savedAt = 1) => ({
	datasetId: 'mine',
	version,
	asOf: META.asOf,
	title: META.title,
	savedAt,
	replacedBy: `import after ${version}`,
	text
});

const stores: [string, () => DatasetStore][] = [
	['memory', () => memoryDatasetStore()],
	['dexie', () => dexieDatasetStore(createDb(dbName()))]
];

for (const [kind, make] of stores) {
	describe(`${kind} dataset history`, () => {
		test('an accepted import keeps the text it replaced; undo puts it back', async () => {
			const store = make();
			await store.put(recordFor(meta('1.0.0'), 'v1', 'her2.json', 1), 'v1');
			await store.saveVersion(
				recordFor(meta('1.0.1'), 'v2', 'NCT.json', 2),
				'v2',
				previous('1.0.0', 'v1')
			);
			expect(await store.text('mine')).toBe('v2');
			const [kept] = await store.versions('mine');
			expect(kept).toMatchObject({ version: '1.0.0', replacedBy: 'import after 1.0.0' });
			expect(kept).not.toHaveProperty('text');
			expect(await store.versionText(kept!.seq)).toBe('v1');
			const undone = await store.undoLast('mine', 3);
			expect(undone?.version).toBe('1.0.0');
			expect(await store.text('mine')).toBe('v1');
			expect((await store.get('mine'))?.version).toBe('1.0.0');
			expect(await store.versions('mine')).toEqual([]);
			expect(await store.undoLast('mine')).toBeNull();
		});

		test(`at most ${MAX_VERSIONS} versions are kept, the oldest go first`, async () => {
			const store = make();
			let dropped = 0;
			for (let i = 0; i < MAX_VERSIONS + 3; i++) {
				const r = await store.saveVersion(
					recordFor(meta(`1.0.${i + 1}`), `t${i + 1}`, 'x', i),
					`t${i + 1}`,
					previous(`1.0.${i}`, `t${i}`, i)
				);
				dropped += r.dropped;
			}
			const versions = await store.versions('mine');
			expect(versions).toHaveLength(MAX_VERSIONS);
			expect(dropped).toBe(3);
			expect(versions[0]!.version).toBe(`1.0.${MAX_VERSIONS + 2}`);
			expect(versions.at(-1)!.version).toBe('1.0.3');
		});
	});
}

test('short of space: older versions are let go and the write tried again; else a clear message', async () => {
	const db = createDb(dbName());
	const store = dexieDatasetStore(db);
	for (let i = 0; i < 3; i++) {
		await store.saveVersion(
			recordFor(meta(`1.0.${i + 1}`), 'x', 'x'),
			'x',
			previous(`1.0.${i}`, 'x')
		);
	}
	const quota = () => Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
	const put = db.datasetTexts.put.bind(db.datasetTexts);
	let refusals = 1;
	db.datasetTexts.put = ((...args: Parameters<typeof put>) => {
		if (refusals-- > 0) return Promise.reject(quota());
		return put(...args);
	}) as typeof put;
	await store.saveVersion(recordFor(meta('1.0.4'), 'new', 'x'), 'new', previous('1.0.3', 'x'));
	expect(await store.text('mine')).toBe('new');
	expect((await store.versions('mine')).map((v) => v.version)).toEqual(['1.0.3']);

	refusals = 2;
	await expect(
		store.saveVersion(recordFor(meta('1.0.5'), 'newer', 'x'), 'newer', previous('1.0.4', 'new'))
	).rejects.toBeInstanceOf(StorageShortError);
	expect(await store.text('mine')).toBe('new');
	expect((await store.versions('mine')).map((v) => v.version)).toEqual(['1.0.3']);
	db.close();
});

test('a version 3 database upgrades to 4 and loses nothing saved before', async () => {
	const name = dbName();
	const v3 = new Dexie(name);
	v3.version(3).stores(SCHEMA_V3);
	await v3.open();
	const view = {
		id: 'v1',
		name: 'Gastric',
		nameKey: 'gastric',
		datasetId: 'her2',
		path: '/timeline',
		state: { a: 1 },
		datasetVersion: '1.0.0',
		createdAt: 1,
		updatedAt: 2
	};
	await v3.table('views').put(view);
	await v3.table('lastState').put({ datasetId: 'her2', state: { b: 2 }, updatedAt: 3 });
	await v3.table('datasets').put({ ...recordFor(META, '{"x":1}', 'mine.json', 4) });
	await v3.table('datasetTexts').put({ id: 'mine', text: '{"x":1}' });
	await v3.table('settings').put({ key: 'activeDataset', value: 'mine' });
	v3.close();

	const db = createDb(name);
	await db.open();
	expect(db.verno).toBe(4);
	expect(await db.views.get('v1')).toEqual(view);
	expect((await db.lastState.get('her2'))?.state).toEqual({ b: 2 });
	expect((await db.datasets.get('mine'))?.title).toBe('Mine');
	expect((await db.datasetTexts.get('mine'))?.text).toBe('{"x":1}');
	expect((await db.settings.get('activeDataset'))?.value).toBe('mine');
	expect(await db.datasetVersions.count()).toBe(0);
	db.close();
});
