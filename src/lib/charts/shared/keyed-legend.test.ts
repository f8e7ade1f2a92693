import { describe, expect, it } from 'vitest';
import { keyedLegend } from './keyed-legend';

describe('keyed legend', () => {
	it('keys each item by what it shows, so dropping one entry keeps the others', () => {
		// Placed anew after the drop, the entries move; their keys stay.
		const before = [
			{ kind: 'shape', label: 'Asset A', x: 0, y: 12 },
			{ kind: 'shape', label: 'Comparator arm', x: 90, y: 12 },
			{ kind: 'dash', label: '† CI computed', x: 220, y: 12 }
		];
		const after = [
			{ kind: 'shape', label: 'Comparator arm', x: 0, y: 12 },
			{ kind: 'dash', label: '† CI computed', x: 130, y: 12 }
		];
		const keys = (items: typeof before) => keyedLegend(items).map((k) => k.key);
		expect(keys(before)).toEqual(['shape:Asset A', 'shape:Comparator arm', 'dash:† CI computed']);
		expect(keys(after)).toEqual(keys(before).slice(1));
		expect(keyedLegend(after).map((k) => k.item)).toEqual(after);
	});

	it('numbers a repeated item, so every key is unique', () => {
		const items = [
			{ kind: 'text', label: 'same' },
			{ kind: 'text', label: 'same' }
		];
		expect(keyedLegend(items).map((k) => k.key)).toEqual(['text:same', 'text:same#1']);
	});
});
