import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import {
	looksLikeRegistryJson,
	MAX_RECORD_FILES,
	readRecordFiles,
	studiesFromJson
} from './read-records';

/** The smallest study record: just its NCT number (fictional). */
const record = (nctId: string, extra: Record<string, unknown> = {}) => ({
	protocolSection: { identificationModule: { nctId }, ...extra }
});
const json = (name: string, value: unknown) => ({
	name,
	bytes: strToU8(typeof value === 'string' ? value : JSON.stringify(value))
});
const nctIds = (read: ReturnType<typeof readRecordFiles>) =>
	read.files.map((f) => [f.name, f.studies.map((s) => s.nctId)]);

describe('telling registry records from a landscape dataset', () => {
	it.each([
		[record('NCT00000001'), true],
		[{ studies: [] }, true],
		[{ studies: [record('NCT00000001')], nextPageToken: 'x' }, true],
		[[record('NCT00000001'), record('NCT00000002')], true],
		[{ protocolSection: {} }, true],
		[[], false],
		[[record('NCT00000001'), { meta: {} }], false],
		[[1], false],
		[{ studies: 'NCT00000001' }, false],
		[{ meta: { id: 'her2' }, trials: [] }, false],
		[null, false],
		['NCT00000001', false]
	])('%j → %s', (value, expected) => expect(looksLikeRegistryJson(value)).toBe(expected));
});

describe('the studies of one parsed file', () => {
	it('one study, a list of studies, or a page of them', () => {
		const ids = (value: unknown) => {
			const read = studiesFromJson('f.json', value);
			return read.ok ? read.studies.map((s) => s.nctId) : read.problems;
		};
		expect(ids(record('NCT00000001'))).toEqual(['NCT00000001']);
		expect(ids([record('NCT00000001'), record('NCT00000002')])).toEqual([
			'NCT00000001',
			'NCT00000002'
		]);
		expect(ids({ studies: [record('NCT00000003')] })).toEqual(['NCT00000003']);
	});

	it.each([
		[
			{ studies: { protocolSection: {} } },
			[{ message: 'studies: expected a list of studies', path: 'studies' }]
		],
		[{ studies: [] }, [{ message: 'the page lists no studies' }]],
		[[], [{ message: 'the page lists no studies' }]],
		[
			{ trials: [] },
			[
				{
					message:
						'not a ClinicalTrials.gov study record: expected an object with "protocolSection" or a page with "studies"'
				}
			]
		],
		[
			'NCT00000001',
			[
				{
					message:
						'not a ClinicalTrials.gov study record: expected an object with "protocolSection" or a page with "studies"'
				}
			]
		]
	])('%j is refused: %j', (value, problems) => {
		const read = studiesFromJson('f.json', value);
		expect(read).toEqual({
			ok: false,
			problems: problems.map((p) => ({ file: 'f.json', row: null, column: null, ...p }))
		});
	});

	it('a bad study refuses the file; its problems name the file, the study and the field', () => {
		const bad = record('NCT00000002', { statusModule: { overallStatus: 5 } });
		const path = (where: string) => `${where}protocolSection.statusModule.overallStatus`;
		const problem = (where: string) => ({
			file: 'p.json',
			row: null,
			column: null,
			message: `${path(where)}: expected text, got a number`,
			path: path(where)
		});
		expect(studiesFromJson('p.json', { studies: [record('NCT00000001'), bad, bad] })).toEqual({
			ok: false,
			problems: [problem('studies[1].'), problem('studies[2].')]
		});
		expect(studiesFromJson('p.json', [bad])).toEqual({ ok: false, problems: [problem('[0].')] });
		expect(studiesFromJson('p.json', bad)).toEqual({ ok: false, problems: [problem('')] });
	});
});

describe('reading the files the user picked', () => {
	it('each file is read on its own: a bad one is refused, the others are used', () => {
		const read = readRecordFiles([
			json('one.json', record('NCT00000001')),
			json('broken.json', '{"studies": ['),
			json('empty.json', ''),
			json('page.json', { studies: [record('NCT00000002'), record('NCT00000003')] })
		]);
		expect(nctIds(read)).toEqual([
			['one.json', ['NCT00000001']],
			['page.json', ['NCT00000002', 'NCT00000003']]
		]);
		expect(read.problems.map((p) => p.file)).toEqual(['broken.json', 'empty.json']);
		expect(read.problems[0]).toMatchObject({ row: null, column: null });
		expect(read.problems[0]).not.toHaveProperty('path');
		expect(read.problems[1]!.message).toBe('the file is empty');
		const binary = readRecordFiles([
			{ name: 'image.json', bytes: new Uint8Array([0x7b, 0, 0x7d]) }
		]);
		expect(binary.problems.map((p) => p.message)).toEqual(['binary data, not JSON text']);
	});

	it('a zip is opened, by its name or by its bytes; its .json files are named inside it', () => {
		const zip = zipSync({
			'a/NCT00000001.json': strToU8(JSON.stringify(record('NCT00000001'))),
			'b.json': strToU8(JSON.stringify([record('NCT00000002')])),
			'notes.txt': strToU8('not read')
		});
		const read = readRecordFiles([
			{ name: 'records.ZIP', bytes: zip },
			{ name: 'download', bytes: zip }
		]);
		expect(read.problems).toEqual([]);
		expect(nctIds(read)).toEqual([
			['records.ZIP/a/NCT00000001.json', ['NCT00000001']],
			['records.ZIP/b.json', ['NCT00000002']],
			['download/a/NCT00000001.json', ['NCT00000001']],
			['download/b.json', ['NCT00000002']]
		]);
	});

	it('a zip that cannot be used is refused with the reason', () => {
		const read = readRecordFiles([
			{ name: 'records.zip', bytes: zipSync({ 'notes.txt': strToU8('x') }) },
			{ name: 'damaged.zip', bytes: strToU8('not a zip at all') }
		]);
		expect(read.files).toEqual([]);
		expect(read.problems.map((p) => [p.file, p.message])).toEqual([
			['records.zip', 'the zip contains no .json files'],
			['damaged.zip', expect.stringContaining('not a readable zip archive')]
		]);
	});

	it('a zip of more record files than are read is refused, saying how many are', () => {
		const zipOf = (n: number) =>
			zipSync(
				Object.fromEntries(Array.from({ length: n }, (_, i) => [`r${i}.json`, strToU8('{}')]))
			);
		expect(MAX_RECORD_FILES).toBe(1000);
		// 1000 files are opened (each refused here for what it holds, not for their number)…
		const all = readRecordFiles([{ name: 'all.zip', bytes: zipOf(1000) }]);
		expect(all.problems).toHaveLength(1000);
		expect(all.problems[999]!.file).toBe('all.zip/r999.json');
		// …1001 are not.
		const many = readRecordFiles([{ name: 'many.zip', bytes: zipOf(1001) }]);
		expect(many.problems.map((p) => p.message)).toEqual(['the zip has more than 1000 entries']);
	});

	it('never throws: an unexpected failure is a problem of that file', () => {
		const unreadable = {
			name: 'odd.json',
			get bytes(): Uint8Array {
				throw new Error('the file went away');
			}
		};
		const read = readRecordFiles([unreadable, json('one.json', record('NCT00000001'))]);
		expect(read.problems).toEqual([
			{
				file: 'odd.json',
				row: null,
				column: null,
				message: 'unexpected error: the file went away'
			}
		]);
		expect(nctIds(read)).toEqual([['one.json', ['NCT00000001']]]);
	});
});
