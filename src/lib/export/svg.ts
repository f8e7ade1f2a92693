/**
 * Turns the chart on screen into a self-contained SVG file: the marks exactly as drawn (computed
 * styles copied onto each element, since the page's stylesheets do not travel with the file),
 * no UI chrome, the bundled font embedded, and the frame (title, subtitle, footer) around it.
 */
import { blobAsDataUrl } from './data-url';
import { footerLines, wrapText, type ExportFrame } from './frame';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** The family of the interface font (app.css), which the file embeds. */
const FONT_FAMILY = 'Source Sans 3';

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
const OMIT_SELECTOR =
	'[data-export="omit"], [display="none"], [visibility="hidden"], foreignObject, script';
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
	target.setAttribute('font-family', `'${FONT_FAMILY}', sans-serif`);
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

/**
 * A dashed line the chart draws as a rect cut by a mask (charts/shared/DashMask.svelte: a rect's
 * x and width can follow a prerendered page's width, a line's cannot) goes into the file as the
 * dashed `<line>` it stands for, and the masks leave it: browsers read masks, but not every
 * program a chart is pasted into does, and a line stays a line to edit there.
 */
function dashedRectsAsLines(clone: SVGSVGElement): void {
	const dashes = new Map(
		[...clone.querySelectorAll('mask[data-dashes]')].map((m) => [
			m.id,
			m.getAttribute('data-dashes')
		])
	);
	for (const rect of clone.querySelectorAll('rect[mask]')) {
		const id = /^url\(#(.+)\)$/.exec(rect.getAttribute('mask') ?? '')?.[1];
		const dasharray = id === undefined ? undefined : dashes.get(id);
		if (!dasharray) continue;
		const [x, y, width, height] = ['x', 'y', 'width', 'height'].map((name) =>
			Number(rect.getAttribute(name) ?? 0)
		) as [number, number, number, number];
		const line = rect.ownerDocument.createElementNS(SVG_NS, 'line');
		const attributes: Record<string, string> = {
			x1: String(x),
			x2: String(x + width),
			y1: String(y + height / 2),
			y2: String(y + height / 2),
			stroke: rect.getAttribute('fill') ?? '#000',
			'stroke-width': String(height),
			'stroke-dasharray': dasharray
		};
		for (const [name, value] of Object.entries(attributes)) line.setAttribute(name, value);
		rect.replaceWith(line);
	}
	for (const element of clone.querySelectorAll('mask[data-dashes], pattern[data-dashes]'))
		element.remove();
}

/** A standalone copy of a chart's <svg>, styles inlined and chrome removed. */
export function cloneChartSvg(svg: SVGSVGElement): SVGSVGElement {
	const clone = svg.cloneNode(true) as SVGSVGElement;
	inlineStyles(svg, clone);
	// Remove after inlining so the element-by-element walk stays aligned.
	for (const element of clone.querySelectorAll(OMIT_SELECTOR)) element.remove();
	dashedRectsAsLines(clone);
	return clone;
}

function escapeXml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

/** The `url(…)` of a font face's `src`, or null. */
const fontUrl = (src: string): string | null =>
	/url\(\s*["']?([^"')]+)["']?\s*\)/.exec(src)?.[1] ?? null;

/** A font file as a data URL: the built page already has it so (vite.config.ts); dev fetches it. */
async function asDataUrl(url: string): Promise<string> {
	if (url.startsWith('data:')) return url;
	return blobAsDataUrl(await (await fetch(url)).blob());
}

/**
 * The interface font's faces as `@font-face` rules with the font as data: an SVG file opened
 * elsewhere has no app to fetch it from. Read from the page's own stylesheet, which carries the
 * font as data in a built page, so the export adds no second copy of it to the app.
 */
async function readFontFaceCss(): Promise<string> {
	const faces: { weight: string; url: string }[] = [];
	for (const sheet of Array.from(document.styleSheets)) {
		let rules: CSSRuleList;
		try {
			rules = sheet.cssRules;
		} catch {
			continue; // another origin's stylesheet: not the app's
		}
		for (const rule of Array.from(rules)) {
			if (!(rule instanceof CSSFontFaceRule)) continue;
			const family = rule.style.getPropertyValue('font-family').replace(/["']/g, '').trim();
			const url = fontUrl(rule.style.getPropertyValue('src'));
			if (family === FONT_FAMILY && url !== null)
				faces.push({ weight: rule.style.getPropertyValue('font-weight') || '400', url });
		}
	}
	const rules = await Promise.all(
		faces.map(
			async ({ weight, url }) =>
				`@font-face{font-family:'${FONT_FAMILY}';font-weight:${weight};src:url(${await asDataUrl(url)}) format('woff2')}`
		)
	);
	return rules.join('');
}

let fontFaceCss: Promise<string> | null = null;
/** The font rules, read once per page (a failed read is tried again at the next export). */
function fontFaces(): Promise<string> {
	fontFaceCss ??= readFontFaceCss().catch((error: unknown) => {
		fontFaceCss = null;
		throw error;
	});
	return fontFaceCss;
}

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
	const fontFaceRules = await fontFaces();
	const markup =
		`<?xml version="1.0" encoding="UTF-8"?>\n` +
		`<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="'${FONT_FAMILY}', sans-serif">` +
		`<title>${escapeXml(options.frame.title)}</title>` +
		`<style>${fontFaceRules}</style>` +
		background +
		parts.join('') +
		`</svg>`;
	return { markup, width, height };
}
