/**
 * A pure derivation remembered for its last inputs (compared with Object.is): an export adapter's
 * getters (title, subtitle, notes, sources) read one layout, computed once per change of what it
 * is made from instead of once per getter. The print summary reads them on every filter click,
 * so each extra layout was paid on the click. The inputs are read on every call, so a caller
 * inside a reactive context still tracks them.
 */
export function memoOn<const I extends readonly unknown[], T>(
	inputs: () => I,
	compute: (inputs: I) => T
): () => T {
	let last: { inputs: I; value: T } | null = null;
	return () => {
		const next = inputs();
		const same =
			last !== null &&
			last.inputs.length === next.length &&
			next.every((value, i) => Object.is(value, last!.inputs[i]));
		if (!same) last = { inputs: next, value: compute(next) };
		return last!.value;
	};
}
