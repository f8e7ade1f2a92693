import { strToU8 } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_DATASET_BYTES } from '../data/checked';
import { MAX_CSV_ROWS } from './csv-to-dataset';
import {
	decodeText,
	detectFormat,
	findExcessiveNesting,
	parseJsonText,
	readDatasetFiles,
	type ImportProblem
} from './read-file';
import { MAX_ZIP_FILES, MAX_ZIP_TOTAL_BYTES, zipCsvFiles } from './zip';
import { datasetToCsvFiles } from './dataset-to-csv';
import { tinyCsv, tinyDataset, tinyJson } from './test-helpers';

const bytes = (text: string) => strToU8(text);
const csvFiles = () => tinyCsv().map((f) => ({ name: f.name, bytes: bytes(f.text) }));

const problem = (file: string, message: string): ImportProblem => ({
	file,
	row: null,
	column: null,
	message
});

function summaryOf(result: Awaited<ReturnType<typeof readDatasetFiles>>): string {
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return result.summary;
}

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

describe('readDatasetFiles: what the user is told', () => {
	const tiny = () => JSON.parse(tinyJson) as Record<string, Record<string, unknown>[]>;
	const jsonFile = (value: unknown, name = 'd.json') => ({
		name,
		bytes: bytes(JSON.stringify(value))
	});
	const uncitedSource = (id: string) => ({
		id,
		kind: 'news',
		title: `Never cited ${id}`,
		publisher: null,
		date: null,
		url: null,
		doi: null,
		registryIds: []
	});

	/** A copy in which every citation names the source `id`. */
	const citing = (value: unknown, id: string): unknown =>
		Array.isArray(value)
			? value.map((v) => citing(v, id))
			: value !== null && typeof value === 'object'
				? Object.fromEntries(
						Object.entries(value).map(([k, v]) => [
							k,
							k === 'sources' ? (v as object[]).map((ref) => ({ ...ref, id })) : citing(v, id)
						])
					)
				: value;

	it('counts each kind in the summary, one and many', async () => {
		const one = tiny();
		one.readouts = one.readouts!.slice(0, 1);
		const result = await readDatasetFiles([jsonFile(one)]);
		expect(summaryOf(result)).toBe(
			'Imported “Tiny import fixture” from d.json: 2 assets, 1 program, 1 trial, 1 readout, 1 milestone, 1 deal, 2 sources.'
		);
		const bare = {
			meta: one.meta,
			sources: [uncitedSource('s-1')],
			assets: citing(one.assets!.slice(0, 1), 's-1'),
			programs: [],
			trials: [],
			readouts: [],
			milestones: []
		};
		const small = await readDatasetFiles([jsonFile(bare)]);
		expect(summaryOf(small)).toMatch(
			/: 1 asset, 0 programs, 0 trials, 0 readouts, 0 milestones, 0 deals, 1 source\.$/
		);
	});

	it('a usable JSON dataset with quality warnings says how many and locates them by path', async () => {
		const value = tiny();
		value.sources!.push(uncitedSource('s-a'), uncitedSource('s-b'));
		const result = await readDatasetFiles([jsonFile(value)]);
		if (!result.ok) throw new Error(JSON.stringify(result.problems));
		expect(result.summary).toMatch(/, 4 sources; 2 quality warnings\.$/);
		expect(result.warnings).toEqual([
			expect.objectContaining({ file: 'd.json', row: null, column: null, path: 'sources[2]' }),
			expect.objectContaining({ file: 'd.json', row: null, column: null, path: 'sources[3]' })
		]);
		expect(result.warnings[0]!.message).toMatch(/^sources\[2\]: /);
	});

	it('the CSV route names how many files it read, and nothing ignored', async () => {
		const result = await readDatasetFiles(csvFiles());
		expect(summaryOf(result)).toBe(
			'Imported “Tiny import fixture” from 11 CSV files: 2 assets, 1 program, 1 trial, 2 readouts, 1 milestone, 1 deal, 2 sources.'
		);
	});

	it('a zip lists every file it ignored, after the warnings', async () => {
		const dataset = tinyDataset();
		dataset.sources.push({ ...dataset.sources[1]!, id: 'src-unused' });
		const zip = zipCsvFiles([
			...datasetToCsvFiles(dataset),
			{ name: 'README.txt', text: 'notes' },
			{ name: 'notes.md', text: 'more' }
		]);
		const result = await readDatasetFiles([{ name: 'tiny.zip', bytes: zip }]);
		expect(summaryOf(result)).toMatch(
			/^Imported “Tiny import fixture” from tiny\.zip: .*; 1 quality warning; ignored (README\.txt, notes\.md|notes\.md, README\.txt)\.$/
		);
	});

	const failures: [string, { name: string; bytes: Uint8Array }[], string, ImportProblem[]][] = [
		['nothing', [], 'Nothing to import', [problem('', 'no file was given')]],
		[
			'an unsupported file among good ones',
			[
				{ name: 'd.json', bytes: bytes(tinyJson) },
				{ name: 'deck.pptx', bytes: bytes('PK?') }
			],
			'Unsupported file type',
			[
				problem(
					'deck.pptx',
					'not a dataset file: import a .json dataset, .csv files or a .zip of CSV files'
				)
			]
		],
		[
			'a zip together with a CSV file',
			[
				{ name: 'set.zip', bytes: zipCsvFiles(tinyCsv()) },
				{ name: 'meta.csv', bytes: bytes('key,value') }
			],
			'Import one dataset at a time',
			[
				problem(
					'set.zip, meta.csv',
					'a .zip is imported on its own; put all CSV files in the one zip'
				)
			]
		],
		[
			'two JSON datasets',
			[
				{ name: 'a.json', bytes: bytes(tinyJson) },
				{ name: 'b.json', bytes: bytes(tinyJson) }
			],
			'Import one dataset at a time',
			[
				problem(
					'a.json, b.json',
					'a .json dataset is imported on its own, not together with other files'
				)
			]
		],
		[
			'a binary file named .csv',
			[{ name: 'assets.csv', bytes: new Uint8Array([0x69, 0x64, 0, 1]) }],
			'These files cannot be read',
			[problem('assets.csv', 'binary data, not CSV text')]
		],
		[
			'an empty JSON file',
			[{ name: 'd.json', bytes: new Uint8Array(0) }],
			'This file cannot be read',
			[problem('d.json', 'the file is empty')]
		],
		[
			'a JSON syntax error',
			[{ name: 'd.json', bytes: bytes('{"a": 1') }],
			'This dataset is not valid JSON',
			[
				problem(
					'd.json',
					"the JSON ends early at line 1, column 8 — the file looks cut off (Expected ',' or '}' after property value)"
				)
			]
		],
		[
			'a zip that is not one',
			[{ name: 'set.ZIP', bytes: bytes('hello') }],
			'This zip cannot be imported',
			[]
		]
	];
	it.each(failures)('%s: the title and each file named', async (_, files, title, problems) => {
		const result = await readDatasetFiles(files);
		if (result.ok) throw new Error('expected a failure');
		expect(result.title).toBe(title);
		if (problems.length > 0) expect(result.problems).toEqual(problems);
		else expect(result.problems.length).toBeGreaterThan(0);
	});

	it('names every file over the size limit, before reading any', async () => {
		const big = new Uint8Array(MAX_DATASET_BYTES + 1);
		const result = await readDatasetFiles([
			{ name: 'assets.csv', bytes: big },
			{ name: 'meta.csv', bytes: bytes('key,value') },
			{ name: 'readouts.csv', bytes: big }
		]);
		expect(result).toEqual({
			ok: false,
			title: 'This file is too large',
			problems: [
				problem('assets.csv', '32.0 MB; the limit is 32.0 MB per file'),
				problem('readouts.csv', '32.0 MB; the limit is 32.0 MB per file')
			]
		});
	});

	it('a file of exactly the size limit is read (here: found to be binary)', async () => {
		const exact = new Uint8Array(MAX_DATASET_BYTES);
		expect(await readDatasetFiles([{ name: 'd.json', bytes: exact }])).toEqual({
			ok: false,
			title: 'This file cannot be read',
			problems: [problem('d.json', 'binary data, not JSON text')]
		});
	});

	it(`refuses more than ${MAX_ZIP_FILES} CSV files, or more than ${MAX_ZIP_TOTAL_BYTES / 1024 / 1024} MB of them`, async () => {
		const many = Array.from({ length: MAX_ZIP_FILES + 1 }, (_, i) => ({
			name: `f${i}.csv`,
			bytes: bytes('a')
		}));
		expect(await readDatasetFiles(many)).toEqual({
			ok: false,
			title: 'Too many files',
			problems: [problem('', '31 files, 0.0 MB; a CSV set has at most 30 files and 50.0 MB')]
		});
		const half = new Uint8Array(MAX_ZIP_TOTAL_BYTES / 2);
		const heavy = await readDatasetFiles([
			{ name: 'assets.csv', bytes: half },
			{ name: 'meta.csv', bytes: bytes('key,value') },
			{ name: 'readouts.csv', bytes: half }
		]);
		expect(heavy).toMatchObject({
			ok: false,
			title: 'Too many files',
			problems: [{ message: '3 files, 50.0 MB; a CSV set has at most 30 files and 50.0 MB' }]
		});
	});

	it(`${MAX_ZIP_FILES} CSV files and exactly ${MAX_ZIP_TOTAL_BYTES / 1024 / 1024} MB are allowed`, async () => {
		const thirty = Array.from({ length: MAX_ZIP_FILES }, (_, i) => ({
			name: `f${i}.csv`,
			bytes: bytes('a')
		}));
		const result = await readDatasetFiles(thirty);
		expect(result.ok || result.title).toBe('These CSV files cannot be read');
		// Read, and here found to be binary.
		const half = new Uint8Array(MAX_ZIP_TOTAL_BYTES / 2);
		const exact = await readDatasetFiles([
			{ name: 'assets.csv', bytes: half },
			{ name: 'readouts.csv', bytes: half }
		]);
		expect(exact.ok || exact.title).toBe('These files cannot be read');
	});

	it('an unexpected error becomes a problem naming the files, not a crash', async () => {
		const vanishing = {
			name: 'a.csv',
			get bytes(): Uint8Array {
				throw new Error('the file was removed');
			}
		};
		expect(await readDatasetFiles([vanishing, { name: 'b.csv', bytes: bytes('id') }])).toEqual({
			ok: false,
			title: 'The import failed',
			problems: [problem('a.csv, b.csv', 'unexpected error: the file was removed')]
		});
	});
});

