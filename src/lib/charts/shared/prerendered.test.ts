import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRERENDER_WIDTH } from './prerendered';

describe('the prerendered drawing and the stylesheet that hides it in other widths', () => {
	it('hides it exactly outside the width it is drawn for (app.css, 2 px either side)', () => {
		const css = readFileSync(new URL('../../../app.css', import.meta.url), 'utf8');
		const query = /@container \(width < (\d+)px\) or \(width > (\d+)px\)/.exec(css);
		expect(query, 'app.css: the container query on [data-prerendered]').not.toBeNull();
		expect(Number(query![1])).toBe(PRERENDER_WIDTH - 2);
		expect(Number(query![2])).toBe(PRERENDER_WIDTH + 2);
	});
});
