import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { LEAVE_GRACE_MS, MarkInteraction } from './mark-interaction.svelte';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('tooltip on hover (WCAG 1.4.13)', () => {
	test('shows on hover and stays while the pointer travels onto it', () => {
		const m = new MarkInteraction();
		m.pointerEnter('a');
		expect(m.tip).toBe('a');
		m.pointerLeave();
		vi.advanceTimersByTime(LEAVE_GRACE_MS - 1);
		expect(m.tip).toBe('a');
		m.tipPointerEnter();
		vi.advanceTimersByTime(LEAVE_GRACE_MS * 10);
		expect(m.tip).toBe('a');
		m.tipPointerLeave();
		expect(m.tip).toBe('a');
		vi.advanceTimersByTime(LEAVE_GRACE_MS);
		expect(m.tip).toBeNull();
	});

	test('closes after the grace time when the pointer goes elsewhere', () => {
		const m = new MarkInteraction();
		m.pointerEnter('a');
		m.pointerLeave();
		vi.advanceTimersByTime(LEAVE_GRACE_MS);
		expect(m.tip).toBeNull();
	});

	test('moving to another mark switches at once', () => {
		const m = new MarkInteraction();
		m.pointerEnter('a');
		m.pointerLeave();
		m.pointerEnter('b');
		expect(m.tip).toBe('b');
		vi.advanceTimersByTime(LEAVE_GRACE_MS);
		expect(m.tip).toBe('b');
	});

	test('Escape hides it until another mark is hovered; the pointer need not move', () => {
		const m = new MarkInteraction();
		m.pointerEnter('a');
		expect(m.escape()).toBe('dismissed');
		expect(m.tip).toBeNull();
		m.pointerEnter('a');
		expect(m.tip).toBeNull();
		m.pointerEnter('b');
		expect(m.tip).toBe('b');
	});
});

describe('a tooltip removed under the pointer', () => {
	test('Escape with the pointer on the tooltip: leaving the marks later still closes the next one', () => {
		const m = new MarkInteraction();
		m.pointerEnter('a');
		m.tipPointerEnter();
		expect(m.escape()).toBe('dismissed');
		// The tooltip is gone, so no pointerleave comes from it.
		m.pointerEnter('b');
		m.pointerLeave();
		vi.advanceTimersByTime(LEAVE_GRACE_MS);
		expect(m.tip).toBeNull();
	});

	test('a mark entered straight from a tooltip that vanished closes after it is left', () => {
		const m = new MarkInteraction();
		m.pointerEnter('a');
		m.tipPointerEnter();
		m.pointerEnter('b');
		m.pointerLeave();
		vi.advanceTimersByTime(LEAVE_GRACE_MS);
		expect(m.tip).toBeNull();
	});
});

describe('tooltip on focus', () => {
	test('stays while focus moves into it and closes when focus leaves it', () => {
		const m = new MarkInteraction();
		m.focusMark('a');
		expect(m.tip).toBe('a');
		expect(m.active).toBe('a');
		m.blurMark(true);
		expect(m.tip).toBe('a');
		m.tipFocusOut(false);
		expect(m.tip).toBeNull();
	});

	test('focus leaving the mark for elsewhere closes it', () => {
		const m = new MarkInteraction();
		m.focusMark('a');
		m.blurMark(false);
		expect(m.tip).toBeNull();
	});
});

describe('pinned details', () => {
	test('pin toggles; the pinned mark shows details, not a tooltip', () => {
		const m = new MarkInteraction();
		m.focusMark('a');
		m.togglePin('a');
		expect(m.pinned).toBe('a');
		expect(m.tip).toBeNull();
		m.togglePin('a');
		expect(m.pinned).toBeNull();
	});

	test('Escape hides a showing tooltip first, then closes the details', () => {
		const m = new MarkInteraction();
		m.togglePin('a');
		m.pointerEnter('b');
		expect(m.escape()).toBe('dismissed');
		expect(m.pinned).toBe('a');
		expect(m.escape()).toBe('unpinned');
		expect(m.pinned).toBeNull();
		expect(m.escape()).toBeNull();
	});

	test('unpin says which mark gets focus back', () => {
		const m = new MarkInteraction();
		m.togglePin('a');
		expect(m.unpin()).toBe('a');
		expect(m.unpin()).toBeNull();
	});

	test('marks that are gone are forgotten', () => {
		const m = new MarkInteraction();
		m.setPinned('a');
		m.pointerEnter('b');
		m.retain((id) => id === 'b');
		expect(m.pinned).toBeNull();
		expect(m.tip).toBe('b');
	});

	test('the reader pinning and unpinning is reported (for the link); a restored pin is not', () => {
		const changes: (string | null)[] = [];
		const m = new MarkInteraction({ onPinChange: (id) => changes.push(id) });
		m.setPinned('from-link');
		expect(m.pinned).toBe('from-link');
		expect(m.active).toBe('from-link');
		expect(changes).toEqual([]);
		m.togglePin('a');
		m.togglePin('b');
		m.togglePin('b');
		m.togglePin('c');
		expect(m.escape()).toBe('unpinned');
		m.togglePin('d');
		m.unpin();
		m.unpin();
		expect(changes).toEqual(['a', 'b', null, 'c', null, 'd', null]);
	});
});
