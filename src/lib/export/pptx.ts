/**
 * PowerPoint export with pptxgenjs, loaded only when a user asks for a deck. One 16:9 slide per
 * chart: the title as a real text box, the chart as a crisp PNG, the sources as a real footnote
 * text and in the speaker notes, with the link to the live view.
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
		const top = 1.35;
		const footerHeight = 0.9;
		const boxW = SLIDE_W - 2 * MARGIN;
		const boxH = SLIDE_H - top - footerHeight - 0.1;
		const fit = Math.min(boxW / spec.imageWidth, boxH / spec.imageHeight);
		const w = spec.imageWidth * fit;
		const h = spec.imageHeight * fit;
		slide.addImage({ data: spec.image, x: MARGIN + (boxW - w) / 2, y: top, w, h });
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
