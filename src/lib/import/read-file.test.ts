import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_DATASET_BYTES } from '../data/checked';
import { MAX_CSV_ROWS } from './csv-to-dataset';
import { detectFormat, findExcessiveNesting, parseJsonText, readDatasetFiles } from './read-file';
import { zipCsvFiles } from './zip';
import { tinyCsv, tinyJson } from './test-helpers';

const bytes = (text: string) => strToU8(text);
const csvFiles = () => tinyCsv().map((f) => ({ name: f.name, bytes: bytes(f.text) }));

async function problemsOf(files: { name: string; bytes: Uint8Array }[]) {
	const result = await readDatasetFiles(files);
	if (result.ok) throw new Error('expected a failure');
	return result.problems;
}

describe('readDatasetFiles: the three routes', () => {
	it('imports a JSON dataset', async () => {
		const result = await readDatasetFiles([{ name: 'tiny.json', bytes: bytes(tinyJson) }]);
		expect(result).toMatchObject({
			ok: true,
			format: 'json',
			summary:
				'Imported “Tiny import fixture” from tiny.json: 2 assets, 1 program, 1 trial, 2 readouts, 1 milestone, 1 deal, 2 sources.'
		});
	});

	it('imports a set of CSV files', async () => {
		const result = await readDatasetFiles(csvFiles());
		expect(result).toMatchObject({ ok: true, format: 'csv' });
		if (result.ok) expect(result.summary).toContain('from 11 CSV files: 2 assets');
	});

	it('imports a zip of CSV files, and says what it ignored', async () => {
		const zip = zipCsvFiles([...tinyCsv(), { name: 'README.txt', text: 'notes' }]);
		const result = await readDatasetFiles([{ name: 'tiny.zip', bytes: zip }]);
		expect(result).toMatchObject({ ok: true, format: 'zip' });
		if (result.ok) expect(result.summary).toMatch(/from tiny\.zip: .*; ignored README\.txt\.$/);
	});

	it('detects the format from content when the name has no extension', () => {
		expect(detectFormat({ name: 'download', bytes: zipCsvFiles(tinyCsv()) })).toBe('zip');
		expect(detectFormat({ name: 'download', bytes: bytes('\uFEFF  {"meta": {}}') })).toBe('json');
		expect(detectFormat({ name: 'notes.txt', bytes: bytes('hello') })).toBeNull();
	});

	it('names JSON problems by path, with warnings available on success', async () => {
		const broken = JSON.parse(tinyJson) as { readouts: { n: unknown }[] };
		broken.readouts[0]!.n = 1e20;
		const problems = await problemsOf([
			{ name: 'tiny.json', bytes: bytes(JSON.stringify(broken)) }
		]);
		expect(problems).toContainEqual({
			file: 'tiny.json',
			row: null,
			column: null,
			path: 'readouts[0].n',
			message: 'readouts[0].n: must be at most 9007199254740991, got 100000000000000000000'
		});
	});
});

