import { describe, expect, it } from 'vitest';
import { headingKeys, textWidth, truncate, type Heading } from './timeline.marks';

describe('label text', () => {
	it('estimates a width of about half an em a character', () => {
		expect(textWidth('abcd', 10)).toBeCloseTo(19.2);
		expect(textWidth('', 12)).toBe(0);
	});

	it.each([
		['a label that fits is kept', 'Hello', 24, 'Hello'],
		['a label that does not is cut, with an ellipsis', 'Hello world', 30, 'Hello…'],
		['a space before the cut is dropped', 'Hi there', 20, 'Hi…'],
		['a column too narrow still shows a letter', 'Hello', 1, 'H…']
	])('%s', (_name, text, maxWidth, shown) => {
		expect(truncate(text, maxWidth, 10)).toBe(shown);
	});
});

describe('heading keys', () => {
	const heading = (kind: Heading['kind'], label: string, y: number): Heading => ({
		kind,
		label,
		y,
		height: 24
	});

	it('name a heading by its section and label, whatever its place', () => {
		const before = [
			heading('section', 'Focus assets', 0),
			heading('group', 'KN026', 30),
			heading('section', 'Comparators', 200),
			heading('group', 'KN026', 230)
		];
		const moved = before.map((h) => ({ ...h, y: h.y + 77 }));
		expect(headingKeys(before)).toEqual([
			'Focus assets',
			'Focus assets/KN026',
			'Comparators',
			'Comparators/KN026'
		]);
		expect(headingKeys(moved)).toEqual(headingKeys(before));
	});

	it('tell apart two groups of one name in a section', () => {
		const keys = headingKeys([
			heading('section', 'Focus assets', 0),
			heading('group', 'Same name', 30),
			heading('group', 'Same name', 90),
			heading('group', 'Same name', 150)
		]);
		expect(new Set(keys).size).toBe(4);
		expect(keys.slice(1)).toEqual([
			'Focus assets/Same name',
			'Focus assets/Same name#2',
			'Focus assets/Same name#3'
		]);
	});
});
