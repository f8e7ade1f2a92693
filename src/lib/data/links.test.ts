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

describe('safeHref gives the link as the browser will open it', () => {
	it.each([
		['HTTPS://Example.ORG', 'https://example.org/'],
		['https://example.org/a b', 'https://example.org/a%20b']
	])('%s → %s', (input, expected) => {
		expect(safeHref(input)).toBe(expected);
	});
});

describe('doiHref accepts a DOI as sources write it', () => {
	it.each([
		['  10.1002/cac2.12662  ', 'https://doi.org/10.1002/cac2.12662'],
		['http://dx.doi.org/10.1002/cac2.12662', 'https://doi.org/10.1002/cac2.12662'],
		['HTTPS://DOI.ORG/10.1002/cac2.12662', 'https://doi.org/10.1002/cac2.12662'],
		['10.123456789/x', 'https://doi.org/10.123456789/x'],
		// Characters a URL cannot carry are escaped, not dropped.
		['10.1002/<abc>', 'https://doi.org/10.1002/%3Cabc%3E'],
		// Only a resolver in front is stripped, not one inside the suffix.
		['10.1002/https://doi.org/x', 'https://doi.org/10.1002/https://doi.org/x']
	])('%s → %s', (input, expected) => {
		expect(doiHref(input)).toBe(expected);
	});

	it.each([
		['10.123/x', 'a registrant code has at least four digits'],
		['10.1234567890/x', 'and at most nine'],
		['10.1002/', 'a DOI has a suffix'],
		['10.1002/a b', 'a DOI has no spaces'],
		['see 10.1002/cac2.12662', 'text around a DOI is not a DOI'],
		['10.1002/cac2.12662 (2024)', 'nor text after it'],
		['https://example.org/10.1002/x', 'another resolver is not stripped'],
		['', 'blank']
	])('%s is not linked (%s)', (input) => {
		expect(doiHref(input)).toBeNull();
	});
});
