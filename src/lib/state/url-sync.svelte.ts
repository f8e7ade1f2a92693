/**
 * Keeps the URL and the view state in step, both ways.
 *
 * - URL → state: whenever the page URL's state part differs from what this module last wrote or
 *   applied (a link opened, Back/Forward, a saved view opened), it is decoded with the dataset's
 *   ids and replaces the state; the decode warnings go to StateNotices.
 * - state → URL: each change replaces the current history entry (goto with replaceState,
 *   keepFocus, noScroll), so filters do not pile up history. It is written after the next
 *   frame, once the page is idle (within 300 ms), the newest state only, and not while a
 *   navigation to another page or through history is under way: that navigation decides the
 *   URL. The header links carry the same query (`store.text`, from the state itself, so they
 *   change with the click, not a frame later) and take the state to the next view (a real
 *   navigation: Back works).
 *   `replaceState` from $app/navigation would be lighter but leaves `page.url` stale in this Kit
 *   version. The root layout load reads only the dataset keys (`datasetRef`), and SvelteKit re-runs
 *   a load only for search params it read, so these writes never reload the dataset.
 * - `data` and `dataset` (which dataset is shown) are carried through untouched.
 */
import { untrack } from 'svelte';
import { afterNavigate, goto } from '$app/navigation';
import { navigating, page } from '$app/state';
import type { KnownIds } from './url-codec';
import { decode, hasStateParams, searchFor, searchForText, stateQuery } from './url-codec';
import { defaultViewState, type ViewState } from './view-state';
import type { ViewStateStore } from './view-state.svelte';
import type { StateNotices } from './notices.svelte';
import { measureSince } from './perf';
import { datasetOfPage } from './page-search';
import { quietRouteAnnouncer } from './route-announcer';

/** An absolute link to `pathname` showing `state`, keeping the dataset of `current`. */
export function linkFor(current: URL, state: ViewState, pathname = current.pathname): string {
	return `${current.origin}${pathname}${searchFor(state, datasetOfPage(current))}`;
}

export interface UrlSyncOptions {
	/** Ids the current dataset knows; null while no dataset is loaded (sync then waits). */
	known: () => KnownIds | null;
	notices: StateNotices;
	/** Called once, on the first URL seen, with whether it carried view state. */
	onFirstUrl?: (hadState: boolean) => void;
}

/** Call during the root layout's initialisation. */
export function attachUrlSync(store: ViewStateStore, options: UrlSyncOptions): void {
	/** The state query last applied from or written to the URL ('' = none). */
	let synced: string | null = null;
	let routerReady = false;
	/**
	 * The newest write, waiting for the router to start, then for an idle moment after a frame:
	 * clicks in between write the URL once.
	 */
	let queuedWrite: (() => void) | null = null;
	let scheduled = false;
	const scheduleWrite = () => {
		if (!routerReady || scheduled || queuedWrite === null) return;
		scheduled = true;
		afterFrameWhenIdle(() => {
			const run = queuedWrite;
			queuedWrite = null;
			scheduled = false;
			run?.();
		});
	};

	afterNavigate(() => {
		if (routerReady) return;
		// The first afterNavigate fires just before the router marks itself started.
		queueMicrotask(() => {
			routerReady = true;
			// After a frame, as every write: a link followed the moment the app runs is then
			// known as a navigation under way (SvelteKit says so once it has matched the route).
			scheduleWrite();
		});
	});

	// URL → state
	$effect.pre(() => {
		const url = page.url;
		const known = options.known();
		if (!known) return;
		untrack(() => {
			const query = hasStateParams(url.searchParams) ? stateQuery(url.searchParams) : '';
			const first = synced === null;
			if (query === synced) return;
			if (query === '') {
				store.replace(defaultViewState());
			} else {
				const { state, warnings } = decode(url.searchParams, known);
				store.replace(state);
				options.notices.linkWarnings = warnings;
			}
			synced = query;
			if (first) options.onFirstUrl?.(query !== '');
		});
	});

	// state → URL
	$effect(() => {
		if (!options.known()) return;
		const target = store.text;
		const start = performance.now();
		untrack(() => {
			if (target === synced) return;
			synced = target;
			const write = () => {
				// A navigation under way to another page, or through history, decides the URL. Written
				// now, this page's state would supersede it and keep the reader here: a view link
				// followed as the app brought the last view back did nothing. The link carries the
				// state itself; Back and Forward bring theirs.
				if (leavingThisPage()) return;
				// A URL that came in since (Back, a saved view opened) set the state: it stays.
				if (target !== synced) return;
				const search = searchForText(target, datasetOfPage(page.url));
				if (search === page.url.search) return;
				const url = `${page.url.pathname}${search}${page.url.hash}`;
				// A same-page replace: no load re-runs (see above), no focus or scroll change, and
				// no page title read out (route-announcer.ts). The announcer takes the title a
				// tick after the navigation ends, so it speaks again a frame later.
				const speakAgain = quietRouteAnnouncer();
				// eslint-disable-next-line svelte/no-navigation-without-resolve -- same-page URL, already resolved
				goto(url, { replaceState: true, keepFocus: true, noScroll: true }).then(
					() => {
						measureSince('landscape:url-write', start, { search });
						afterFrame(speakAgain);
					},
					// Superseded by a newer navigation (a link followed): that one is announced.
					speakAgain
				);
			};
			// After the next frame: goto reads the scroll position, which would force a layout of
			// the just-updated chart inside the click's task (seconds on a large dataset); once
			// the frame has laid it out, that read is free and the click's task ends sooner. And
			// when the page is idle (afterFrameWhenIdle).
			queuedWrite = write;
			scheduleWrite();
		});
	});
}

/** True while a navigation other than this module's own same-page replace is under way. */
function leavingThisPage(): boolean {
	if (navigating.type === null) return false;
	return navigating.type !== 'goto' || navigating.to?.url.pathname !== page.url.pathname;
}

function afterFrame(run: () => void): void {
	if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run));
	else setTimeout(run);
}

/** The longest a URL write waits for an idle moment, on a page kept busy. */
const URL_WRITE_WAIT_MS = 300;

/**
 * After the next frame, in an idle moment. A URL write (SvelteKit's navigation, the history
 * entry, what re-renders from `page.url`) took 9 ms of a filter click on a 2-core machine: as the
 * task right after the frame, it came before anything else waiting, another click included.
 * Where the browser has no idle callbacks (Safari), right after the frame as before.
 */
function afterFrameWhenIdle(run: () => void): void {
	if (typeof requestIdleCallback !== 'function') return afterFrame(run);
	requestAnimationFrame(() => requestIdleCallback(run, { timeout: URL_WRITE_WAIT_MS }));
}
