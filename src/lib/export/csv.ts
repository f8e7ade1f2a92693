/**
 * CSV for "Download the data of the current view". Uses papaparse (loaded only when exporting):
 * correct quoting of commas, quotes and newlines, and a guard against spreadsheet formula
 * injection (cells starting with = + - @ are prefixed with a quote by `escapeFormulae`).
 */
export type CsvCell = string | number | boolean | null | undefined;

export async function toCsv(
	columns: readonly string[],
	rows: readonly CsvCell[][]
): Promise<string> {
	const { default: Papa } = await import('papaparse');
	return Papa.unparse(
		{ fields: [...columns], data: rows.map((row) => row.map((cell) => cell ?? '')) },
		{ escapeFormulae: true, newline: '\r\n' }
	);
}
