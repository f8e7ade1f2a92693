import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { Dataset } from '../data/schema';
import {
	csvFilesToDataset,
	importCsvSet,
	mapProblemToCell,
	type ImportProblem,
	type RowMap
} from './csv-to-dataset';
import { csvTemplates, datasetToCsvFiles, type CsvFile } from './dataset-to-csv';
import { dropColumn, setCell, tinyCsv, tinyDataset } from './test-helpers';

type Edit = (files: CsvFile[]) => CsvFile[];
const cell =
	(file: string, row: number, column: string, value: string): Edit =>
	(files) =>
		setCell(files, file, row, column, value);

function problemsOf(files: CsvFile[]): ImportProblem[] {
	const result = importCsvSet(files);
	if (result.ok) throw new Error('expected problems, the import succeeded');
	return result.problems.map(({ file, row, column, message }) => ({ file, row, column, message }));
}

describe('the tiny CSV set', () => {
	it('round-trips exactly', () => {
		const built = csvFilesToDataset(tinyCsv());
		if (!built.ok) throw new Error(JSON.stringify(built.problems));
		expect(Dataset.parse(built.dataset)).toStrictEqual(tinyDataset());
	});

	it('reads attribute conventions: n/a, ~approximate, lists, notes, citations with a field', () => {
		const built = csvFilesToDataset(tinyCsv());
		if (!built.ok) throw new Error('failed');
		const dataset = Dataset.parse(built.dataset);
		const [abc, trastuzumab] = dataset.assets;
		expect(abc?.dar).toMatchObject({ value: 4, approximate: true, applicable: true });
		expect(abc?.domains).toMatchObject({ value: ['II', 'IV'], note: 'Read from figure 1.' });
		expect(abc?.domains.sources).toEqual([
			{ id: 'src-paper', quote: 'binds domains II and IV', note: 'Figure 1' }
		]);
		expect(abc?.originator.value).toBe('Test Bio; Inc.');
		expect(trastuzumab?.payload).toMatchObject({ value: null, applicable: false });
		expect(trastuzumab?.format).toMatchObject({ value: null, applicable: true });
	});

	it('writes what a spreadsheet user expects to see', () => {
		const files = tinyCsv();
		const text = (name: string) => files.find((f) => f.name === name)?.text ?? '';
		expect(files.map((f) => f.name)).toEqual([
			'meta.csv',
			'sources.csv',
			'assets.csv',
			'programs.csv',
			'phases.csv',
			'milestones.csv',
			'trials.csv',
			'readouts.csv',
			'deals.csv',
			'conflicts.csv',
			'citations.csv'
		]);
		expect(text('assets.csv')).toContain('~4');
		expect(text('assets.csv')).toContain('II; IV');
		expect(text('assets.csv')).toContain(',Test Bio; Inc.,');
		expect(text('sources.csv')).toContain(`"'=Formula-looking ""news"" title"`);
		expect(text('readouts.csv')).toContain(',NR,');
		expect(text('phases.csv').split('\r\n')[0]).toBe('program,phase,start,knownBy,end,status,note');
		expect(text('citations.csv')).toContain('phase,abc-1-gastric/phase 3,,src-news,');
		expect(text('meta.csv')).toContain('synthetic,true');
	});

	it('accepts sloppy but unambiguous input: case of file names, TRUE/FALSE, nr, blank rows, missing optional columns', () => {
		let files = tinyCsv().map((f) =>
			f.name === 'assets.csv'
				? { name: 'Her2/Assets.CSV', text: f.text.replace('true', 'TRUE') }
				: f
		);
		files = setCell(files, 'readouts.csv', 3, 'ciHigh', 'nr');
		files = dropColumn(files, 'trials.csv', 'note');
		files = files.map((f) =>
			f.name === 'milestones.csv' ? { name: f.name, text: `\uFEFF${f.text}\r\n,,,\r\n\r\n` } : f
		);
		const result = importCsvSet(files);
		expect(result.ok).toBe(true);
	});

	it('reads ";"-separated files (European spreadsheet locales)', () => {
		const files = tinyCsv().map((f) => {
			if (f.name !== 'conflicts.csv') return f;
			const rows = Papa.parse<string[]>(f.text.trimEnd()).data;
			return { name: f.name, text: Papa.unparse(rows, { delimiter: ';' }) };
		});
		expect(importCsvSet(files).ok).toBe(true);
	});
});

