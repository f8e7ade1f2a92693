/**
 * Persistence of the view state through the views repository (src/lib/db is the only IndexedDB
 * code). The last state per dataset is saved ~250 ms after the last change and restored when the
 * app opens with no state in its URL — a link always wins. Routes that must never write storage
 * (the embed route) switch it off with `enabled`; the repository is then not even opened.
 */
import { createContext, untrack } from 'svelte';
import { openViewsRepository, type ViewsRepository } from '$lib/db/door';
import type { ViewState } from './view-state';
import { isDefaultState, type KnownIds } from './url-codec';
import { restoreReport } from './restore-report';
import type { ViewStateStore } from './view-state.svelte';
import type { StateNotices } from './notices.svelte';
import { measureSince } from './perf';
import { mayHaveSavedState, noteSavedState } from '$lib/db/hints';

function whenIdle(run: () => void): void {
	if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 2000 });
	else setTimeout(run, 200);
}

export const SAVE_DELAY_MS = 250;

export const UPGRADED_ELSEWHERE =
	'A newer version of Landscape opened in another tab and updated the saved data: reload this tab to save views again. Nothing saved so far is lost, and this view stays in the address bar.';

/** The storage the UI uses (saved views): null until opened. */
export class ViewStorage {
	repo: ViewsRepository | null = $state.raw(null);
	#opening: Promise<ViewsRepository> | null = null;

	constructor(private readonly notices: StateNotices) {}

	/** Opens the repository once; falls back to memory and tells the notices why. */
	open(): Promise<ViewsRepository> {
		// The door loads Dexie here, on first use, so it is not part of the first chart's JavaScript.
		this.#opening ??= openViewsRepository({ onVersionChange: () => this.upgradedElsewhere() }).then(
			({ repo, problem }) => {
				this.notices.storageProblem = problem;
				this.repo = repo;
				return repo;
			}
		);
		return this.#opening;
	}

	/**
	 * A newer version of the app opened in another tab and upgrades the stored data: this tab
	 * lets go of it. Everything saved so far stays (the upgrade keeps it); this tab's view is in
	 * its address bar.
	 */
	upgradedElsewhere(): void {
		this.notices.storageProblem = UPGRADED_ELSEWHERE;
	}

	/** A write failed after opening (quota, eviction): say so once, keep working in memory. */
	failed(): void {
		this.notices.storageProblem ??=
			'Storage stopped working in this browser window (it may be full): changes now last only until this tab closes.';
	}
}

const [getStorage, setStorage] = createContext<ViewStorage>();
export const provideStorage = setStorage;
export const useStorage = getStorage;

export { sanitizeStoredState } from './restore-report';

export interface PersistenceOptions {
	storage: ViewStorage;
	notices: StateNotices;
	datasetId: () => string | null;
	known: () => KnownIds | null;
	enabled: () => boolean;
}

export interface Persistence {
	/** Tell persistence whether the first URL carried state (from url-sync's onFirstUrl). */
	firstUrl(hadState: boolean): void;
}

/** Call during the root layout's initialisation. */
export function attachPersistence(store: ViewStateStore, options: PersistenceOptions): Persistence {
	/** Saving waits until the restore decision is made, so startup never overwrites the last state. */
	let restoreDone = $state(false);
	let hadUrlState: boolean | null = $state(null);
	let timer: ReturnType<typeof setTimeout> | undefined;

	// Restore once: when storage is allowed, a dataset is loaded, and the first URL is known.
	$effect(() => {
		const enabled = options.enabled();
		const datasetId = options.datasetId();
		const known = options.known();
		if (!enabled || !datasetId || !known || hadUrlState === null || restoreDone) return;
		untrack(() => {
			// Nothing to restore (a link with state, or no view was ever saved in this browser): open
			// storage when the page is idle, so the first chart never waits for Dexie.
			if (hadUrlState || !mayHaveSavedState()) {
				restoreDone = true;
				whenIdle(() => void options.storage.open());
				return;
			}
			const before = store.text;
			options.storage
				.open()
				.then((repo) => repo.loadLast(datasetId))
				.then((saved) => {
					// Only if the user has not changed anything meanwhile.
					if (saved && store.text === before) {
						const { state, notes, discarded } = restoreReport(saved, known);
						if (!isDefaultState(state)) store.replace(state);
						// A view that comes back different (or not at all) says why.
						if (notes.length > 0) options.notices.restored = { notes, discarded };
					}
				})
				.catch(() => options.storage.failed())
				.finally(() => (restoreDone = true));
		});
	});

	// Save the last state, debounced.
	$effect(() => {
		const query = store.text; // tracks every field (one encoding, shared: view-state.svelte.ts)
		const datasetId = options.datasetId();
		if (!restoreDone || !options.enabled() || !datasetId) return;
		const changedAt = performance.now();
		clearTimeout(timer);
		timer = setTimeout(async () => {
			// Copied when saved, not in the click: a later change clears this timer (the cleanup
			// below), so the state now is the one `query` encodes.
			const snapshot = $state.snapshot(store.state) as ViewState;
			const repo = options.storage.repo ?? (await options.storage.open());
			const start = performance.now();
			repo.saveLast(datasetId, snapshot).then(
				() => {
					// Only a view other than the default makes a bare visit show something else: a
					// prerendered page is shown at once unless this browser keeps such a view.
					if (query !== '') noteSavedState();
					measureSince('landscape:idb-write', start, { query, sinceChange: start - changedAt });
				},
				() => options.storage.failed()
			);
		}, SAVE_DELAY_MS);
		return () => clearTimeout(timer);
	});

	return {
		firstUrl(hadState) {
			hadUrlState ??= hadState;
		}
	};
}
