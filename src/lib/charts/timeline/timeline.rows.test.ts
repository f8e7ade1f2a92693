import { describe, expect, it } from 'vitest';
import { assignRows } from './timeline.rows';

type Interval = { left: number; right: number };

/** Intervals sorted by left edge, from a fixed pseudo-random sequence (a failure can be replayed). */
function intervals(seed: number, count: number, spread: number, maxLength: number): Interval[] {
	const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
	const list = Array.from({ length: count }, () => {
		const left = Math.floor(next() * spread);
		return { left, right: left + Math.floor(next() * maxLength) };
	});
	return list.sort((a, b) => a.left - b.left);
}

describe('assignRows over many overlapping intervals', () => {
	it.each([
		[1, 40, 100, 30],
		[2, 200, 1000, 80],
		[3, 300, 200, 60],
		[4, 120, 50, 5]
	])('seed %i: %i intervals', (seed, count, spread, maxLength) => {
		const list = intervals(seed, count, spread, maxLength);
		const { rows, count: rowCount } = assignRows(list);
		let deepest = 0;
		list.forEach((iv, i) => {
			// Rows in use at this left edge: earlier intervals reaching it (touching is overlap).
			const reaching = list.slice(0, i).flatMap((o, j) => (o.right >= iv.left ? [rows[j]] : []));
			deepest = Math.max(deepest, reaching.length + 1);
			const busyRows = new Set(reaching);
			let lowest = 0;
			while (busyRows.has(lowest)) lowest++;
			expect(rows[i], `interval ${i}`).toBe(lowest);
		});
		// As few rows as the deepest overlap needs.
		expect(rowCount).toBe(deepest);
		expect(Math.max(...rows) + 1).toBe(rowCount);
	});
});
