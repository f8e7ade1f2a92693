import { describe, expect, it } from 'vitest';
import {
	guardText,
	readAttributeCell,
	readCell,
	writeAttributeCell,
	writeCell,
	OMIT
} from './cells';
import type { CellKind, FieldShape } from './columns';

const shape = (kind: CellKind, flags: Partial<Omit<FieldShape, 'kind'>> = {}): FieldShape => ({
	kind,
	nullable: false,
	optional: false,
	hasDefault: false,
	...flags
});

const value = (cell: string, field: FieldShape) => {
	const read = readCell(cell, field);
	if (!read.ok) throw new Error(read.message);
	return read.value;
};
const message = (cell: string, field: FieldShape) => {
	const read = readCell(cell, field);
	if (read.ok) throw new Error(`expected a problem, read ${JSON.stringify(read.value)}`);
	return read.message;
};

describe('number cells', () => {
	it('accept spaces around the number', () => {
		expect(value(' 63.0 ', shape('number'))).toBe(63);
		expect(value('\t-1.5e2 ', shape('bound'))).toBe(-150);
	});

	it('name a number too large to hold', () => {
		expect(message('1e999', shape('number'))).toBe('the number "1e999" is too large');
	});

	it('quote a long wrong cell cut to 60 characters, a 60-character one whole', () => {
		const long = 'x'.repeat(70);
		expect(message(long, shape('number'))).toBe(
			`expected a number like 63.0, got "${'x'.repeat(59)}…"`
		);
		const sixty = 'y'.repeat(60);
		expect(message(sixty, shape('number'))).toBe(`expected a number like 63.0, got "${sixty}"`);
	});

	it('an empty or blank cell is unknown, not a problem', () => {
		expect(value('', shape('number', { nullable: true }))).toBeNull();
		expect(value('   ', shape('number', { nullable: true }))).toBeNull();
		expect(value('  ', shape('boolean', { hasDefault: true }))).toBe(OMIT);
	});
});

describe('CI bound cells', () => {
	it('take NR in any case and with spaces', () => {
		expect(value(' nr ', shape('bound'))).toBe('NR');
	});

	it('a decimal comma gets the number hint, other text the hint that NR is allowed', () => {
		const number = 'expected a number like 63.0, got';
		expect(message(' -63,25 ', shape('bound'))).toBe(`${number} " -63,25 "`);
		expect(message('+1,5', shape('bound'))).toBe(`${number} "+1,5"`);
		expect(message('x63,5', shape('bound'))).toBe('expected a number like 63.0 or NR, got "x63,5"');
		expect(message('63,5x', shape('bound'))).toBe('expected a number like 63.0 or NR, got "63,5x"');
		expect(message('n/r', shape('bound'))).toBe('expected a number like 63.0 or NR, got "n/r"');
	});
});

describe('boolean cells', () => {
	it('accept true and false in any case and with spaces', () => {
		expect(value(' TRUE ', shape('boolean'))).toBe(true);
		expect(value('False', shape('boolean'))).toBe(false);
		expect(message('yes', shape('boolean'))).toBe('expected true or false, got "yes"');
	});

	it('are written true and false', () => {
		expect(writeCell(true, shape('boolean'))).toBe('true');
		expect(writeCell(false, shape('boolean'))).toBe('false');
	});
});

describe('list cells', () => {
	it('split on ";", trim the items and drop empty ones', () => {
		expect(value(' a ;b;; ;c ', shape('list'))).toEqual(['a', 'b', 'c']);
	});

	it('read "\\;" as a literal ";" and "\\\\" as one backslash; other backslashes stay', () => {
		expect(value('Test Bio\\; Inc.; B', shape('list'))).toEqual(['Test Bio; Inc.', 'B']);
		expect(value('a\\\\; b', shape('list'))).toEqual(['a\\', 'b']);
		expect(value('C:\\temp\\x', shape('list'))).toEqual(['C:\\temp\\x']);
		expect(value('\\\\\\;', shape('list'))).toEqual(['\\;']);
	});

	it('a lone apostrophe is an item, not the empty text', () => {
		expect(value("'", shape('list'))).toEqual(["'"]);
	});
});

