import type { SavedView } from '$lib/db/door';

/** What the saved-views panel is doing; kept by SavedViews so it outlasts the panel. */
export interface SavedViewsUi {
	/** The name typed for a new saved view. */
	name: string;
	/** The id of the view being renamed, and the new name typed. */
	renaming: string | null;
	renameText: string;
	/** The last thing done, announced in the panel's status line. */
	message: string;
	/** The last deleted view, for Undo. */
	deleted: SavedView | null;
	/** The view whose link was just copied. */
	copied: string | null;
}
