/**
 * What `since=` highlights on the timeline: the milestones and programs new or changed since a
 * date (facts citing a source dated on or after it) or since a version of the dataset (the diff
 * against that version). Loaded only when a link or the control asks for it.
 */
import type { Dataset } from '$lib/data/schema';
import type { DatasetChoice } from '$lib/db/door';
import { formatPartialDate } from '$lib/data/dates';
import { isVersionLabel } from '$lib/state/url-codec';
import { changedMarks, diffDatasets, marksSinceDate } from './dataset-diff';
import { listBaselines } from './baselines';

export interface SinceMarks {
	since: string;
	/** "since 23 Sep 2026" or "since version 1.0.0". */
	description: string;
	milestones: ReadonlySet<string>;
	programs: ReadonlySet<string>;
	/** Why nothing could be compared, when that is the case. */
	problem: string | null;
}

const none = (since: string, description: string, problem: string | null): SinceMarks => ({
	since,
	description,
	milestones: new Set(),
	programs: new Set(),
	problem
});

export async function resolveSince(
	since: string,
	dataset: Dataset,
	choice: DatasetChoice | undefined,
	fetcher: typeof fetch = fetch
): Promise<SinceMarks> {
	if (!isVersionLabel(since)) {
		const description = `since ${formatPartialDate(since)}`;
		return { since, description, ...marksSinceDate(dataset, since), problem: null };
	}
	const description = `since version ${since}`;
	if (since === dataset.meta.version) {
		return none(since, description, `this is version ${since}: nothing is newer`);
	}
	const baseline = (await listBaselines(dataset, choice, fetcher)).find((b) => b.version === since);
	if (!baseline) {
		return none(since, description, `version ${since} of this dataset is not available here`);
	}
	const loaded = await baseline.load();
	if (!loaded.ok) return none(since, description, loaded.message);
	return {
		since,
		description,
		...changedMarks(diffDatasets(loaded.dataset, dataset)),
		problem: null
	};
}
