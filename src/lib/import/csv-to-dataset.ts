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
import { validateDataset } from '../data/validate';
import type { DatasetModel } from '../data/model';
import {
	CITATIONS_FILE,
	CSV_FILES,
	META_COLUMNS,
	META_FIELDS,
	META_FILE,
	OMIT,
	REQUIRED_FILES,
	TABLES,
	type CollectionName
} from './columns';
import { readCell } from './cells';
import { capProblems, type ImportProblem } from './problems';
import {
	canonicalFileName,
	FILE_ORDER,
	parseSheet,
	checkHeader,
	cellOf,
	readEntity,
	sortProblems,
	type RowMap,
	type Sheet
} from './csv-sheet';
import { attachPhases, attachCitations } from './csv-attach';
import { mapProblemToCell } from './csv-problem-cells';
export type { ImportProblem } from './problems';
export { MAX_CSV_ROWS, canonicalFileName, type RowMap, type CellRef } from './csv-sheet';
export { mapProblemToCell } from './csv-problem-cells';

export type CsvToDatasetResult =
	{ ok: true; dataset: unknown; rowMap: RowMap } | { ok: false; problems: ImportProblem[] };

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
	// Stryker disable next-line ArrayDeclaration: attachPhases always replaces `phases`
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
			// Stryker disable next-line ConditionalExpression: a citation looks ids up as text, so a non-text id in the index is never found either way
			if (typeof item.id !== 'string') return;
			if (!ids.has(item.id)) ids.set(item.id, i);
		});
		indexById.set(table.name, ids);
		if (table.name === 'phases') {
			attachPhases(
				items,
				rows,
				entities,
				indexById,
				rowMap,
				tableSheet?.file ?? table.file,
				problems
			);
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

export type CsvImportResult =
	| { ok: true; model: DatasetModel; warnings: ImportProblem[] }
	| { ok: false; title: string; problems: ImportProblem[] };

/** Both steps: cells → dataset → schema + quality checks, every problem named by file/row/column. */
export function importCsvSet(files: readonly { name: string; text: string }[]): CsvImportResult {
	const built = csvFilesToDataset(files);
	if (!built.ok) {
		return { ok: false, title: 'These CSV files cannot be read', problems: built.problems };
	}
	const toProblem = ({ path, message }: { path: string; message: string }): ImportProblem => ({
		...mapProblemToCell(path, built.rowMap),
		message,
		path
	});
	// Stryker disable next-line StringLiteral: the location of a validation is not part of an import's result
	const result = validateDataset(built.dataset, 'CSV files');
	if (!result.ok) {
		return {
			ok: false,
			title: result.title,
			problems: capProblems(sortProblems(result.problems.map(toProblem)))
		};
	}
	// A usable dataset's issues are all warnings: its errors would have refused it (checked.ts).
	return { ok: true, model: result.model, warnings: result.model.qa.map(toProblem) };
}
