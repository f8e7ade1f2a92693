/**
 * Hides and shows the elements of kept marks (kept-hidden.ts) from one effect per kind of mark.
 *
 * Written in the template (`visibility={hidden.has(id) ? ...}`), a filter click that hides 99 of
 * the timeline's 111 marks re-ran one derived per mark (is it hidden?) and, for each mark whose
 * answer changed, its whole template effect: a tenth of the click's time, for two attribute
 * writes per mark. Here one effect compares the hidden keys with those it last applied and
 * writes only the elements whose state changed.
 *
 * A shown mark carries its key in an attribute the template writes once (`data-mark={id}`: it
 * never changes for a keyed item, so Svelte never writes it again). Hiding a mark removes that
 * attribute, so the keyboard, the pointer handlers and the tests find only shown marks, and sets
 * `visibility="hidden"` (kept-hidden.ts says why not `display`); showing it puts both back. The
 * effect finds the marks to hide by that attribute under `root`, and keeps the elements it hid.
 * No effect per element: the page's hydration creates none for this. Server-rendered and
 * exported drawings hide nothing.
 */
import { NONE } from './kept-hidden';

export class KeptVisibility {
	readonly #root: () => Element | null | undefined;
	readonly #keyAttribute: string;
	/** The elements this hid, by key (a hidden element no longer carries its key). */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- read by this class's effect only
	readonly #hiddenElements = new Map<string, Element>();
	/** The keys hidden in the DOM now. */
	#applied: ReadonlySet<string> = NONE;

	/**
	 * `hidden`: the keys to hide; `keyAttribute`: the attribute a shown element carries with its
	 * key, unique among those under `root`.
	 */
	constructor(
		root: () => Element | null | undefined,
		hidden: () => ReadonlySet<string>,
		keyAttribute: string
	) {
		this.#root = root;
		this.#keyAttribute = keyAttribute;
		// After the template's effects: an element created in this update is in the DOM by then.
		$effect(() => this.#apply(hidden()));
	}

	#apply(next: ReadonlySet<string>): void {
		const root = this.#root();
		if (!root || next === this.#applied) return;
		for (const [key, element] of this.#hiddenElements) {
			if (next.has(key)) continue;
			element.removeAttribute('visibility');
			element.setAttribute(this.#keyAttribute, key);
			this.#hiddenElements.delete(key);
		}
		// The keys newly hidden, and any whose element was drawn anew since it was hidden.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local lookup
		const toHide = new Set<string>();
		for (const key of next) if (!this.#hiddenElements.get(key)?.isConnected) toHide.add(key);
		if (toHide.size > 0) {
			for (const element of root.querySelectorAll(`[${this.#keyAttribute}]`)) {
				const key = element.getAttribute(this.#keyAttribute)!;
				if (!toHide.has(key)) continue;
				element.setAttribute('visibility', 'hidden');
				element.removeAttribute(this.#keyAttribute);
				this.#hiddenElements.set(key, element);
			}
		}
		this.#applied = next;
	}
}
