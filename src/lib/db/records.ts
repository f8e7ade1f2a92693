/** The record kept beside an imported dataset's text. Dexie-free (the door hands it out). */
import type { Meta } from '$lib/data/schema';
import type { DatasetRecord } from './db';

export function recordFor(
	meta: Pick<Meta, 'id' | 'title' | 'version' | 'asOf' | 'target'>,
	text: string,
	from: string,
	now = Date.now()
): DatasetRecord {
	return {
		id: meta.id,
		title: meta.title,
		version: meta.version,
		asOf: meta.asOf,
		target: meta.target,
		importedAt: now,
		size: text.length,
		from
	};
}