describe('problems name file, row and column', () => {
	const cases: { name: string; edit: Edit; expected: ImportProblem }[] = [
		{
			name: 'decimal comma',
			edit: cell('readouts.csv', 2, 'ciLow', '63,0'),
			expected: {
				file: 'readouts.csv',
				row: 2,
				column: 'ciLow',
				message: 'expected a number like 63.0, got "63,0"'
			}
		},
		{
			name: 'percent sign in a number',
			edit: cell('readouts.csv', 2, 'value', '76.4%'),
			expected: {
				file: 'readouts.csv',
				row: 2,
				column: 'value',
				message: 'expected a number like 63.0, got "76.4%"'
			}
		},
		{
			name: 'CI bound neither number nor NR',
			edit: cell('readouts.csv', 3, 'ciHigh', 'n.r.'),
			expected: {
				file: 'readouts.csv',
				row: 3,
				column: 'ciHigh',
				message: 'expected a number like 63.0 or NR, got "n.r."'
			}
		},
		{
			name: 'boolean',
			edit: cell('readouts.csv', 3, 'notReached', 'yes'),
			expected: {
				file: 'readouts.csv',
				row: 3,
				column: 'notReached',
				message: 'expected true or false, got "yes"'
			}
		},
		{
			name: 'attribute boolean',
			edit: cell('assets.csv', 2, 'biparatopic', 'maybe'),
			expected: {
				file: 'assets.csv',
				row: 2,
				column: 'biparatopic',
				message: 'expected true or false, got "maybe"'
			}
		},
		{
			name: 'approximate marker without a value',
			edit: cell('assets.csv', 2, 'dar', '≈'),
			expected: {
				file: 'assets.csv',
				row: 2,
				column: 'dar',
				message: '"≈" marks a value as approximate but gives no value'
			}
		},
		{
			name: 'unknown enum value (schema)',
			edit: cell('readouts.csv', 2, 'endpoint', 'OSR'),
			expected: {
				file: 'readouts.csv',
				row: 2,
				column: 'endpoint',
				message:
					'expected one of "ORR", "cORR", "DCR", "CBR", "pCR", "tpCR", "mPFS", "mOS", "mDOR", "HR-PFS", "HR-OS", "PFS-rate", "OS-rate", "DOR-rate", got "OSR"'
			}
		},
		{
			name: 'attribute enum value (schema, inside the attribute object)',
			edit: cell('assets.csv', 3, 'domains', 'IV; V'),
			expected: {
				file: 'assets.csv',
				row: 3,
				column: 'domains',
				message: 'expected one of "I", "II", "III", "IV", got "V"'
			}
		},
		{
			name: 'count beyond the safe integer range',
			edit: cell('trials.csv', 2, 'enrolmentPlanned', '1e20'),
			expected: {
				file: 'trials.csv',
				row: 2,
				column: 'enrolmentPlanned',
				message: 'must be at most 9007199254740991, got 100000000000000000000'
			}
		},
		{
			name: 'partial date in meta.csv',
			edit: cell('meta.csv', 5, 'value', 'June 2025'),
			expected: {
				file: 'meta.csv',
				row: 5,
				column: 'value',
				message:
					'a date is "YYYY-MM-DD", "YYYY-MM", "YYYY-Qn", "YYYY-Hn" or "YYYY", got "June 2025"'
			}
		},
		{
			name: 'phase date (phases.csv)',
			edit: cell('phases.csv', 3, 'start', '2024/05'),
			expected: {
				file: 'phases.csv',
				row: 3,
				column: 'start',
				message: 'a date is "YYYY-MM-DD", "YYYY-MM", "YYYY-Qn", "YYYY-Hn" or "YYYY", got "2024/05"'
			}
		},
		{
			name: 'CI inverted (quality check on the object → first bound)',
			edit: cell('readouts.csv', 2, 'ciLow', '90'),
			expected: {
				file: 'readouts.csv',
				row: 2,
				column: 'ciLow',
				message:
					'Readout "abc-1-101-orr" has a CI whose lower bound (90 %) is above its upper bound (86.8 %).'
			}
		},
		{
			name: 'dangling reference (quality check)',
			edit: cell('programs.csv', 2, 'asset', 'abc-2'),
			expected: {
				file: 'programs.csv',
				row: 2,
				column: 'asset',
				message:
					'Program "abc-1-gastric" refers to asset "abc-2", which is not in the dataset\'s assets.'
			}
		},
		{
			name: 'citation of an unknown source (quality check → citations.csv)',
			edit: cell('citations.csv', 2, 'source', 'src-missing'),
			expected: {
				file: 'citations.csv',
				row: 2,
				column: 'source',
				message: expect.stringContaining('"src-missing"') as unknown as string
			}
		},
		{
			name: 'quote too short (schema, attribute citation)',
			edit: cell('citations.csv', 4, 'quote', 'II'),
			expected: {
				file: 'citations.csv',
				row: 4,
				column: 'quote',
				message: 'must be at least 4 characters, got 2'
			}
		},
		{
			name: 'citation of an unknown entity id',
			edit: cell('citations.csv', 2, 'id', 'abc-9'),
			expected: {
				file: 'citations.csv',
				row: 2,
				column: 'id',
				message: 'no asset with id "abc-9" in assets.csv'
			}
		},
		{
			name: 'citation with an unknown entity kind',
			edit: cell('citations.csv', 2, 'entity', 'drug'),
			expected: {
				file: 'citations.csv',
				row: 2,
				column: 'entity',
				message:
					'expected one of "asset", "program", "phase", "milestone", "trial", "readout", "deal", "conflict", got "drug"'
			}
		},
		{
			name: 'citation field on a non-asset',
			edit: cell('citations.csv', 14, 'field', 'phase'),
			expected: {
				file: 'citations.csv',
				row: 14,
				column: 'field',
				message:
					'only asset citations name a field (an asset attribute); leave it empty for a phase'
			}
		},
		{
			name: 'citation of an unknown attribute',
			edit: cell('citations.csv', 3, 'field', 'epitope'),
			expected: {
				file: 'citations.csv',
				row: 3,
				column: 'field',
				message:
					'unknown asset attribute "epitope"; expected one of target, modality, format, domains, biparatopic, effector, platform, payload, linker, dar, conjugation, originator or empty for the asset itself'
			}
		},
		{
			name: 'phase of an unknown program',
			edit: cell('phases.csv', 2, 'program', 'nope'),
			expected: {
				file: 'phases.csv',
				row: 2,
				column: 'program',
				message: 'no program with id "nope" in programs.csv'
			}
		},
		{
			name: 'unknown meta key',
			edit: cell('meta.csv', 2, 'key', 'name'),
			expected: {
				file: 'meta.csv',
				row: 2,
				column: 'key',
				message:
					'unknown key "name"; meta.csv keys are id, title, target, asOf, version, description, synthetic'
			}
		},
		{
			name: 'unknown column, near miss in case',
			edit: cell('readouts.csv', 1, 'ciLow', 'CILow'),
			expected: {
				file: 'readouts.csv',
				row: 1,
				column: 'CILow',
				message: 'unknown column "CILow": did you mean "ciLow"? (column names are case-sensitive)'
			}
		},
		{
			name: 'unknown column',
			edit: cell('conflicts.csv', 1, 'resolution', 'decision'),
			expected: {
				file: 'conflicts.csv',
				row: 1,
				column: 'decision',
				message:
					'unknown column "decision"; the columns of conflicts.csv are: id, about, description, resolution'
			}
		},
		{
			name: 'missing required column',
			edit: (files) => dropColumn(files, 'assets.csv', 'shortName'),
			expected: {
				file: 'assets.csv',
				row: 1,
				column: 'shortName',
				message: 'the required column "shortName" is missing'
			}
		},
		{
			name: 'missing required file',
			edit: (files) => files.filter((f) => f.name !== 'sources.csv'),
			expected: {
				file: 'sources.csv',
				row: null,
				column: null,
				message: 'sources.csv is missing; every CSV set needs meta.csv, sources.csv, assets.csv'
			}
		},
		{
			name: 'unknown file',
			edit: (files) => [...files, { name: 'assets (1).csv', text: 'id\r\n' }],
			expected: {
				file: 'assets (1).csv',
				row: null,
				column: null,
				message: expect.stringContaining('unknown file "assets (1).csv"') as unknown as string
			}
		},
		{
			name: 'unclosed quote',
			edit: (files) =>
				files.map((f) =>
					f.name === 'deals.csv' ? { name: f.name, text: `${f.text}"abc,licence\r\n` } : f
				),
			expected: {
				file: 'deals.csv',
				row: 3,
				column: null,
				message: 'a quoted cell is never closed (a " is missing)'
			}
		},
		{
			name: 'more cells than columns',
			edit: (files) =>
				files.map((f) =>
					f.name === 'conflicts.csv'
						? { name: f.name, text: f.text.replace(/\r\n$/, ',extra\r\n') }
						: f
				),
			expected: {
				file: 'conflicts.csv',
				row: 2,
				column: null,
				message:
					'this row has 5 cells but the header has 4 columns (a separator too many, or an unquoted comma?)'
			}
		},
		{
			name: 'empty file',
			edit: (files) =>
				files.map((f) => (f.name === 'trials.csv' ? { name: f.name, text: '\uFEFF  \r\n' } : f)),
			expected: {
				file: 'trials.csv',
				row: null,
				column: null,
				message: 'the file is empty (a header row is expected)'
			}
		},
		{
			name: 'row numbers count blank rows',
			edit: (files) =>
				setCell(
					files.map((f) =>
						f.name === 'readouts.csv'
							? { name: f.name, text: f.text.replace('\r\n', '\r\n\r\n,,,\r\n') }
							: f
					),
					'readouts.csv',
					5,
					'n',
					'many'
				),
			expected: {
				file: 'readouts.csv',
				row: 5,
				column: 'n',
				message: 'expected a number like 63.0, got "many"'
			}
		}
	];

	it.each(cases)('$name', ({ edit, expected }) => {
		expect(problemsOf(edit(tinyCsv()))).toContainEqual(expected);
	});

	it('a column that appears twice is refused, not read from one copy and dropped from the other', () => {
		const files = tinyCsv().map((f) => {
			if (f.name !== 'readouts.csv') return f;
			const lines = f.text.split('\r\n');
			const first = lines[0]!.split(',')[0]!;
			return {
				name: f.name,
				text: lines
					.map((line, i) => (i === 0 ? `${line},${first}` : line === '' ? line : `${line},other`))
					.join('\r\n')
			};
		});
		const first = tinyCsv()
			.find((f) => f.name === 'readouts.csv')!
			.text.split(',')[0]!;
		expect(problemsOf(files)).toContainEqual({
			file: 'readouts.csv',
			row: 1,
			column: first,
			message: `the column "${first}" appears twice`
		});
	});

	it('reports every bad cell at once, in file and row order', () => {
		let files = tinyCsv();
		files = setCell(files, 'readouts.csv', 3, 'n', 'x');
		files = setCell(files, 'readouts.csv', 2, 'n', 'y');
		files = setCell(files, 'assets.csv', 2, 'dar', 'z');
		const problems = problemsOf(files);
		expect(problems.map((p) => `${p.file}:${p.row}:${p.column}`)).toEqual([
			'assets.csv:2:dar',
			'readouts.csv:2:n',
			'readouts.csv:3:n'
		]);
	});
});

