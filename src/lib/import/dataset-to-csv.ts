/**
 * A dataset → its CSV set (docs/csv-format.md): the exact inverse of `csvFilesToDataset`, for
 * "export as CSV set" and for editing a dataset in a spreadsheet. Also the header-only templates,
 * built from the same column tables, so they follow the schema.
 */
import Papa from 'papaparse';
import type { Dataset } from '../data/schema';
import {
	CITATION_COLUMNS,
	CITATIONS_FILE,
	META_COLUMNS,
	META_FIELDS,
	META_FILE,
	TABLES,
	type Table
} from './columns';
import { writeAttributeCell, writeCell, type AttributeCell } from './cells';

export interface CsvFile {
	name: string;
	text: string;
}

const TEXT = { kind: 'text', nullable: false, optional: false, hasDefault: false } as const;
const OPTIONAL_TEXT = { ...TEXT, optional: true } as const;

/** Lines end in CRLF (papaparse's default), the last one included. */
function toCsv(header: readonly string[], rows: string[][]): string {
	const text = Papa.unparse({ fields: [...header], data: rows });
	// Without rows, papaparse already ends the header line.
	return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

type Entity = Record<string, unknown>;
type Ref = { id: string; quote: string; note?: string };

function entityRow(table: Table, entity: Entity, extra: Entity = {}): string[] {
	return table.columns.map((column) => {
		const key = column.path[0]!;
		const value = key in extra ? extra[key] : entity[key];
		if (column.role === 'attribute') {
			return writeAttributeCell(value as AttributeCell, column.shape.kind);
		}
		if (column.role === 'attribute-note' || column.group) {
			const object = value as Entity | null | undefined;
			return writeCell(object == null ? null : object[column.path[1]!], column.shape);
		}
		return writeCell(value, column.shape);
	});
}

function citationRows(entity: string, id: string, field: string, refs: readonly Ref[]): string[][] {
	return refs.map((ref) => [
		entity,
		id,
		field,
		writeCell(ref.id, TEXT),
		writeCell(ref.quote, TEXT),
		writeCell(ref.note, OPTIONAL_TEXT)
	]);
}

/** Every file of the CSV set, in the documented order (empty tables keep their header). */
export function datasetToCsvFiles(dataset: Dataset): CsvFile[] {
	const files: CsvFile[] = [];
	const meta = dataset.meta as unknown as Entity;
	files.push({
		name: META_FILE,
		text: toCsv(
			META_COLUMNS,
			META_FIELDS.filter((field) => meta[field.name] !== undefined).map((field) => [
				field.name,
				writeCell(meta[field.name], field.shape)
			])
		)
	});
	const citations: string[][] = [];
	for (const table of TABLES) {
		const rows: string[][] = [];
		if (table.name === 'phases') {
			for (const program of dataset.programs) {
				for (const phase of program.phases) {
					rows.push(entityRow(table, phase as unknown as Entity, { program: program.id }));
					citations.push(
						...citationRows('phase', `${program.id}/${phase.phase}`, '', phase.sources)
					);
				}
			}
		} else {
			const items = dataset[table.name] as unknown as Entity[];
			for (const item of items) {
				rows.push(entityRow(table, item));
				if (!table.citationEntity) continue;
				const id = String(item.id);
				citations.push(...citationRows(table.citationEntity, id, '', item.sources as Ref[]));
				// Only assets have attribute columns, each with its own citations.
				for (const column of table.columns) {
					if (column.role !== 'attribute') continue;
					const attribute = item[column.name] as { sources: Ref[] };
					citations.push(...citationRows('asset', id, column.name, attribute.sources));
				}
			}
		}
		files.push({
			name: table.file,
			text: toCsv(
				table.columns.map((c) => c.name),
				rows
			)
		});
	}
	// Pushed in dataset order: assets, programs, phases, milestones, trials, readouts, deals, conflicts.
	files.push({ name: CITATIONS_FILE, text: toCsv(CITATION_COLUMNS, citations) });
	return files;
}

/** Header-only CSV templates, one per file, generated from the schema's column tables. */
export function csvTemplates(): CsvFile[] {
	return [
		{
			name: META_FILE,
			text: toCsv(
				META_COLUMNS,
				META_FIELDS.map((field) => [field.name, ''])
			)
		},
		...TABLES.map((table) => ({
			name: table.file,
			text: toCsv(
				table.columns.map((c) => c.name),
				[]
			)
		})),
		{ name: CITATIONS_FILE, text: toCsv(CITATION_COLUMNS, []) }
	];
}
