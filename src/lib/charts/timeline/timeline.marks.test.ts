import { describe, expect, it } from 'vitest';
import { textWidth, truncate } from './timeline.marks';

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
