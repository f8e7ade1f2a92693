/**
 * The history of an imported dataset: when an import of registry records is accepted, the text
 * it replaces is kept as a version, so the reader can compare versions and undo the last import.
 * At most MAX_VERSIONS are kept per dataset (the oldest go first). When the browser refuses the
 * write for lack of space, the oldest versions are let go and the write is tried once more; if
 * that fails too, a StorageShortError says what to do, and nothing was changed.
 */
import type { DatasetRecord, DatasetVersionRecord, LandscapeDb } from './db';
import { isQuotaError } from './errors';

export type { DatasetVersionRecord } from './db';

export const MAX_VERSIONS = 10;

/** A version as listed (its text is read only when needed). */
export type VersionInfo = Omit<DatasetVersionRecord, 'text'> & { seq: number };

export class StorageShortError extends Error {
	constructor(detail: string) {
		super(
			`This browser's storage is full (${detail}). Nothing was changed. Delete imported datasets you no longer need (Import, export and switch datasets), or export this one as JSON, then try again.`
		);
		this.name = 'StorageShortError';
	}
}

export interface DatasetHistory {
	/** Stores `record`/`text`, keeping `previous` (the text replaced) as a version. */
	saveVersion(
		record: DatasetRecord,
		text: string,
		previous: Omit<DatasetVersionRecord, 'seq'> | null
	): Promise<{ dropped: number }>;
	/** Newest first. */
	versions(datasetId: string): Promise<VersionInfo[]>;
	versionText(seq: number): Promise<string | undefined>;
	/** Puts the newest kept version back as the dataset and forgets it; null when none is kept. */
	undoLast(datasetId: string, now?: number): Promise<VersionInfo | null>;
}

const info = ({ text: _text, ...rest }: DatasetVersionRecord): VersionInfo => rest as VersionInfo;

export function dexieHistory(db: LandscapeDb): DatasetHistory {
	const trim = async (datasetId: string, keep: number) => {
		const rows = await db.datasetVersions.where('datasetId').equals(datasetId).primaryKeys();
		const old = (rows as number[]).sort((a, b) => a - b).slice(0, Math.max(0, rows.length - keep));
		await db.datasetVersions.bulkDelete(old);
		return old.length;
	};
	const write = (
		record: DatasetRecord,
		text: string,
		previous: Omit<DatasetVersionRecord, 'seq'> | null,
		keep: number
	) =>
		db.transaction('rw', db.datasets, db.datasetTexts, db.datasetVersions, async () => {
			if (previous) await db.datasetVersions.add(previous);
			const dropped = await trim(record.id, keep);
			await db.datasetTexts.put({ id: record.id, text });
			await db.datasets.put(record);
			return dropped;
		});
	return {
		async saveVersion(record, text, previous) {
			try {
				return { dropped: await write(record, text, previous, MAX_VERSIONS) };
			} catch (error) {
				if (!isQuotaError(error)) throw error;
			}
			// Short of space: keep only the version just replaced, and try once more.
			try {
				return { dropped: await write(record, text, previous, 1) };
			} catch (error) {
				if (isQuotaError(error))
					throw new StorageShortError('the write was refused for lack of space');
				throw error;
			}
		},
		async versions(datasetId) {
			const rows = await db.datasetVersions.where('datasetId').equals(datasetId).toArray();
			return rows.map(info).sort((a, b) => b.seq - a.seq);
		},
		async versionText(seq) {
			return (await db.datasetVersions.get(seq))?.text;
		},
		async undoLast(datasetId, now = Date.now()) {
			return db.transaction('rw', db.datasets, db.datasetTexts, db.datasetVersions, async () => {
				const rows = await db.datasetVersions.where('datasetId').equals(datasetId).toArray();
				const last = rows.sort((a, b) => b.seq! - a.seq!)[0];
				const current = await db.datasets.get(datasetId);
				if (!last || !current) return null;
				await db.datasetTexts.put({ id: datasetId, text: last.text });
				await db.datasets.put({
					...current,
					title: last.title,
					version: last.version,
					asOf: last.asOf,
					importedAt: now,
					size: last.text.length
				});
				await db.datasetVersions.delete(last.seq!);
				return info(last);
			});
		}
	};
}

/** The same, in memory (this tab only), for browsers without IndexedDB. */
export function memoryHistory(
	records: Map<string, DatasetRecord>,
	texts: Map<string, string>
): DatasetHistory {
	const rows: DatasetVersionRecord[] = [];
	let seq = 0;
	return {
		async saveVersion(record, text, previous) {
			if (previous) rows.push({ ...previous, seq: ++seq });
			const mine = rows.filter((r) => r.datasetId === record.id);
			const drop = mine.slice(0, Math.max(0, mine.length - MAX_VERSIONS));
			for (const r of drop) rows.splice(rows.indexOf(r), 1);
			records.set(record.id, { ...record });
			texts.set(record.id, text);
			return { dropped: drop.length };
		},
		async versions(datasetId) {
			return rows
				.filter((r) => r.datasetId === datasetId)
				.map(info)
				.sort((a, b) => b.seq - a.seq);
		},
		async versionText(n) {
			return rows.find((r) => r.seq === n)?.text;
		},
		async undoLast(datasetId, now = Date.now()) {
			const last = rows.filter((r) => r.datasetId === datasetId).sort((a, b) => b.seq! - a.seq!)[0];
			const current = records.get(datasetId);
			if (!last || !current) return null;
			texts.set(datasetId, last.text);
			records.set(datasetId, {
				...current,
				title: last.title,
				version: last.version,
				asOf: last.asOf,
				importedAt: now,
				size: last.text.length
			});
			rows.splice(rows.indexOf(last), 1);
			return info(last);
		}
	};
}
