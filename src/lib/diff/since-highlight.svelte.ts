/**
 * The timeline's `since=` highlight, kept current: whenever the link's `since`, the dataset or
 * the dataset choice changes, the marks to highlight are worked out again (the diff code and an
 * earlier version are loaded then, never on first load). Create during component initialisation.
 */
import { page } from '$app/state';
import type { Dataset } from '$lib/data/schema';
import type { DatasetChoice } from '$lib/db/door';
import type { SinceMarks } from './since';

const EMPTY: ReadonlySet<string> = new Set<string>();

export class SinceHighlight {
	#result: SinceMarks | null = $state.raw(null);
	#pending = $state(false);

	constructor(since: () => string | null, dataset: () => Dataset) {
		$effect(() => {
			const value = since();
			const data = dataset();
			const choice = page.data.choice as DatasetChoice | undefined;
			if (!value) {
				this.#result = null;
				return;
			}
			let cancelled = false;
			this.#pending = true;
			void import('./since')
				.then(({ resolveSince }) => resolveSince(value, data, choice))
				.catch((error: Error): SinceMarks => ({
					since: value,
					description: `since ${value}`,
					milestones: EMPTY,
					programs: EMPTY,
					problem: `the comparison could not be loaded (${error.message})`
				}))
				.then((result) => {
					if (cancelled) return;
					this.#result = result;
					this.#pending = false;
				});
			return () => {
				cancelled = true;
			};
		});
	}

	/** The marks to highlight; null when `since` is not set (or not worked out yet). */
	get current(): SinceMarks | null {
		return this.#result;
	}

	get pending(): boolean {
		return this.#pending;
	}
}
