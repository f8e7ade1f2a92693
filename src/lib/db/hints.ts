/**
 * Synchronous hints about what this browser's IndexedDB holds, so a first visit draws its first
 * chart without opening IndexedDB or loading the Dexie chunk (~30 KB gzip): the layout opens the
 * dataset store only if imports may exist (or the link names one), and persistence restores the
 * last view only if one was saved. The hints live in localStorage (tiny, synchronous) and, for
 * browsers where it is off, in memory for this tab. This module never imports Dexie (nor the
 * modules that do: the one-off look for older imports is in import-probe.ts).
 */
type Hint = 'imports' | 'saved-state';

const inThisTab = new Map<Hint, boolean>();
const keyOf = (hint: Hint) => `landscape:has-${hint}`;

function read(hint: Hint): boolean {
	if (inThisTab.get(hint)) return true;
	try {
		return globalThis.localStorage?.getItem(keyOf(hint)) === '1';
	} catch {
		return false;
	}
}

function write(hint: Hint, present: boolean): void {
	inThisTab.set(hint, present);
	try {
		if (present) globalThis.localStorage?.setItem(keyOf(hint), '1');
		else globalThis.localStorage?.removeItem(keyOf(hint));
	} catch {
		// Storage off: the in-memory flag still serves this tab.
	}
}

export const mayHaveImports = (): boolean => read('imports');
/** Called after an import (true) and whenever the store was listed (true if it holds any). */
export const noteImports = (present: boolean): void => write('imports', present);

export const mayHaveSavedState = (): boolean => read('saved-state');
/** Called after the last view state was written. */
export const noteSavedState = (present = true): void => write('saved-state', present);
