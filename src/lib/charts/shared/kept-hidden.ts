/**
 * Keeps the marks a filter removes in the page, hidden, so that the click which brings them back
 * shows them again instead of creating their elements anew. Creating the elements of a few dozen
 * marks was most of such a click's time; showing a kept mark only updates its attributes.
 *
 * `update(current)` returns the items drawn but hidden: those drawn before and not now, the most
 * recently removed last, at most `limit` of them. It gives the same answer when called again with
 * the same items, so it is safe inside a `$derived`.
 */
export class KeptHidden<T> {
	readonly #key: (item: T) => string;
	readonly #limit: number;
	#shown = new Map<string, T>();
	/** Oldest first (a Map keeps insertion order). */
	#hidden = new Map<string, T>();

	constructor(key: (item: T) => string, limit = 500) {
		this.#key = key;
		this.#limit = limit;
	}

	update(current: readonly T[]): readonly T[] {
		const shown = new Map<string, T>();
		for (const item of current) shown.set(this.#key(item), item);
		for (const [key, item] of this.#shown) {
			if (shown.has(key)) continue;
			this.#hidden.delete(key);
			this.#hidden.set(key, item);
		}
		for (const key of shown.keys()) this.#hidden.delete(key);
		for (const key of this.#hidden.keys()) {
			if (this.#hidden.size <= this.#limit) break;
			this.#hidden.delete(key);
		}
		this.#shown = shown;
		return [...this.#hidden.values()];
	}

	/** The items to draw: the current ones, then the kept ones (`update`'s answer) after them. */
	drawn(current: readonly T[]): readonly T[] {
		const hidden = this.update(current);
		return hidden.length ? [...current, ...hidden] : current;
	}

	/** Forgets everything: the next `update` keeps nothing from before. */
	clear(): void {
		this.#shown.clear();
		this.#hidden.clear();
	}
}
