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
