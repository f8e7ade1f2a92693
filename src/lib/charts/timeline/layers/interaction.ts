/**
 * What the screen adds to a mark: a tab stop, the pinned state and the pointer/keyboard handlers.
 * The mark layers draw without it (exports, slides) and with it (the chart on screen); the
 * interaction model that supplies it lives with the chart, not in the layers.
 */
import type { Mark } from '../timeline.layout';

export interface MarkInteraction {
	tabStop: string | null;
	pinnedId: string | null;
	panelId: string;
	pin(mark: Mark): void;
	key(event: KeyboardEvent, mark: Mark): void;
	focus(mark: Mark): void;
	/** Focus left a mark (the event says where it went: into the tooltip keeps the tooltip). */
	blur(event: FocusEvent): void;
	/** The id of the tooltip describing this mark while it shows. */
	describedBy(mark: Mark): string | undefined;
	enter(mark: Mark): void;
	leave(): void;
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
