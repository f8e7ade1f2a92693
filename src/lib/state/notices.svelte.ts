/**
 * Messages the state layer has for the user: what a link could not apply, and whether storage
 * works. Held apart from the view state so neither knows about the other's UI.
 */
import { createContext } from 'svelte';

export class StateNotices {
	/** Warnings from the last link decoded; cleared when dismissed or when a clean link opens. */
	linkWarnings: string[] = $state([]);
	/** Why storage is not persistent; null when it is (or not yet known). */
	storageProblem: string | null = $state(null);
	storageNoteDismissed = $state(false);
	/** What of the last view stored in this browser could not be restored; null when all was. */
	restored: { notes: string[]; discarded: boolean } | null = $state(null);

	dismissLinkWarnings(): void {
		this.linkWarnings = [];
	}
}

const [getNotices, setNotices] = createContext<StateNotices>();
export const provideNotices = setNotices;
export const useNotices = getNotices;
