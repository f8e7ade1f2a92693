import { describe, expect, it } from 'vitest';
import { Dataset } from '../data/schema';
import { her2Dataset } from './test-helpers';
import { csvFilesToDataset, importCsvSet } from './csv-to-dataset';
import { datasetToCsvFiles } from './dataset-to-csv';

const her2 = her2Dataset();

describe('HER2 round trip', () => {
	it('dataset → CSV set → dataset is the identity (after schema defaults)', () => {
		const files = datasetToCsvFiles(her2);
		const built = csvFilesToDataset(files);
		if (!built.ok) throw new Error(JSON.stringify(built.problems.slice(0, 5)));
		// The release history stays in the JSON: a CSV set has no cell form for it.
		const { changelog: _changelog, ...meta } = her2.meta;
		expect(Dataset.parse(built.dataset)).toStrictEqual({ ...her2, meta });
	});

	it('the CSV set validates and builds the model', () => {
		const result = importCsvSet(datasetToCsvFiles(her2));
		if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 5)));
		expect(result.model.dataset.readouts).toHaveLength(her2.readouts.length);
	});
});
