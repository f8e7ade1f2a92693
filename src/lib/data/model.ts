/**
 * The typed model the views read: the validated dataset plus lookups by id, built once at load.
 * Nothing downstream re-validates; views only read.
 */
import type { Asset, Dataset, Deal, Milestone, Program, Readout, Source, Trial } from './schema';
import type { QaIssue } from './qa';

export interface DatasetModel {
	dataset: Dataset;
	assetsById: ReadonlyMap<string, Asset>;
	programsById: ReadonlyMap<string, Program>;
	trialsById: ReadonlyMap<string, Trial>;
	sourcesById: ReadonlyMap<string, Source>;
	milestonesById: ReadonlyMap<string, Milestone>;
	readoutsById: ReadonlyMap<string, Readout>;
	dealsById: ReadonlyMap<string, Deal>;
	qa: readonly QaIssue[];
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
	return new Map(items.map((item) => [item.id, item]));
}

export function buildModel(dataset: Dataset, qa: readonly QaIssue[]): DatasetModel {
	return {
		dataset,
		assetsById: byId(dataset.assets),
		programsById: byId(dataset.programs),
		trialsById: byId(dataset.trials),
		sourcesById: byId(dataset.sources),
		milestonesById: byId(dataset.milestones),
		readoutsById: byId(dataset.readouts),
		dealsById: byId(dataset.deals),
		qa
	};
}