describe('mapProblemToCell', () => {
	const built = csvFilesToDataset(tinyCsv());
	if (!built.ok) throw new Error('fixture does not build');
	const rowMap: RowMap = built.rowMap;
	it.each([
		['readouts[1].ci.low', 'readouts.csv', 3, 'ciLow'],
		['readouts[0].ci', 'readouts.csv', 2, 'ciLow'],
		['readouts[1].range.high', 'readouts.csv', 3, 'rangeHigh'],
		['readouts[0].presentedAt.date', 'readouts.csv', 2, 'presentedDate'],
		['readouts[0]', 'readouts.csv', 2, null],
		['readouts[0].sources[0].id', 'citations.csv', 18, 'source'],
		['readouts[0].sources', 'readouts.csv', 2, null],
		['trials[0].enrolment.planned', 'trials.csv', 2, 'enrolmentPlanned'],
		['trials[0].assets[0]', 'trials.csv', 2, 'assets'],
		['deals[0].value.text', 'deals.csv', 2, 'valueText'],
		['deals[0].asset[0]', 'deals.csv', 2, 'asset'],
		['assets[0].dar.value', 'assets.csv', 2, 'dar'],
		['assets[0].dar', 'assets.csv', 2, 'dar'],
		['assets[0].domains.note', 'assets.csv', 2, 'domains_note'],
		['assets[0].domains.value[1]', 'assets.csv', 2, 'domains'],
		['assets[0].domains.sources', 'assets.csv', 2, 'domains'],
		['assets[0].domains.sources[0].note', 'citations.csv', 5, 'note'],
		['assets[0].sources[0].quote', 'citations.csv', 2, 'quote'],
		['programs[0].phases[1].end', 'phases.csv', 3, 'end'],
		['programs[0].phases[1].sources[0].quote', 'citations.csv', 15, 'quote'],
		['programs[0].asset', 'programs.csv', 2, 'asset'],
		['meta.asOf', 'meta.csv', 5, 'value'],
		['sources[1].url', 'sources.csv', 3, 'url'],
		['conflicts[0].about[1]', 'conflicts.csv', 2, 'about'],
		['(root)', '(dataset)', null, null],
		['readouts[9].value', 'readouts.csv', null, 'value'],
		['meta', 'meta.csv', null, null],
		['meta.title', 'meta.csv', 3, 'value'],
		['assets[0]["dar"]', 'assets.csv', 2, 'dar'],
		['readouts[0].colour', 'readouts.csv', 2, null],
		['readouts', 'readouts.csv', null, null],
		['readouts.length', 'readouts.csv', null, null],
		['phases[0].start', '(dataset)', null, null],
		['programs[0].phases', 'programs.csv', 2, null],
		['programs[0].sources[0].id', 'citations.csv', null, 'source'],
		['readouts[0].sources[0]', 'citations.csv', 18, null]
	] as const)('%s → %s row %s column %s', (path, file, row, column) => {
		expect(mapProblemToCell(path, rowMap)).toEqual({ file, row, column });
	});

	it('a row map that lacks a collection, its phases or citations gives the file and column only', () => {
		const empty: RowMap = { meta: {}, rows: {}, phases: [], citations: {}, files: {} };
		expect(mapProblemToCell('readouts[0].n', empty)).toEqual({
			file: 'readouts.csv',
			row: null,
			column: 'n'
		});
		expect(mapProblemToCell('programs[0].phases[1].end', empty)).toEqual({
			file: 'phases.csv',
			row: null,
			column: 'end'
		});
		expect(mapProblemToCell('readouts[0].sources[0].quote', empty)).toEqual({
			file: 'citations.csv',
			row: null,
			column: 'quote'
		});
	});

	it('names files as the user named them', () => {
		const files = tinyCsv().map((f) =>
			f.name === 'readouts.csv' ? { ...f, name: 'Readouts.CSV' } : f
		);
		const again = csvFilesToDataset(files);
		if (!again.ok) throw new Error('failed');
		expect(mapProblemToCell('readouts[0].n', again.rowMap).file).toBe('Readouts.CSV');
	});
});

