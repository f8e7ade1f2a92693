/** Helpers shared by the import tests: the tiny fixture as a CSV set, and cell surgery on it. */
import Papa from 'papaparse';
import { Dataset } from '../data/schema';
import { datasetToCsvFiles, type CsvFile } from './dataset-to-csv';
import tinyJson from '../../../tests/fixtures/import-tiny.json?raw';
import her2Json from '../../../static/data/her2.json?raw';

export { tinyJson, her2Json };

export function tinyDataset(): Dataset {
	return Dataset.parse(JSON.parse(tinyJson));
}

export function her2Dataset(): Dataset {
	return Dataset.parse(JSON.parse(her2Json));
}

export function tinyCsv(): CsvFile[] {
	return datasetToCsvFiles(tinyDataset());
}

/** Sets one cell, addressed like a spreadsheet user would (header = row 1). */
export function setCell(
	files: CsvFile[],
	file: string,
	row: number,
	column: string,
	value: string
): CsvFile[] {
	return files.map((f) => {
		if (f.name !== file) return f;
		const rows = Papa.parse<string[]>(f.text.trimEnd(), { header: false }).data;
		const header = rows[0] ?? [];
		let c = header.indexOf(column);
		if (c === -1) {
			header.push(column);
			c = header.length - 1;
			rows.slice(1).forEach((r) => r.push(''));
		}
		const target = rows[row - 1];
		if (!target) throw new Error(`no row ${row} in ${file}`);
		target[c] = value;
		return { name: f.name, text: Papa.unparse(rows, { newline: '\r\n' }) };
	});
}

/** Removes a column entirely. */
export function dropColumn(files: CsvFile[], file: string, column: string): CsvFile[] {
	return files.map((f) => {
		if (f.name !== file) return f;
		const rows = Papa.parse<string[]>(f.text.trimEnd(), { header: false }).data;
		const c = (rows[0] ?? []).indexOf(column);
		return { name: f.name, text: Papa.unparse(rows.map((r) => r.filter((_, i) => i !== c))) };
	});
}

export function rowOf(files: CsvFile[], file: string, id: string, column = 'id'): number {
	const f = files.find((x) => x.name === file);
	const rows = Papa.parse<string[]>(f?.text ?? '', { header: false }).data;
	const c = (rows[0] ?? []).indexOf(column);
	const i = rows.findIndex((r) => r[c] === id);
	if (i < 1) throw new Error(`no ${id} in ${file}`);
	return i + 1;
}
