/**
 * The last step of the boundary, shared by the loader (load.ts) and the validator (validate.ts):
 * data the schema accepted → quality checks → the typed model, or the errors as `path: message`.
 */
import type { Dataset } from './schema';
import { runQualityChecks } from './qa';
import { buildModel, type DatasetModel } from './model';

export interface LoadProblem {
	path: string;
	message: string;
}

export type LoadResult =
	| { ok: true; model: DatasetModel; location: string }
	| { ok: false; problems: LoadProblem[]; location: string; title: string };

/**
 * Datasets larger than this are refused before parsing: a browser tab is no place for 100 MB.
 * 32 MB holds a landscape fifty times the HER2 one (22 MB at 1.1.0), the size the bench measures.
 */
export const MAX_DATASET_BYTES = 32 * 1024 * 1024;

/** The steps of reading a dataset, for a progress message on a large one. */
export type LoadStage = 'parse' | 'schema' | 'quality';

/** Quality checks and the model, for data the schema accepted. */
export function checkedModel(
	data: Dataset,
	location: string,
	onStage?: (stage: LoadStage) => void
): LoadResult {
	onStage?.('quality');
	const qa = runQualityChecks(data);
	const errors = qa.filter((issue) => issue.level === 'error');
	if (errors.length > 0) {
		return {
			ok: false,
			location,
			title: 'This dataset fails its quality checks',
			problems: errors.map(({ path, message }) => ({ path, message }))
		};
	}
	return { ok: true, location, model: buildModel(data, qa) };
}
