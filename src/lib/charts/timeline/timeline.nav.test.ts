import { describe, expect, it } from 'vitest';
import { firstMark, navigate } from './timeline.nav';
import type { Mark, TimelineLayout } from './timeline.marks';

/** Lanes of marks given as [id, x] pairs; an empty lane has nothing to focus. */
function chart(lanes: Array<Array<[string, number]>>): Pick<TimelineLayout, 'nav' | 'marksById'> {
	const marksById = new Map<string, Mark>();
	lanes.forEach((lane, laneIndex) => {
		for (const [id, cx] of lane) marksById.set(id, { id, laneIndex, cx } as unknown as Mark);
	});
	return { nav: lanes.map((lane) => lane.map(([id]) => id)), marksById };
}

// Lane 0: a b c; lane 1 has nothing; lane 2: d e; lane 3 has nothing.
const c = chart([
	[
		['a', 100],
		['b', 280],
		['c', 500]
	],
	[],
	[
		['d', 100],
		['e', 300]
	],
	[]
]);

describe('navigate', () => {
	it.each([
		['ArrowRight', 'a', 'b'],
		['ArrowRight', 'c', 'c'],
		['ArrowLeft', 'b', 'a'],
		['ArrowLeft', 'c', 'b'],
		['ArrowLeft', 'a', 'a'],
		['Home', 'c', 'a'],
		['End', 'a', 'c'],
		['Home', 'e', 'd'],
		['End', 'd', 'e']
	] as const)('%s from %s goes to %s', (key, from, to) => {
		expect(navigate(c, from, key)).toBe(to);
	});

	it('goes down to the nearest mark in time in the next lane that has marks', () => {
		expect(navigate(c, 'b', 'ArrowDown')).toBe('e');
		expect(navigate(c, 'c', 'ArrowDown')).toBe('e');
		expect(navigate(c, 'a', 'ArrowDown')).toBe('d');
		expect(navigate(c, 'e', 'ArrowUp')).toBe('b');
		expect(navigate(c, 'd', 'ArrowUp')).toBe('a');
	});

	it('keeps the first of two marks equally near', () => {
		expect(
			navigate(
				chart([
					[['x', 200]],
					[
						['y', 100],
						['z', 300]
					]
				]),
				'x',
				'ArrowDown'
			)
		).toBe('y');
	});

	it('stays put at the top and the bottom', () => {
		expect(navigate(c, 'b', 'ArrowUp')).toBe('b');
		expect(navigate(c, 'd', 'ArrowDown')).toBe('d');
	});

	it('with global, Home and End go to the chart’s first and last mark', () => {
		expect(navigate(c, 'e', 'Home', true)).toBe('a');
		expect(navigate(c, 'a', 'End', true)).toBe('e');
	});

	it('with global, End finds the last mark when it is in the first lane', () => {
		expect(
			navigate(
				chart([
					[
						['x', 1],
						['y', 2]
					],
					[]
				]),
				'x',
				'End',
				true
			)
		).toBe('y');
	});

	it('from a mark that is gone, goes to the chart’s first mark', () => {
		expect(navigate(chart([[], [['x', 1]]]), 'gone', 'ArrowRight')).toBe('x');
		expect(navigate(chart([[], []]), 'gone', 'ArrowRight')).toBe('gone');
	});
});

describe('firstMark', () => {
	it('is the first mark of the first lane that has any, or null', () => {
		expect(firstMark(chart([[], [['x', 1]], [['y', 0]]]))).toBe('x');
		expect(firstMark(chart([[], []]))).toBeNull();
	});
});
