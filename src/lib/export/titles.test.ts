import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '$lib/state/view-state';
import { collectSourceIds, filterPhrase, viewTitle } from './titles';
import { wrapToWidth, escapeXml } from './matrix-svg';

const names: Record<string, string> = { kn026: 'KN026', zanidatamab: 'zanidatamab' };
const name = (id: string) => names[id] ?? id;

describe('filterPhrase and viewTitle', () => {
	it.each([
		[{}, 'Efficacy: response rates'],
		[
			{ assets: ['kn026', 'zanidatamab'], indications: ['gastric'], lines: ['2L'] },
			'Efficacy: response rates — KN026, zanidatamab · gastric 2L'
		],
		[{ assets: ['a', 'b', 'c', 'd', 'e', 'f'] }, 'Efficacy: response rates — a, b, c, d +2'],
		[{ agencies: ['FDA'], from: '2020' }, 'Efficacy: response rates — FDA · 2020–…']
	])('%o → %s', (filters, expected) => {
		const phrase = filterPhrase({ ...DEFAULT_FILTERS, ...filters }, name);
		expect(viewTitle('Efficacy', 'response rates', phrase)).toBe(expected);
	});
});

describe('collectSourceIds', () => {
	it('keeps first-cited order without repeats', () => {
		expect(
			collectSourceIds([{ sources: [{ id: 'b' }, { id: 'a' }] }, null, { sources: [{ id: 'b' }] }])
		).toEqual(['b', 'a']);
	});
});

describe('matrix SVG text helpers', () => {
	it('wraps to a width and ellipsises past the line limit', () => {
		expect(wrapToWidth('one two three four', 60, 12, 6)).toEqual(['one two', 'three', 'four']);
		const lines = wrapToWidth('a '.repeat(200), 60, 12, 2);
		expect(lines).toHaveLength(2);
		expect(lines[1]).toMatch(/…$/);
	});
	it('escapes XML', () => {
		expect(escapeXml('<a & "b">')).toBe('&lt;a &amp; &quot;b&quot;&gt;');
	});
});
