/**
 * The registry import's one door for the UI (loaded with a dynamic import, so none of it is in
 * the first page load): files → proposals; accepted proposals → the next version, checked by the
 * schema and the quality checks exactly like any imported dataset.
 */
import type { Dataset } from '../../data/schema';
import type { LoadResult } from '../../data/load';
import { validateDataset } from '../../data/validate';
import type { BinaryFile } from '../zip';
import { mergeAccepted, type MergeOptions } from './merge';
import { proposeChanges, type ProposalSet, type ProposedChange } from './propose';
import { readRecordFiles, type RecordsRead } from './read-records';

export type { ProposalSet, ProposedChange } from './propose';
export type { RecordsRead } from './read-records';
export { looksLikeRegistryJson } from './read-records';

export interface RegistryReview {
	read: RecordsRead;
	proposals: ProposalSet;
	/** Records read, over all files. */
	recordCount: number;
}

export function reviewRecordFiles(dataset: Dataset, files: readonly BinaryFile[]): RegistryReview {
	const read = readRecordFiles(files);
	return {
		read,
		proposals: proposeChanges(dataset, read.files),
		recordCount: read.files.reduce((n, f) => n + f.studies.length, 0)
	};
}

/** The accepted changes applied and the result validated: a model to store, or the problems. */
export function applyAccepted(
	dataset: Dataset,
	proposals: ProposalSet,
	accepted: readonly ProposedChange[],
	options: MergeOptions = {}
): { result: LoadResult; dataset: Dataset } {
	const next = mergeAccepted(dataset, proposals, accepted, options);
	return { result: validateDataset(next, `dataset=${next.meta.id}`), dataset: next };
}
