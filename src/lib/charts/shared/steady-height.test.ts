import { describe, expect, it } from 'vitest';
import { SteadyHeights } from './steady-height';

describe('SteadyHeights', () => {
	it('keeps the tallest height at a width, so a shorter chart does not resize its svg', () => {
		const heights = new SteadyHeights();
		expect(heights.of('a', 800, 500)).toBe(500);
		expect(heights.of('a', 800, 300)).toBe(500);
		expect(heights.of('a', 800, 700)).toBe(700);
		expect(heights.of('a', 800, 500)).toBe(700);
	});

	it('starts again from the chart height at a new width, and keeps each chart apart', () => {
		const heights = new SteadyHeights();
		heights.of('a', 800, 700);
		expect(heights.of('b', 800, 200)).toBe(200);
		expect(heights.of('a', 640, 400)).toBe(400);
		expect(heights.of('a', 640, 300)).toBe(400);
	});
});
