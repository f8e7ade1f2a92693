/**
 * Results kept for the inputs they were made from: arrays by identity, options by value.
 *
 * A filter click that narrows nothing gets the dataset's own arrays back (query/filter.ts), so
 * the click that shows every row again after a filter ("show all", a chip removed) finds the
 * preparation and the layout made from them before, instead of redoing both: on a dataset of a
 * thousand lanes or ten thousand readouts that was most of the click. One result per first
 * array; a filtered click's fresh arrays are new keys, dropped with them (WeakMap).
 */
export class KeptResults<R> {
	readonly #byFirst = new WeakMap<
		object,
		{ others: readonly object[]; options: string; result: R }
	>();

	/**
	 * The result made before from these `arrays` (the same objects) and `options` (equal as
	 * JSON), else `make()`, kept for next time.
	 */
	get(arrays: readonly [object, ...object[]], options: unknown, make: () => R): R {
		const [first, ...others] = arrays;
		const key = JSON.stringify(options);
		const kept = this.#byFirst.get(first);
		if (
			kept !== undefined &&
			kept.options === key &&
			kept.others.length === others.length &&
			kept.others.every((array, i) => array === others[i])
		)
			return kept.result;
		const result = make();
		this.#byFirst.set(first, { others, options: key, result });
		return result;
	}
}
