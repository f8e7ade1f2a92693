import { describe, expect, it } from 'vitest';
import { embedSnippet, embedUrl, isEmbedResizeMessage } from './embed';

describe('embedUrl', () => {
	it.each([
		[
			'http://h.test/efficacy?v=1&assets=kn026',
			'',
			'efficacy',
			'http://h.test/embed/efficacy?v=1&assets=kn026'
		],
		[
			'http://h.test/landscape/timeline',
			'/landscape',
			'timeline',
			'http://h.test/landscape/embed/timeline'
		]
	])('%s', (page, base, view, expected) => {
		expect(embedUrl(new URL(page), base, view)).toBe(expected);
	});
});

describe('embedSnippet', () => {
	const snippet = embedSnippet({
		url: 'https://intranet.test/embed/efficacy?v=1&assets=kn026',
		title: 'ORR "first line"'
	});
	it('is a titled, lazy iframe with escaped attributes', () => {
		expect(snippet).toContain('loading="lazy"');
		expect(snippet).toContain('title="ORR &quot;first line&quot;"');
		expect(snippet).toContain('src="https://intranet.test/embed/efficacy?v=1&amp;assets=kn026"');
	});
	it('only believes height messages from the embed origin', () => {
		expect(snippet).toContain('e.origin!=="https://intranet.test"');
	});
});

describe('isEmbedResizeMessage', () => {
	it.each([
		[{ type: 'landscape:resize', view: 'timeline', height: 420 }, true],
		[{ type: 'landscape:resize', view: 'timeline', height: Infinity }, false],
		[{ type: 'other', view: 'timeline', height: 1 }, false],
		['landscape:resize', false],
		[null, false]
	])('%o → %s', (data, expected) => {
		expect(isEmbedResizeMessage(data)).toBe(expected);
	});
});