describe('datasetToCsvFiles edge values', () => {
	it('keeps formula-looking text, leading apostrophes, "" versus null, n/a-looking and ~-looking attribute text', () => {
		const dataset = tinyDataset();
		const [asset] = dataset.assets;
		if (!asset) throw new Error('fixture');
		asset.format = { ...asset.format, value: '~ about 150 kDa' };
		asset.platform = { ...asset.platform, value: 'N/A' };
		asset.effector = { ...asset.effector, value: "'quoted" };
		asset.linker = { ...asset.linker, value: '' };
		asset.conjugation = { ...asset.conjugation, value: '+cysteine' };
		asset.aliases = ['-minus', "'=x", 'a\\b', 'c;d'];
		dataset.sources[0]!.publisher = '';
		dataset.sources[0]!.note = '';
		dataset.sources[1]!.title = "'";
		dataset.readouts[0]!.assessment = '@investigator';
		const built = csvFilesToDataset(datasetToCsvFiles(dataset));
		if (!built.ok) throw new Error(JSON.stringify(built.problems));
		expect(Dataset.parse(built.dataset)).toStrictEqual(dataset);
	});
});

describe('grouped columns (ci, range, presentedAt, deal value)', () => {
	const readouts = (files: CsvFile[]) => {
		const built = csvFilesToDataset(files);
		if (!built.ok) throw new Error(JSON.stringify(built.problems));
		return (built.dataset as { readouts: Record<string, unknown>[] }).readouts;
	};

	it('a CI whose cells hold only spaces is no CI', () => {
		let files = tinyCsv();
		for (const column of ['ciLevel', 'ciHigh', 'ciMethod']) {
			files = setCell(files, 'readouts.csv', 2, column, '');
		}
		files = setCell(files, 'readouts.csv', 2, 'ciLow', '  ');
		expect(readouts(files)[0]!.ci).toBeNull();
	});

	it('an empty group with a default is left out, so the default applies', () => {
		const [orr, mdor] = readouts(tinyCsv());
		expect(orr).not.toHaveProperty('range');
		expect(orr).toHaveProperty('presentedAt', { venue: 'ASCO 2024', date: '2024-06' });
		expect(mdor).toHaveProperty('range', { low: 10, high: 15 });
		expect(mdor).not.toHaveProperty('presentedAt');
	});
});