describe('detectFormat', () => {
	const file = (name: string, text: string) => ({ name, bytes: bytes(text) });

	it('trusts the extension in any case', () => {
		expect(detectFormat(file('Assets.CSV', '{}'))).toBe('csv');
		expect(detectFormat(file('set.Zip', 'id,name'))).toBe('zip');
		expect(detectFormat(file('d.JSON', 'id,name'))).toBe('json');
	});

	it('without an extension, a file whose first characters open an object is JSON', () => {
		expect(detectFormat(file('json', 'id,name'))).toBeNull();
		expect(detectFormat(file('download', ' \t\r\n{"meta": {}}'))).toBe('json');
		expect(detectFormat(file('download', 'abc{}'))).toBeNull();
		expect(detectFormat(file('download', 'a {}'))).toBeNull();
		expect(detectFormat(file('download', `${' '.repeat(2000)}{}`))).toBeNull();
	});
});

describe('decodeText', () => {
	const decode = (data: Uint8Array, format: 'json' | 'csv' = 'csv') =>
		decodeText({ name: 'f', bytes: data }, format);
	const refused = (data: Uint8Array, format: 'json' | 'csv' = 'csv') => {
		const decoded = decode(data, format);
		if (decoded.ok) throw new Error('expected a problem');
		return decoded.problem.message;
	};

	it('refuses a file over the size limit', () => {
		expect(refused(new Uint8Array(MAX_DATASET_BYTES + 1), 'json')).toBe(
			'32.0 MB; the limit is 32.0 MB per file'
		);
		expect(refused(new Uint8Array(MAX_DATASET_BYTES))).toBe('binary data, not CSV text');
	});

	it('recognises UTF-16 by its byte-order mark, either way round, and says how to save', () => {
		expect(refused(new Uint8Array([0xfe, 0xff, 0, 0x69]))).toBe(
			'UTF-16 text, not UTF-8 — save it as "CSV UTF-8" and import again'
		);
		expect(refused(new Uint8Array([0xff, 0xfe, 0x7b, 0]), 'json')).toBe(
			'UTF-16 text, not UTF-8 — save it as UTF-8 and import again'
		);
	});

	it('Windows-1252 text starting or ending in ÿ or þ is not taken for UTF-16', () => {
		for (const data of [
			[0xff, 0x41],
			[0x41, 0xfe],
			[0xfe, 0x41],
			[0x41, 0xff]
		]) {
			expect(refused(new Uint8Array(data))).toBe(
				'not UTF-8 text — save the spreadsheet as CSV UTF-8'
			);
		}
		expect(refused(new Uint8Array([0x7b, 0xfc, 0x7d]), 'json')).toBe(
			'not UTF-8 text — save the file with UTF-8 encoding'
		);
	});

	it('looks for binary data in the first 8 KB only', () => {
		expect(refused(new Uint8Array([0x61, 0]), 'json')).toBe('binary data, not JSON text');
		const late = new Uint8Array(8193).fill(0x61);
		late[8192] = 0;
		expect(decode(late).ok).toBe(true);
	});
});

