import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fitColumns } from '$lib/charts/efficacy/efficacy.columns';
import {
	FOREST_LAYOUT_WIDTHS,
	LAYOUT_WIDTHS,
	PRERENDER_WIDTH,
	layoutWidthFor
} from './prerendered';

const css = readFileSync(new URL('../../../app.css', import.meta.url), 'utf8');

type Chart = 'timeline' | 'efficacy';
const WIDTHS: Record<Chart, readonly number[]> = {
	timeline: LAYOUT_WIDTHS,
	efficacy: FOREST_LAYOUT_WIDTHS
};

/** The drawings (by layout width) app.css leaves displayed in `chart`'s column `width` px wide. */
function drawingsShown(chart: Chart, width: number): number[] {
	const hidden = new Set<number>();
	for (const [, query, rule] of css.matchAll(/@container ([^{]+)\{\s*([^}]+)\}/g)) {
		const selector = rule!.split('{')[0]!.trim();
		const drawing = /\[data-layout-width='(\d+)'\]\s*$/.exec(selector);
		if (!drawing || !/display:\s*none/.test(rule!)) continue;
		// A rule for one chart's drawings names it: [data-prerendered='efficacy'].
		const only = /\[data-prerendered='(\w+)'\]/.exec(selector)?.[1];
		if (only !== undefined && only !== chart) continue;
		// Each condition is `(width < N px)` or `(width >= N px)`, joined by `or`.
		const holds = query!.split(' or ').some((condition) => {
			const [, op, px] = /\(width (<|>=) (\d+)px\)/.exec(condition)!;
			return op === '<' ? width < Number(px) : width >= Number(px);
		});
		if (holds) hidden.add(Number(drawing[1]));
	}
	return WIDTHS[chart].filter((w) => !hidden.has(w));
}

describe('the widths a chart is laid out at', () => {
	it('lays a column out at the widest layout width it holds, and narrower ones at their own', () => {
		expect(PRERENDER_WIDTH).toBe(1200);
		expect(layoutWidthFor(1872)).toBe(1200);
		expect(layoutWidthFor(1200)).toBe(1200);
		expect(layoutWidthFor(1199)).toBe(936);
		expect(layoutWidthFor(936)).toBe(936);
		expect(layoutWidthFor(935)).toBe(708);
		expect(layoutWidthFor(708)).toBe(708);
		expect(layoutWidthFor(707)).toBe(640);
		expect(layoutWidthFor(640)).toBe(640);
		expect(layoutWidthFor(639)).toBeUndefined();
		// The forest plot's also at 600 px, the narrowest it keeps its rows in columns.
		expect(layoutWidthFor(639, FOREST_LAYOUT_WIDTHS)).toBe(600);
		expect(layoutWidthFor(600, FOREST_LAYOUT_WIDTHS)).toBe(600);
		expect(layoutWidthFor(599, FOREST_LAYOUT_WIDTHS)).toBeUndefined();
		expect(layoutWidthFor(700, FOREST_LAYOUT_WIDTHS)).toBe(640);
	});

	it('are where the forest plot keeps all its columns, four of them, two, and one', () => {
		const kept = (width: number) => fitColumns(width).columns.map((c) => c.key);
		expect(kept(1200)).toHaveLength(6);
		expect(kept(936)).toEqual(['regimen', 'setting', 'n', 'endpoint']);
		expect(kept(935)).toHaveLength(3);
		expect(kept(708)).toEqual(['regimen', 'endpoint']);
		expect(kept(707)).toEqual(['regimen']);
		expect(kept(640)).toEqual(['regimen']);
		expect(kept(600)).toEqual(['regimen']);
	});
});

describe('the prerendered drawings and the stylesheet that picks one for the column', () => {
	it('shows the drawing laid out at the width the app lays the column out at', () => {
		for (const chart of ['timeline', 'efficacy'] as const)
			for (const width of [1872, 1200, 1199, 1000, 936, 935, 800, 708, 707, 655, 640, 639, 600]) {
				const laidOut = layoutWidthFor(width, WIDTHS[chart]);
				if (laidOut === undefined) continue;
				expect(drawingsShown(chart, width), `${chart}, ${width} px`).toEqual([laidOut]);
			}
		expect(drawingsShown('efficacy', 620)).toEqual([600]);
	});

	it('shows the narrowest below it: the forest plot’s hidden when scripts run, until the app has drawn', () => {
		expect(drawingsShown('timeline', 639)).toEqual([640]);
		expect(drawingsShown('timeline', 400)).toEqual([640]);
		expect(drawingsShown('efficacy', 599)).toEqual([600]);
		expect(drawingsShown('efficacy', 400)).toEqual([600]);
		const query =
			/@container \(width < (\d+)px\) \{\s*html\.js \[data-prerendered='efficacy'\] > \*/.exec(css);
		expect(query, 'app.css: the container query hiding the drawing').not.toBeNull();
		expect(Number(query![1])).toBe(600);
	});

	it('has the timeline’s narrowest drawing keep 640 px and scroll sideways below it, labels kept in view', () => {
		// The block of rules for a column under 640 px that scrolls the timeline's frame.
		const start = css.indexOf("@container (width < 640px) {\n\t[data-chart='timeline']");
		expect(start, 'app.css: the timeline’s rules for a narrow column').toBeGreaterThan(0);
		const narrow = css.slice(start, css.indexOf('\n}\n', start));
		expect(narrow).toMatch(
			/\[data-chart='timeline'\] > \[data-prerendered\] \{\s*overflow-x: auto;/
		);
		expect(narrow).toMatch(
			/\[data-layout-width='640'\] > \.timeline-frame \{\s*width: 640px !important;/
		);
		expect(narrow).toMatch(/> \.sticky-labels \{\s*display: block !important;/);
		// Wider, the copy of the lane labels stays out of the way.
		expect(css).toMatch(
			/\[data-prerendered\] \[data-layout-width='640'\] > \.sticky-labels \{\s*display: none !important;/
		);
	});
});
