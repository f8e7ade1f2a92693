/**
 * Schema validation of a dataset: JSON text or an already parsed value in, a typed model or every
 * problem out. Loads zod: imported on demand by the loader (load.ts) and by the import code.
 */
import { Dataset } from './schema';
import { formatSchemaIssues } from './issues';
import { checkedModel, MAX_DATASET_BYTES, type LoadResult, type LoadStage } from './checked';

/** Validates an already parsed JSON value. Pure: used by the loader, the import and the tests. */
export function validateDataset(
	value: unknown,
	location: string,
	onStage?: (stage: LoadStage) => void
): LoadResult {
	onStage?.('schema');
	const parsed = Dataset.safeParse(value);
	if (!parsed.success) {
		return {
			ok: false,
			location,
			title: 'This dataset does not follow the schema',
			problems: formatSchemaIssues(parsed.error, value)
		};
	}
	return checkedModel(parsed.data, location, onStage);
}

/** Parses JSON text, naming the line and column of a syntax error. */
export function parseDatasetText(
	text: string,
	location: string,
	onStage?: (stage: LoadStage) => void
): LoadResult {
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
	onStage?.('parse');
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
	return validateDataset(value, location, onStage);
}
