// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { KeptVisibility } from './kept-visibility.svelte';
import { NONE } from './kept-hidden';

let stop: (() => void) | null = null;
afterEach(() => {
	stop?.();
	stop = null;
	document.body.innerHTML = '';
});

/** A group of marks keyed by data-mark, and the hidden keys as state. */
function setUp(keys: string[]) {
	const root = document.createElementNS('http://www.w3.org/2000/svg', 'g');
	for (const key of keys) root.append(mark(key));
	document.body.append(root);
	let hidden = $state<ReadonlySet<string>>(NONE);
	stop = $effect.root(() => {
		new KeptVisibility(
			() => root,
			() => hidden,
			'data-mark'
		);
	});
	flushSync();
	return {
		root,
		hide: (next: string[]) => {
			hidden = new Set(next);
			flushSync();
		}
	};
}

function mark(key: string): Element {
	const element = document.createElementNS('http://www.w3.org/2000/svg', 'g');
	element.setAttribute('data-mark', key);
	return element;
}

const shownKeys = (root: Element) =>
	[...root.querySelectorAll('[data-mark]')].map((m) => m.getAttribute('data-mark'));
const hiddenCount = (root: Element) => root.querySelectorAll('[visibility="hidden"]').length;

describe('KeptVisibility', () => {
	it('hides the marks whose keys are hidden, without their key, and shows the same elements again', () => {
		const { root, hide } = setUp(['a', 'b', 'c']);
		const [a, b] = [...root.children];
		hide(['a', 'b']);
		expect(shownKeys(root)).toEqual(['c']);
		expect(a!.getAttribute('visibility')).toBe('hidden');
		expect(b!.hasAttribute('data-mark')).toBe(false);
		hide(['b']);
		expect(shownKeys(root)).toEqual(['a', 'c']);
		expect(a!.hasAttribute('visibility')).toBe(false);
		hide([]);
		expect(shownKeys(root)).toEqual(['a', 'b', 'c']);
		expect(hiddenCount(root)).toBe(0);
	});

	it('hides a mark drawn anew while its key stays hidden', () => {
		const { root, hide } = setUp(['a', 'b']);
		hide(['a']);
		// The chart replaces the hidden mark's element (a redraw): the new one comes shown.
		root.firstElementChild!.replaceWith(mark('a'));
		expect(shownKeys(root)).toEqual(['a', 'b']);
		hide(['a', 'b']);
		expect(shownKeys(root)).toEqual([]);
		expect(hiddenCount(root)).toBe(2);
		hide([]);
		expect(shownKeys(root)).toEqual(['a', 'b']);
	});
});
