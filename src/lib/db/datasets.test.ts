import { afterEach, describe, expect, test } from 'vitest';
import { Dexie } from 'dexie';
import { SCHEMA_V2, createDb } from './db';
import { dexieDatasetStore, memoryDatasetStore, recordFor, type DatasetStore } from './datasets';

let counter = 0;
const names: string[] = [];
const dbName = () => {
	const name = `datasets-${Date.now()}-${counter++}`;
	names.push(name);
	return name;
};
afterEach(async () => {
	while (names.length) await Dexie.delete(names.pop()!);
});

const META = { id: 'tiny', title: 'Tiny', version: '0.1.0', asOf: '2025-06', target: 'HER2' };

const stores: [string, () => Promise<DatasetStore>][] = [
	['memory', async () => memoryDatasetStore()],
	['dexie', async () => dexieDatasetStore(createDb(dbName()))]
];

for (const [kind, make] of stores) {
	describe(`${kind} dataset store`, () => {
		test('put, list newest first, read the text, replace, remove', async () => {
			const store = await make();
			await store.put(recordFor(META, '{"a":1}', 'tiny.json', 1), '{"a":1}');
			await store.put(recordFor({ ...META, id: 'two' }, '{}', 'two.zip', 2), '{}');
			expect((await store.list()).map((r) => r.id)).toEqual(['two', 'tiny']);
			expect(await store.text('tiny')).toBe('{"a":1}');
			expect((await store.get('tiny'))?.size).toBe(7);
			await store.put(
				recordFor({ ...META, title: 'Tiny v2' }, '{"a":2}', 'tiny.json', 3),
				'{"a":2}'
			);
			expect((await store.list()).map((r) => r.title)).toEqual(['Tiny v2', 'Tiny']);
			await store.remove('tiny');
			expect(await store.text('tiny')).toBeUndefined();
			expect((await store.list()).map((r) => r.id)).toEqual(['two']);
		});

		test('the active dataset is remembered and forgotten when it is deleted', async () => {
			const store = await make();
			expect(await store.getActive()).toBeNull();
			await store.put(recordFor(META, '{}', 'tiny.json'), '{}');
			await store.setActive('tiny');
			expect(await store.getActive()).toBe('tiny');
			await store.remove('tiny');
			expect(await store.getActive()).toBeNull();
		});
	});
}

test('a version 2 database upgrades with its saved views and gains the dataset stores', async () => {
	const name = dbName();
	const v2 = new Dexie(name);
	v2.version(2).stores(SCHEMA_V2);
	await v2.open();
	await v2.table('lastState').put({ datasetId: 'her2', state: { x: 1 }, updatedAt: 1 });
	v2.close();
	const db = createDb(name);
	await db.open();
	expect(db.verno).toBe(4);
	expect((await db.lastState.get('her2'))?.updatedAt).toBe(1);
	const store = dexieDatasetStore(db);
	await store.put(recordFor(META, '{}', 'tiny.json'), '{}');
	expect(await store.list()).toHaveLength(1);
	db.close();
});
