// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import { crossedMark, markKeyOf } from './delegated-marks';

let a: Element, aShape: Element, b: Element, outside: Element;
beforeEach(() => {
	document.body.innerHTML = `
		<svg>
			<g data-mark="a" id="a"><rect id="a-shape" /><text id="a-text">A</text></g>
			<g data-mark="b" id="b"><circle id="b-shape" /></g>
			<rect id="outside" />
		</svg>`;
	a = document.getElementById('a')!;
	aShape = document.getElementById('a-shape')!;
	b = document.getElementById('b-shape')!;
	outside = document.getElementById('outside')!;
});

describe('markKeyOf', () => {
	test.each<[string, () => EventTarget | null, string | null]>([
		['the mark itself', () => a, 'a'],
		['a shape inside a mark', () => aShape, 'a'],
		['another mark', () => b, 'b'],
		['outside every mark', () => outside, null],
		['no target', () => null, null],
		['the window', () => window, null]
	])('%s', (_name, target, key) => {
		expect(markKeyOf(target(), 'data-mark')).toBe(key);
	});
});

describe('crossedMark', () => {
	test.each<[string, () => [EventTarget | null, EventTarget | null], string | null]>([
		['into a mark from outside', () => [aShape, outside], 'a'],
		['into a mark from off the chart', () => [aShape, null], 'a'],
		['between two shapes of one mark', () => [aShape, document.getElementById('a-text')], null],
		['from one mark straight into another', () => [b, aShape], 'b'],
		['over the background', () => [outside, aShape], null]
	])('%s', (_name, pair, key) => {
		const [target, relatedTarget] = pair();
		expect(crossedMark({ target, relatedTarget }, 'data-mark')).toBe(key);
	});
});
