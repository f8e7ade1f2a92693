import { describe, expect, test } from 'vitest';
import { choosableLines, lineCovers, lineMenuNote, linePasses, onwardLinesIncluded } from './lines';

describe('lineCovers', () => {
	test.each<[string, string | null, boolean]>([
		['2L', '2L', true],
		['2L', '2L+', true],
		['3L', '2L+', true],
		['3L', '3L+', true],
		['2L', '3L+', false],
		['1L', '2L+', false],
		['1L', '1L', true],
		['2L', '1L', false],
		['10L', '2L+', true],
		['2L', '10L+', false],
		// An explicit onward choice keeps its old meaning: itself only.
		['2L+', '2L+', true],
		['2L+', '2L', false],
		['2L+', '3L+', false],
		['later line', 'later line', true],
		['later line', '2L+', false],
		['neoadjuvant', 'neoadjuvant', true],
		['2L', 'later line', false],
		['2L', null, false]
	])('choosing %s shows a row reported for %s: %s', (chosen, line, expected) => {
		expect(lineCovers(chosen, line)).toBe(expected);
	});
});

test.each<[string[], string | null, boolean]>([
	[[], null, true],
	[[], '2L+', true],
	[['1L', '3L'], '2L+', true],
	[['1L'], '2L+', false],
	[['1L'], null, false]
])('linePasses(%j, %s) = %s', (chosen, line, expected) => {
	expect(linePasses(chosen, line)).toBe(expected);
});

test('onwardLinesIncluded lists only the known onward lines that cover the choice', () => {
	const known = ['1L', '2L', '2L+', '3L', '3L+', 'later line'];
	expect(onwardLinesIncluded('2L', known)).toEqual(['2L+']);
	expect(onwardLinesIncluded('3L', known)).toEqual(['2L+', '3L+']);
	expect(onwardLinesIncluded('1L', known)).toEqual([]);
	expect(onwardLinesIncluded('2L+', known)).toEqual([]);
});

test.each<[string[], string | null]>([
	[
		['1L', '2L', '2L+', '3L+'],
		'2L includes 2L+ (populations reported from an earlier line onward).'
	],
	[
		['2L', '2L+', '3L', '3L+'],
		'2L includes 2L+; 3L includes 2L+ and 3L+ (populations reported from an earlier line onward).'
	],
	[
		['2L+', '3L+', '4L', '4L+'],
		'4L includes 2L+, 3L+ and 4L+ (populations reported from an earlier line onward).'
	],
	[['1L', '2L+', 'neoadjuvant'], null],
	[[], null]
])('lineMenuNote(%j)', (known, expected) => {
	expect(lineMenuNote(known)).toBe(expected);
});

test.each<[string[], string[]]>([
	[
		['1L', '2L+', '3L+'],
		['1L', '2L+', '3L+', '2L', '3L']
	],
	[
		['2L', '2L+'],
		['2L', '2L+']
	],
	[
		['later line', 'neoadjuvant'],
		['later line', 'neoadjuvant']
	]
])('choosableLines(%j) adds the numbered line of each onward one', (values, expected) => {
	expect(choosableLines(values)).toEqual(expected);
});
