/**
 * Import time for a dataset 40× HER2 (≈ 560 assets, 8,000 readouts; the JSON stays under the 32 MB import limit), on the JSON and the CSV-zip
 * routes. Times are logged for the record; the bound is generous on purpose (CI machines vary).
 */
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../data/schema';
import { datasetToCsvFiles } from './dataset-to-csv';
import { readDatasetFiles } from './read-file';
import { zipCsvFiles } from './zip';
import { her2Dataset } from './test-helpers';

const REFERENCE_KEYS = new Set(['id', 'asset', 'program', 'trial', 'assets', 'programs', 'about']);

/** A deep copy in which every id and every reference to an id gets `suffix`. */
function renamed<T>(value: T, ids: ReadonlySet<string>, suffix: string, key = ''): T {
	const rename = (v: unknown) => (typeof v === 'string' && ids.has(v) ? `${v}${suffix}` : v);
	if (Array.isArray(value)) {
		return value.map((item) =>
			REFERENCE_KEYS.has(key) ? rename(item) : renamed(item, ids, suffix)
		) as T;
	}
	if (value !== null && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([k, v]) => [
				k,
				REFERENCE_KEYS.has(k) && !Array.isArray(v) ? rename(v) : renamed(v, ids, suffix, k)
			])
		) as T;
	}
	return value;
}

function replicate(dataset: Dataset, times: number): Dataset {
	const collections = [
		'sources',
		'assets',
		'programs',
		'milestones',
		'trials',
		'readouts',
		'deals',
		'conflicts'
	] as const;
	const ids = new Set(collections.flatMap((c) => dataset[c].map((item) => item.id)));
	const copy = structuredClone(dataset);
	for (const collection of collections) {
		const items: unknown[] = [];
		for (let k = 0; k < times; k++) {
			const suffix = k === 0 ? '' : `-r${k}`;
			items.push(...dataset[collection].map((item) => renamed(item, ids, suffix)));
		}
		(copy as Record<string, unknown>)[collection] = items;
	}
	return copy;
}

describe('import at 40× HER2', () => {
	const big = replicate(her2Dataset(), 40);

	it('the replicator keeps the dataset valid', () => {
		expect(big.readouts.length).toBe(her2Dataset().readouts.length * 40);
	});

	// How fast is for `npm run bench`; here only what comes out (the time is logged).
	it('JSON route', async () => {
		const bytes = strToU8(JSON.stringify(big));
		const start = performance.now();
		const result = await readDatasetFiles([{ name: 'big.json', bytes }]);
		const ms = performance.now() - start;
		console.log(
			`40× HER2 JSON import: ${(bytes.length / 1024 / 1024).toFixed(1)} MB, ${Math.round(ms)} ms`
		);
		if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
		expect(result.model.dataset.readouts).toHaveLength(big.readouts.length);
	});

	it('CSV-zip route', async () => {
		let start = performance.now();
		const zip = zipCsvFiles(datasetToCsvFiles(big));
		const exportMs = performance.now() - start;
		start = performance.now();
		const result = await readDatasetFiles([{ name: 'big.zip', bytes: zip }]);
		const ms = performance.now() - start;
		console.log(
			`40× HER2 CSV-zip: export ${Math.round(exportMs)} ms (${(zip.length / 1024 / 1024).toFixed(1)} MB zip); import ${Math.round(ms)} ms`
		);
		if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
		const { changelog: _changelog, ...meta } = big.meta; // not carried by a CSV set
		expect(result.model.dataset).toStrictEqual({ ...big, meta });
		expect(result.model.dataset.readouts).toHaveLength(big.readouts.length);
	});
});
