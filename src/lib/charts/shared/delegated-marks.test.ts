// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import { crossedMark, markHandlers, markKeyOf } from './delegated-marks';

let a: Element, aShape: Element, b: Element, outside: Element;
beforeEach(() => {
	document.body.innerHTML = `
		<svg>
			<g data-mark="a" id="a"><rect id="a-shape" /><text id="a-text">A</text></g>
			<g data-mark="b" id="b"><circle id="b-shape" /></g>
			<rect id="outside" />
		</svg>
		<div id="tip"><a id="tip-link" href="#s">Source</a></div>`;
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

describe('markHandlers', () => {
	/** The handlers on a chart whose current layout has only mark "a"; what they told the model. */
	function handlers() {
		const calls: string[] = [];
		const on = markHandlers({
			attribute: 'data-mark',
			tipId: 'tip',
			known: (key) => key === 'a',
			pin: (key) => calls.push(`pin ${key}`),
			interaction: {
				focusMark: (key) => calls.push(`focus ${key}`),
				blurMark: (intoTip) => calls.push(intoTip ? 'blur into tip' : 'blur'),
				pointerEnter: (key) => calls.push(`enter ${key}`),
				pointerLeave: () => calls.push('leave')
			}
		});
		return { on, calls };
	}
	const event = (target: EventTarget | null, relatedTarget: EventTarget | null = null) =>
		({ target, relatedTarget }) as unknown as MouseEvent & FocusEvent & PointerEvent;

	test('a click on a shape of a mark pins that mark; elsewhere, or on a mark the layout lost, nothing', () => {
		const { on, calls } = handlers();
		on.onclick(event(aShape));
		on.onclick(event(outside));
		on.onclick(event(b));
		expect(calls).toEqual(['pin a']);
	});

	test('focus on a mark shows it; leaving it for its tooltip keeps the tooltip, anywhere else not', () => {
		const { on, calls } = handlers();
		on.onfocusin(event(a));
		on.onfocusout(event(a, document.getElementById('tip-link')));
		on.onfocusout(event(a, outside));
		on.onfocusout(event(a, null));
		on.onfocusin(event(outside));
		on.onfocusout(event(outside, a));
		expect(calls).toEqual(['focus a', 'blur into tip', 'blur', 'blur']);
	});

	test('the pointer entering and leaving a mark, not moving within it', () => {
		const { on, calls } = handlers();
		on.onpointerover(event(aShape, outside));
		on.onpointerover(event(document.getElementById('a-text'), aShape));
		on.onpointerout(event(aShape, document.getElementById('a-text')));
		on.onpointerout(event(aShape, outside));
		// A mark the current layout does not have: its entry is ignored, its exit still ends a hover.
		on.onpointerover(event(b, outside));
		on.onpointerout(event(b, outside));
		expect(calls).toEqual(['enter a', 'leave', 'leave']);
	});
});
