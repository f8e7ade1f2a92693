import { expect, test } from 'vitest';
import { EDGE, shiftIntoView, useSheet } from './popover';

test.each<[string, number, number, number, number]>([
	['fits: stays', 100, 300, 1440, 0],
	['runs off the right: moves left to the edge', 1309, 346, 1440, 1440 - EDGE - 1655],
	['starts left of the edge: moves right', -20, 200, 768, EDGE + 20],
	['wider than the viewport: left-aligned at the edge', 50, 900, 768, EDGE - 50],
	['touching the right margin exactly: stays', 100, 1440 - 2 * EDGE - 92, 1440, 0]
])('%s', (_name, left, width, viewport, expected) => {
	expect(shiftIntoView(left, width, viewport)).toBe(expected);
	const moved = left + expected;
	if (width <= viewport - 2 * EDGE) {
		expect(moved).toBeGreaterThanOrEqual(EDGE);
		expect(moved + width).toBeLessThanOrEqual(viewport - EDGE);
	}
});

test.each<[number, boolean]>([
	[320, true],
	[360, true],
	[559, true],
	[560, false],
	[2560, false]
])('at %i px a popover is a sheet: %s', (width, sheet) => {
	expect(useSheet(width)).toBe(sheet);
});
