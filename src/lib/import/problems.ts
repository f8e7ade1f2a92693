/** What goes wrong in an import, said where a spreadsheet user can find it. */
export interface ImportProblem {
	/** The file as the user named it ("assets.csv", "her2.json"). */
	file: string;
	/** The row as a spreadsheet shows it (header = row 1); null for the whole file. */
	row: number | null;
	/** The column header; null for the whole row or file. */
	column: string | null;
	message: string;
	/** The dataset path the problem is about (`readouts[3].ci.low`), when there is one. */
	path?: string;
}

/** More problems than this are summarised in one last line: nobody reads 10,000 errors. */
export const MAX_PROBLEMS = 500;

export function capProblems(problems: ImportProblem[]): ImportProblem[] {
	if (problems.length <= MAX_PROBLEMS) return problems;
	const shown = problems.slice(0, MAX_PROBLEMS);
	const more = problems.length - MAX_PROBLEMS;
	shown.push({
		file: '',
		row: null,
		column: null,
		message: `… and ${more} more ${more === 1 ? 'problem' : 'problems'} (fix the ones above first)`
	});
	return shown;
}

/** A failure that concerns the whole of the picked files (e.g. a read that threw), for the panel. */
export function filesFailure(
	title: string,
	files: readonly { name: string }[],
	error: unknown
): { title: string; problems: ImportProblem[] } {
	return {
		title,
		problems: [
			{
				file: files.map((f) => f.name).join(', '),
				row: null,
				column: null,
				message: (error as Error)?.message || String(error ?? 'unknown error')
			}
		]
	};
}
