/**
 * The import entry point: files the user picked or dropped → a validated dataset model, or every
 * problem named by file, row and column. Decides by name (and content): one `.json` dataset, one
 * `.zip` of CSV files, or one or more `.csv` files of a CSV set. Everything happens in the browser;
 * nothing is sent anywhere. Never throws, never returns a half dataset.
 */
import { MAX_DATASET_BYTES } from '../data/checked';
import { validateDataset } from '../data/validate';
import type { DatasetModel } from '../data/model';
import { importCsvSet } from './csv-to-dataset';
import { capProblems, type ImportProblem } from './problems';
import { isZipBytes, MAX_ZIP_FILES, MAX_ZIP_TOTAL_BYTES, readCsvZip, type BinaryFile } from './zip';

export type { ImportProblem } from './problems';

export type ImportFormat = 'json' | 'csv' | 'zip';

export type ImportResult =
	| {
			ok: true;
			model: DatasetModel;
			format: ImportFormat;
			/** One sentence for the user: what was imported, from what, with how many warnings. */
			summary: string;
			/** Quality warnings (the dataset is usable), located like the problems. */
			warnings: ImportProblem[];
	  }
	| { ok: false; title: string; problems: ImportProblem[] };

/** JSON nested deeper than this is refused before parsing (the dataset itself needs 6 levels). */
export const MAX_JSON_DEPTH = 64;

function megabytes(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function failure(title: string, problems: ImportProblem[]): ImportResult {
	return { ok: false, title, problems: capProblems(problems) };
}

function fileProblem(file: string, message: string): ImportProblem {
	return { file, row: null, column: null, message };
}

function extension(name: string): string {
	const dot = name.lastIndexOf('.');
	// Stryker disable next-line StringLiteral: any text but json, csv or zip routes a file by its content
	return dot === -1 ? '' : name.slice(dot + 1).toLowerCase();
}

/** Whether the first kilobyte, after a byte-order mark and white space, opens a JSON object. */
function startsLikeJson(bytes: Uint8Array): boolean {
	// The decoder drops a byte-order mark; a character cut at the end of the slice does not matter.
	return /^\s*\{/.test(new TextDecoder().decode(bytes.subarray(0, 1024)));
}

/** Which route a file takes, by its extension, else by its first bytes. */
export function detectFormat(file: BinaryFile): ImportFormat | null {
	const ext = extension(file.name);
	if (ext === 'json') return 'json';
	if (ext === 'csv') return 'csv';
	if (ext === 'zip') return 'zip';
	if (isZipBytes(file.bytes)) return 'zip';
	return startsLikeJson(file.bytes) ? 'json' : null;
}

function hasNul(bytes: Uint8Array): boolean {
	const end = Math.min(bytes.length, 8192);
	for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
	return false;
}

type Decoded = { ok: true; text: string } | { ok: false; problem: ImportProblem };

/** Bytes → text: strict UTF-8, byte-order mark removed, with a message a spreadsheet user can act on. */
export function decodeText(file: BinaryFile, format: 'json' | 'csv'): Decoded {
	const fail = (message: string): Decoded => ({
		ok: false,
		problem: fileProblem(file.name, message)
	});
	const what = format === 'json' ? 'JSON' : 'CSV';
	if (file.bytes.length > MAX_DATASET_BYTES) {
		return fail(
			`${megabytes(file.bytes.length)}; the limit is ${megabytes(MAX_DATASET_BYTES)} per file`
		);
	}
	const [b0, b1] = file.bytes;
	if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
		return fail(
			`UTF-16 text, not UTF-8 — save it as ${format === 'csv' ? '"CSV UTF-8"' : 'UTF-8'} and import again`
		);
	}
	if (isZipBytes(file.bytes)) {
		return fail(
			format === 'csv'
				? 'this is a workbook or zip archive, not CSV text — save each sheet as "CSV UTF-8"'
				: 'this is a zip archive, not JSON text — rename it to .zip to import the CSV files inside'
		);
	}
	if (hasNul(file.bytes)) return fail(`binary data, not ${what} text`);
	let text: string;
	try {
		// The default `ignoreBOM: false` removes a leading byte-order mark.
		text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
	} catch {
		return fail(
			format === 'csv'
				? 'not UTF-8 text — save the spreadsheet as CSV UTF-8'
				: 'not UTF-8 text — save the file with UTF-8 encoding'
		);
	}
	if (text.trim() === '') return fail('the file is empty');
	return { ok: true, text };
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
	let line = 1;
	let start = 0;
	const end = Math.min(position, text.length);
	for (let i = 0; i < end; i++) {
		if (text.charCodeAt(i) === 10) {
			line++;
			start = i + 1;
		}
	}
	return { line, column: end - start + 1 };
}

/** The offset where nesting first exceeds `limit` (strings skipped), or null. */
export function findExcessiveNesting(text: string, limit = MAX_JSON_DEPTH): number | null {
	let depth = 0;
	let inString = false;
	// Stryker disable next-line EqualityOperator: charCodeAt past the end is NaN, which matches nothing
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 0x5c) i++;
			else if (c === 0x22) inString = false;
		} else if (c === 0x22) inString = true;
		else if (c === 0x7b || c === 0x5b) {
			if (++depth > limit) return i;
		} else if (c === 0x7d || c === 0x5d) depth--;
	}
	return null;
}

