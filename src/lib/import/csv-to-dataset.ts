/**
 * A set of CSV files (docs/csv-format.md) → a dataset object, with every problem named by file,
 * row and column. Two steps, both pure:
 * 1. `csvFilesToDataset` reads the cells (file names, headers, numbers, booleans, lists, links
 *    between files) and builds the plain object plus a `RowMap` from dataset paths to rows;
 * 2. `importCsvSet` runs the schema and quality checks (`validateDataset`) on it and maps every
 *    problem path (`readouts[3].ci.low`) back to a cell (`readouts.csv`, row 5, `ciLow`).
 *
 * Rows are counted as a spreadsheet shows them: the header is row 1, blank rows count, a cell
 * with line breaks stays one row. That is why the header is read by hand (papaparse with
 * `header: false`) instead of papaparse's `header: true` + `skipEmptyLines`, which would shift
 * the numbers after each blank row.
 */
import Papa from 'papaparse';
import { validateDataset } from '../data/validate';
import type { DatasetModel } from '../data/model';
import {
	ASSET_ATTRIBUTES,
	CITATION_COLUMNS,
	CITATION_ENTITIES,
	CITATIONS_FILE,
	CSV_FILES,
	META_COLUMNS,
	META_FIELDS,
	META_FILE,
	OMIT,
	REQUIRED_FILES,
	TABLES,
	TABLES_BY_NAME,
	type CollectionName,
	type Column,
	type Table
} from './columns';
import { readAttributeCell, readCell } from './cells';
import { capProblems, type ImportProblem } from './problems';

export type { ImportProblem } from './problems';

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

export type CsvToDatasetResult =
	{ ok: true; dataset: unknown; rowMap: RowMap } | { ok: false; problems: ImportProblem[] };

interface Sheet {
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

function stripBom(text: string): string {
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
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

function describeParseError(error: Papa.ParseError): string {
	switch (error.code) {
		case 'MissingQuotes':
			return 'a quoted cell is never closed (a " is missing)';
		case 'InvalidQuotes':
			return 'a cell has a stray " inside (quote the cell and double the inner quote: "")';
		default:
			return error.message;
	}
}

function parseSheet(file: string, rawText: string, problems: ImportProblem[]): Sheet | null {
	const text = stripBom(rawText);
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
		if (error.type === 'Delimiter') continue;
		problems.push({
			file,
			row: error.row === undefined ? null : error.row + 1,
			column: null,
			message: describeParseError(error)
		});
	}
	const records = parsed.data;
	const isBlank = (cells: string[]) => cells.every((cell) => cell.trim() === '');
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
	const header = (records[0] ?? []).map((cell) => cell.trim());
	const rows: Sheet['rows'] = [];
	for (let r = 1; r < records.length; r++) {
		const cells = records[r] ?? [];
		if (isBlank(cells)) continue;
		rows.push({ row: r + 1, cells });
	}
	const index = new Map<string, number>();
	header.forEach((name, i) => {
		if (name !== '' && !index.has(name)) index.set(name, i);
	});
	return { file, header, rows, index };
}

/** Header problems: duplicates, unknown and missing columns, cells beyond the header. */
function checkHeader(
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
		if (
			cells.length > sheet.header.length &&
			cells.slice(sheet.header.length).some((c) => c.trim())
		) {
			problems.push({
				file: sheet.file,
				row,
				column: null,
				message: `this row has ${cells.length} cells but the header has ${sheet.header.length} columns (a separator too many, or an unquoted comma?)`
			});
		}
	}
}

function cellOf(sheet: Sheet, cells: string[], column: string): string {
	const i = sheet.index.get(column);
	return i === undefined ? '' : (cells[i] ?? '');
}

