/**
 * One set of listeners on a chart's root instead of several on every mark: events bubble from a
 * mark (an element carrying a key attribute such as `data-mark`) to the root, which finds the
 * mark by that key. A redraw then creates marks without listeners, and hover reads as it did
 * with pointerenter/pointerleave on each mark: pointerover/pointerout filtered to the pointer
 * crossing a mark's edge (moving between a mark's own shapes is not a crossing).
 */

/** The key of the mark an event target is in (or is), null outside every mark. */
export function markKeyOf(target: EventTarget | null, attribute: string): string | null {
	if (typeof Element === 'undefined' || !(target instanceof Element)) return null;
	return target.closest(`[${attribute}]`)?.getAttribute(attribute) ?? null;
}

/**
 * The mark a pointerover entered or a pointerout left; null when the pointer moved within one
 * mark or outside all of them.
 */
export function crossedMark(
	event: { target: EventTarget | null; relatedTarget: EventTarget | null },
	attribute: string
): string | null {
	const key = markKeyOf(event.target, attribute);
	if (key === null) return null;
	return markKeyOf(event.relatedTarget, attribute) === key ? null : key;
}

/** What a chart's marks tell its interaction model (mark-interaction.svelte.ts). */
export interface MarkEventTarget {
	focusMark(key: string): void;
	blurMark(intoTip: boolean): void;
	pointerEnter(key: string): void;
	pointerLeave(): void;
}

export interface MarkHandlerOptions {
	/** The attribute that carries a mark's key, e.g. `data-mark`. */
	attribute: string;
	interaction: MarkEventTarget;
	/** The tooltip's id: focus moving from a mark into its tooltip keeps the tooltip. */
	tipId: string;
	/** Opens (or closes) the mark's details. */
	pin: (key: string) => void;
	/** Whether the current layout has the mark (an element on its way out may still be hit). */
	known?: (key: string) => boolean;
}

/**
 * The chart root's handlers for its marks: focus and hover go to the interaction model, a click
 * pins the mark's details. Set them on the element that holds the marks.
 */
export function markHandlers({
	attribute,
	interaction,
	tipId,
	pin,
	known = () => true
}: MarkHandlerOptions) {
	const keyOf = (target: EventTarget | null): string | null => {
		const key = markKeyOf(target, attribute);
		return key !== null && known(key) ? key : null;
	};
	return {
		onclick(event: MouseEvent) {
			const key = keyOf(event.target);
			if (key !== null) pin(key);
		},
		onfocusin(event: FocusEvent) {
			const key = keyOf(event.target);
			if (key !== null) interaction.focusMark(key);
		},
		// Into the tooltip keeps it open: its links follow the mark in tab order.
		onfocusout(event: FocusEvent) {
			if (keyOf(event.target) === null) return;
			const next = event.relatedTarget;
			interaction.blurMark(next instanceof Element && next.closest(`[id="${tipId}"]`) !== null);
		},
		onpointerover(event: PointerEvent) {
			const key = crossedMark(event, attribute);
			if (key !== null && known(key)) interaction.pointerEnter(key);
		},
		onpointerout(event: PointerEvent) {
			if (crossedMark(event, attribute) !== null) interaction.pointerLeave();
		}
	};
}
