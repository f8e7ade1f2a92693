/**
 * One interaction model for the marks of every chart (timeline marks, forest-plot rows, matrix
 * cells): which mark is the roving tab stop, which one the pointer is over, which one has focus,
 * which tooltip shows, and which mark's details are pinned. The charts render it and move DOM
 * focus; the rules live here once.
 *
 * Tooltips follow WCAG 1.4.13 (content on hover or focus):
 * - hoverable: after the pointer leaves a mark the tooltip waits LEAVE_GRACE_MS, so the pointer
 *   can travel onto it, and stays while the pointer is on it (its links can be clicked);
 * - dismissible: Escape hides it without moving the pointer or focus (until another mark);
 * - persistent: it stays until the pointer and focus have both left the mark and the tooltip
 *   (focus may move into it, so its links are reachable by keyboard).
 */

/** How long a tooltip waits for the pointer to arrive after it left the mark. */
export const LEAVE_GRACE_MS = 300;

/** What Escape did: hid a tooltip, closed pinned details, or nothing (let it bubble). */
export type EscapeResult = 'dismissed' | 'unpinned' | null;

export interface MarkInteractionOptions {
	/**
	 * Called when the reader pins or unpins a mark (not when a link restores one with
	 * `setPinned`), so the chart can keep the pinned mark in the view state and the link.
	 */
	onPinChange?: (id: string | null) => void;
}

export class MarkInteraction {
	readonly #onPinChange: ((id: string | null) => void) | undefined;
	#active: string | null = $state(null);
	#hover: string | null = $state(null);
	#focus: string | null = $state(null);
	#pinned: string | null = $state(null);
	/** The mark whose tooltip Escape hid; it shows again once another mark is hovered/focused. */
	#dismissed: string | null = $state(null);
	#pointerOnTip = false;
	#focusInTip = false;
	#timer: ReturnType<typeof setTimeout> | undefined;

	constructor(options: MarkInteractionOptions = {}) {
		this.#onPinChange = options.onPinChange;
	}

	/** The roving tab stop as last set (the chart falls back to its first mark when null). */
	get active(): string | null {
		return this.#active;
	}
	get hovered(): string | null {
		return this.#hover;
	}
	get focused(): string | null {
		return this.#focus;
	}
	get pinned(): string | null {
		return this.#pinned;
	}
	/** The mark whose tooltip shows now (never the pinned one: its details are open). */
	get tip(): string | null {
		const id = this.#hover ?? this.#focus;
		return id === null || id === this.#dismissed || id === this.#pinned ? null : id;
	}

	pointerEnter(id: string): void {
		this.#cancelLeave();
		// On a mark, so not on a tooltip (one removed under the pointer reports no leave).
		this.#pointerOnTip = false;
		if (this.#dismissed !== id) this.#dismissed = null;
		this.#hover = id;
	}

	pointerLeave(): void {
		this.#later(() => {
			if (!this.#pointerOnTip) this.#hover = null;
		});
	}

	tipPointerEnter(): void {
		this.#cancelLeave();
		this.#pointerOnTip = true;
	}

	tipPointerLeave(): void {
		this.#pointerOnTip = false;
		this.#later(() => (this.#hover = null));
	}

	focusMark(id: string): void {
		if (this.#dismissed !== id) this.#dismissed = null;
		this.#focus = id;
		this.#active = id;
		this.#focusInTip = false;
	}

	/** Focus left a mark; into its tooltip keeps the tooltip (its links are next in tab order). */
	blurMark(intoTip: boolean): void {
		this.#focusInTip = intoTip;
		if (!intoTip) this.#focus = null;
	}

	/** Focus left the tooltip: to its mark (kept) or elsewhere (the tooltip closes). */
	tipFocusOut(toMark: boolean): void {
		this.#focusInTip = false;
		if (!toMark) this.#focus = null;
	}

	get focusInTip(): boolean {
		return this.#focusInTip;
	}

	/** Sets the roving tab stop without focus (e.g. a click). */
	setActive(id: string): void {
		this.#active = id;
	}

	/** Opens a mark's details, or closes them when they are that mark's already. */
	togglePin(id: string): void {
		this.#active = id;
		this.#pinned = this.#pinned === id ? null : id;
		this.#onPinChange?.(this.#pinned);
	}

	/** Closes the pinned details; returns the mark to give focus back to. */
	unpin(): string | null {
		const id = this.#pinned;
		this.#pinned = null;
		if (id !== null) this.#onPinChange?.(null);
		return id;
	}

	/** Escape: hide the tooltip if one shows, else close the pinned details. */
	escape(): EscapeResult {
		const tip = this.tip;
		if (tip !== null) {
			this.#dismissed = tip;
			// The tooltip goes without a pointerleave: the pointer is no longer on it.
			this.#pointerOnTip = false;
			return 'dismissed';
		}
		if (this.#pinned !== null) {
			this.#pinned = null;
			this.#onPinChange?.(null);
			return 'unpinned';
		}
		return null;
	}

	/** Forget marks that no longer exist (after a filter change). */
	retain(exists: (id: string) => boolean): void {
		if (this.#pinned !== null && !exists(this.#pinned)) this.#pinned = null;
		if (this.#hover !== null && !exists(this.#hover)) this.#hover = null;
		if (this.#focus !== null && !exists(this.#focus)) this.#focus = null;
	}

	/** Restores pinned details (from a link); does not call onPinChange. */
	setPinned(id: string | null): void {
		this.#pinned = id;
		if (id !== null) this.#active = id;
	}

	#later(fn: () => void): void {
		this.#cancelLeave();
		this.#timer = setTimeout(() => {
			this.#timer = undefined;
			fn();
		}, LEAVE_GRACE_MS);
	}

	#cancelLeave(): void {
		if (this.#timer !== undefined) clearTimeout(this.#timer);
		this.#timer = undefined;
	}
}