type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

/** JSON.parse with the line and column of an error, and a word on truncated files. */
export function parseJsonText(text: string): Parsed {
	const deep = findExcessiveNesting(text);
	if (deep !== null) {
		const { line, column } = lineAndColumn(text, deep);
		return {
			ok: false,
			message: `nested deeper than ${MAX_JSON_DEPTH} levels (at line ${line}, column ${column}); a dataset needs far fewer`
		};
	}
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch (error) {
		const raw = (error as Error).message;
		const end = text.trimEnd().length;
		// V8: "… in JSON at position 10"; Firefox: "… at line 1 column 11 of the JSON data".
		const byPosition = /position (\d+)/.exec(raw);
		const byLine = /line (\d+) column (\d+)/.exec(raw);
		let where: { line: number; column: number } | null = null;
		let atEnd = /end of JSON input|end of data|Unterminated string/i.test(raw);
		if (byPosition) {
			const position = Number(byPosition[1]);
			atEnd ||= position >= end;
			where = lineAndColumn(text, atEnd ? end : position);
		} else if (byLine) {
			where = { line: Number(byLine[1]), column: Number(byLine[2]) };
		} else if (atEnd) where = lineAndColumn(text, end);
		const withoutPlace = raw
			.replace(/ \(line \d+ column \d+\)/, '')
			.replace(/ in JSON at position \d+/, '')
			.replace(/ at line \d+ column \d+ of the JSON data/, '');
		// Stryker disable next-line Regex: Firefox's messages start with "JSON.parse: ", and it appears nowhere else in them
		const detail = withoutPlace.replace(/^JSON\.parse: /, '');
		if (where === null) return { ok: false, message: `not valid JSON: ${detail}` };
		return {
			ok: false,
			message: atEnd
				? `the JSON ends early at line ${where.line}, column ${where.column} — the file looks cut off (${detail})`
				: `not valid JSON at line ${where.line}, column ${where.column}: ${detail}`
		};
	}
}

function countsSummary(model: DatasetModel): string {
	const d = model.dataset;
	const parts: [number, string, string][] = [
		[d.assets.length, 'asset', 'assets'],
		[d.programs.length, 'program', 'programs'],
		[d.trials.length, 'trial', 'trials'],
		[d.readouts.length, 'readout', 'readouts'],
		[d.milestones.length, 'milestone', 'milestones'],
		[d.deals.length, 'deal', 'deals'],
		[d.sources.length, 'source', 'sources']
	];
	return parts.map(([n, one, many]) => `${n} ${n === 1 ? one : many}`).join(', ');
}

function success(
	model: DatasetModel,
	format: ImportFormat,
	from: string,
	warnings: ImportProblem[],
	ignored: string[] = []
): ImportResult {
	const notes: string[] = [];
	if (warnings.length > 0) {
		notes.push(`${warnings.length} quality ${warnings.length === 1 ? 'warning' : 'warnings'}`);
	}
	if (ignored.length > 0) notes.push(`ignored ${ignored.join(', ')}`);
	const summary =
		`Imported “${model.dataset.meta.title}” from ${from}: ${countsSummary(model)}` +
		(notes.length > 0 ? `; ${notes.join('; ')}.` : '.');
	return { ok: true, model, format, summary, warnings };
}

