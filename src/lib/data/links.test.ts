import { describe, expect, it } from 'vitest';
import { doiHref, safeHref } from './links';

describe('safeHref', () => {
	it.each([
		['https://www.nature.com/articles/x', 'https://www.nature.com/articles/x'],
		['http://example.org/a', 'http://example.org/a'],
		['javascript:alert(1)', null],
		['JAVASCRIPT:alert(1)', null],
		['data:text/html,<script>alert(1)</script>', null],
		['vbscript:x', null],
		['//evil.example', null],
		['/relative', null],
		['', null],
		[null, null]
	])('%s → %s', (input, expected) => {
		expect(safeHref(input)).toBe(expected);
	});
});

describe('doiHref', () => {
	it.each([
		['10.1002/cac2.12662', 'https://doi.org/10.1002/cac2.12662'],
		['https://doi.org/10.1002/cac2.12662', 'https://doi.org/10.1002/cac2.12662'],
		['not a doi', null],
		['10.1/x', null],
		[null, null]
	])('%s → %s', (input, expected) => {
		expect(doiHref(input)).toBe(expected);
	});
});