describe('readDatasetFiles: limits and bad input, each with a clear message', () => {
	const big = new Uint8Array(MAX_DATASET_BYTES + 1).fill(0x20);
	const cases: [string, { name: string; bytes: Uint8Array }[], string][] = [
		['no file', [], 'no file was given'],
		['an empty file', [{ name: 'd.json', bytes: new Uint8Array(0) }], 'the file is empty'],
		['only whitespace', [{ name: 'd.json', bytes: bytes('\uFEFF \n ') }], 'the file is empty'],
		['too large', [{ name: 'd.json', bytes: big }], '32.0 MB; the limit is 32.0 MB per file'],
		[
			'a binary file named .json',
			[{ name: 'd.json', bytes: new Uint8Array([0x7b, 0, 1, 2, 3]) }],
			'binary data, not JSON text'
		],
		[
			'a zip named .json',
			[{ name: 'd.json', bytes: zipCsvFiles(tinyCsv()) }],
			'this is a zip archive, not JSON text — rename it to .zip to import the CSV files inside'
		],
		[
			'an Excel workbook named .csv',
			[{ name: 'assets.csv', bytes: zipCsvFiles(tinyCsv()) }],
			'this is a workbook or zip archive, not CSV text — save each sheet as "CSV UTF-8"'
		],
		[
			'UTF-16 text',
			[{ name: 'assets.csv', bytes: new Uint8Array([0xff, 0xfe, 0x69, 0, 0x64, 0]) }],
			'UTF-16 text, not UTF-8 — save it as "CSV UTF-8" and import again'
		],
		[
			'Windows-1252 text',
			[{ name: 'meta.csv', bytes: new Uint8Array([...bytes('key,value\r\ntitle,Z'), 0xfc, 0x72]) }],
			'not UTF-8 text — save the spreadsheet as CSV UTF-8'
		],
		[
			'a truncated JSON file',
			[{ name: 'd.json', bytes: bytes('{\n  "meta": {\n    "id": "x",\n    "title": "Cut') }],
			'the JSON ends early at line 4, column 18 — the file looks cut off (Unterminated string)'
		],
		[
			'a JSON file cut after a comma',
			[{ name: 'd.json', bytes: bytes('{"sources": [1,\n2,') }],
			'the JSON ends early at line 2, column 3 — the file looks cut off (Unexpected end of JSON input)'
		],
		[
			'a JSON syntax error',
			[{ name: 'd.json', bytes: bytes('{\n  "meta": {},\n  "sources": [1 2]\n}') }],
			"not valid JSON at line 3, column 17: Expected ',' or ']' after array element"
		],
		[
			'JSON nested too deep',
			[{ name: 'd.json', bytes: bytes(`{"a":${'['.repeat(100)}${']'.repeat(100)}}`) }],
			'nested deeper than 64 levels (at line 1, column 69); a dataset needs far fewer'
		],
		[
			'a JSON dataset together with CSV files',
			[{ name: 'd.json', bytes: bytes(tinyJson) }, ...csvFiles()],
			'a .json dataset is imported on its own, not together with other files'
		],
		[
			'an unsupported file type',
			[{ name: 'landscape.xlsx', bytes: new Uint8Array([1, 2, 3]) }],
			'not a dataset file: import a .json dataset, .csv files or a .zip of CSV files'
		]
	];
	it.each(cases)('%s', async (_, files, message) => {
		const problems = await problemsOf(files);
		expect(problems.map((p) => p.message)).toEqual(expect.arrayContaining([message]));
	});

	it(`refuses a CSV file with more than ${MAX_CSV_ROWS.toLocaleString('en-US')} rows`, async () => {
		const text = `id,about,description,resolution\r\n${'c,a,d,r\r\n'.repeat(MAX_CSV_ROWS + 1)}`;
		const files = [
			...csvFiles().filter((f) => f.name !== 'conflicts.csv'),
			{ name: 'conflicts.csv', bytes: bytes(text) }
		];
		expect(await problemsOf(files)).toContainEqual({
			file: 'conflicts.csv',
			row: null,
			column: null,
			message: 'more than 100,000 rows; split the data or contact the maintainers'
		});
	});

	it('never throws, whatever the bytes', async () => {
		for (const name of ['x.json', 'x.csv', 'x.zip', 'x']) {
			for (const data of [
				new Uint8Array([0x50, 0x4b, 3, 4, 9, 9]),
				new Uint8Array(10).fill(0xff)
			]) {
				const result = await readDatasetFiles([{ name, bytes: data }]);
				expect(result.ok).toBe(false);
			}
		}
	});
});

describe('JSON helpers', () => {
	it('counts nesting outside strings only', () => {
		expect(findExcessiveNesting('{"a": "[[[[[[[["}', 2)).toBeNull();
		expect(findExcessiveNesting('{"a": [[1]]}', 2)).toBe(7);
		expect(findExcessiveNesting('{"a\\"[[[": 1}', 1)).toBeNull();
	});

	it('numbers beyond the double range become Infinity and are refused by the schema', () => {
		const parsed = parseJsonText('{"n": 1e400}');
		expect(parsed).toEqual({ ok: true, value: { n: Infinity } });
	});
});
