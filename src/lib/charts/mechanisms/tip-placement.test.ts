import { describe, expect, it } from 'vitest';
import { TIP_OVERLAP, tipPlacement } from './tip-placement';

const frame = (width: number) => ({ left: 100, top: 50, bottom: 1000, width });
const cell = (left: number, bottom = 300) => ({ left, top: bottom - 40, bottom, width: 200 });

describe('tipPlacement', () => {
	it.each([
		// [frame width, cell left (viewport), expected x]
		[1400, 300, 200], // room to the right: under the cell's left edge
		[1400, 1300, 1200], // near the right edge: the Tooltip flips left of x, with room
		[366, 250, 366], // a phone: flipping would leave a sliver, so it hangs from the right edge
		[1400, 40, 0] // a cell scrolled partly out on the left: not before the frame
	])('frame %i wide, cell at %i → x %i', (width, left, x) => {
		expect(tipPlacement(cell(left), frame(width)).x).toBe(x);
	});

	it('hangs just under the cell, overlapping its lower edge', () => {
		expect(tipPlacement(cell(300, 300), frame(1400)).y).toBe(300 - 50 - TIP_OVERLAP);
	});
});