const withText = (files: CsvFile[], name: string, edit: (text: string) => string): CsvFile[] =>
	files.map((f) => (f.name === name ? { name: f.name, text: edit(f.text) } : f));

describe('the files of a set', () => {
	it('names an unknown file with the list of files a set consists of', () => {
		expect(problemsOf([...tinyCsv(), { name: 'notes.csv', text: 'a\r\n1' }])).toEqual([
			{
				file: 'notes.csv',
				row: null,
				column: null,
				message:
					'unknown file "notes.csv"; a CSV set consists of meta.csv, sources.csv, assets.csv, programs.csv, phases.csv, milestones.csv, trials.csv, readouts.csv, deals.csv, conflicts.csv, citations.csv'
			}
		]);
	});

	it('refuses two files that differ only in folder or case', () => {
		const assets = tinyCsv().find((f) => f.name === 'assets.csv')!;
		expect(problemsOf([...tinyCsv(), { ...assets, name: 'her2/Assets.CSV' }])).toEqual([
			{
				file: 'her2/Assets.CSV',
				row: null,
				column: null,
				message: 'two files are named assets.csv ("assets.csv" and "her2/Assets.CSV")'
			}
		]);
	});

	it('names each missing required file', () => {
		const files = tinyCsv().filter((f) => f.name !== 'meta.csv' && f.name !== 'sources.csv');
		const required = 'every CSV set needs meta.csv, sources.csv, assets.csv';
		expect(problemsOf(files).filter((p) => p.row === null)).toEqual([
			{ file: 'meta.csv', row: null, column: null, message: `meta.csv is missing; ${required}` },
			{
				file: 'sources.csv',
				row: null,
				column: null,
				message: `sources.csv is missing; ${required}`
			}
		]);
	});

	it('meta, sources and assets alone are read (no phases, no citations)', () => {
		const files = tinyCsv().filter((f) =>
			['meta.csv', 'sources.csv', 'assets.csv'].includes(f.name)
		);
		const built = csvFilesToDataset(files);
		if (!built.ok) throw new Error(JSON.stringify(built.problems));
		expect((built.dataset as { assets: unknown[] }).assets).toHaveLength(2);
	});

	it('a set that cannot be read says so in its title', () => {
		const result = importCsvSet(setCell(tinyCsv(), 'readouts.csv', 2, 'n', 'many'));
		expect(result.ok || result.title).toBe('These CSV files cannot be read');
	});
});

