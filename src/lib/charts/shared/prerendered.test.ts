import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRERENDER_WIDTH } from './prerendered';

describe('the prerendered drawing and the stylesheet that hides it in narrower columns', () => {
	it('hides it exactly below the width it is drawn for (app.css), where the app lays it out otherwise', () => {
		const css = readFileSync(new URL('../../../app.css', import.meta.url), 'utf8');
		const query = /@container \(width < (\d+)px\) \{\s*html\.js \[data-prerendered\]/.exec(css);
		expect(query, 'app.css: the container query on [data-prerendered]').not.toBeNull();
		expect(Number(query![1])).toBe(PRERENDER_WIDTH);
	});
});
