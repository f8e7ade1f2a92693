/**
 * The CSV layout of a dataset, derived from the zod schema so that it cannot drift from it: one
 * table per entity, one column per schema field, objects flattened into named columns, asset
 * attributes as one cell each (+ an `<attr>_note` column), sources in `citations.csv`, program
 * phases in `phases.csv`. Both directions (CSV → dataset and dataset → CSV) read these tables.
 *
 * A new schema field gets a column automatically (named after the field, converted by its type);
 * a new object field needs a flattening entry below, or building the tables throws (and the tests
 * fail), so nothing is silently dropped.
 */
import type * as z from 'zod/mini';
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

/** How a cell is read and written. */
export type CellKind = 'text' | 'number' | 'boolean' | 'list' | 'bound';

/** What a schema field accepts, as far as a cell is concerned. */
export interface FieldShape {
	kind: CellKind;
	nullable: boolean;
	optional: boolean;
	hasDefault: boolean;
}

export interface Column {
	/** The header cell. */
	name: string;
	/** Where the value goes in the entity object: ['ci', 'low'], ['dar'] (attribute), ['dar', 'note']. */
	path: string[];
	role: 'field' | 'attribute' | 'attribute-note';
	shape: FieldShape;
	/** For flattened objects: the object's key and whether the object itself may be null. */
	group: { key: string; nullable: boolean; hasDefault: boolean } | null;
	/** The schema rejects an empty cell here, so the column must be present. */
	required: boolean;
}

export type CollectionName =
	'sources' | 'assets' | 'programs' | 'milestones' | 'trials' | 'readouts' | 'deals' | 'conflicts';

export type TableName = CollectionName | 'phases';

export interface Table {
	name: TableName;
	file: string;
	/** The `entity` value of this table's rows in citations.csv, or null when it has no sources. */
	citationEntity: string | null;
	columns: Column[];
	/** Whether the entity carries `sources` (filled from citations.csv). */
	sourced: boolean;
}

export const META_FILE = 'meta.csv';
export const CITATIONS_FILE = 'citations.csv';
export const META_COLUMNS = ['key', 'value'] as const;
/** citations.csv: one row per SourceRef. `source`, `quote`, `note` are the SourceRef fields. */
export const CITATION_COLUMNS = ['entity', 'id', 'field', 'source', 'quote', 'note'] as const;
/** The SourceRef field each citation column holds. */
export const CITATION_REF_FIELDS: Record<string, keyof z.output<typeof SourceRef>> = {
	source: 'id',
	quote: 'quote',
	note: 'note'
};

/** Flattened object columns. Sub-fields missing here get `<key><SubKey>` names. */
const FLATTENED: Record<string, Record<string, string>> = {
	'trials.enrolment': { planned: 'enrolmentPlanned', actual: 'enrolmentActual' },
	'readouts.ci': { level: 'ciLevel', low: 'ciLow', high: 'ciHigh', method: 'ciMethod' },
	'readouts.range': { low: 'rangeLow', high: 'rangeHigh' },
	'readouts.presentedAt': { venue: 'presentedVenue', date: 'presentedDate' },
	'deals.value': {
		currency: 'currency',
		upfront: 'upfront',
		milestones: 'milestones',
		total: 'total',
		text: 'valueText'
	}
};

// --- zod introspection (only what the CSV layer needs) ---------------------------------------

interface Def {
	type: string;
	innerType?: z.ZodMiniType;
	element?: z.ZodMiniType;
	options?: z.ZodMiniType[];
	shape?: Record<string, z.ZodMiniType>;
}

