import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_DATASET_BYTES } from '../data/checked';
import { MAX_ZIP_FILES, readCsvZip, zipCsvFiles } from './zip';
import { readDatasetFiles } from './read-file';
import { tinyCsv } from './test-helpers';

const decoder = new TextDecoder();

function zipOf(entries: Record<string, Uint8Array | string>): Uint8Array {
	const zippable: Zippable = {};
	for (const [name, data] of Object.entries(entries)) {
		zippable[name] = typeof data === 'string' ? strToU8(data) : data;
	}
	return zipSync(zippable, { level: 6 });
}

describe('zipCsvFiles / readCsvZip', () => {
	it('round-trips a CSV set, with a UTF-8 byte-order mark for spreadsheets', () => {
		const files = tinyCsv();
		const read = readCsvZip('set.zip', zipCsvFiles(files));
		if (!read.ok) throw new Error(JSON.stringify(read.problems));
		expect(read.files.map((f) => f.name)).toEqual(files.map((f) => f.name));
		expect(read.files[0]!.bytes.slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
		expect(decoder.decode(read.files[2]!.bytes)).toBe(files[2]!.text);
	});

	it('skips folders, __MACOSX and dotfiles; lists other files as ignored; keeps folder paths', () => {
		const read = readCsvZip(
			'set.zip',
			zipOf({
				'her2/': new Uint8Array(0),
				'her2/Meta.CSV': 'key,value\r\n',
				'__MACOSX/her2/._meta.csv': 'junk',
				'her2/.DS_Store': 'junk',
				'.hidden/assets.csv': 'junk',
				'her2/README.md': '# notes'
			})
		);
		if (!read.ok) throw new Error(JSON.stringify(read.problems));
		expect(read.files.map((f) => f.name)).toEqual(['her2/Meta.CSV']);
		expect(read.ignored).toEqual(['her2/README.md']);
	});

	it.each([
		[
			'a nested zip by name',
			{ 'meta.csv': 'key,value', 'inner.zip': zipOf({ 'a.csv': 'x' }) },
			'"inner.zip" is an archive inside the zip; unpack it and zip the CSV files directly'
		],
		[
			'a nested zip named .csv',
			{ 'assets.csv': zipOf({ 'a.csv': 'x' }) },
			'"assets.csv" is a zip archive, not CSV text; unpack it first'
		],
		['no CSV at all', { 'notes.txt': 'hello' }, 'the zip contains no .csv files'],
		[
			'too many CSV files',
			Object.fromEntries(Array.from({ length: MAX_ZIP_FILES + 1 }, (_, i) => [`f${i}.csv`, 'a'])),
			`the zip contains ${MAX_ZIP_FILES + 1} CSV files; at most ${MAX_ZIP_FILES} are read`
		]
	] as const)('refuses %s', (_, entries, message) => {
		const read = readCsvZip('set.zip', zipOf(entries as Record<string, Uint8Array | string>));
		expect(read.ok).toBe(false);
		if (!read.ok) expect(read.problems.map((p) => p.message)).toContain(message);
	});

	it('refuses a zip bomb from its declared sizes, before inflating anything', () => {
		// 33 MB of zeros compresses to a few kB: over the per-file limit.
		const big = new Uint8Array(MAX_DATASET_BYTES + 1024 * 1024);
		const one = readCsvZip('bomb.zip', zipOf({ 'readouts.csv': big }));
		expect(one.ok).toBe(false);
		if (!one.ok) {
			expect(one.problems[0]).toMatchObject({
				file: 'readouts.csv',
				message: '33.0 MB uncompressed; the limit is 32.0 MB per file'
			});
		}
		// Three files of 18 MB: each allowed, together over 50 MB.
		const part = new Uint8Array(18 * 1024 * 1024);
		const many = readCsvZip('bomb.zip', zipOf({ 'a.csv': part, 'b.csv': part, 'c.csv': part }));
		expect(many.ok).toBe(false);
		if (!many.ok) {
			expect(many.problems[0]!.message).toBe(
				'the CSV files add up to 54.0 MB uncompressed; the limit is 50.0 MB'
			);
		}
	});

	it('an entry that lies about its size cannot inflate past what it declared', () => {
		const bytes = zipOf({ 'assets.csv': new Uint8Array(1024 * 1024).fill(0x61) });
		// Patch the central directory's "uncompressed size" (offset 24 of the 0x02014b50 header).
		const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
		let at = bytes.length - 22;
		while (view.getUint32(at, true) !== 0x06054b50) at--;
		const directory = view.getUint32(at + 16, true);
		expect(view.getUint32(directory, true)).toBe(0x02014b50);
		view.setUint32(directory + 24, 100, true);
		const read = readCsvZip('liar.zip', bytes);
		if (read.ok) expect(read.files[0]!.bytes.length).toBeLessThanOrEqual(100);
		else expect(read.problems[0]!.message).toMatch(/could not be unpacked/);
	});

	it('refuses damaged archives with a message, never throws', () => {
		const good = zipCsvFiles(tinyCsv());
		const read = readCsvZip('cut.zip', good.slice(0, good.length - 30));
		expect(read.ok).toBe(false);
		if (!read.ok) expect(read.problems[0]!.message).toMatch(/^not a readable zip archive/);
	});

	it('a zip whose CSV is not UTF-8 gets the spreadsheet advice (through readDatasetFiles)', async () => {
		const files = Object.fromEntries(tinyCsv().map((f) => [f.name, f.text]));
		// "Zürich" in Windows-1252: ü = 0xFC, invalid as UTF-8.
		const latin1 = new Uint8Array([
			...strToU8('id,kind,title\r\nsrc,news,Z'),
			0xfc,
			...strToU8('rich\r\n')
		]);
		const result = await readDatasetFiles([
			{ name: 'set.zip', bytes: zipOf({ ...files, 'sources.csv': latin1 }) }
		]);
		expect(result).toEqual({
			ok: false,
			title: 'These files cannot be read',
			problems: [
				{
					file: 'sources.csv',
					row: null,
					column: null,
					message: 'not UTF-8 text — save the spreadsheet as CSV UTF-8'
				}
			]
		});
	});
});
