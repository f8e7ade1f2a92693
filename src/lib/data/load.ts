/**
 * The boundary: fetch a dataset file once, validate it with the schema, run the quality checks,
 * and hand back either a typed model or every problem as `path: message`. Never throws.
 */
import { Dataset } from './schema';
import { formatSchemaIssues } from './issues';
import { runQualityChecks } from './qa';
import { buildModel, type DatasetModel } from './model';

export interface LoadProblem {
	path: string;
	message: string;
}

export type LoadResult =
	| { ok: true; model: DatasetModel; location: string }
	| { ok: false; problems: LoadProblem[]; location: string; title: string };

/** Datasets larger than this are refused before parsing: a browser tab is no place for 100 MB. */
export const MAX_DATASET_BYTES = 20 * 1024 * 1024;

/** Validates an already parsed JSON value. Pure: used by the loader, the import and the tests. */
export function validateDataset(value: unknown, location: string): LoadResult {
	const parsed = Dataset.safeParse(value);
	if (!parsed.success) {
		return {
			ok: false,
			location,
			title: 'This dataset does not follow the schema',
			problems: formatSchemaIssues(parsed.error, value)
		};
	}
	const qa = runQualityChecks(parsed.data);
	const errors = qa.filter((issue) => issue.level === 'error');
	if (errors.length > 0) {
		return {
			ok: false,
			location,
			title: 'This dataset fails its quality checks',
			problems: errors.map(({ path, message }) => ({ path, message }))
		};
	}
	return { ok: true, location, model: buildModel(parsed.data, qa) };
}

/** Parses JSON text, naming the line and column of a syntax error. */
export function parseDatasetText(text: string, location: string): LoadResult {
	if (text.length > MAX_DATASET_BYTES) {
		return {
			ok: false,
			location,
			title: 'This dataset is too large',
			problems: [
				{
					path: '(file)',
					message: `${(text.length / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_DATASET_BYTES / 1024 / 1024} MB`
				}
			]
		};
	}
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		return {
			ok: false,
			location,
			title: 'This dataset is not valid JSON',
			problems: [{ path: '(file)', message: (error as Error).message }]
		};
	}
	return validateDataset(value, location);
}

/**
 * Resolves a `?data=` value to a same-origin URL, or null when it points elsewhere: a link must
 * never make the app fetch from another site.
 */
export function resolveDatasetLocation(requested: string, origin: string): URL | null {
	if (!requested.startsWith('/') || requested.startsWith('//') || requested.includes('\\')) {
		return null;
	}
	try {
		const url = new URL(requested, origin);
		return url.origin === origin && url.pathname.endsWith('.json') ? url : null;
	} catch {
		return null;
	}
}

export async function loadDataset(url: string, fetcher: typeof fetch): Promise<LoadResult> {
	let response: Response;
	try {
		response = await fetcher(url, { credentials: 'same-origin' });
	} catch (error) {
		return {
			ok: false,
			location: url,
			title: 'The dataset could not be downloaded',
			problems: [{ path: '(file)', message: (error as Error).message || 'network error' }]
		};
	}
	if (!response.ok) {
		return {
			ok: false,
			location: url,
			title: 'The dataset could not be downloaded',
			problems: [{ path: '(file)', message: `the server answered ${response.status} for ${url}` }]
		};
	}
	return parseDatasetText(await response.text(), url);
}