/** One row of an entity table → the entity object (sources and phases left empty). */
function readEntity(
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
		const key = column.path[0] ?? '';
		const subKey = column.path[1] ?? '';
		if (column.role === 'attribute') {
			const read = readAttributeCell(cell, column.shape.kind);
			if (!read.ok) fail(column.name, read.message);
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
			if (read.value !== OMIT) group.values[subKey] = read.value;
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

const FILE_ORDER = new Map(CSV_FILES.map((file, i) => [file, i]));

function sortProblems(problems: ImportProblem[]): ImportProblem[] {
	const order = (p: ImportProblem) => FILE_ORDER.get(canonicalFileName(p.file)) ?? -1;
	return problems
		.map((p, i) => ({ p, i }))
		.sort((a, b) => order(a.p) - order(b.p) || (a.p.row ?? 0) - (b.p.row ?? 0) || a.i - b.i)
		.map(({ p }) => p);
}

/** Step 1: cells → dataset object. Schema and quality checks are the caller's (see `importCsvSet`). */
export function csvFilesToDataset(
	files: readonly { name: string; text: string }[]
): CsvToDatasetResult {
	const problems: ImportProblem[] = [];
	const byName = new Map<string, { name: string; text: string }>();
	for (const file of files) {
		const canonical = canonicalFileName(file.name);
		if (!FILE_ORDER.has(canonical)) {
			problems.push({
				file: file.name,
				row: null,
				column: null,
				message: `unknown file "${file.name}"; a CSV set consists of ${CSV_FILES.join(', ')}`
			});
		} else if (byName.has(canonical)) {
			problems.push({
				file: file.name,
				row: null,
				column: null,
				message: `two files are named ${canonical} ("${byName.get(canonical)!.name}" and "${file.name}")`
			});
		} else byName.set(canonical, file);
	}
	for (const required of REQUIRED_FILES) {
		if (!byName.has(required)) {
			problems.push({
				file: required,
				row: null,
				column: null,
				message: `${required} is missing; every CSV set needs ${REQUIRED_FILES.join(', ')}`
			});
		}
	}
	const rowMap: RowMap = { meta: {}, rows: {}, phases: [], citations: {}, files: {} };
	for (const [canonical, file] of byName) rowMap.files[canonical] = file.name;
	const sheet = (canonical: string): Sheet | null => {
		const file = byName.get(canonical);
		return file ? parseSheet(file.name, file.text, problems) : null;
	};

	// meta.csv: key,value rows.
	const meta: Record<string, unknown> = {};
	const metaSheet = sheet(META_FILE);
	if (metaSheet) {
		checkHeader(metaSheet, META_COLUMNS, META_COLUMNS, problems);
		const fields = new Map(META_FIELDS.map((f) => [f.name, f]));
		for (const { row, cells } of metaSheet.rows) {
			const key = cellOf(metaSheet, cells, 'key').trim();
			const field = fields.get(key);
			if (!field) {
				problems.push({
					file: metaSheet.file,
					row,
					column: 'key',
					message: `unknown key "${key}"; meta.csv keys are ${[...fields.keys()].join(', ')}`
				});
				continue;
			}
			if (key in rowMap.meta) {
				problems.push({
					file: metaSheet.file,
					row,
					column: 'key',
					message: `the key "${key}" appears twice (rows ${rowMap.meta[key]} and ${row})`
				});
				continue;
			}
			rowMap.meta[key] = row;
			const read = readCell(cellOf(metaSheet, cells, 'value'), field.shape);
			if (!read.ok) {
				problems.push({ file: metaSheet.file, row, column: 'value', message: read.message });
			} else if (read.value !== OMIT) meta[key] = read.value;
		}
		for (const field of META_FIELDS) {
			if (field.required && !(field.name in rowMap.meta)) {
				problems.push({
					file: metaSheet.file,
					row: null,
					column: 'key',
					message: `the required key "${field.name}" is missing`
				});
			}
		}
	}

	// Entity tables.
	const dataset: Record<string, unknown> = { meta };
	const entities = new Map<string, Record<string, unknown>[]>();
	const indexById = new Map<string, Map<string, number>>();
	for (const table of TABLES) {
		const items: Record<string, unknown>[] = [];
		const rows: number[] = [];
		const tableSheet = sheet(table.file);
		if (tableSheet) {
			checkHeader(
				tableSheet,
				table.columns.map((c) => c.name),
				table.columns.filter((c) => c.required).map((c) => c.name),
				problems
			);
			for (const row of tableSheet.rows) {
				items.push(readEntity(table, tableSheet, row, problems));
				rows.push(row.row);
			}
		}
		entities.set(table.name, items);
		const ids = new Map<string, number>();
		items.forEach((item, i) => {
			if (typeof item.id === 'string' && !ids.has(item.id)) ids.set(item.id, i);
		});
		indexById.set(table.name, ids);
		if (table.name === 'phases') {
			rowMap.phases = [];
			attachPhases(items, rows, entities, indexById, rowMap, tableSheet, problems);
		} else {
			dataset[table.name] = items;
			rowMap.rows[table.name as CollectionName] = rows;
		}
	}

	// citations.csv: one row per SourceRef.
	const citations = sheet(CITATIONS_FILE);
	if (citations) attachCitations(citations, entities, indexById, rowMap, problems);

	if (problems.length > 0) return { ok: false, problems: capProblems(sortProblems(problems)) };
	return { ok: true, dataset, rowMap };
}

/** phases.csv rows → `programs[i].phases`, in row order. */
function attachPhases(
	phases: Record<string, unknown>[],
	rows: number[],
	entities: Map<string, Record<string, unknown>[]>,
	indexById: Map<string, Map<string, number>>,
	rowMap: RowMap,
	sheet: Sheet | null,
	problems: ImportProblem[]
): void {
	const programs = entities.get('programs') ?? [];
	const programIndex = indexById.get('programs') ?? new Map<string, number>();
	rowMap.phases = programs.map(() => []);
	const phaseIndex = new Map<string, number>();
	indexById.set('phases', phaseIndex);
	phases.forEach((phase, k) => {
		const { program, ...rest } = phase;
		const i = typeof program === 'string' ? programIndex.get(program) : undefined;
		if (i === undefined) {
			if (typeof program === 'string' && program !== '') {
				problems.push({
					file: sheet?.file ?? 'phases.csv',
					row: rows[k] ?? null,
					column: 'program',
					message: `no program with id "${program}" in programs.csv`
				});
			}
			return;
		}
		const list = programs[i]!.phases as unknown[];
		const key = `${program}/${String(rest.phase)}`;
		if (!phaseIndex.has(key)) phaseIndex.set(key, i * 1_000_000 + list.length);
		list.push(rest);
		rowMap.phases[i]!.push(rows[k] ?? 0);
	});
}

function attachCitations(
	sheet: Sheet,
	entities: Map<string, Record<string, unknown>[]>,
	indexById: Map<string, Map<string, number>>,
	rowMap: RowMap,
	problems: ImportProblem[]
): void {
	checkHeader(sheet, CITATION_COLUMNS, ['entity', 'id', 'source', 'quote'], problems);
	const fail = (row: number, column: string, message: string) =>
		problems.push({ file: sheet.file, row, column, message });
	const text = { kind: 'text', nullable: false, optional: false, hasDefault: false } as const;
	const optionalText = { ...text, optional: true } as const;
	for (const { row, cells } of sheet.rows) {
		const entityName = cellOf(sheet, cells, 'entity').trim().toLowerCase();
		const id = cellOf(sheet, cells, 'id').trim();
		const field = cellOf(sheet, cells, 'field').trim();
		const table = CITATION_ENTITIES.get(entityName);
		if (!table) {
			fail(
				row,
				'entity',
				`expected one of ${[...CITATION_ENTITIES.keys()].map((e) => `"${e}"`).join(', ')}, got "${entityName}"`
			);
			continue;
		}
		let owner: Record<string, unknown>;
		let ownerPath: string;
		if (table.name === 'phases') {
			const found = indexById.get('phases')?.get(id);
			if (found === undefined) {
				fail(
					row,
					'id',
					`no phase "${id}" in phases.csv (a phase is cited as "<program id>/<phase>", e.g. "kn026-gastric-2l-china/phase 3")`
				);
				continue;
			}
			const i = Math.floor(found / 1_000_000);
			const j = found % 1_000_000;
			owner = (entities.get('programs')![i]!.phases as Record<string, unknown>[])[j]!;
			ownerPath = `programs[${i}].phases[${j}]`;
		} else {
			const i = indexById.get(table.name)?.get(id);
			if (i === undefined) {
				fail(row, 'id', `no ${entityName} with id "${id}" in ${table.file}`);
				continue;
			}
			owner = entities.get(table.name)![i]!;
			ownerPath = `${table.name}[${i}]`;
		}
		if (field !== '') {
			if (table.name !== 'assets') {
				fail(
					row,
					'field',
					`only asset citations name a field (an asset attribute); leave it empty for a ${entityName}`
				);
				continue;
			}
			if (!ASSET_ATTRIBUTES.includes(field)) {
				fail(
					row,
					'field',
					`unknown asset attribute "${field}"; expected one of ${ASSET_ATTRIBUTES.join(', ')} or empty for the asset itself`
				);
				continue;
			}
			owner = owner[field] as Record<string, unknown>;
			ownerPath += `.${field}`;
		}
		const ref: Record<string, unknown> = {};
		const source = readCell(cellOf(sheet, cells, 'source').trim(), text);
		const quote = readCell(cellOf(sheet, cells, 'quote'), text);
		const note = readCell(cellOf(sheet, cells, 'note'), optionalText);
		if (source.ok) ref.id = source.value;
		if (quote.ok) ref.quote = quote.value;
		if (note.ok && note.value !== OMIT) ref.note = note.value;
		(owner.sources as unknown[]).push(ref);
		(rowMap.citations[ownerPath] ??= []).push(row);
	}
}

// --- problem paths → cells --------------------------------------------------------------------

const TOKEN = /^[A-Za-z_$][\w$]*|\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;

function tokenise(path: string): (string | number)[] {
	const tokens: (string | number)[] = [];
	TOKEN.lastIndex = 0;
	while (TOKEN.lastIndex < path.length) {
		const match = TOKEN.exec(path);
		if (!match) break;
		if (match[1] !== undefined) tokens.push(match[1]);
		else if (match[2] !== undefined) tokens.push(Number(match[2]));
		else if (match[3] !== undefined) tokens.push(JSON.parse(match[3]) as string);
		else tokens.push(match[0]);
	}
	return tokens;
}

function columnFor(table: Table, rest: readonly (string | number)[]): string | null {
	const keys: string[] = [];
	for (const token of rest) {
		if (typeof token !== 'string') break;
		keys.push(token);
	}
	for (let n = keys.length; n > 0; n--) {
		const path = keys.slice(0, n).join('.');
		const column = table.columns.find((c) => c.path.join('.') === path);
		if (column) return column.name;
	}
	if (keys.length > 0) {
		const group = table.columns.filter((c) => c.group?.key === keys[0]);
		return (group.find((c) => !c.shape.hasDefault) ?? group[0])?.name ?? null;
	}
	return null;
}

/**
 * A schema/QA path → the cell it is about: `readouts[3].ci.low` → readouts.csv, the row of
 * readout 3, column `ciLow`; `assets[0].dar.sources[1].quote` → citations.csv, that row, `quote`.
 */
export function mapProblemToCell(path: string, rowMap: RowMap): CellRef {
	const tokens = tokenise(path);
	const fileName = (canonical: string) => rowMap.files[canonical] ?? canonical;
	const [head, index, ...rest] = tokens;
	if (head === 'meta') {
		const key = typeof index === 'string' ? index : null;
		return {
			file: fileName(META_FILE),
			row: key === null ? null : (rowMap.meta[key] ?? null),
			column: key === null ? null : 'value'
		};
	}
	let table = typeof head === 'string' ? TABLES_BY_NAME.get(head as CollectionName) : undefined;
	if (!table || head === 'phases') return { file: '(dataset)', row: null, column: null };
	if (typeof index !== 'number') return { file: fileName(table.file), row: null, column: null };
	let row = rowMap.rows[head as CollectionName]?.[index] ?? null;
	let owner = `${head}[${index}]`;
	let remaining = rest;
	if (head === 'programs' && remaining[0] === 'phases' && typeof remaining[1] === 'number') {
		table = TABLES_BY_NAME.get('phases')!;
		row = rowMap.phases[index]?.[remaining[1]] ?? null;
		owner += `.phases[${remaining[1]}]`;
		remaining = remaining.slice(2);
	}
	const s = remaining.indexOf('sources');
	if (s >= 0) {
		const attribute = remaining.slice(0, s) as string[];
		const ownerPath = owner + attribute.map((key) => `.${key}`).join('');
		const j = remaining[s + 1];
		if (typeof j === 'number') {
			const field = remaining[s + 2];
			const column =
				field === 'id' ? 'source' : field === 'quote' ? 'quote' : field === 'note' ? 'note' : null;
			return {
				file: fileName(CITATIONS_FILE),
				row: rowMap.citations[ownerPath]?.[j] ?? null,
				column
			};
		}
		return {
			file: fileName(table.file),
			row,
			column: attribute.length > 0 ? columnFor(table, attribute) : null
		};
	}
	return { file: fileName(table.file), row, column: columnFor(table, remaining) };
}

export type CsvImportResult =
	| { ok: true; model: DatasetModel; warnings: ImportProblem[] }
	| { ok: false; title: string; problems: ImportProblem[] };

/** Both steps: cells → dataset → schema + quality checks, every problem named by file/row/column. */
export function importCsvSet(
	files: readonly { name: string; text: string }[],
	location = 'CSV files'
): CsvImportResult {
	const built = csvFilesToDataset(files);
	if (!built.ok) {
		return { ok: false, title: 'These CSV files cannot be read', problems: built.problems };
	}
	const toProblem = ({ path, message }: { path: string; message: string }): ImportProblem => ({
		...mapProblemToCell(path, built.rowMap),
		message,
		path
	});
	const result = validateDataset(built.dataset, location);
	if (!result.ok) {
		return {
			ok: false,
			title: result.title,
			problems: capProblems(sortProblems(result.problems.map(toProblem)))
		};
	}
	const warnings = result.model.qa.filter((issue) => issue.level === 'warning').map(toProblem);
	return { ok: true, model: result.model, warnings };
}
