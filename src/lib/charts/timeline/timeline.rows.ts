/**
 * Collision sub-rows: interval partitioning with two heaps, O(n log n), minimal row count.
 */

/** A small binary min-heap keyed by a number. */
class MinHeap<T> {
	#items: Array<{ key: number; value: T }> = [];
	get size() {
		return this.#items.length;
	}
	peekKey(): number {
		return this.#items[0]?.key ?? Infinity;
	}
	push(key: number, value: T): void {
		const a = this.#items;
		a.push({ key, value });
		let i = a.length - 1;
		while (i > 0) {
			const p = (i - 1) >> 1;
			// Equal keys in either order give the same rows: busy rows with the same right edge free
			// together, and free rows' keys (their indexes) differ. So `<=` here and `<` below could as
			// well be `<` and `<=`.
			// Stryker disable next-line EqualityOperator: equal keys in either order give the same rows (above)
			if (a[p]!.key <= a[i]!.key) break;
			[a[p], a[i]] = [a[i]!, a[p]!];
			i = p;
		}
	}
	/** The value with the smallest key; only called on a heap that is not empty. */
	pop(): T {
		const a = this.#items;
		const top = a[0];
		const last = a.pop() as { key: number; value: T };
		if (a.length > 0) {
			a[0] = last;
			let i = 0;
			for (;;) {
				const l = 2 * i + 1;
				const r = l + 1;
				let m = i;
				if (
					l < a.length &&
					// Stryker disable next-line EqualityOperator: equal keys in either order give the same rows (see push)
					a[l]!.key < a[m]!.key
				)
					m = l;
				if (
					r < a.length &&
					// Stryker disable next-line EqualityOperator: equal keys in either order give the same rows (see push)
					a[r]!.key < a[m]!.key
				)
					m = r;
				if (m === i) break;
				[a[m], a[i]] = [a[i]!, a[m]!];
				i = m;
			}
		}
		return top!.value;
	}
}

/**
 * Assigns each interval [left, right] the lowest sub-row free at its left edge, given intervals
 * sorted by left. Two heaps (busy rows by right edge, free rows by index): O(n log n), and the
 * number of rows is the minimum possible (the maximum overlap).
 */
export function assignRows(intervals: ReadonlyArray<{ left: number; right: number }>): {
	rows: number[];
	count: number;
} {
	const busy = new MinHeap<number>();
	const free = new MinHeap<number>();
	// Stryker disable next-line ArrayDeclaration: every slot is filled below
	const rows: number[] = new Array(intervals.length);
	let count = 0;
	for (let i = 0; i < intervals.length; i++) {
		const { left, right } = intervals[i]!;
		// An empty heap's smallest key is Infinity: the loop stops.
		while (busy.peekKey() < left) {
			const row = busy.pop();
			free.push(row, row);
		}
		const row = free.size > 0 ? free.pop() : count++;
		rows[i] = row;
		busy.push(right, row);
	}
	return { rows, count };
}
