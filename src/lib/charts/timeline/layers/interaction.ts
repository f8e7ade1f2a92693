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
	blur(): void;
	enter(mark: Mark): void;
	leave(): void;
}