describe('meta.csv', () => {
	const metaOf = (files: CsvFile[]) => {
		const built = csvFilesToDataset(files);
		if (!built.ok) throw new Error(JSON.stringify(built.problems));
		return (built.dataset as { meta: Record<string, unknown> }).meta;
	};

	it('reads keys with spaces around them, and leaves an empty optional value out', () => {
		let files = setCell(tinyCsv(), 'meta.csv', 3, 'key', ' title ');
		files = setCell(files, 'meta.csv', 7, 'value', '');
		const meta = metaOf(files);
		expect(meta.title).toBe('Tiny import fixture');
		expect(meta).not.toHaveProperty('description');
	});

	it('names a key given twice, with both rows', () => {
		const files = withText(tinyCsv(), 'meta.csv', (text) => `${text}title,Again\r\n`);
		expect(problemsOf(files)).toEqual([
			{
				file: 'meta.csv',
				row: 9,
				column: 'key',
				message: 'the key "title" appears twice (rows 3 and 9)'
			}
		]);
	});

	it('names a value that cannot be read, and a required key that is missing', () => {
		let files = setCell(tinyCsv(), 'meta.csv', 8, 'value', 'maybe');
		files = withText(files, 'meta.csv', (text) => text.replace(/title,[^\r]*\r\n/, ''));
		expect(problemsOf(files)).toEqual([
			{
				file: 'meta.csv',
				row: null,
				column: 'key',
				message: 'the required key "title" is missing'
			},
			{ file: 'meta.csv', row: 7, column: 'value', message: 'expected true or false, got "maybe"' }
		]);
	});
});

