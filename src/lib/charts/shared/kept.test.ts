import { describe, expect, it } from 'vitest';
import { KeptResults } from './kept';

describe('KeptResults', () => {
	const rows = [{ id: 'a' }, { id: 'b' }];
	const others = [{ id: 'x' }];

	it('makes a result once for the same arrays and equal options', () => {
		const kept = new KeptResults<{ n: number }>();
		let made = 0;
		const make = () => ({ n: ++made });
		const first = kept.get([rows, others], { width: 1000, families: ['response'] }, make);
		expect(kept.get([rows, others], { width: 1000, families: ['response'] }, make)).toBe(first);
		expect(made).toBe(1);
	});

	it('makes it again when an array is another object or an option differs', () => {
		const kept = new KeptResults<number>();
		let made = 0;
		const make = () => ++made;
		kept.get([rows, others], { width: 1000 }, make);
		expect(kept.get([[...rows], others], { width: 1000 }, make)).toBe(2);
		expect(kept.get([rows, [...others]], { width: 1000 }, make)).toBe(3);
		expect(kept.get([rows, others], { width: 1001 }, make)).toBe(4);
		expect(kept.get([rows], { width: 1001 }, make)).toBe(5);
		// The latest result is the one kept for `rows`.
		expect(kept.get([rows], { width: 1001 }, make)).toBe(5);
	});
});
