/**
 * Turns the chart on screen into a self-contained SVG file: the marks exactly as drawn (computed
 * styles copied onto each element, since the page's stylesheets do not travel with the file),
 * no UI chrome, the bundled font embedded, and the frame (title, subtitle, footer) around it.
 */
import { footerLines, wrapText, type ExportFrame } from './frame';
import regularFont from '@fontsource/source-sans-3/files/source-sans-3-latin-400-normal.woff2?inline';
import boldFont from '@fontsource/source-sans-3/files/source-sans-3-latin-600-normal.woff2?inline';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Presentation properties copied from the screen so the file looks the same everywhere. */
const COPIED_STYLES = [
	'fill',
	'fill-opacity',
	'stroke',
	'stroke-width',
	'stroke-dasharray',
	'stroke-opacity',
	'stroke-linecap',
	'stroke-linejoin',
	'opacity',
	'font-size',
	'font-weight',
	'font-style',
	'text-anchor',
	'dominant-baseline',
	'visibility',
	'display'
] as const;

/** Elements and attributes that belong to the interactive page, not to the picture. */
const OMIT_SELECTOR = '[data-export="omit"], [display="none"], foreignObject, script';
/** Focus rings and hit areas by their class on screen: chrome, whatever the chart forgot to mark. */
const CHROME_SELECTOR = '.ring, .focus-ring, .hit';
const INTERACTIVE_ATTRIBUTES = ['tabindex', 'aria-describedby', 'aria-controls', 'aria-pressed'];

export interface ComposeOptions {
	frame: ExportFrame;
	/** Transparent background instead of white. */
	transparent?: boolean;
	/** Width of the composed picture; defaults to the widest chart. */
	width?: number;
	/** Marks only, without title and footer (the PPTX slide has them as real text). */
	bare?: boolean;
	/** With `bare`: no margins around the marks, so a slide's picture is all chart. */
	tight?: boolean;
}

export interface ComposedSvg {
	markup: string;
	width: number;
	height: number;
}

const PAD = 24;
const TITLE_SIZE = 22;
const SUBTITLE_SIZE = 14;
const FOOTER_SIZE = 11;

/** Copies the live element's computed presentation styles onto its clone, recursively. */
function inlineStyles(source: Element, target: Element): void {
	const computed = getComputedStyle(source);
	for (const property of COPIED_STYLES) {
		const value = computed.getPropertyValue(property);
		if (value) target.setAttribute(property, value);
	}
	target.setAttribute('font-family', "'Source Sans 3', sans-serif");
	if (source.matches(CHROME_SELECTOR)) target.setAttribute('data-export', 'omit');
	target.removeAttribute('class');
	for (const name of INTERACTIVE_ATTRIBUTES) target.removeAttribute(name);
	const sourceChildren = source.children;
	const targetChildren = target.children;
	for (let i = 0; i < sourceChildren.length; i++) {
		const s = sourceChildren[i];
		const t = targetChildren[i];
		if (s && t) inlineStyles(s, t);
	}
}

/** A standalone copy of a chart's <svg>, styles inlined and chrome removed. */
export function cloneChartSvg(svg: SVGSVGElement): SVGSVGElement {
	const clone = svg.cloneNode(true) as SVGSVGElement;
	inlineStyles(svg, clone);
	// Remove after inlining so the element-by-element walk stays aligned.
	for (const element of clone.querySelectorAll(OMIT_SELECTOR)) element.remove();
	return clone;
}

function escapeXml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

/** The interface font, as data: an SVG file opened elsewhere has no app to fetch it from. */
const FONT_FACE_CSS =
	`@font-face{font-family:'Source Sans 3';font-weight:400;src:url(${regularFont}) format('woff2')}` +
	`@font-face{font-family:'Source Sans 3';font-weight:600;src:url(${boldFont}) format('woff2')}`;

function chartSize(svg: SVGSVGElement): { width: number; height: number } {
	const box = svg.getBoundingClientRect();
	const width = box.width || Number(svg.getAttribute('width')) || 800;
	const height = box.height || Number(svg.getAttribute('height')) || 400;
	return { width: Math.ceil(width), height: Math.ceil(height) };
}

/** Stacks the charts vertically inside the frame and returns the SVG file's text. */
export async function composeSvg(
	charts: readonly SVGSVGElement[],
	options: ComposeOptions
): Promise<ComposedSvg> {
	const sizes = charts.map(chartSize);
	const bare = options.bare ?? false;
	const tight = bare && (options.tight ?? false);
	const pad = tight ? 0 : PAD;
	const gap = tight ? 0 : 12;
	const width = options.width ?? Math.max(tight ? 0 : 640, ...sizes.map((s) => s.width + 2 * pad));
	const charsPerLine = Math.floor((width - 2 * PAD) / (FOOTER_SIZE * 0.5));
	const titleLines = bare
		? []
		: wrapText(options.frame.title, Math.floor((width - 2 * PAD) / (TITLE_SIZE * 0.5)));
	const subtitleLines =
		!bare && options.frame.subtitle
			? wrapText(options.frame.subtitle, Math.floor((width - 2 * PAD) / (SUBTITLE_SIZE * 0.5)))
			: [];
	const footer = bare ? [] : footerLines(options.frame, charsPerLine);

	const parts: string[] = [];
	let y = pad;
	for (const line of titleLines) {
		y += TITLE_SIZE;
		parts.push(
			`<text x="${PAD}" y="${y}" font-size="${TITLE_SIZE}" font-weight="600" fill="#1b1f24">${escapeXml(line)}</text>`
		);
		y += 4;
	}
	for (const line of subtitleLines) {
		y += SUBTITLE_SIZE + 2;
		parts.push(
			`<text x="${PAD}" y="${y}" font-size="${SUBTITLE_SIZE}" fill="#4f5966">${escapeXml(line)}</text>`
		);
	}
	y += gap;
	const serializer = new XMLSerializer();
	charts.forEach((svg, i) => {
		const size = sizes[i] ?? { width: 0, height: 0 };
		const clone = cloneChartSvg(svg);
		clone.setAttribute('x', String(pad));
		clone.setAttribute('y', String(y));
		clone.setAttribute('width', String(size.width));
		clone.setAttribute('height', String(size.height));
		if (!clone.getAttribute('viewBox')) {
			clone.setAttribute('viewBox', `0 0 ${size.width} ${size.height}`);
		}
		clone.setAttribute('overflow', 'visible');
		parts.push(serializer.serializeToString(clone));
		y += size.height + gap;
	});
	if (!tight) y += 4;
	if (!bare)
		parts.push(`<line x1="${PAD}" x2="${width - PAD}" y1="${y}" y2="${y}" stroke="#c9d1db"/>`);
	for (const line of footer) {
		y += FOOTER_SIZE + 4;
		parts.push(
			`<text x="${PAD}" y="${y}" font-size="${FOOTER_SIZE}" fill="#4f5966">${escapeXml(line)}</text>`
		);
	}
	const height = Math.ceil(y + pad);
	const background = options.transparent
		? ''
		: `<rect width="${width}" height="${height}" fill="#ffffff"/>`;
	const markup =
		`<?xml version="1.0" encoding="UTF-8"?>\n` +
		`<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="'Source Sans 3', sans-serif">` +
		`<title>${escapeXml(options.frame.title)}</title>` +
		`<style>${FONT_FACE_CSS}</style>` +
		background +
		parts.join('') +
		`</svg>`;
	return { markup, width, height };
}
