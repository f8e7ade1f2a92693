import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_DATASET_BYTES } from '../data/checked';
import {
	isZipBytes,
	MAX_ZIP_ENTRIES,
	MAX_ZIP_FILES,
	MAX_ZIP_TOTAL_BYTES,
	readCsvZip,
	zipCsvFiles
} from './zip';
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
				'__MACOSX/assets.csv': 'junk',
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

/** Edits the headers of the named entries: `central` and `local` are their offsets. */
function patch(
	bytes: Uint8Array,
	names: string[],
	edit: (view: DataView, central: number, local: number) => void
): Uint8Array {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let end = bytes.length - 22;
	while (view.getUint32(end, true) !== 0x06054b50) end--;
	let at = view.getUint32(end + 16, true);
	for (let i = 0; i < view.getUint16(end + 10, true); i++) {
		const nameLength = view.getUint16(at + 28, true);
		const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
		if (names.includes(name)) edit(view, at, view.getUint32(at + 42, true));
		at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
	}
	return bytes;
}

/**
 * Marks the named entries as stored with compression method 99 (AES encryption), which fflate
 * cannot unpack: reading such an entry throws, so a test sees whether it was unpacked.
 */
const encrypted = (bytes: Uint8Array, ...names: string[]) =>
	patch(bytes, names, (view, central, local) => {
		view.setUint16(central + 10, 99, true);
		view.setUint16(local + 8, 99, true);
	});

/** Declares an uncompressed size in the directory, which the limits are checked on. */
const declaring = (bytes: Uint8Array, name: string, size: number) =>
	patch(bytes, [name], (view, central) => view.setUint32(central + 24, size, true));

describe('readCsvZip: what is unpacked, and what is said', () => {
	const problemsOf = (zip: Uint8Array) => {
		const read = readCsvZip('set.zip', zip);
		if (read.ok) throw new Error('expected problems');
		return read.problems.map(({ file, message }) => ({ file, message }));
	};

	it('skipped, ignored and refused entries are never unpacked', () => {
		const zip = encrypted(
			zipOf({
				'meta.csv': 'key,value',
				'.hidden.csv': 'x',
				'__MACOSX/assets.csv': 'x',
				'README.md': 'notes'
			}),
			'.hidden.csv',
			'__MACOSX/assets.csv',
			'README.md'
		);
		const read = readCsvZip('set.zip', zip);
		if (!read.ok) throw new Error(JSON.stringify(read.problems));
		expect(read.files.map((f) => f.name)).toEqual(['meta.csv']);
		expect(read.ignored).toEqual(['README.md']);

		const nested = encrypted(zipOf({ 'meta.csv': 'k', 'old.zip': 'x' }), 'old.zip');
		expect(problemsOf(nested)).toEqual([
			{
				file: 'set.zip',
				message: '"old.zip" is an archive inside the zip; unpack it and zip the CSV files directly'
			}
		]);
	});

	it('an encrypted CSV entry is refused when unpacking, with a word on encryption', () => {
		const zip = encrypted(zipOf({ 'meta.csv': 'key,value', 'assets.csv': 'id' }), 'assets.csv');
		expect(problemsOf(zip)).toEqual([
			{
				file: 'set.zip',
				message:
					'the zip could not be unpacked (unknown compression type 99); encrypted zips are not supported'
			}
		]);
	});

	it('names fflate’s reason for a damaged archive', () => {
		expect(problemsOf(strToU8('PK\x03\x04 and then nothing'))).toEqual([
			{ file: 'set.zip', message: 'not a readable zip archive (invalid zip data)' }
		]);
	});

	it(`says once that there are more than ${MAX_ZIP_ENTRIES} entries, without unpacking the rest`, () => {
		const names = Array.from({ length: MAX_ZIP_ENTRIES + 3 }, (_, i) => `f${i}.txt`);
		const zip = encrypted(
			zipOf(Object.fromEntries(names.map((n) => [n, 'x']))),
			...names.slice(-3)
		);
		expect(problemsOf(zip)).toEqual([
			{ file: 'set.zip', message: `the zip has more than ${MAX_ZIP_ENTRIES} entries` }
		]);
	});

	it('a zip with only a nested archive gets that one problem, not also "no .csv files"', () => {
		expect(problemsOf(zipOf({ 'data.7z': 'x' })).map((p) => p.message)).toEqual([
			'"data.7z" is an archive inside the zip; unpack it and zip the CSV files directly'
		]);
	});

	it('a refused zip is not unpacked further: no second round of problems', () => {
		const zip = zipOf({ 'readouts.csv': 'id', 'assets.csv': zipOf({ 'a.csv': 'x' }) });
		expect(problemsOf(declaring(zip, 'readouts.csv', MAX_DATASET_BYTES + 1))).toEqual([
			{ file: 'readouts.csv', message: '32.0 MB uncompressed; the limit is 32.0 MB per file' }
		]);
	});

	it('a file of exactly the per-file limit, and files of exactly the total limit, are read', () => {
		const one = declaring(zipOf({ 'readouts.csv': 'id' }), 'readouts.csv', MAX_DATASET_BYTES);
		expect(readCsvZip('set.zip', one).ok).toBe(true);
		const half = MAX_ZIP_TOTAL_BYTES / 2;
		const two = declaring(zipOf({ 'a.csv': 'a', 'b.csv': 'b' }), 'a.csv', half);
		expect(readCsvZip('set.zip', declaring(two, 'b.csv', half)).ok).toBe(true);
		expect(problemsOf(declaring(two, 'b.csv', half + 1))).toEqual([
			{
				file: 'set.zip',
				message: 'the CSV files add up to 50.0 MB uncompressed; the limit is 50.0 MB'
			}
		]);
	});
});

describe('isZipBytes', () => {
	it('needs all four bytes of "PK\\x03\\x04"', () => {
		expect(isZipBytes(new Uint8Array([0x50, 0x4b, 3, 4]))).toBe(true);
		for (const bytes of [
			[0x50, 0x4b, 3],
			[0x51, 0x4b, 3, 4],
			[0x50, 0x4c, 3, 4],
			[0x50, 0x4b, 5, 4],
			[0x50, 0x4b, 3, 5],
			[]
		]) {
			expect(isZipBytes(new Uint8Array(bytes))).toBe(false);
		}
	});
});
