import { describe, expect, it } from 'vitest';
import { clampPosition, keyTarget, type GridPosition } from './grid-keys';

describe('clampPosition', () => {
	it.each<[number, number, number, number, GridPosition]>([
		[1, 1, 5, 4, { r: 1, c: 1 }],
		[-3, 9, 5, 4, { r: 0, c: 3 }],
		[9, -1, 5, 4, { r: 4, c: 0 }],
		// The corner holds no control: right when there is a column, else down.
		[0, 0, 5, 4, { r: 0, c: 1 }],
		[0, 0, 5, 1, { r: 1, c: 0 }],
		// A grid of the corner alone (no rows, no assets): nowhere else to go.
		[0, 0, 1, 1, { r: 0, c: 0 }]
	])('(%i, %i) in %i×%i → %j', (r, c, rows, cols, expected) => {
		expect(clampPosition(r, c, rows, cols)).toEqual(expected);
	});
});

describe('keyTarget', () => {
	// 10 rows (header + 9 attributes) × 4 columns (row headers + 3 assets), from row 3, column 2.
	const from = { r: 3, c: 2 };
	it.each<[string, boolean, GridPosition | null]>([
		['ArrowRight', false, { r: 3, c: 3 }],
		['ArrowLeft', false, { r: 3, c: 1 }],
		['ArrowDown', false, { r: 4, c: 2 }],
		['ArrowUp', false, { r: 2, c: 2 }],
		['Home', false, { r: 3, c: 0 }],
		['End', false, { r: 3, c: 3 }],
		['Home', true, { r: 0, c: 1 }],
		['End', true, { r: 9, c: 3 }],
		['PageDown', false, { r: 8, c: 2 }],
		['PageUp', false, { r: 0, c: 2 }],
		['Enter', false, null],
		['a', false, null]
	])('%s (corner: %s) → %j', (key, corner, expected) => {
		expect(keyTarget(key, from, 10, 4, corner)).toEqual(expected);
	});

	it('Home in the header row goes to the first column menu, not the empty corner', () => {
		expect(keyTarget('Home', { r: 0, c: 3 }, 10, 4)).toEqual({ r: 0, c: 1 });
	});

	it('Home and End stay in the row unless Ctrl or Cmd is held', () => {
		expect(keyTarget('End', from, 10, 4)).toEqual({ r: 3, c: 3 });
		expect(keyTarget('Home', from, 10, 4)).toEqual({ r: 3, c: 0 });
	});

	it('in a grid of one column, Home in the header row goes down to the first row header', () => {
		expect(keyTarget('Home', { r: 0, c: 0 }, 10, 1)).toEqual({ r: 1, c: 0 });
	});

	it('stops at the edges', () => {
		expect(keyTarget('ArrowRight', { r: 3, c: 3 }, 10, 4)).toEqual({ r: 3, c: 3 });
		expect(keyTarget('PageDown', { r: 8, c: 1 }, 10, 4)).toEqual({ r: 9, c: 1 });
	});
});
