/**
 * One cell ⇄ one value, for every cell kind. `writeCell` and `readCell` are exact inverses for
 * every value the schema accepts (the round-trip test holds them to it).
 *
 * Conventions (docs/csv-format.md):
 * - empty cell = unknown (null) or "use the default"; lists are separated by ";" (a literal ";"
 *   inside an item is written "\;", a backslash "\\");
 * - numbers use a decimal point; CI bounds may be "NR";
 * - text that a spreadsheet would take for a formula (starting with = + - @, tab or CR) is written
 *   with a leading apostrophe, which reading removes; "'" alone is the empty text "" where empty
 *   would mean null;
 * - asset attributes: "n/a" = not applicable, a leading "~" or "≈" = approximate, and a leading
 *   apostrophe = take the rest literally (for values that start with "~" or read "n/a").
 */
import { OMIT, emptyValue, type FieldShape } from './columns';

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;
const GUARDED = /^'(?=[=+\-@\t\r'])/;

export type CellResult = { ok: true; value: unknown } | { ok: false; message: string };

function quoted(text: string): string {
	const cut = text.length > 60 ? `${text.slice(0, 59)}…` : text;
	return JSON.stringify(cut);
}

/** Text that a spreadsheet could take for a formula gets a leading apostrophe. */
export function guardText(text: string): string {
	return FORMULA_START.test(text) || /^'(?:[=+\-@\t\r']|$)/.test(text) ? `'${text}` : text;
}

function unguardText(cell: string): string {
	return GUARDED.test(cell) ? cell.slice(1) : cell;
}

function readNumber(cell: string): CellResult {
	const text = cell.trim();
	if (!NUMBER.test(text)) {
		return { ok: false, message: `expected a number like 63.0, got ${quoted(cell)}` };
	}
	const value = Number(text);
	if (!Number.isFinite(value)) {
		return { ok: false, message: `the number ${quoted(text)} is too large` };
	}
	return { ok: true, value };
}

function readBoolean(cell: string): CellResult {
	const text = cell.trim().toLowerCase();
	if (text === 'true') return { ok: true, value: true };
	if (text === 'false') return { ok: true, value: false };
	return { ok: false, message: `expected true or false, got ${quoted(cell)}` };
}

function splitList(cell: string): string[] {
	const items: string[] = [];
	let current = '';
	for (let i = 0; i < cell.length; i++) {
		const char = cell[i];
		if (char === '\\' && (cell[i + 1] === ';' || cell[i + 1] === '\\')) {
			current += cell[i + 1];
			i++;
		} else if (char === ';') {
			items.push(current);
			current = '';
		} else current += char;
	}
	items.push(current);
	return items.map((item) => item.trim()).filter((item) => item !== '');
}

function joinList(items: readonly string[]): string {
	return items.map((item) => item.replace(/\\/g, '\\\\').replace(/;/g, '\\;')).join('; ');
}

/** A non-empty cell → value of the given kind. */
function readValue(cell: string, kind: FieldShape['kind']): CellResult {
	switch (kind) {
		case 'text':
			return { ok: true, value: unguardText(cell) };
		case 'number':
			return readNumber(cell);
		case 'boolean':
			return readBoolean(cell);
		case 'list':
			return { ok: true, value: splitList(unguardText(cell)) };
		case 'bound': {
			if (cell.trim().toUpperCase() === 'NR') return { ok: true, value: 'NR' };
			const number = readNumber(cell);
			if (number.ok || /^\s*[+-]?\d+,\d+\s*$/.test(cell)) return number;
			return { ok: false, message: `expected a number like 63.0 or NR, got ${quoted(cell)}` };
		}
	}
}

/** Attribute text is taken as is: its only escape is the leading apostrophe. */
function readLiteral(text: string, kind: FieldShape['kind']): CellResult {
	if (kind === 'text') return { ok: true, value: text };
	if (kind === 'list') return { ok: true, value: splitList(text) };
	return readValue(text, kind);
}

/** A cell of an ordinary column; `OMIT` means "leave the key out" (the default applies). */
export function readCell(cell: string, shape: FieldShape): CellResult {
	if (cell === '' || (shape.kind !== 'text' && cell.trim() === '')) {
		return { ok: true, value: emptyValue(shape) };
	}
	if (cell === "'" && shape.kind === 'text') return { ok: true, value: '' };
	return readValue(cell, shape.kind);
}

export function writeCell(value: unknown, shape: FieldShape): string {
	if (value === null || value === undefined) return '';
	switch (shape.kind) {
		case 'text': {
			const text = String(value);
			// "" where an empty cell would mean null or "default" is written as a lone apostrophe.
			if (text === '' && (shape.nullable || shape.optional || shape.hasDefault)) return "'";
			return guardText(text);
		}
		case 'number':
		case 'bound':
			return String(value);
		case 'boolean':
			return value ? 'true' : 'false';
		case 'list':
			return guardText(joinList(value as string[]));
	}
}

export interface AttributeCell {
	value: unknown;
	applicable: boolean;
	approximate: boolean;
}

/** An asset attribute cell: "" unknown, "n/a" not applicable, "~x"/"≈x" approximate x. */
export function readAttributeCell(cell: string, kind: FieldShape['kind']): CellResult {
	const trimmed = cell.trim();
	if (trimmed === '') {
		return { ok: true, value: { value: null, applicable: true, approximate: false } };
	}
	if (trimmed.toLowerCase() === 'n/a') {
		return { ok: true, value: { value: null, applicable: false, approximate: false } };
	}
	if (cell.startsWith("'")) {
		const rest = readLiteral(cell.slice(1), kind);
		return rest.ok
			? { ok: true, value: { value: rest.value, applicable: true, approximate: false } }
			: rest;
	}
	const approximate = trimmed.startsWith('~') || trimmed.startsWith('≈');
	const text = approximate ? trimmed.slice(1).trimStart() : cell;
	if (text === '') {
		return { ok: false, message: `"${trimmed}" marks a value as approximate but gives no value` };
	}
	const read = readLiteral(text, kind);
	return read.ok ? { ok: true, value: { value: read.value, applicable: true, approximate } } : read;
}

export function writeAttributeCell(attribute: AttributeCell, kind: FieldShape['kind']): string {
	if (attribute.value === null) {
		return attribute.applicable ? '' : 'n/a';
	}
	// Numbers and booleans (String(true) is "true") are written as they print.
	const text = kind === 'list' ? joinList(attribute.value as string[]) : String(attribute.value);
	const literal = kind === 'text' || kind === 'list';
	if (attribute.approximate) return `~${text}`;
	if (
		literal &&
		(text === '' ||
			/^['~≈=+\-@\t\r]/.test(text) ||
			text.trim().toLowerCase() === 'n/a' ||
			text !== text.trimStart())
	) {
		return `'${text}`;
	}
	return text;
}

export { OMIT };
