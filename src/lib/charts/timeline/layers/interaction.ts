/**
 * What the screen adds to a mark: a tab stop, the pinned state and the tooltip it is described
 * by. The mark layers draw without it (exports, slides) and with it (the chart on screen). The
 * pointer and keyboard events of every mark are handled once, on the chart's root (see
 * charts/shared/delegated-marks.ts), so a redraw creates marks without listeners.
 */
import type { Mark } from '../timeline.layout';

export interface MarkInteraction {
	tabStop: string | null;
	pinnedId: string | null;
	panelId: string;
	/** The id of the tooltip describing this mark while it shows. */
	describedBy(mark: Mark): string | undefined;
}

/** Marks new or changed since the link's `since=`: outlined, and said in their names. */
export interface ChangedMarks {
	programs: ReadonlySet<string>;
	milestones: ReadonlySet<string>;
	/** "since 1 Sep 2026", appended to a changed mark's name. */
	description: string;
}

export const CHANGED_COLOUR = '#b45309';

export function changedNote(changed: ChangedMarks | null | undefined): string {
	return changed ? `; new or changed ${changed.description}` : '';
}
