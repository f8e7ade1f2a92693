/**
 * Writes decks with pptxgenjs (loaded on first use): chart slides drawn as native shapes and text
 * from chart scenes, picture slides (the chart as a PNG, for those who prefer it), a title slide
 * and a sources slide. Every slide carries its title, subtitle, caveats, short sources and as-of
 * as text, and full citations with quotes in the speaker notes. Rows and lanes are grouped after
 * writing (group.ts), since pptxgenjs has no groups.
 */
import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';
import type PptxGenJS from 'pptxgenjs';
import type { Source } from '$lib/data/schema';
import type { ExportFrame } from '../frame';
import { groupShapes } from './group';
import { citedIds, footerText, fullCitation, speakerNotesWithQuotes } from './notes';
import {
	CHART_AREA,
	DECK_FONT,
	MIN_TEXT_PT,
	PT_PER_PX,
	SLIDE,
	SLIDE_MARGIN,
	type ChartScene,
	type Citation,
	type SceneItem
} from './scene';

export interface NativeChart {
	kind: 'native';
	frame: ExportFrame;
	scenes: ChartScene[];
}

export interface PictureChart {
	kind: 'picture';
	frame: ExportFrame;
	/** One picture per slide (a tall chart comes in parts). */
	pictures: {
		titleSuffix: string;
		subtitle: string;
		image: string;
		width: number;
		height: number;
		/** The facts drawn in the picture with their sources and quotes (the speaker notes). */
		citations: readonly Citation[];
		notes: readonly string[];
	}[];
}

export type DeckChart = NativeChart | PictureChart;

export interface DeckOptions {
	charts: readonly DeckChart[];
	sourcesById: ReadonlyMap<string, Source>;
	/** A title slide first and a sources slide last (the deck builder); off for one chart. */
	bookends?: { title: string; subtitle: string; asOf: string } | null;
}

const INK = '1B1F24';
const MUTED = '4F5966';
const hex = (colour: string) => colour.replace('#', '').toUpperCase();
const TITLE_PT = 24;
const SUBTITLE_PT = 14;
const FOOTER_PT = MIN_TEXT_PT;
const FOOTER_TOP = CHART_AREA.y + CHART_AREA.h + 0.08;

type Slide = PptxGenJS.Slide;

/** Text width estimate (inches) at `pt`, for boxes that must hold one line. */
const textWidth = (text: string, pt: number) => (text.length * pt * 0.56 + pt) / 72;

function addFrame(slide: Slide, title: string, subtitle: string, footer: readonly string[]) {
	const w = SLIDE.width - 2 * SLIDE_MARGIN;
	slide.addText(title, {
		x: SLIDE_MARGIN,
		y: 0.25,
		w,
		h: 0.55,
		fontFace: DECK_FONT,
		fontSize: TITLE_PT,
		bold: true,
		color: INK,
		margin: 0,
		objectName: 'Title'
	});
	if (subtitle)
		slide.addText(subtitle, {
			x: SLIDE_MARGIN,
			y: 0.8,
			w,
			h: 0.45,
			fontFace: DECK_FONT,
			fontSize: SUBTITLE_PT > MIN_TEXT_PT ? MIN_TEXT_PT + 1 : MIN_TEXT_PT,
			color: MUTED,
			margin: 0,
			valign: 'top',
			objectName: 'Subtitle'
		});
	if (footer.length)
		slide.addText(footer.join('\n'), {
			x: SLIDE_MARGIN,
			y: FOOTER_TOP,
			w,
			h: SLIDE.height - FOOTER_TOP - 0.12,
			fontFace: DECK_FONT,
			fontSize: FOOTER_PT,
			color: MUTED,
			margin: 0,
			valign: 'top',
			objectName: 'Footnote: caveats, sources, data as of'
		});
}

