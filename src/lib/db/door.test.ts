import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isQuotaError, openDatasetStore, openViewsRepository, recordFor } from './door';

function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sources(path);
		return /\.(ts|svelte)$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
	});
}

describe('the storage door', () => {
	it('is the only way into the database code from outside lib/db', () => {
		const strays: string[] = [];
		for (const file of sources('src')) {
			if (file.startsWith(join('src', 'lib', 'db'))) continue;
			const text = readFileSync(file, 'utf8');
			// Any import of a db module but the door, the synchronous hints and the idle-time probe
			// (which goes through the door), or of Dexie itself.
			for (const m of text.matchAll(/(?:from\s*|import\s*\(\s*)['"]([^'"]+)['"]/g)) {
				const spec = m[1]!;
				if (
					spec === 'dexie' ||
					(/\/db\//.test(spec) && !/\/db\/(door|hints|import-probe)$/.test(spec))
				)
					strays.push(`${file}: ${spec}`);
			}
		}
		expect(strays).toEqual([]);
	});

	it('is the only dynamic import of the database modules inside lib/db', () => {
		const dynamic = sources(join('src', 'lib', 'db')).filter((file) =>
			/import\s*\(\s*['"]/.test(readFileSync(file, 'utf8'))
		);
		expect(dynamic).toEqual([join('src', 'lib', 'db', 'door.ts')]);
	});

	it('opens the stores on first use', async () => {
		const { repo, problem } = await openViewsRepository({ name: 'door-test' });
		expect(repo.persistent).toBe(true);
		expect(problem).toBeNull();
		const store = await openDatasetStore({ name: 'door-test' });
		expect(store.persistent).toBe(true);
		const meta = { id: 'x', title: 'X', version: '1.0.0', asOf: '2026-12', target: 'HER2' };
		await store.put(recordFor(meta, '{}', 'x.json', 1), '{}');
		expect((await store.list()).map((r) => r.id)).toEqual(['x']);
	});

	it('tells a full disk from other write failures', () => {
		expect(isQuotaError({ name: 'QuotaExceededError' })).toBe(true);
		expect(isQuotaError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(true);
		expect(isQuotaError(new Error('nope'))).toBe(false);
		expect(isQuotaError(null)).toBe(false);
	});
});
