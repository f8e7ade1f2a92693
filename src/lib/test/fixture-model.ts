/** The small synthetic dataset used by the end-to-end tests, loaded as a model for unit tests. */
import raw from '../../../tests/fixtures/state-dataset.json';
import { validateDataset } from '$lib/data/validate';
import type { DatasetModel } from '$lib/data/model';

export function fixtureModel(): DatasetModel {
	const result = validateDataset(structuredClone(raw), 'tests/fixtures/state-dataset.json');
	if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
	return result.model;
}
