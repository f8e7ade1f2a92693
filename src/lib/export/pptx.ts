/**
 * PowerPoint export with pptxgenjs, loaded only when a user asks for a deck. One 16:9 slide per
 * chart (or per part of a chart too tall for one legible slide, see `ChartExport.slides`): the
 * title as a real text box, the chart as a crisp PNG, the sources as a real footnote text and in
 * the speaker notes, with the link to the live view.
 */
import type { ExportFrame } from './frame';

export interface SlideSpec {
	frame: ExportFrame;
	/** PNG of the chart (without its own title/footer), as a data URL. */
	image: string;
	imageWidth: number;
	imageHeight: number;
}

const SLIDE_W = 13.333; // inches, LAYOUT_WIDE (16:9)
const SLIDE_H = 7.5;
const MARGIN = 0.4;
const CHART_TOP = 1.35;
const FOOTER_HEIGHT = 0.9;

/** Where the chart picture goes on a slide (inches): below title and subtitle, above the footer. */
export const CHART_BOX = {
	x: MARGIN,
	y: CHART_TOP,
	w: SLIDE_W - 2 * MARGIN,
	h: SLIDE_H - CHART_TOP - FOOTER_HEIGHT - 0.1
} as const;

/**
 * The largest picture (CSS px) whose `textPx` text still lands on the slide at `minPt` points or
 * more once fitted into the chart box: a taller chart must continue on another slide.
 */
export function legibleImageSize(textPx: number, minPt = 12): { width: number; height: number } {
	const pxPerInch = (72 * textPx) / minPt;
	return {
		width: Math.floor(CHART_BOX.w * pxPerInch),
		height: Math.floor(CHART_BOX.h * pxPerInch)
	};
}

export function speakerNotes(frame: ExportFrame): string {
	return [
		frame.title,
		frame.subtitle,
		...frame.notes,
		'Sources:',
		...frame.sources.map((s) => `- ${s}`),
		`Data as of ${frame.asOf}.`,
		`Live view: ${frame.link}`
	]
		.filter(Boolean)
		.join('\n');
}

export async function buildDeck(slides: readonly SlideSpec[]): Promise<Blob> {
	const { default: PptxGenJS } = await import('pptxgenjs');
	const pptx = new PptxGenJS();
	pptx.layout = 'LAYOUT_WIDE';
	pptx.title = slides[0]?.frame.title ?? 'Landscape';
	for (const spec of slides) {
		const slide = pptx.addSlide();
		slide.addText(spec.frame.title, {
			x: MARGIN,
			y: 0.25,
			w: SLIDE_W - 2 * MARGIN,
			h: 0.6,
			fontFace: 'Calibri',
			fontSize: 24,
			bold: true,
			color: '1B1F24'
		});
		if (spec.frame.subtitle) {
			slide.addText(spec.frame.subtitle, {
				x: MARGIN,
				y: 0.85,
				w: SLIDE_W - 2 * MARGIN,
				h: 0.4,
				fontFace: 'Calibri',
				fontSize: 14,
				color: '4F5966'
			});
		}
		// Fit the chart into the body area, keeping its aspect ratio.
		const footerHeight = FOOTER_HEIGHT;
		const fit = Math.min(CHART_BOX.w / spec.imageWidth, CHART_BOX.h / spec.imageHeight);
		const w = spec.imageWidth * fit;
		const h = spec.imageHeight * fit;
		slide.addImage({
			data: spec.image,
			x: CHART_BOX.x + (CHART_BOX.w - w) / 2,
			y: CHART_BOX.y,
			w,
			h
		});
		const footnote = [
			...spec.frame.notes,
			`Sources: ${spec.frame.sources.join('; ') || 'none in view'}`,
			`Data as of ${spec.frame.asOf}.`
		].join('\n');
		slide.addText(footnote, {
			x: MARGIN,
			y: SLIDE_H - footerHeight,
			w: SLIDE_W - 2 * MARGIN,
			h: footerHeight - 0.15,
			fontFace: 'Calibri',
			fontSize: 9,
			color: '4F5966',
			valign: 'bottom',
			fit: 'shrink'
		});
		slide.addNotes(speakerNotes(spec.frame));
	}
	return (await pptx.write({ outputType: 'blob' })) as Blob;
}