/** Adds one scene item; `s` is inches per layout px, (ox, oy) the chart's corner on the slide. */
function addItem(slide: Slide, item: SceneItem, s: number, ox: number, oy: number) {
	const objectName = item.group !== undefined ? `g:${item.group}|${item.name ?? ''}` : item.name;
	const X = (x: number) => ox + x * s;
	const Y = (y: number) => oy + y * s;
	const pt = (px: number) => Math.max(MIN_TEXT_PT, Math.round(px * s * 72 * 2) / 2);
	const line = (colour: string | null | undefined, width = 1, dash = false) =>
		colour
			? {
					color: hex(colour),
					width: width * s * 72,
					dashType: dash ? ('dash' as const) : ('solid' as const)
				}
			: { type: 'none' as const };
	const fill = (colour: string | null, opacity = 1) =>
		colour
			? { color: hex(colour), transparency: Math.round((1 - opacity) * 100) }
			: { type: 'none' as const };
	switch (item.kind) {
		case 'rect':
			slide.addShape('rect', {
				x: X(item.x),
				y: Y(item.y),
				w: Math.max(item.w * s, 0.01),
				h: Math.max(item.h * s, 0.01),
				fill: fill(item.fill, item.fillOpacity),
				line: line(item.stroke, item.strokeWidth, item.dash),
				objectName
			});
			return;
		case 'ellipse':
			slide.addShape('ellipse', {
				x: X(item.cx - item.r),
				y: Y(item.cy - item.r),
				w: 2 * item.r * s,
				h: 2 * item.r * s,
				fill: fill(item.fill, item.fillOpacity),
				line: line(item.stroke, item.strokeWidth),
				objectName
			});
			return;
		case 'shape':
			slide.addShape(item.shape, {
				x: X(item.cx - item.w / 2),
				y: Y(item.cy - item.h / 2),
				w: item.w * s,
				h: item.h * s,
				rotate: item.rotate,
				fill: fill(item.fill),
				line: line(item.stroke, item.strokeWidth, item.dash),
				objectName
			});
			return;
		case 'line': {
			const x = Math.min(item.x1, item.x2);
			const y = Math.min(item.y1, item.y2);
			slide.addShape('line', {
				x: X(x),
				y: Y(y),
				w: Math.abs(item.x2 - item.x1) * s,
				h: Math.abs(item.y2 - item.y1) * s,
				flipV: (item.x2 - item.x1) * (item.y2 - item.y1) < 0,
				line: line(item.stroke, item.strokeWidth, item.dash),
				objectName
			});
			return;
		}
		case 'text': {
			const size = pt(item.size);
			const w = textWidth(item.text, size);
			const h = (size * 1.3) / 72;
			// The box is centred on the text's middle (about a third of the size above the baseline).
			const mid = Y(item.y - item.size * 0.33);
			const left =
				item.anchor === 'start'
					? X(item.x)
					: item.anchor === 'end'
						? X(item.x) - w
						: X(item.x) - w / 2;
			slide.addText(item.text, {
				x: left,
				y: mid - h / 2,
				w,
				h,
				fontFace: DECK_FONT,
				fontSize: size,
				bold: item.bold ?? false,
				italic: item.italic ?? false,
				color: hex(item.colour),
				align: item.anchor === 'start' ? 'left' : item.anchor === 'end' ? 'right' : 'center',
				valign: 'middle',
				margin: 0,
				wrap: false,
				objectName
			});
			return;
		}
		case 'table': {
			const size = pt(item.size);
			slide.addTable(
				item.rows.map((row) =>
					row.map((cell) => ({
						text: cell.text,
						options: {
							bold: cell.bold ?? false,
							italic: cell.italic ?? false,
							color: hex(cell.colour ?? INK),
							...(cell.fill ? { fill: { color: hex(cell.fill) } } : {})
						}
					}))
				),
				{
					x: X(item.x),
					y: Y(item.y),
					colW: item.columnWidths.map((w) => w * s),
					fontFace: DECK_FONT,
					fontSize: size,
					margin: 3,
					valign: 'top',
					border: { type: 'solid', pt: 0.75, color: 'C9D1DB' },
					autoPage: false,
					objectName
				}
			);
		}
	}
}

function chartSlide(
	pptx: PptxGenJS,
	chart: NativeChart,
	scene: ChartScene,
	sources: DeckOptions['sourcesById']
) {
	const slide = pptx.addSlide();
	const ids = citedIds(scene.citations);
	addFrame(
		slide,
		`${chart.frame.title}${scene.titleSuffix}`,
		scene.subtitle,
		footerText(chart.frame, scene.notes, ids, sources)
	);
	// Inches per layout px: PT_PER_PX points, unless the chart would not fit the area.
	const s = Math.min(
		PT_PER_PX / 72,
		CHART_AREA.w / Math.max(1, scene.width),
		CHART_AREA.h / Math.max(1, scene.height)
	);
	for (const item of scene.items) addItem(slide, item, s, CHART_AREA.x, CHART_AREA.y);
	slide.addNotes(
		speakerNotesWithQuotes(chart.frame, scene.subtitle, scene.notes, scene.citations, sources)
	);
}

function pictureSlide(
	pptx: PptxGenJS,
	chart: PictureChart,
	part: PictureChart['pictures'][number],
	sources: DeckOptions['sourcesById']
) {
	const slide = pptx.addSlide();
	addFrame(
		slide,
		`${chart.frame.title}${part.titleSuffix}`,
		part.subtitle,
		footerText(chart.frame, part.notes, citedIds(part.citations), sources)
	);
	const fit = Math.min(CHART_AREA.w / part.width, CHART_AREA.h / part.height);
	slide.addImage({
		data: part.image,
		x: CHART_AREA.x + (CHART_AREA.w - part.width * fit) / 2,
		y: CHART_AREA.y,
		w: part.width * fit,
		h: part.height * fit,
		altText: `${chart.frame.title}${part.titleSuffix}`
	});
	slide.addNotes(
		speakerNotesWithQuotes(chart.frame, part.subtitle, part.notes, part.citations, sources)
	);
}

