/**
 * Registry files the user picked or dropped → study records, file by file. A file is one study
 * object, a `{"studies": [...]}` page as the registry's search and API return it, or a list of
 * studies; a .zip holds any number of such .json files. A file that cannot be read (not JSON, not
 * a study record, a field of the wrong type) gives problems naming the file and the field, and
 * nothing from it is used; the other files are read as usual. Never throws.
 */
import { decodeText, parseJsonText } from '../read-file';
import type { ImportProblem } from '../problems';
import { isZipBytes, MAX_ZIP_ENTRIES, readCsvZip, type BinaryFile } from '../zip';
import { isObject } from './fields';
import { readStudy, type RegistryStudy } from './study';

/** Records read from one file. */
export interface RecordFile {
	name: string;
	studies: RegistryStudy[];
}

export interface RecordsRead {
	files: RecordFile[];
	/** Problems of the files that were refused (each refused file is listed here, not in `files`). */
	problems: ImportProblem[];
}

/**
 * A zip of registry records holds at most this many .json files: as many as the zip reader opens
 * entries at all (a larger number here would promise files that are never read).
 */
export const MAX_RECORD_FILES = MAX_ZIP_ENTRIES;

const problem = (file: string, message: string, path?: string): ImportProblem => ({
	file,
	row: null,
	column: null,
	message: path ? `${path}: ${message}` : message,
	...(path ? { path } : {})
});

/** True when a parsed JSON value looks like registry records (used to tell them from a dataset). */
export function looksLikeRegistryJson(value: unknown): boolean {
	if (Array.isArray(value)) return value.length > 0 && value.every(isStudyShaped);
	return isObject(value) && (Array.isArray(value.studies) || isStudyShaped(value));
}

const isStudyShaped = (value: unknown) => isObject(value) && 'protocolSection' in value;

/** One parsed JSON value → the studies in it, or the problems that refuse the whole file. */
export function studiesFromJson(
	name: string,
	value: unknown
): { ok: true; studies: RegistryStudy[] } | { ok: false; problems: ImportProblem[] } {
	let items: { record: unknown; where: string }[];
	if (Array.isArray(value)) items = value.map((record, i) => ({ record, where: `[${i}].` }));
	else if (isObject(value) && 'studies' in value) {
		if (!Array.isArray(value.studies)) {
			return { ok: false, problems: [problem(name, 'expected a list of studies', 'studies')] };
		}
		items = value.studies.map((record, i) => ({ record, where: `studies[${i}].` }));
	} else if (isObject(value) && 'protocolSection' in value) items = [{ record: value, where: '' }];
	else {
		return {
			ok: false,
			problems: [
				problem(
					name,
					'not a ClinicalTrials.gov study record: expected an object with "protocolSection" or a page with "studies"'
				)
			]
		};
	}
	if (items.length === 0)
		return { ok: false, problems: [problem(name, 'the page lists no studies')] };
	const studies: RegistryStudy[] = [];
	const problems: ImportProblem[] = [];
	for (const { record, where } of items) {
		const read = readStudy(record, where);
		if (read.ok) studies.push(read.study);
		else problems.push(...read.problems.map((p) => problem(name, p.message, p.path)));
	}
	return problems.length > 0 ? { ok: false, problems } : { ok: true, studies };
}

function readJsonFile(file: BinaryFile, into: RecordsRead): void {
	const decoded = decodeText(file, 'json');
	if (!decoded.ok) {
		into.problems.push(decoded.problem);
		return;
	}
	const parsed = parseJsonText(decoded.text);
	if (!parsed.ok) {
		into.problems.push(problem(file.name, parsed.message));
		return;
	}
	const read = studiesFromJson(file.name, parsed.value);
	if (read.ok) into.files.push({ name: file.name, studies: read.studies });
	else into.problems.push(...read.problems);
}

/** Every file → its studies, or its problems. Zips are opened and their .json entries read. */
export function readRecordFiles(files: readonly BinaryFile[]): RecordsRead {
	const out: RecordsRead = { files: [], problems: [] };
	for (const file of files) {
		try {
			if (isZipBytes(file.bytes) || file.name.toLowerCase().endsWith('.zip')) {
				const unzipped = readCsvZip(file.name, file.bytes, {
					extension: 'json',
					maxFiles: MAX_RECORD_FILES
				});
				if (!unzipped.ok) out.problems.push(...unzipped.problems);
				else {
					for (const entry of unzipped.files) {
						readJsonFile({ name: `${file.name}/${entry.name}`, bytes: entry.bytes }, out);
					}
				}
			} else readJsonFile(file, out);
		} catch (error) {
			out.problems.push(problem(file.name, `unexpected error: ${(error as Error).message}`));
		}
	}
	return out;
}
