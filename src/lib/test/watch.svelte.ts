/**
 * Runs `read` inside an effect, as a component would, and again whenever what it read changes:
 * for unit tests of reactive stores (a test reading a store outside an effect did not see a
 * dependency the store had missed: its derived was recomputed at each read). Returns the latest
 * value and a stop function. The test file needs `// @vitest-environment happy-dom`: effects run
 * only with a DOM.
 */
import { flushSync } from 'svelte';

export function watch<T>(read: () => T): { latest: () => T; stop: () => void } {
	let value: T;
	const stop = $effect.root(() => {
		$effect(() => {
			value = read();
		});
	});
	flushSync();
	return {
		latest: () => {
			flushSync();
			return value;
		},
		stop
	};
}
