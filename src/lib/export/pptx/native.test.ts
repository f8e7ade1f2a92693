// @vitest-environment node
/**
 * The native PowerPoint deck, opened the way PowerPoint reads it: unzip, read each slide's XML.
 * Shapes and texts on the slide must match the layout's marks; row labels are there as text;
 * rows are grouped; the notes hold the sources with their quotes.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { validateDataset } from '$lib/data/validate';
import { DEFAULT_VIEW_STATE, type ViewState } from '$lib/state/view-state';
import type { ExportableView } from '../chart-export';
import { countItems, SLIDE_CHART_PX, type ChartScene } from './scene';
import { viewScenes } from './view-scenes';
import { writeDeck } from './write';
import { groupShapes } from './group';

const raw = JSON.parse(readFileSync('static/data/her2.json', 'utf8'));
const result = validateDataset(raw, 'her2.json');
if (!result.ok) throw new Error('built-in dataset does not validate');
const model = result.model;
const TODAY = new Date('2026-10-01T00:00:00Z');
const frame = (title: string) => ({
	title,
	subtitle: '',
	sources: [],
	asOf: '23 Sep 2026',
	notes: [],
	link: 'https://example.org/landscape/timeline'
});

function state(patch: Partial<ViewState> = {}): ViewState {
	return { ...structuredClone(DEFAULT_VIEW_STATE), ...patch };
}

async function deck(view: ExportableView, scenes: ChartScene[]) {
	const bytes = await writeDeck({
		charts: [{ kind: 'native', frame: frame(`Test ${view}`), scenes }],
		sourcesById: model.sourcesById
	});
	const files = unzipSync(bytes);
	const slides = Object.keys(files)
		.filter((p) => /^ppt\/slides\/slide\d+\.xml$/.test(p))
		.sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]))
		.map((p) => strFromU8(files[p]!));
	const notes = Object.keys(files)
		.filter((p) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(p))
		.sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]))
		.map((p) => strFromU8(files[p]!));
	return { slides, notes };
}

/** Texts of a slide's XML (all <a:t> runs), decoded. */
function texts(xml: string): string[] {
	return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) =>
		m[1]!
			.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>')
			.replace(/&quot;/g, '"')
			.replace(/&apos;/g, "'")
			.replace(/&amp;/g, '&')
	);
}
const count = (xml: string, re: RegExp) => (xml.match(re) ?? []).length;
const preset = (xml: string, name: string) =>
	count(xml, new RegExp(`<a:prstGeom prst="${name}">`, 'g'));

