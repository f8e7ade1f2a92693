import { describe, expect, it } from 'vitest';
import { KeptHidden, type Drawn } from './kept-hidden';

interface Item {
	id: string;
	v?: number;
}
const items = (...ids: string[]): Item[] => ids.map((id) => ({ id }));
const ids = (list: readonly Item[]) => list.map((item) => item.id);
/** The kept items of a `drawn` answer, in page order. */
const hiddenOf = (drawn: Drawn<Item>) => drawn.items.filter((item) => drawn.hidden.has(item.id));

describe('KeptHidden', () => {
	it('keeps what a change removes, and gives it back when it returns', () => {
		const kept = new KeptHidden<Item>((item) => item.id);
		expect(hiddenOf(kept.drawn(items('a', 'b', 'c')))).toEqual([]);
		expect(ids(hiddenOf(kept.drawn(items('a'))))).toEqual(['b', 'c']);
		expect(ids(hiddenOf(kept.drawn(items('a', 'c'))))).toEqual(['b']);
		expect(hiddenOf(kept.drawn(items('a', 'b', 'c')))).toEqual([]);
	});

	it('answers the same when asked again with the same items (safe in a derived)', () => {
		const kept = new KeptHidden<Item>((item) => item.id);
		kept.drawn(items('a', 'b'));
		const once = kept.drawn(items('a'));
		const again = kept.drawn(items('a'));
		expect(ids(again.items)).toEqual(ids(once.items));
		expect([...again.hidden]).toEqual([...once.hidden]);
	});

	it('keeps the last drawn version of an item', () => {
		const kept = new KeptHidden<Item>((item) => item.id);
		kept.drawn([{ id: 'a', v: 1 }, { id: 'b', v: 1 }, { id: 'c' }]);
		kept.drawn([{ id: 'a', v: 2 }, { id: 'c' }]);
		expect(hiddenOf(kept.drawn([{ id: 'c' }]))).toEqual([
			{ id: 'a', v: 2 },
			{ id: 'b', v: 1 }
		]);
	});

	it('draws the kept items where they were, so a filter click moves no element', () => {
		const kept = new KeptHidden<Item>((item) => item.id);
		const all = items('a', 'b', 'c', 'd', 'e');
		expect(kept.drawn(all).items).toBe(all);
		const narrowed = kept.drawn(items('b', 'd'));
		expect(ids(narrowed.items)).toEqual(['a', 'b', 'c', 'd', 'e']);
		expect([...narrowed.hidden].sort()).toEqual(['a', 'c', 'e']);
		// Brought back one at a time, and all at once: still the same page order.
		expect(ids(kept.drawn(items('b', 'c', 'd')).items)).toEqual(['a', 'b', 'c', 'd', 'e']);
		const back = kept.drawn(all);
		expect(ids(back.items)).toEqual(['a', 'b', 'c', 'd', 'e']);
		expect(back.hidden.size).toBe(0);
	});

	it('puts the current items in their order, each kept one after the item it followed', () => {
		const kept = new KeptHidden<Item>((item) => item.id);
		kept.drawn(items('a', 'b', 'c'));
		// Re-sorted and narrowed: b hides after a, the item it followed; x is new.
		const drawn = kept.drawn(items('c', 'x', 'a'));
		expect(ids(drawn.items)).toEqual(['c', 'x', 'a', 'b']);
		expect([...drawn.hidden]).toEqual(['b']);
		expect(ids(kept.drawn(items('c', 'x', 'a')).items)).toEqual(['c', 'x', 'a', 'b']);
	});

	it('forgets the oldest beyond its limit', () => {
		const kept = new KeptHidden<Item>((item) => item.id, 2);
		kept.drawn(items('a', 'b', 'c', 'd'));
		// a, b and c go together, a first; then d is the most recently removed.
		expect([...kept.drawn(items('d')).hidden].sort()).toEqual(['b', 'c']);
		expect([...kept.drawn([]).hidden].sort()).toEqual(['c', 'd']);
	});
});
