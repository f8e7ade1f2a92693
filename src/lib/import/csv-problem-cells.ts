/**
 * A problem path from the schema or quality checks (`readouts[3].ci.low`) → the cell it came
 * from (`readouts.csv`, row 5, `ciLow`).
 */
import {
	CITATIONS_FILE,
	META_FILE,
	TABLES_BY_NAME,
	type CollectionName,
	type Table
} from './columns';
import type { RowMap, CellRef } from './csv-sheet';
// --- problem paths → cells --------------------------------------------------------------------

const TOKEN = /^[A-Za-z_$][\w$]*|\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;

function tokenise(path: string): (string | number)[] {
	const tokens: (string | number)[] = [];
	TOKEN.lastIndex = 0;
	// A sticky match fails at the end of the path (or at anything else), which ends the loop.
	let match: RegExpExecArray | null;
	while ((match = TOKEN.exec(path)) !== null) {
		if (match[1] !== undefined) tokens.push(match[1]);
		else if (match[2] !== undefined) tokens.push(Number(match[2]));
		else if (match[3] !== undefined) tokens.push(JSON.parse(match[3]) as string);
		else tokens.push(match[0]);
	}
	return tokens;
}

function columnFor(table: Table, rest: readonly (string | number)[]): string | null {
	// The longest leading run of keys that is a column's path. No path holds an index, so an
	// index ends every candidate that could match.
	const keys = rest.map(String);
	// Stryker disable next-line EqualityOperator: no column has an empty path
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
		if (typeof index !== 'string') return { file: fileName(META_FILE), row: null, column: null };
		return { file: fileName(META_FILE), row: rowMap.meta[index] ?? null, column: 'value' };
	}
	let table = TABLES_BY_NAME.get(head as CollectionName);
	if (!table || head === 'phases') return { file: '(dataset)', row: null, column: null };
	if (typeof index !== 'number') return { file: fileName(table.file), row: null, column: null };
	let row = rowMap.rows[head as CollectionName]?.[index] ?? null;
	let owner = `${head}[${index}]`;
	let remaining = rest;
	// A program's phase (only programs have phases): its own row of phases.csv.
	if (remaining[0] === 'phases' && typeof remaining[1] === 'number') {
		table = TABLES_BY_NAME.get('phases')!;
		row = rowMap.phases[index]?.[remaining[1]] ?? null;
		owner += `.phases[${remaining[1]}]`;
		remaining = remaining.slice(2);
	}
	const s = remaining.indexOf('sources');
	if (s >= 0) {
		const attribute = remaining.slice(0, s) as string[];
		const ownerPath = [owner, ...attribute].join('.');
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
			column: columnFor(table, attribute)
		};
	}
	return { file: fileName(table.file), row, column: columnFor(table, remaining) };
}
