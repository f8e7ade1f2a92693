import { describe, expect, it } from 'vitest';
import {
	canonicalFileName,
	cellOf,
	checkHeader,
	MAX_CSV_ROWS,
	parseSheet,
	sortProblems,
	type Sheet
} from './csv-sheet';
import type { ImportProblem } from './problems';

function read(
	text: string,
	file = 'conflicts.csv'
): { sheet: Sheet | null; problems: ImportProblem[] } {
	const problems: ImportProblem[] = [];
	return { sheet: parseSheet(file, text, problems), problems };
}

function sheetOf(text: string): Sheet {
	const { sheet, problems } = read(text);
	if (!sheet || problems.length > 0) throw new Error(JSON.stringify(problems));
	return sheet;
}

const cellsOf = (sheet: Sheet) => sheet.rows.map((r) => r.cells);

describe('canonicalFileName', () => {
	it('keeps the last part of a path, in lower case, without surrounding spaces', () => {
		expect(canonicalFileName('her2/Assets.CSV')).toBe('assets.csv');
		expect(canonicalFileName('C:\\data\\ Readouts.csv ')).toBe('readouts.csv');
	});
});

describe('parseSheet: separators', () => {
	it('reads the separator from the header line only', () => {
		const sheet = sheetOf('id;about\r\n"a,b";c\r\n');
		expect(sheet.header).toEqual(['id', 'about']);
		expect(cellsOf(sheet)).toEqual([['a,b', 'c']]);
	});

	it('a comma in the header wins over a semicolon', () => {
		expect(sheetOf('id,about;x\r\n1,a;b').header).toEqual(['id', 'about;x']);
	});

	it('reads tab-separated files', () => {
		const sheet = sheetOf('id\tabout\r\n1\ta, b; c\r\n');
		expect(sheet.header).toEqual(['id', 'about']);
		expect(cellsOf(sheet)).toEqual([['1', 'a, b; c']]);
	});

	it('a header line ending in its only separator still names that separator', () => {
		expect(sheetOf('id;').header).toEqual(['id', '']);
	});

	it('a one-column file keeps tabs and semicolons inside its cells', () => {
		const sheet = sheetOf('about\r\na\tb;c\r\n');
		expect(sheet.header).toEqual(['about']);
		expect(cellsOf(sheet)).toEqual([['a\tb;c']]);
	});
});

describe('parseSheet: header and rows', () => {
	it('drops a byte order mark, even before a quoted header cell', () => {
		const sheet = sheetOf('\uFEFF"id","about"\r\n1,x');
		expect(sheet.header).toEqual(['id', 'about']);
	});

	it('trims header cells, skips blank rows but counts them, the header being row 1', () => {
		const sheet = sheetOf(' id , about \r\n1,a\r\n  ,  \r\n\r\n2,b\r\n');
		expect(sheet.header).toEqual(['id', 'about']);
		expect(sheet.rows).toEqual([
			{ row: 2, cells: ['1', 'a'] },
			{ row: 5, cells: ['2', 'b'] }
		]);
	});

	it('reads a column that appears twice from its first copy', () => {
		const sheet = sheetOf('id,about,about\r\n1,first,second');
		expect(cellOf(sheet, sheet.rows[0]!.cells, 'about')).toBe('first');
	});

	it('a missing column or a short row reads as empty cells', () => {
		const sheet = sheetOf('id,about\r\n1');
		const cells = sheet.rows[0]!.cells;
		expect(cellOf(sheet, cells, 'id')).toBe('1');
		expect(cellOf(sheet, cells, 'about')).toBe('');
		expect(cellOf(sheet, cells, 'resolution')).toBe('');
	});

	it('an empty file (a byte order mark and spaces) is a problem, not an empty sheet', () => {
		expect(read('\uFEFF \r\n')).toEqual({
			sheet: null,
			problems: [
				{
					file: 'conflicts.csv',
					row: null,
					column: null,
					message: 'the file is empty (a header row is expected)'
				}
			]
		});
	});
});

