import Papa from 'papaparse';
import csvFormatDoc from '../../../docs/csv-format.md?raw';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import {
	Asset,
	Conflict,
	Deal,
	Meta,
	Milestone,
	Program,
	ProgramPhase,
	Readout,
	Source,
	SourceRef,
	Trial
} from '../data/schema';
import {
	CITATION_REF_FIELDS,
	emptyValue,
	fieldShape,
	objectShape,
	OMIT,
	TABLES_BY_NAME,
	type TableName,
	META_FIELDS_NOT_IN_CSV
} from './columns';
import { csvTemplates } from './dataset-to-csv';

/** Header of each template file, read back the way an importer would. */
const headers = new Map(
	csvTemplates().map((t) => [t.name, Papa.parse<string[]>(t.text.trim()).data[0] ?? []])
);

/**
 * The schema's fields of an entity, walked independently of columns.ts: nested objects become
 * dotted leaf paths ("ci.low"); `sources` (citations.csv) and `phases` (phases.csv) are elsewhere.
 */
function schemaLeaves(schema: z.ZodMiniObject): string[] {
	const leaves: string[] = [];
	for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodMiniType>)) {
		if (key === 'sources' || key === 'phases') continue;
		const sub = objectShape(field);
		if (sub && 'applicable' in sub) {
			// An asset attribute: value/applicable/approximate share one cell, note has its own.
			leaves.push(key, `${key}.note`);
		} else if (sub) {
			for (const subKey of Object.keys(sub)) leaves.push(`${key}.${subKey}`);
		} else leaves.push(key);
	}
	return leaves;
}

const ENTITIES: [TableName, z.ZodMiniObject][] = [
	['sources', Source],
	['assets', Asset],
	['programs', Program],
	['phases', ProgramPhase],
	['milestones', Milestone],
	['trials', Trial],
	['readouts', Readout],
	['deals', Deal],
	['conflicts', Conflict]
];

describe('CSV templates follow the schema', () => {
	it.each(ENTITIES)('%s: every schema field is exactly one template column', (name, schema) => {
		const table = TABLES_BY_NAME.get(name)!;
		const header = headers.get(`${name}.csv`)!;
		// The template header is the column table, in order, with no duplicates.
		expect(header).toEqual(table.columns.map((c) => c.name));
		expect(new Set(header).size).toBe(header.length);
		const covered = table.columns
			.filter((c) => !(name === 'phases' && c.name === 'program'))
			.map((c) => c.path.join('.'));
		expect(covered.sort()).toEqual(schemaLeaves(schema).sort());
	});

	it('meta.csv lists every Meta field as a key', () => {
		const rows = Papa.parse<string[]>(
			csvTemplates()
				.find((t) => t.name === 'meta.csv')!
				.text.trim()
		).data;
		expect(rows[0]).toEqual(['key', 'value']);
		expect(rows.slice(1).map((r) => r[0])).toEqual(
			Object.keys(Meta.shape).filter((key) => !META_FIELDS_NOT_IN_CSV.includes(key))
		);
	});

	it('citations.csv holds every SourceRef field', () => {
		expect(headers.get('citations.csv')).toEqual([
			'entity',
			'id',
			'field',
			'source',
			'quote',
			'note'
		]);
		expect(Object.values(CITATION_REF_FIELDS).sort()).toEqual(Object.keys(SourceRef.shape).sort());
	});

	it('the templates are the whole CSV set, in order', () => {
		expect(csvTemplates().map((t) => t.name)).toEqual([
			'meta.csv',
			'sources.csv',
			'assets.csv',
			'programs.csv',
			'phases.csv',
			'milestones.csv',
			'trials.csv',
			'readouts.csv',
			'deals.csv',
			'conflicts.csv',
			'citations.csv'
		]);
	});

	it('the brief’s flattened names are used', () => {
		expect(headers.get('readouts.csv')).toEqual(
			expect.arrayContaining([
				'ciLevel',
				'ciLow',
				'ciHigh',
				'ciMethod',
				'rangeLow',
				'rangeHigh',
				'presentedVenue',
				'presentedDate'
			])
		);
		expect(headers.get('trials.csv')).toEqual(
			expect.arrayContaining(['enrolmentPlanned', 'enrolmentActual'])
		);
		expect(headers.get('deals.csv')).toEqual(
			expect.arrayContaining(['currency', 'upfront', 'milestones', 'total', 'valueText'])
		);
		expect(headers.get('assets.csv')).toEqual(
			expect.arrayContaining(['dar', 'dar_note', 'domains'])
		);
	});

	it('docs/csv-format.md documents every column of every file', () => {
		for (const [file, header] of headers) {
			expect(csvFormatDoc, file).toContain(`## ${file}`);
			for (const column of header) {
				if (column.endsWith('_note')) continue; // documented as `<attribute>_note`
				expect(csvFormatDoc, `${file}: ${column}`).toContain(`\`${column}\``);
			}
		}
	});
});

describe('what a cell of each schema field holds', () => {
	it('reads the wrappers: nullable, optional, defaulted, in any nesting', () => {
		expect(fieldShape(z.nullable(z.string()), 'a')).toEqual({
			kind: 'text',
			nullable: true,
			optional: false,
			hasDefault: false
		});
		expect(fieldShape(z.optional(z.number()), 'b')).toEqual({
			kind: 'number',
			nullable: false,
			optional: true,
			hasDefault: false
		});
		expect(fieldShape(z._default(z.boolean(), false), 'c')).toEqual({
			kind: 'boolean',
			nullable: false,
			optional: false,
			hasDefault: true
		});
		expect(fieldShape(z.optional(z.nullable(z.array(z.literal('x')))), 'd')).toEqual({
			kind: 'list',
			nullable: true,
			optional: true,
			hasDefault: false
		});
	});

	it('an empty cell: left out when optional or defaulted, else null, "" or an empty list', () => {
		const empty = (schema: z.ZodMiniType) => emptyValue(fieldShape(schema, 'x'));
		expect(empty(z.optional(z.nullable(z.string())))).toBe(OMIT);
		expect(empty(z._default(z.array(z.string()), []))).toBe(OMIT);
		expect(empty(z.nullable(z.number()))).toBeNull();
		expect(empty(z.string())).toBe('');
		expect(empty(z.array(z.enum(['a', 'b'])))).toEqual([]);
	});

	it('a field no CSV cell can hold is named when the columns are built', () => {
		expect(() => fieldShape(z.array(z.number()), 'readouts.values')).toThrow(
			'import/columns: no CSV cell kind for readouts.values (array)'
		);
		expect(fieldShape(z.union([z.number(), z.literal('NR')]), 'ci.low').kind).toBe('bound');
		// A bound is a number or a word: a union of other kinds has no cell.
		expect(() => fieldShape(z.union([z.number(), z.string()]), 'u1')).toThrow('(union)');
		expect(() => fieldShape(z.union([z.literal('a'), z.literal('b')]), 'u2')).toThrow('(union)');
		// Enums and literals are text.
		expect(fieldShape(z.enum(['a', 'b']), 'e').kind).toBe('text');
		expect(fieldShape(z.literal('x'), 'l').kind).toBe('text');
	});

	it('the object inside a wrapped object schema; none for other schemas', () => {
		expect(Object.keys(objectShape(z.nullable(z.object({ a: z.string() }))) ?? {})).toEqual(['a']);
		expect(objectShape(z.nullable(z.string()))).toBeNull();
	});
});