describe('text cells', () => {
	it('keep blanks: only an empty cell is unknown', () => {
		expect(value('  ', shape('text', { nullable: true }))).toBe('  ');
		expect(value('', shape('text', { nullable: true }))).toBeNull();
		expect(value("'", shape('text', { nullable: true }))).toBe('');
	});

	it('write the empty text as a lone apostrophe only where empty would mean unknown or default', () => {
		expect(writeCell('', shape('text'))).toBe('');
		expect(writeCell('', shape('text', { nullable: true }))).toBe("'");
		expect(writeCell('', shape('text', { optional: true }))).toBe("'");
		expect(writeCell('', shape('text', { hasDefault: true }))).toBe("'");
	});
});

describe('guardText: text a spreadsheet could take for a formula', () => {
	it('gets a leading apostrophe, and so does text that starts with one that reading would strip', () => {
		expect(guardText('=SUM(A1)')).toBe("'=SUM(A1)");
		expect(guardText("'=x")).toBe("''=x");
		expect(guardText("'")).toBe("''");
	});

	it('other apostrophes are left alone', () => {
		expect(guardText("'tis")).toBe("'tis");
		expect(guardText("rock'")).toBe("rock'");
		expect(guardText("it's")).toBe("it's");
	});
});

describe('asset attribute cells', () => {
	const attribute = (cell: string, kind: CellKind) => {
		const read = readAttributeCell(cell, kind);
		if (!read.ok) throw new Error(read.message);
		return read.value;
	};

	it('blank is unknown, n/a (any case, spaces) is not applicable', () => {
		expect(attribute('   ', 'text')).toEqual({ value: null, applicable: true, approximate: false });
		expect(attribute(' N/A ', 'text')).toEqual({
			value: null,
			applicable: false,
			approximate: false
		});
	});

	it('a leading ~ or ≈ marks an approximate value; the mark elsewhere is text', () => {
		expect(attribute('≈4', 'number')).toEqual({ value: 4, applicable: true, approximate: true });
		expect(attribute('~ about four', 'text')).toEqual({
			value: 'about four',
			applicable: true,
			approximate: true
		});
		expect(attribute('4≈', 'text')).toEqual({ value: '4≈', applicable: true, approximate: false });
		expect(readAttributeCell('~', 'number')).toEqual({
			ok: false,
			message: '"~" marks a value as approximate but gives no value'
		});
	});

	it('after the leading apostrophe the rest is taken literally, apostrophes included', () => {
		expect(attribute("''=x", 'text')).toEqual({
			value: "'=x",
			applicable: true,
			approximate: false
		});
		expect(attribute("''=a; b", 'list')).toEqual({
			value: ["'=a", 'b'],
			applicable: true,
			approximate: false
		});
		expect(attribute("'~5", 'text')).toMatchObject({ value: '~5', approximate: false });
	});

	it('numbers and booleans are written plainly, even negative ones', () => {
		const plain = (v: unknown) => ({ value: v, applicable: true, approximate: false });
		expect(writeAttributeCell(plain(-5), 'number')).toBe('-5');
		expect(writeAttributeCell(plain(true), 'boolean')).toBe('true');
		expect(writeAttributeCell(plain(false), 'boolean')).toBe('false');
		expect(writeAttributeCell({ value: 4, applicable: true, approximate: true }, 'number')).toBe(
			'~4'
		);
	});

	it('text and lists that would read back differently get the leading apostrophe', () => {
		const plain = (v: unknown) => ({ value: v, applicable: true, approximate: false });
		expect(writeAttributeCell(plain(['~a', 'b']), 'list')).toBe("'~a; b");
		expect(writeAttributeCell(plain('N/A'), 'text')).toBe("'N/A");
		expect(writeAttributeCell(plain('n/a '), 'text')).toBe("'n/a ");
		expect(writeAttributeCell(plain(' indented'), 'text')).toBe("' indented");
		expect(writeAttributeCell(plain(''), 'text')).toBe("'");
		expect(writeAttributeCell(plain('trailing '), 'text')).toBe('trailing ');
		expect(writeAttributeCell(plain('a~b=c'), 'text')).toBe('a~b=c');
	});

	it('written cells read back to the same attribute', () => {
		const cases: [unknown, CellKind][] = [
			['N/A', 'text'],
			[' x', 'text'],
			["'=x", 'text'],
			[['~a', 'b;c'], 'list'],
			[-5, 'number'],
			[false, 'boolean']
		];
		for (const [v, kind] of cases) {
			const written = { value: v, applicable: true, approximate: false };
			expect(attribute(writeAttributeCell(written, kind), kind)).toEqual(written);
		}
	});
});