function defOf(schema: z.ZodMiniType): Def {
	return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

interface Unwrapped {
	base: z.ZodMiniType;
	nullable: boolean;
	optional: boolean;
	hasDefault: boolean;
}

export function unwrap(schema: z.ZodMiniType): Unwrapped {
	let current = schema;
	let nullable = false;
	let optional = false;
	let hasDefault = false;
	for (;;) {
		const def = defOf(current);
		if (def.type === 'nullable') nullable = true;
		else if (def.type === 'optional') optional = true;
		else if (def.type === 'default') hasDefault = true;
		else break;
		current = def.innerType as z.ZodMiniType;
	}
	return { base: current, nullable, optional, hasDefault };
}

/** The object shape of a (possibly wrapped) object schema, or null. */
export function objectShape(schema: z.ZodMiniType): Record<string, z.ZodMiniType> | null {
	const def = defOf(unwrap(schema).base);
	return def.type === 'object' ? (def.shape as Record<string, z.ZodMiniType>) : null;
}

function isScalarText(schema: z.ZodMiniType): boolean {
	const type = defOf(schema).type;
	return type === 'string' || type === 'enum' || type === 'literal';
}

function cellKind(base: z.ZodMiniType, where: string): CellKind {
	const def = defOf(base);
	switch (def.type) {
		case 'string':
		case 'enum':
		case 'literal':
			return 'text';
		case 'number':
			return 'number';
		case 'boolean':
			return 'boolean';
		case 'array':
			if (isScalarText(unwrap(def.element as z.ZodMiniType).base)) return 'list';
			break;
		case 'union': {
			// Stryker disable next-line ArrayDeclaration: a union always lists its options; the fallback is for the type
			const types = (def.options ?? []).map((option) => defOf(option).type);
			if (types.includes('number') && types.every((t) => t === 'number' || t === 'literal')) {
				return 'bound';
			}
			break;
		}
	}
	throw new Error(`import/columns: no CSV cell kind for ${where} (${def.type})`);
}

export function fieldShape(schema: z.ZodMiniType, where: string): FieldShape {
	const { base, nullable, optional, hasDefault } = unwrap(schema);
	return { kind: cellKind(base, where), nullable, optional, hasDefault };
}

/** The value an empty cell stands for: omitted (optional/defaulted), null, "" or []. */
export const OMIT = Symbol('omit');
export function emptyValue(shape: FieldShape): unknown {
	if (shape.optional || shape.hasDefault) return OMIT;
	if (shape.nullable) return null;
	if (shape.kind === 'text') return '';
	if (shape.kind === 'list') return [];
	return OMIT;
}

function acceptsEmpty(schema: z.ZodMiniType, shape: FieldShape): boolean {
	const empty = emptyValue(shape);
	return schema.safeParse(empty === OMIT ? undefined : empty).success;
}

// --- tables ----------------------------------------------------------------------------------

function isAttribute(schema: z.ZodMiniType): boolean {
	const shape = objectShape(schema);
	return shape !== null && 'applicable' in shape && 'value' in shape && 'sources' in shape;
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

function buildColumns(
	name: TableName,
	schema: z.ZodMiniObject,
	leading: Column[]
): { columns: Column[]; sourced: boolean } {
	const columns: Column[] = [...leading];
	const notes: Column[] = [];
	let sourced = false;
	for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodMiniType>)) {
		const where = `${name}.${key}`;
		if (key === 'sources') {
			sourced = true;
			continue;
		}
		if (name === 'programs' && key === 'phases') continue; // phases.csv
		if (name === 'assets' && isAttribute(field)) {
			const attr = objectShape(field) as Record<string, z.ZodMiniType>;
			const valueShape = fieldShape(attr.value!, `${where}.value`);
			columns.push({
				name: key,
				path: [key],
				role: 'attribute',
				shape: { ...valueShape, nullable: true },
				group: null,
				required: false
			});
			notes.push({
				name: `${key}_note`,
				path: [key, 'note'],
				role: 'attribute-note',
				shape: fieldShape(attr.note!, `${where}.note`),
				group: null,
				required: false
			});
			continue;
		}
		const sub = objectShape(field);
		if (sub) {
			const names = FLATTENED[where] ?? {};
			const outer = unwrap(field);
			for (const [subKey, subField] of Object.entries(sub)) {
				const shape = fieldShape(subField, `${where}.${subKey}`);
				columns.push({
					name: names[subKey] ?? `${key}${capitalise(subKey)}`,
					path: [key, subKey],
					role: 'field',
					shape,
					group: { key, nullable: outer.nullable, hasDefault: outer.hasDefault },
					required: !outer.nullable && !outer.hasDefault && !acceptsEmpty(subField, shape)
				});
			}
			continue;
		}
		const shape = fieldShape(field, where);
		columns.push({
			name: key,
			path: [key],
			role: 'field',
			shape,
			group: null,
			required: !acceptsEmpty(field, shape)
		});
	}
	const all = [...columns, ...notes];
	const seen = new Set<string>();
	for (const column of all) {
		// Stryker disable next-line StringLiteral: runs once, as the module builds its tables; the message is for whoever adds a clashing column
		if (seen.has(column.name)) throw new Error(`import/columns: two "${column.name}" in ${name}`);
		seen.add(column.name);
	}
	return { columns: all, sourced };
}