describe('native PowerPoint: timeline', async () => {
	const scenes = viewScenes('timeline', model, state(), TODAY);
	const { slides, notes } = await deck('timeline', scenes);

	it('makes one slide per page of lanes, each within the slide', () => {
		expect(scenes.length).toBeGreaterThan(1);
		expect(slides).toHaveLength(scenes.length);
		for (const scene of scenes) expect(scene.height).toBeLessThanOrEqual(SLIDE_CHART_PX.height);
		expect(scenes[1]!.titleSuffix).toBe(' (continued)');
	});

	it('puts the legend in a column right of the lanes, every line of it inside the slide', async () => {
		const { SIDE_LEGEND_WIDTH } = await import('./timeline-slide-legend');
		const lanesRight = SLIDE_CHART_PX.width - SIDE_LEGEND_WIDTH;
		for (const scene of scenes) {
			const legend = scene.items.filter((it) => it.group === 'legend');
			const laneItems = scene.items.filter((it) => it.group?.startsWith('lane-'));
			expect(legend.length).toBeGreaterThan(0);
			for (const item of legend) {
				const x =
					item.kind === 'shape' || item.kind === 'ellipse'
						? item.cx
						: item.kind === 'line'
							? item.x1
							: item.x;
				expect(x).toBeGreaterThan(lanesRight);
			}
			for (const item of laneItems)
				if (item.kind === 'rect') expect(item.x + item.w).toBeLessThanOrEqual(lanesRight + 1);
			const labels = legend.filter((it) => it.kind === 'text' && it.name === 'Legend label');
			for (const label of labels) {
				if (label.kind !== 'text') continue;
				expect(label.y).toBeLessThanOrEqual(scene.height);
				// ~0.5 em a character at 12 px: a line that fits the column
				expect(label.text.length * 12 * 0.48).toBeLessThanOrEqual(SIDE_LEGEND_WIDTH);
			}
		}
		// The designation key is long: it wraps onto lines of its own, none of them lost.
		const designation = scenes
			.flatMap((s) => s.items)
			.filter((it) => it.kind === 'text' && it.name === 'Legend label')
			.map((it) => (it.kind === 'text' ? it.text : ''));
		expect(designation.join(' ')).toContain('P priority review)');
	});

	it('draws every bar, milestone and text of the layout as a shape or text box', () => {
		scenes.forEach((scene, i) => {
			const xml = slides[i]!;
			const c = countItems(scene.items);
			// Bars and other rectangles, lines, glyph presets: one PowerPoint shape per scene item.
			const shapes = count(xml, /<p:sp>/g);
			const frameTexts = 3; // title, subtitle, footnote
			expect(shapes).toBe(c.rect + c.ellipse + c.line + c.shape + c.text + frameTexts);
			expect(preset(xml, 'line')).toBe(c.line);
		});
	});

	it('has every lane label as editable text, and one group per lane', () => {
		let lanes = 0;
		scenes.forEach((scene, i) => {
			const laneKeys = Object.keys(scene.groups).filter((k) => k.startsWith('lane-'));
			lanes += laneKeys.length;
			const slideTexts = texts(slides[i]!);
			for (const key of laneKeys) {
				const label = scene.items.find((it) => it.group === key && it.kind === 'text');
				expect(label && label.kind === 'text' && slideTexts).toContain(
					label && label.kind === 'text' ? label.text : ''
				);
			}
			expect(count(slides[i]!, /<p:grpSp>/g)).toBe(Object.keys(scene.groups).length);
		});
		const prepared = scenes.reduce(
			(n, s) => n + s.items.filter((it) => it.name === 'Lane label').length,
			0
		);
		expect(lanes).toBe(prepared);
	});

	it('keeps text at 12 pt or more', () => {
		for (const xml of slides) {
			const sizes = [...xml.matchAll(/ sz="(\d+)"/g)].map((m) => Number(m[1]) / 100);
			expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
		}
	});

	it('puts the sources with their exact quotes in the speaker notes', () => {
		const milestone = scenes[0]!.citations[0]!;
		const noteText = texts(notes[0]!).join('\n');
		expect(noteText).toContain(milestone.quote);
		const source = model.sourcesById.get(milestone.sourceId)!;
		expect(noteText).toContain(source.title);
		expect(texts(slides[0]!).join(' ')).toContain('Data as of 23 Sep 2026');
	});
});

describe('native PowerPoint: efficacy', async () => {
	const s = state();
	s.efficacy = { ...s.efficacy, families: ['response', 'median', 'hazard'] };
	const scenes = viewScenes('efficacy', model, s, TODAY);
	const { slides, notes } = await deck('efficacy', scenes);

	it('draws each row as a group with its point (sized by n) and whisker', () => {
		expect(slides).toHaveLength(scenes.length);
		scenes.forEach((scene, i) => {
			const rows = Object.keys(scene.groups).filter((k) => k.startsWith('row-'));
			const points = scene.items.filter((it) => it.name?.startsWith('Point (n'));
			const xml = slides[i]!;
			expect(rows.length).toBeGreaterThan(0);
			expect(points.length).toBeLessThanOrEqual(rows.length);
			// Circles are ellipses whose size follows n: the biggest n has the biggest ellipse.
			const ellipses = scene.items.filter((it) => it.kind === 'ellipse');
			expect(preset(xml, 'ellipse')).toBe(ellipses.length);
			expect(count(xml, /<p:grpSp>/g)).toBe(Object.keys(scene.groups).length);
		});
	});

	it('has every regimen as text and the not-head-to-head note on the slide', () => {
		scenes.forEach((scene, i) => {
			const slideTexts = texts(slides[i]!);
			for (const item of scene.items)
				if (item.kind === 'text' && item.name === 'Regimen · trial')
					expect(slideTexts).toContain(item.text);
		});
		const crossTrial = scenes.findIndex((sc) => sc.notes.length > 0);
		expect(crossTrial).toBeGreaterThanOrEqual(0);
		expect(texts(slides[crossTrial]!).join(' ')).toContain('not head-to-head');
		expect(texts(notes[crossTrial]!).join(' ')).toContain(scenes[crossTrial]!.citations[0]!.quote);
	});
});

