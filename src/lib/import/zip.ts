/**
 * A zip of CSV files in, a zip of CSV files out (fflate, in the browser). Reading is guarded
 * against zip bombs: the directory is read first (fflate's `filter` sees every entry's declared
 * `originalSize` before anything is inflated), limits are checked on the whole listing, and only
 * then are the accepted entries inflated — into buffers of exactly the declared size, so an entry
 * that lies about its size cannot grow past it.
 */
import { strToU8, unzipSync, zipSync } from 'fflate';
import { MAX_DATASET_BYTES } from '../data/checked';
import type { ImportProblem } from './problems';

export const MAX_ZIP_FILES = 30;
export const MAX_ZIP_TOTAL_BYTES = 50 * 1024 * 1024;
/** Entries of any kind (folders, ignored files included): a directory of a million entries is an attack. */
export const MAX_ZIP_ENTRIES = 1000;

export interface BinaryFile {
	name: string;
	bytes: Uint8Array;
}

export type ZipReadResult =
	{ ok: true; files: BinaryFile[]; ignored: string[] } | { ok: false; problems: ImportProblem[] };

const ARCHIVE = /\.(zip|gz|tgz|tar|7z|rar|bz2|xz)$/i;

function megabytes(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Starts with a zip's local file header, "PK\x03\x04" (shorter input has no fourth byte). */
export function isZipBytes(bytes: Uint8Array): boolean {
	return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;
}

type Decision = 'skip' | 'take';

/** What a zip is read for: the entries' extension and how many of them are read at most. */
export interface ZipContent {
	extension: 'csv' | 'json';
	maxFiles: number;
}

const CSV_CONTENT: ZipContent = { extension: 'csv', maxFiles: MAX_ZIP_FILES };

/**
 * The CSV entries of a zip (or, with `content`, the JSON ones), or the reasons it is refused.
 * Folders, `__MACOSX` and dotfiles are skipped.
 */
export function readCsvZip(
	zipName: string,
	bytes: Uint8Array,
	content: ZipContent = CSV_CONTENT
): ZipReadResult {
	const label = content.extension.toUpperCase();
	const problems: ImportProblem[] = [];
	const fail = (message: string, file = zipName) =>
		problems.push({ file, row: null, column: null, message });
	const decisions = new Map<string, Decision>();
	const ignored: string[] = [];
	let entries = 0;
	let total = 0;
	let taken = 0;
	try {
		// Pass 1: read the directory only (the filter refuses everything).
		unzipSync(bytes, {
			filter(entry) {
				entries++;
				if (entries > MAX_ZIP_ENTRIES) {
					if (entries === MAX_ZIP_ENTRIES + 1) {
						fail(`the zip has more than ${MAX_ZIP_ENTRIES} entries`);
					}
					return false;
				}
				const name = entry.name;
				const segments = name.split('/');
				const base = segments[segments.length - 1]!;
				if (
					name.endsWith('/') ||
					segments.includes('__MACOSX') ||
					segments.some((segment) => segment.startsWith('.'))
				) {
					return false;
				}
				if (ARCHIVE.test(base)) {
					fail(
						`"${name}" is an archive inside the zip; unpack it and zip the ${label} files directly`
					);
					return false;
				}
				if (!base.toLowerCase().endsWith(`.${content.extension}`)) {
					ignored.push(name);
					return false;
				}
				taken++;
				total += entry.originalSize;
				if (entry.originalSize > MAX_DATASET_BYTES) {
					fail(
						`${megabytes(entry.originalSize)} uncompressed; the limit is ${megabytes(MAX_DATASET_BYTES)} per file`,
						name
					);
				}
				decisions.set(name, 'take');
				return false;
			}
		});
	} catch (error) {
		return {
			ok: false,
			problems: [
				{
					file: zipName,
					row: null,
					column: null,
					message: `not a readable zip archive (${(error as Error).message})`
				}
			]
		};
	}
	if (taken === 0 && problems.length === 0) fail(`the zip contains no .${content.extension} files`);
	if (taken > content.maxFiles)
		fail(`the zip contains ${taken} ${label} files; at most ${content.maxFiles} are read`);
	if (total > MAX_ZIP_TOTAL_BYTES) {
		fail(
			`the ${label} files add up to ${megabytes(total)} uncompressed; the limit is ${megabytes(MAX_ZIP_TOTAL_BYTES)}`
		);
	}
	if (problems.length > 0) return { ok: false, problems };

	// Pass 2: inflate the accepted entries.
	let inflated: Record<string, Uint8Array>;
	try {
		inflated = unzipSync(bytes, { filter: (entry) => decisions.get(entry.name) === 'take' });
	} catch (error) {
		return {
			ok: false,
			problems: [
				{
					file: zipName,
					row: null,
					column: null,
					message: `the zip could not be unpacked (${(error as Error).message}); encrypted zips are not supported`
				}
			]
		};
	}
	const files: BinaryFile[] = [];
	for (const [name, data] of Object.entries(inflated)) {
		if (isZipBytes(data)) {
			fail(`"${name}" is a zip archive, not ${label} text; unpack it first`, name);
			continue;
		}
		files.push({ name, bytes: data });
	}
	if (problems.length > 0) return { ok: false, problems };
	return { ok: true, files, ignored };
}

/**
 * The CSV set as one zip. Each CSV starts with a UTF-8 byte-order mark so that spreadsheet
 * programs open it as UTF-8 (reading strips it again).
 */
export function zipCsvFiles(files: readonly { name: string; text: string }[]): Uint8Array {
	const entries: Record<string, Uint8Array> = {};
	for (const file of files) entries[file.name] = strToU8(`\uFEFF${file.text}`);
	// fflate's default compression level, 6.
	return zipSync(entries);
}