describe('parseSheet: quotes', () => {
	it('names the row of a stray quote and how to write one', () => {
		expect(read('id,about\r\n1,ok\r\n2,"a"b"').problems).toEqual([
			{
				file: 'conflicts.csv',
				row: 3,
				column: null,
				message: 'a cell has a stray " inside (quote the cell and double the inner quote: "")'
			}
		]);
	});

	it('names an unclosed quote', () => {
		expect(read('id,about\r\n1,"never closed').problems).toEqual([
			{
				file: 'conflicts.csv',
				row: 2,
				column: null,
				message: 'a quoted cell is never closed (a " is missing)'
			}
		]);
	});

	it('reports at most 20 quote problems per file', () => {
		const rows = Array.from({ length: 25 }, (_, i) => `${i},"a"b"`).join('\r\n');
		const { problems } = read(`id,about\r\n${rows}`);
		expect(problems).toHaveLength(20);
		expect(problems[19]!.row).toBe(21);
	});
});

describe('parseSheet: size', () => {
	const rows = (count: number) => `id\r\n${'x\r\n'.repeat(count)}`;

	it(`accepts exactly ${MAX_CSV_ROWS.toLocaleString('en-US')} data rows, with a final line break`, () => {
		const { sheet, problems } = read(rows(MAX_CSV_ROWS));
		expect(problems).toEqual([]);
		expect(sheet?.rows).toHaveLength(MAX_CSV_ROWS);
	});

	it('refuses one more', () => {
		expect(read(rows(MAX_CSV_ROWS + 1)).problems.map((p) => p.message)).toEqual([
			'more than 100,000 rows; split the data or contact the maintainers'
		]);
	});
});

describe('checkHeader', () => {
	const check = (text: string, expected = ['id', 'about'], required = ['id']) => {
		const problems: ImportProblem[] = [];
		checkHeader(sheetOf(text), expected, required, problems);
		return problems.map(({ row, column, message }) => ({ row, column, message }));
	};

	it('a column without a header is fine while its cells are empty, even in short rows', () => {
		expect(check('id,,about,\r\n1, ,a\r\n2,,b,')).toEqual([]);
	});

	it('names the column number of cells under no header', () => {
		expect(check('id,,about\r\n1,,a\r\n2,x,b')).toEqual([
			{ row: 1, column: null, message: 'column 2 has cells but no header' }
		]);
	});

	it('blank cells beyond the header are fine; a filled one names its row and the counts', () => {
		expect(check('id,about\r\n1,a,,\r\n2,b, \r\n3,c')).toEqual([]);
		expect(check('id,about\r\n1,a\r\n2,b,,x')).toEqual([
			{
				row: 3,
				column: null,
				message:
					'this row has 4 cells but the header has 2 columns (a separator too many, or an unquoted comma?)'
			}
		]);
	});
});

describe('sortProblems', () => {
	const problem = (file: string, row: number | null, message = ''): ImportProblem => ({
		file,
		row,
		column: null,
		message
	});

	it('orders by file as a CSV set lists them, then by row, else as reported', () => {
		const sorted = sortProblems([
			problem('readouts.csv', 5),
			problem('readouts.csv', 2),
			problem('Her2/Assets.CSV', 3, 'first'),
			problem('assets.csv', null),
			problem('assets.csv', 3, 'second'),
			problem('meta.csv', 9),
			problem('notes.txt', 4)
		]);
		expect(sorted.map((p) => `${p.file}:${p.row}${p.message ? `:${p.message}` : ''}`)).toEqual([
			'notes.txt:4',
			'meta.csv:9',
			'assets.csv:null',
			'Her2/Assets.CSV:3:first',
			'assets.csv:3:second',
			'readouts.csv:2',
			'readouts.csv:5'
		]);
	});

	it('keeps the reported order of many problems on one row', () => {
		const messages = Array.from({ length: 12 }, (_, i) => `m${i}`);
		const sorted = sortProblems(messages.map((m) => problem('deals.csv', 2, m)).reverse());
		expect(sorted.map((p) => p.message)).toEqual([...messages].reverse());
	});
});