function importJson(file: BinaryFile): ImportResult {
	const decoded = decodeText(file, 'json');
	if (!decoded.ok) return failure('This file cannot be read', [decoded.problem]);
	const parsed = parseJsonText(decoded.text);
	if (!parsed.ok)
		return failure('This dataset is not valid JSON', [fileProblem(file.name, parsed.message)]);
	const result = validateDataset(parsed.value, file.name);
	const located = (issue: { path: string; message: string }): ImportProblem => ({
		file: file.name,
		row: null,
		column: null,
		path: issue.path,
		message: `${issue.path}: ${issue.message}`
	});
	if (!result.ok) return failure(result.title, result.problems.map(located));
	// A usable dataset's issues are all warnings: its errors would have refused it (checked.ts).
	return success(result.model, 'json', file.name, result.model.qa.map(located));
}

function importCsvFiles(
	files: readonly BinaryFile[],
	format: 'csv' | 'zip',
	from: string,
	ignored: string[] = []
): ImportResult {
	const problems: ImportProblem[] = [];
	const texts: { name: string; text: string }[] = [];
	for (const file of files) {
		const decoded = decodeText(file, 'csv');
		if (decoded.ok) texts.push({ name: file.name, text: decoded.text });
		else problems.push(decoded.problem);
	}
	if (problems.length > 0) return failure('These files cannot be read', problems);
	const result = importCsvSet(texts);
	if (!result.ok) return failure(result.title, result.problems);
	return success(result.model, format, from, result.warnings, ignored);
}

/** Files picked or dropped by the user → a dataset model, or the problems. */
export async function readDatasetFiles(files: readonly BinaryFile[]): Promise<ImportResult> {
	try {
		return readDatasetFilesSync(files);
	} catch (error) {
		return failure('The import failed', [
			fileProblem(
				files.map((f) => f.name).join(', '),
				`unexpected error: ${(error as Error).message}`
			)
		]);
	}
}

function readDatasetFilesSync(files: readonly BinaryFile[]): ImportResult {
	if (files.length === 0)
		return failure('Nothing to import', [fileProblem('', 'no file was given')]);
	const formats = files.map(detectFormat);
	const unknown = files.filter((_, i) => formats[i] === null);
	if (unknown.length > 0) {
		return failure(
			'Unsupported file type',
			unknown.map((f) =>
				fileProblem(
					f.name,
					'not a dataset file: import a .json dataset, .csv files or a .zip of CSV files'
				)
			)
		);
	}
	const single = formats.find((f) => f === 'json' || f === 'zip');
	if (single && files.length > 1) {
		return failure('Import one dataset at a time', [
			fileProblem(
				files.map((f) => f.name).join(', '),
				single === 'json'
					? 'a .json dataset is imported on its own, not together with other files'
					: 'a .zip is imported on its own; put all CSV files in the one zip'
			)
		]);
	}
	const oversized = files.filter((f) => f.bytes.length > MAX_DATASET_BYTES);
	if (oversized.length > 0) {
		return failure(
			'This file is too large',
			oversized.map((f) =>
				fileProblem(
					f.name,
					`${megabytes(f.bytes.length)}; the limit is ${megabytes(MAX_DATASET_BYTES)} per file`
				)
			)
		);
	}
	const [first] = files;
	if (single === 'json') return importJson(first!);
	if (single === 'zip') {
		const unzipped = readCsvZip(first!.name, first!.bytes);
		if (!unzipped.ok) return failure('This zip cannot be imported', unzipped.problems);
		return importCsvFiles(unzipped.files, 'zip', first!.name, unzipped.ignored);
	}
	const total = files.reduce((sum, f) => sum + f.bytes.length, 0);
	if (files.length > MAX_ZIP_FILES || total > MAX_ZIP_TOTAL_BYTES) {
		return failure('Too many files', [
			fileProblem(
				'',
				`${files.length} files, ${megabytes(total)}; a CSV set has at most ${MAX_ZIP_FILES} files and ${megabytes(MAX_ZIP_TOTAL_BYTES)}`
			)
		]);
	}
	// A CSV set has at least three files (meta, sources, assets), so never "1 CSV file".
	return importCsvFiles(files, 'csv', `${files.length} CSV files`);
}