function titleSlide(
	pptx: PptxGenJS,
	options: NonNullable<DeckOptions['bookends']>,
	charts: readonly DeckChart[]
) {
	const slide = pptx.addSlide();
	const w = SLIDE.width - 2 * SLIDE_MARGIN;
	slide.addText(options.title, {
		x: SLIDE_MARGIN,
		y: 2.1,
		w,
		h: 1,
		fontFace: DECK_FONT,
		fontSize: 36,
		bold: true,
		color: INK,
		margin: 0,
		objectName: 'Title'
	});
	slide.addText(options.subtitle, {
		x: SLIDE_MARGIN,
		y: 3.1,
		w,
		h: 0.5,
		fontFace: DECK_FONT,
		fontSize: 18,
		color: MUTED,
		margin: 0,
		objectName: 'Subtitle'
	});
	slide.addText(charts.map((c, i) => `${i + 1}. ${c.frame.title}`).join('\n'), {
		x: SLIDE_MARGIN,
		y: 3.9,
		w,
		h: 3,
		fontFace: DECK_FONT,
		fontSize: 14,
		color: INK,
		margin: 0,
		valign: 'top',
		objectName: 'Contents'
	});
	slide.addNotes(`${options.title}\n${options.subtitle}\nData as of ${options.asOf}.`);
}

const SOURCES_PER_SLIDE = 14;

function sourcesSlides(
	pptx: PptxGenJS,
	charts: readonly DeckChart[],
	sources: DeckOptions['sourcesById'],
	asOf: string
) {
	const ids = [
		...new Set(
			charts.flatMap((c) =>
				c.kind === 'native'
					? c.scenes.flatMap((s) => citedIds(s.citations))
					: c.pictures.flatMap((p) => citedIds(p.citations))
			)
		)
	];
	const lines = ids.map((id, i) => {
		const source = sources.get(id);
		return `${i + 1}. ${source ? fullCitation(source) : id}`;
	});
	const pages = Math.max(1, Math.ceil(lines.length / SOURCES_PER_SLIDE));
	for (let p = 0; p < pages; p++) {
		const slide = pptx.addSlide();
		const chunk = lines.slice(p * SOURCES_PER_SLIDE, (p + 1) * SOURCES_PER_SLIDE);
		addFrame(
			slide,
			p === 0 ? 'Sources' : 'Sources (continued)',
			`${ids.length} publications and records behind the charts in this deck`,
			[`Data as of ${asOf}. Quotes backing each mark are in each chart slide's speaker notes.`]
		);
		slide.addText(chunk.length ? chunk.join('\n') : 'No sources in view.', {
			x: SLIDE_MARGIN,
			y: CHART_AREA.y,
			w: SLIDE.width - 2 * SLIDE_MARGIN,
			h: CHART_AREA.h,
			fontFace: DECK_FONT,
			fontSize: MIN_TEXT_PT,
			color: INK,
			margin: 0,
			valign: 'top',
			objectName: 'Source list'
		});
		slide.addNotes(chunk.join('\n'));
	}
}

/** The deck as PPTX bytes. */
export async function writeDeck(options: DeckOptions): Promise<Uint8Array> {
	const { default: Pptx } = await import('pptxgenjs');
	const pptx = new Pptx();
	pptx.layout = 'LAYOUT_WIDE';
	pptx.theme = { headFontFace: DECK_FONT, bodyFontFace: DECK_FONT };
	pptx.title = options.bookends?.title ?? options.charts[0]?.frame.title ?? 'Landscape';
	const groupLabels: Record<string, string>[] = [];
	if (options.bookends) {
		titleSlide(pptx, options.bookends, options.charts);
		groupLabels.push({});
	}
	for (const chart of options.charts) {
		if (chart.kind === 'native')
			for (const scene of chart.scenes) {
				chartSlide(pptx, chart, scene, options.sourcesById);
				groupLabels.push(scene.groups);
			}
		else
			for (const part of chart.pictures) {
				pictureSlide(pptx, chart, part, options.sourcesById);
				groupLabels.push({});
			}
	}
	if (options.bookends)
		sourcesSlides(pptx, options.charts, options.sourcesById, options.bookends.asOf);
	const bytes = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
	return groupSlides(bytes, groupLabels);
}

/** Applies groupShapes to every slide with grouped shapes. */
function groupSlides(bytes: Uint8Array, labels: readonly Record<string, string>[]): Uint8Array {
	const files = unzipSync(bytes);
	let changed = false;
	labels.forEach((slideLabels, i) => {
		const path = `ppt/slides/slide${i + 1}.xml`;
		const file = files[path];
		if (!file || Object.keys(slideLabels).length === 0) return;
		const { xml, groups } = groupShapes(strFromU8(file), slideLabels);
		if (groups > 0) {
			files[path] = strToU8(xml);
			changed = true;
		}
	});
	return changed ? zipSync(files, { level: 6 }) : bytes;
}
