/**
 * One CSV file → a sheet: delimiter, BOM, header checks and rows counted as a spreadsheet shows
 * them (the header is row 1, blank rows count), and one entity read from a row.
 */
import Papa from 'papaparse';
import { CSV_FILES, OMIT, type CollectionName, type Column, type Table } from './columns';
import { readAttributeCell, readCell } from './cells';
import type { ImportProblem } from './problems';
/** At most this many data rows per CSV file. */
export const MAX_CSV_ROWS = 100_000;

/** Where each part of the built dataset came from, for mapping problem paths back to cells. */
export interface RowMap {
	/** meta key → row in meta.csv. */
	meta: Record<string, number>;
	/** collection → row of each item in its file, by index. */
	rows: Partial<Record<CollectionName, number[]>>;
	/** program index → row in phases.csv of each of its phases. */
	phases: number[][];
	/** owner path ("readouts[3]", "assets[0].dar", "programs[1].phases[0]") → row in citations.csv of each source. */
	citations: Record<string, number[]>;
	/** The file names as the user gave them, by canonical name ("assets.csv" → "Assets.CSV"). */
	files: Record<string, string>;
}

export interface CellRef {
	file: string;
	row: number | null;
	column: string | null;
}

export interface Sheet {
	file: string;
	header: string[];
	rows: { row: number; cells: string[] }[];
	/** column name → cell index. */
	index: Map<string, number>;
}

/** "her2/Assets.CSV" → "assets.csv". */
export function canonicalFileName(name: string): string {
	const base = name.split(/[\\/]/).pop() ?? name;
	return base.trim().toLowerCase();
}

/** The separator of the header line: "," normally; ";" or tab from some spreadsheet locales. */
function detectDelimiter(text: string): string {
	const end = text.search(/\r|\n/);
	const first = end === -1 ? text : text.slice(0, end);
	if (first.includes(',')) return ',';
	if (first.includes(';')) return ';';
	if (first.includes('\t')) return '\t';
	return ',';
}

/** What to do about papaparse's errors, by code; other errors keep papaparse's message. */
const PARSE_ERROR_ADVICE: Partial<Record<Papa.ParseError['code'], string>> = {
	MissingQuotes: 'a quoted cell is never closed (a " is missing)',
	InvalidQuotes: 'a cell has a stray " inside (quote the cell and double the inner quote: "")'
};

/** A leading byte order mark (Excel's "CSV UTF-8") is dropped by papaparse. */
export function parseSheet(file: string, text: string, problems: ImportProblem[]): Sheet | null {
	if (text.trim() === '') {
		problems.push({
			file,
			row: null,
			column: null,
			message: 'the file is empty (a header row is expected)'
		});
		return null;
	}
	const parsed = Papa.parse<string[]>(text, {
		header: false,
		skipEmptyLines: false,
		delimiter: detectDelimiter(text),
		preview: MAX_CSV_ROWS + 2
	});
	for (const error of parsed.errors.slice(0, 20)) {
		problems.push({
			file,
			// Stryker disable next-line ConditionalExpression: quote errors always have a row; only delimiter guessing (never asked for: the delimiter is given) has none
			row: error.row === undefined ? null : error.row + 1,
			column: null,
			message: PARSE_ERROR_ADVICE[error.code] ?? error.message
		});
	}
	const records = parsed.data;
	const isBlank = (cells: string[]) => cells.every((cell) => cell.trim() === '');
	// Stryker disable next-line ArrayDeclaration: papaparse returns at least one record for a non-blank text
	const dataCount = records.length - 1 - (isBlank(records[records.length - 1] ?? []) ? 1 : 0);
	if (dataCount > MAX_CSV_ROWS) {
		problems.push({
			file,
			row: null,
			column: null,
			message: `more than ${MAX_CSV_ROWS.toLocaleString('en-US')} rows; split the data or contact the maintainers`
		});
		return null;
	}
	// Stryker disable next-line ArrayDeclaration: papaparse returns at least one record for a non-blank text
	const header = (records[0] ?? []).map((cell) => cell.trim());
	const rows: Sheet['rows'] = [];
	// The header is row 1, so the first data record is row 2.
	records.slice(1).forEach((cells, i) => {
		if (!isBlank(cells)) rows.push({ row: i + 2, cells });
	});
	const index = new Map<string, number>();
	header.forEach((name, i) => {
		if (!index.has(name)) index.set(name, i);
	});
	return { file, header, rows, index };
}