function table(
	name: TableName,
	schema: z.ZodMiniObject,
	citationEntity: string | null,
	leading: Column[] = []
): Table {
	const { columns, sourced } = buildColumns(name, schema, leading);
	return {
		name,
		file: `${name}.csv`,
		citationEntity: sourced ? citationEntity : null,
		columns,
		sourced
	};
}

/** phases.csv names its program in a leading `program` column. */
const PROGRAM_COLUMN: Column = {
	name: 'program',
	path: ['program'],
	role: 'field',
	shape: { kind: 'text', nullable: false, optional: false, hasDefault: false },
	group: null,
	required: true
};

/** The entity tables in file order. */
export const TABLES: readonly Table[] = [
	table('sources', Source, null),
	table('assets', Asset, 'asset'),
	table('programs', Program, 'program'),
	table('phases', ProgramPhase, 'phase', [PROGRAM_COLUMN]),
	table('milestones', Milestone, 'milestone'),
	table('trials', Trial, 'trial'),
	table('readouts', Readout, 'readout'),
	table('deals', Deal, 'deal'),
	table('conflicts', Conflict, 'conflict')
];

export const TABLES_BY_NAME = new Map(TABLES.map((t) => [t.name, t]));
export const TABLES_BY_FILE = new Map(TABLES.map((t) => [t.file, t]));

/**
 * Meta fields a CSV set does not carry: the release history (`changelog`) is a list of records
 * that has no cell form; it stays in the JSON dataset it describes.
 */
export const META_FIELDS_NOT_IN_CSV: readonly string[] = ['changelog'];

/** The meta.csv keys: the fields of `Meta`, each read like a column of that name. */
export const META_FIELDS: readonly Column[] = Object.entries(
	Meta.shape as Record<string, z.ZodMiniType>
)
	.filter(([key]) => !META_FIELDS_NOT_IN_CSV.includes(key))
	.map(([key, field]) => {
		const shape = fieldShape(field, `meta.${key}`);
		return {
			name: key,
			path: [key],
			role: 'field',
			shape,
			group: null,
			required: !acceptsEmpty(field, shape)
		};
	});

/** The attribute names of an asset (the `field` values citations.csv allows for assets). */
export const ASSET_ATTRIBUTES: readonly string[] = TABLES_BY_NAME.get('assets')!
	.columns.filter((c) => c.role === 'attribute')
	.map((c) => c.name);

/** Every file of a CSV set, in order. meta, sources and assets are required. */
export const CSV_FILES: readonly string[] = [
	META_FILE,
	...TABLES.map((t) => t.file),
	CITATIONS_FILE
];
export const REQUIRED_FILES: readonly string[] = [META_FILE, 'sources.csv', 'assets.csv'];

/** citations.csv `entity` values → the table whose rows they cite. */
export const CITATION_ENTITIES = new Map(
	TABLES.filter((t) => t.citationEntity !== null).map((t) => [t.citationEntity as string, t])
);