describe('parseJsonText: where the error is', () => {
	const message = (text: string) => {
		const parsed = parseJsonText(text);
		if (parsed.ok) throw new Error('expected an error');
		return parsed.message;
	};

	it('a file cut off counts from its last non-blank character, leading blank lines included', () => {
		expect(message('\n\n{"a": [1,\n2,\n\n')).toBe(
			'the JSON ends early at line 4, column 3 — the file looks cut off (Unexpected end of JSON input)'
		);
	});

	it('more blank lines before the JSON than after it do not move the end', () => {
		expect(message('\n\n\n{"a": [1,\n2,\n')).toBe(
			'the JSON ends early at line 5, column 3 — the file looks cut off (Unexpected end of JSON input)'
		);
	});

	describe('with the messages of other browsers', () => {
		afterEach(() => vi.restoreAllMocks());
		const failWith = (raw: string) =>
			vi.spyOn(JSON, 'parse').mockImplementation(() => {
				throw new SyntaxError(raw);
			});
		const text = `{\n${'\n'.repeat(10)}  "sources": [1 2]\n}`;

		it('Chrome: position plus line and column', () => {
			failWith(
				"Expected ',' or ']' after array element in JSON at position 28 (line 12 column 17)"
			);
			expect(message(text)).toBe(
				"not valid JSON at line 12, column 17: Expected ',' or ']' after array element"
			);
		});

		it('Firefox: line and column only', () => {
			failWith(
				"JSON.parse: expected ',' or ']' after array element at line 12 column 17 of the JSON data"
			);
			expect(message(text)).toBe(
				"not valid JSON at line 12, column 17: expected ',' or ']' after array element"
			);
		});

		it('Safari: no place at all', () => {
			failWith('JSON Parse error: Unexpected identifier "x"');
			expect(message(text)).toBe('not valid JSON: JSON Parse error: Unexpected identifier "x"');
		});
	});
});