/** Header problems: duplicates, unknown and missing columns, cells beyond the header. */
export function checkHeader(
	sheet: Sheet,
	expected: readonly string[],
	required: readonly string[],
	problems: ImportProblem[]
): void {
	const known = new Set(expected);
	const seen = new Set<string>();
	sheet.header.forEach((name, i) => {
		if (name === '') {
			if (sheet.rows.some(({ cells }) => (cells[i] ?? '').trim() !== '')) {
				problems.push({
					file: sheet.file,
					row: 1,
					column: null,
					message: `column ${i + 1} has cells but no header`
				});
			}
			return;
		}
		if (seen.has(name)) {
			problems.push({
				file: sheet.file,
				row: 1,
				column: name,
				message: `the column "${name}" appears twice`
			});
		}
		seen.add(name);
		if (!known.has(name)) {
			const near = expected.find((e) => e.toLowerCase() === name.toLowerCase());
			problems.push({
				file: sheet.file,
				row: 1,
				column: name,
				message: near
					? `unknown column "${name}": did you mean "${near}"? (column names are case-sensitive)`
					: `unknown column "${name}"; the columns of ${canonicalFileName(sheet.file)} are: ${expected.join(', ')}`
			});
		}
	});
	for (const name of required) {
		if (!seen.has(name)) {
			problems.push({
				file: sheet.file,
				row: 1,
				column: name,
				message: `the required column "${name}" is missing`
			});
		}
	}
	for (const { row, cells } of sheet.rows) {
		if (cells.slice(sheet.header.length).some((c) => c.trim())) {
			problems.push({
				file: sheet.file,
				row,
				column: null,
				message: `this row has ${cells.length} cells but the header has ${sheet.header.length} columns (a separator too many, or an unquoted comma?)`
			});
		}
	}
}

export function cellOf(sheet: Sheet, cells: string[], column: string): string {
	const i = sheet.index.get(column);
	// Stryker disable next-line ConditionalExpression: cells[undefined] is undefined too, read as ''
	return i === undefined ? '' : (cells[i] ?? '');
}

/** One row of an entity table → the entity object (sources and phases left empty). */
export function readEntity(
	table: Table,
	sheet: Sheet,
	row: { row: number; cells: string[] },
	problems: ImportProblem[]
): Record<string, unknown> {
	const entity: Record<string, unknown> = {};
	const groups = new Map<
		string,
		{ column: Column; values: Record<string, unknown>; filled: boolean }
	>();
	const fail = (column: string, message: string) =>
		problems.push({ file: sheet.file, row: row.row, column, message });
	for (const column of table.columns) {
		const cell = cellOf(sheet, row.cells, column.name);
		const key = column.path[0]!;
		if (column.role === 'attribute') {
			const read = readAttributeCell(cell, column.shape.kind);
			if (!read.ok) fail(column.name, read.message);
			// Stryker disable next-line ObjectLiteral: a cell that cannot be read fails the import, so this placeholder is never seen
			entity[key] = { ...(read.ok ? (read.value as object) : { value: null }), sources: [] };
			continue;
		}
		const read = readCell(cell, column.shape);
		if (!read.ok) {
			fail(column.name, read.message);
			continue;
		}
		if (column.role === 'attribute-note') {
			if (read.value !== OMIT) (entity[key] as Record<string, unknown>).note = read.value;
		} else if (column.group) {
			const group = groups.get(key) ?? { column, values: {}, filled: false };
			groups.set(key, group);
			if (cell.trim() !== '') group.filled = true;
			if (read.value !== OMIT) group.values[column.path[1]!] = read.value;
		} else if (read.value !== OMIT) {
			entity[key] = read.value;
		}
	}
	for (const [key, { column, values, filled }] of groups) {
		const group = column.group!;
		if (!filled && (group.nullable || group.hasDefault)) {
			if (!group.hasDefault) entity[key] = null;
		} else entity[key] = values;
	}
	if (table.sourced) entity.sources = [];
	if (table.name === 'programs') entity.phases = [];
	return entity;
}

export const FILE_ORDER = new Map(CSV_FILES.map((file, i) => [file, i]));

export function sortProblems(problems: ImportProblem[]): ImportProblem[] {
	const order = (p: ImportProblem) => FILE_ORDER.get(canonicalFileName(p.file)) ?? -1;
	// Sorting is stable: problems of one row keep the order they were found in.
	return [...problems].sort((a, b) => order(a) - order(b) || (a.row ?? 0) - (b.row ?? 0));
}