describe('native PowerPoint: mechanisms', async () => {
	const scenes = viewScenes('mechanisms', model, state(), TODAY);
	const { slides } = await deck('mechanisms', scenes);

	it('is a native table per slide, asset names and attribute labels as cell text', () => {
		expect(slides).toHaveLength(scenes.length);
		scenes.forEach((scene, i) => {
			const table = scene.items[0]!;
			expect(table.kind).toBe('table');
			if (table.kind !== 'table') return;
			expect(count(slides[i]!, /<a:tbl>/g)).toBe(1);
			expect(count(slides[i]!, /<a:tr /g)).toBe(table.rows.length);
			const slideTexts = texts(slides[i]!);
			for (const row of table.rows) expect(slideTexts).toContain(row[0]!.text);
		});
		const last = scenes.at(-1)!;
		expect(last.titleSuffix).toBe(' (continued)');
	});
});

describe('groupShapes', () => {
	const sp = (name: string, x: number) =>
		`<p:sp><p:nvSpPr><p:cNvPr id="${x}" name="${name}"></p:cNvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="${x}" y="10"/><a:ext cx="5" cy="5"/></a:xfrm></p:spPr></p:sp>`;
	it.each([
		[['a', 'g:r1|bar', 'g:r1|label', 'b'], 1, ['a', 'bar', 'label', 'b']],
		[['g:r1|x', 'g:r2|y', 'g:r2|z'], 2, ['x', 'y', 'z']],
		[['a', 'b'], 0, ['a', 'b']]
	])('%j → %i groups', (names, groups, clean) => {
		const xml = `<p:spTree>${names.map((n, i) => sp(n, i * 10)).join('')}</p:spTree>`;
		const out = groupShapes(xml, { r1: 'Row 1' });
		expect(out.groups).toBe(groups);
		expect([...out.xml.matchAll(/<p:cNvPr id="\d+" name="([^"]*)">/g)].map((m) => m[1])).toEqual(
			clean
		);
		if (groups > 0) expect(out.xml).toContain('<a:chOff x=');
	});
});

describe('slide pictures (the "Slides 16:9" PNG/SVG preset)', () => {
	const scenes = viewScenes('timeline', model, state(), TODAY);
	it('draws each slide at 1280 × 720 with the lane labels and no text under 12 pt', async () => {
		const { sceneSvg, SLIDE_SVG_SIZE } = await import('./scene-svg');
		expect(SLIDE_SVG_SIZE).toEqual({ width: 1280, height: 720 });
		for (const scene of scenes) {
			const svg = sceneSvg(scene, 'Timeline', ['Data as of 23 Sep 2026.']);
			expect(svg).toContain('width="1280" height="720"');
			for (const item of scene.items)
				if (item.kind === 'text' && item.name === 'Lane label')
					expect(svg).toContain(`>${item.text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}<`);
			const sizes = [...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
			expect(Math.min(...sizes)).toBeGreaterThanOrEqual(16); // 12 pt at 96 px per inch
		}
	});
});

describe('a timeline of very many lanes', () => {
	it('is cut after the page limit, the last page ending before the last lane', async () => {
		const { pageTimeline } = await import('./timeline-slides');
		const { prepareTimeline } = await import('$lib/charts/timeline/timeline.layout');
		const { applyFilters } = await import('$lib/query/filter');
		const prepared = prepareTimeline(applyFilters(model, DEFAULT_VIEW_STATE.filters), {
			groupBy: 'asset',
			today: TODAY,
			asOf: model.dataset.meta.asOf
		});
		const window = { start: Date.UTC(2018, 0), end: Date.UTC(2027, 0) };
		const two = pageTimeline(prepared, window, undefined, 2);
		expect(two).toHaveLength(2);
		expect(two[1]!.last).toBeLessThan(prepared.lanes.length);
		expect(pageTimeline(prepared, window).at(-1)!.last).toBe(prepared.lanes.length);
	});
});
