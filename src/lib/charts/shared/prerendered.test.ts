import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STACKED_BELOW, fitColumns } from '$lib/charts/efficacy/efficacy.columns';
import {
	FOREST_LAYOUT_WIDTHS,
	FOREST_STACKED_LAYOUT_WIDTHS,
	LAYOUT_WIDTHS,
	PRERENDER_WIDTH,
	layoutWidthFor
} from './prerendered';

const css = readFileSync(new URL('../../../app.css', import.meta.url), 'utf8');

type Chart = 'timeline' | 'efficacy';
const WIDTHS: Record<Chart, readonly number[]> = {
	timeline: LAYOUT_WIDTHS,
	efficacy: [...FOREST_LAYOUT_WIDTHS, ...FOREST_STACKED_LAYOUT_WIDTHS]
};

/** The width the app lays `chart` out at in a column `width` px wide (undefined: its own). */
function appLayoutWidth(chart: Chart, width: number): number | undefined {
	if (chart === 'timeline') return layoutWidthFor(width);
	// The forest plot stacks its rows in a column under STACKED_BELOW (ForestPlot.svelte).
	return width < STACKED_BELOW
		? layoutWidthFor(width, FOREST_STACKED_LAYOUT_WIDTHS)
		: layoutWidthFor(width, FOREST_LAYOUT_WIDTHS);
}

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
		// Stacked: at 480, 360 and 296 px, the column of a 320 px window, the narrowest.
		expect(STACKED_BELOW).toBe(600);
		expect(layoutWidthFor(599, FOREST_STACKED_LAYOUT_WIDTHS)).toBe(480);
		expect(layoutWidthFor(479, FOREST_STACKED_LAYOUT_WIDTHS)).toBe(360);
		expect(layoutWidthFor(366, FOREST_STACKED_LAYOUT_WIDTHS)).toBe(360);
		expect(layoutWidthFor(359, FOREST_STACKED_LAYOUT_WIDTHS)).toBe(296);
		expect(layoutWidthFor(296, FOREST_STACKED_LAYOUT_WIDTHS)).toBe(296);
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
		const widths = [1872, 1200, 1199, 1000, 936, 935, 800, 708, 707, 655, 640, 639, 620, 600];
		const stackedWidths = [599, 540, 480, 479, 400, 366, 360, 359, 336, 296];
		for (const chart of ['timeline', 'efficacy'] as const)
			for (const width of [...widths, ...stackedWidths]) {
				const laidOut = appLayoutWidth(chart, width);
				if (laidOut === undefined) continue;
				expect(drawingsShown(chart, width), `${chart}, ${width} px`).toEqual([laidOut]);
			}
		expect(drawingsShown('efficacy', 620)).toEqual([600]);
		expect(drawingsShown('efficacy', 599)).toEqual([480]);
		expect(drawingsShown('efficacy', 366)).toEqual([360]);
		expect(drawingsShown('efficacy', 296)).toEqual([296]);
	});

	it('shows the narrowest below it', () => {
		expect(drawingsShown('timeline', 639)).toEqual([640]);
		expect(drawingsShown('timeline', 400)).toEqual([640]);
		expect(drawingsShown('efficacy', 280)).toEqual([296]);
	});

	it('shows the forest plot’s "Show in columns" button only where its drawing is stacked', () => {
		const query =
			/@container \(width >= (\d+)px\) \{\s*\[data-prerendered\] \[data-stacked-only\] \{\s*display: none !important;/.exec(
				css
			);
		expect(query, 'app.css: the container query hiding the button').not.toBeNull();
		expect(Number(query![1])).toBe(STACKED_BELOW);
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
