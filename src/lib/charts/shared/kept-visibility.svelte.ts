/**
 * Hides and shows the elements of kept marks (kept-hidden.ts) from one effect per layer.
 *
 * Written in the template (`visibility={hidden.has(id) ? ...}`), a filter click that hides 99 of
 * the timeline's 111 marks re-ran one derived per mark (is it hidden?) and, for each mark whose
 * answer changed, its whole template effect: a fifth of the click's time, for two attribute
 * writes per mark. Here one effect compares the hidden keys with those it last applied and
 * writes only the elements whose state changed.
 *
 * The template keeps the attribute that marks a shown element (`data-mark={id}`), which never
 * changes for a keyed item, so Svelte never writes it again; this removes it from a hidden
 * element and puts it back when shown, with `visibility="hidden"` (kept-hidden.ts says why not
 * `display`). Server-rendered and exported drawings hide nothing: no effect runs there.
 *
 * Usage, in a layer:
 *   const kept = new KeptVisibility(() => hidden, 'data-mark');
 *   {#each marks as m (m.id)} <g data-mark={m.id} {@attach kept.element(m.id)}> ... {/each}
 */
import type { Attachment } from 'svelte/attachments';
import { NONE } from './kept-hidden';

export class KeptVisibility {
	/** The attribute a shown element carries with its key, removed while hidden (or none). */
	readonly #keyAttribute: string | null;
	// Plain collections: what the DOM holds, read by this class's effect only, never by a template.
	/** Each key's elements (a heading draws two). */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #elements = new Map<string, Set<Element>>();
	/** One attachment per key, so re-rendering an item does not attach it again. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #attachments = new Map<string, Attachment>();
	/** The keys hidden in the DOM now. */
	#applied: ReadonlySet<string> = NONE;

	constructor(hidden: () => ReadonlySet<string>, keyAttribute: string | null = null) {
		this.#keyAttribute = keyAttribute;
		// After the template's effects: an element created in this update is attached by then.
		$effect(() => this.#apply(hidden()));
	}

	/** The attachment that registers an element drawn for `key`. */
	element(key: string): Attachment {
		let attachment = this.#attachments.get(key);
		if (!attachment) {
			attachment = (element: Element) => {
				let set = this.#elements.get(key);
				// eslint-disable-next-line svelte/prefer-svelte-reactivity
				if (!set) this.#elements.set(key, (set = new Set()));
				set.add(element);
				if (this.#applied.has(key)) this.#write(element, key, true);
				return () => {
					set.delete(element);
					if (set.size === 0 && this.#elements.get(key) === set) this.#elements.delete(key);
				};
			};
			this.#attachments.set(key, attachment);
		}
		return attachment;
	}

	#apply(next: ReadonlySet<string>): void {
		const before = this.#applied;
		if (next === before) return;
		for (const key of before) if (!next.has(key)) this.#writeAll(key, false);
		for (const key of next) if (!before.has(key)) this.#writeAll(key, true);
		this.#applied = next;
	}

	#writeAll(key: string, hide: boolean): void {
		const set = this.#elements.get(key);
		if (set) for (const element of set) this.#write(element, key, hide);
	}

	#write(element: Element, key: string, hide: boolean): void {
		if (hide) {
			element.setAttribute('visibility', 'hidden');
			if (this.#keyAttribute) element.removeAttribute(this.#keyAttribute);
		} else {
			element.removeAttribute('visibility');
			if (this.#keyAttribute) element.setAttribute(this.#keyAttribute, key);
		}
	}
}