describe('links between files', () => {
	it('citations of an id given twice go to its first row', () => {
		let files = setCell(tinyCsv(), 'assets.csv', 3, 'id', 'abc-1');
		for (const row of [10, 11, 12, 13]) files = setCell(files, 'citations.csv', row, 'id', 'abc-1');
		const built = csvFilesToDataset(files);
		if (!built.ok) throw new Error(JSON.stringify(built.problems));
		const [first, second] = (built.dataset as { assets: { sources: unknown[] }[] }).assets;
		expect(first!.sources).toHaveLength(1);
		expect(second!.sources).toEqual([]);
	});

	it('citations of a phase listed twice go to its first copy', () => {
		// phases.csv row 3 is the program's phase 3; the same row again after the last one.
		const files = tinyCsv().map((f) => {
			if (f.name !== 'phases.csv') return f;
			const lines = f.text.trimEnd().split('\r\n');
			return { ...f, text: [...lines, lines[2]].join('\r\n') + '\r\n' };
		});
		const built = csvFilesToDataset(files);
		if (!built.ok) throw new Error(JSON.stringify(built.problems));
		const [program] = (
			built.dataset as { programs: { phases: { phase: string; sources: unknown[] }[] }[] }
		).programs;
		expect(program!.phases.map((p) => [p.phase, p.sources.length])).toEqual([
			['phase 1/2', 1],
			['phase 3', 1],
			['phase 3', 0]
		]);
	});

	it("a problem in a phase's citation is shown at its row of citations.csv", () => {
		const files = setCell(tinyCsv(), 'citations.csv', 15, 'quote', 'x');
		expect(problemsOf(files).map(({ file, row, column }) => ({ file, row, column }))).toEqual([
			{ file: 'citations.csv', row: 15, column: 'quote' }
		]);
	});

	it('a phase names its program: empty or unknown is a problem in the file as named', () => {
		let files = tinyCsv().map((f) => (f.name === 'phases.csv' ? { ...f, name: 'Phases.CSV' } : f));
		files = setCell(files, 'Phases.CSV', 2, 'program', '');
		files = setCell(files, 'Phases.CSV', 3, 'program', 'abc-9');
		expect(problemsOf(files).filter((p) => p.file === 'Phases.CSV')).toEqual([
			{
				file: 'Phases.CSV',
				row: 2,
				column: 'program',
				message: 'empty; every phase names its program (an id from programs.csv)'
			},
			{
				file: 'Phases.CSV',
				row: 3,
				column: 'program',
				message: 'no program with id "abc-9" in programs.csv'
			}
		]);
	});

	it('citations: spaces around entity, id, field and source are ignored', () => {
		let files = setCell(tinyCsv(), 'citations.csv', 3, 'entity', ' Asset ');
		files = setCell(files, 'citations.csv', 3, 'id', ' abc-1 ');
		files = setCell(files, 'citations.csv', 3, 'field', ' target ');
		files = setCell(files, 'citations.csv', 3, 'source', ' src-paper ');
		const built = csvFilesToDataset(files);
		if (!built.ok) throw new Error(JSON.stringify(built.problems));
		const [abc] = (built.dataset as { assets: { target: { sources: unknown[] } }[] }).assets;
		expect(abc!.target.sources).toEqual([{ id: 'src-paper', quote: 'ABC-1 targets HER2' }]);
	});

	it('citations: the quote column is required; a cited phase must exist', () => {
		expect(problemsOf(dropColumn(tinyCsv(), 'citations.csv', 'quote'))).toContainEqual({
			file: 'citations.csv',
			row: 1,
			column: 'quote',
			message: 'the required column "quote" is missing'
		});
		const files = setCell(tinyCsv(), 'citations.csv', 15, 'id', 'abc-1-gastric/phase 4');
		expect(problemsOf(files)).toEqual([
			{
				file: 'citations.csv',
				row: 15,
				column: 'id',
				message:
					'no phase "abc-1-gastric/phase 4" in phases.csv (a phase is cited as "<program id>/<phase>", e.g. "kn026-gastric-2l-china/phase 3")'
			}
		]);
	});
});

