import { expect, test } from 'vitest';
import { memoOn } from './memo';

test('computes once while its inputs stay the same, again when one changes', () => {
	const rows = [1, 2, 3];
	let input: { rows: number[]; width: number } = { rows, width: 1200 };
	let computed = 0;
	const total = memoOn(
		() => [input.rows, input.width] as const,
		([r, w]) => {
			computed += 1;
			return r.length * w;
		}
	);
	expect(total()).toBe(3600);
	expect(total()).toBe(3600);
	expect(computed).toBe(1);

	input = { rows, width: 1200 }; // a new holder, the same inputs
	expect(total()).toBe(3600);
	expect(computed).toBe(1);

	input = { rows: [1], width: 1200 }; // new rows (a filter change)
	expect(total()).toBe(1200);
	expect(computed).toBe(2);

	input = { rows: input.rows, width: 600 };
	expect(total()).toBe(600);
	expect(computed).toBe(3);
});

test('equal strings count as the same input; NaN equals itself', () => {
	let options = JSON.stringify({ sort: 'value' });
	let computed = 0;
	const read = memoOn(
		() => [options, NaN] as const,
		([o]) => {
			computed += 1;
			return o.length;
		}
	);
	read();
	options = JSON.stringify({ sort: 'value' });
	read();
	expect(computed).toBe(1);
	options = JSON.stringify({ sort: 'name' });
	read();
	expect(computed).toBe(2);
});