describe('quality warnings', () => {
	it('a usable set returns its warnings located by file and row', () => {
		const dataset = tinyDataset();
		dataset.sources.push({ ...dataset.sources[1]!, id: 'src-unused' });
		const result = importCsvSet(datasetToCsvFiles(dataset));
		if (!result.ok) throw new Error(JSON.stringify(result.problems));
		expect(result.warnings).toEqual([
			expect.objectContaining({ file: 'sources.csv', row: 4, path: 'sources[2]' })
		]);
	});
});

describe('exported CSV files', () => {
	const textOf = (files: CsvFile[], name: string) => files.find((f) => f.name === name)!.text;

	it('meta.csv lists only the keys the dataset has', () => {
		const dataset = tinyDataset();
		delete (dataset.meta as { description?: string }).description;
		const meta = textOf(datasetToCsvFiles(dataset), 'meta.csv');
		expect(meta).not.toContain('description');
		expect(meta.startsWith('key,value\r\nid,tiny\r\ntitle,Tiny import fixture\r\n')).toBe(true);
	});

	it('every line ends in CRLF, the last one included', () => {
		for (const file of datasetToCsvFiles(tinyDataset())) {
			expect(file.text.endsWith('\r\n')).toBe(true);
			expect(file.text.endsWith('\r\n\r\n')).toBe(false);
		}
	});

	it('the templates are a header line each; meta.csv lists its keys with empty values', () => {
		const templates = csvTemplates();
		const meta = textOf(templates, 'meta.csv').split('\r\n');
		expect(meta.slice(0, 3)).toEqual(['key,value', 'id,', 'title,']);
		expect(meta.slice(1, -1).every((line) => /^\w+,$/.test(line))).toBe(true);
		expect(textOf(templates, 'phases.csv')).toBe('program,phase,start,knownBy,end,status,note\r\n');
		expect(textOf(templates, 'citations.csv')).toBe('entity,id,field,source,quote,note\r\n');
		for (const { text } of templates.slice(1)) expect(text.split('\r\n')).toHaveLength(2);
	});
});

describe('an empty required number', () => {
	it('is reported as missing, where it is', () => {
		const files = setCell(tinyCsv(), 'readouts.csv', 3, 'rangeHigh', '');
		expect(problemsOf(files)).toEqual([
			{
				file: 'readouts.csv',
				row: 3,
				column: 'rangeHigh',
				message: 'missing (expected a number)'
			}
		]);
	});
});
