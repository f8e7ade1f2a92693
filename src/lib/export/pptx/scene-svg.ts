/**
 * A chart slide as an SVG picture of the slide (16:9, 1280 × 720 px at 96 px per inch): the same
 * scene, frame and footer as the editable PowerPoint slide, for the "Slides 16:9" PNG/SVG preset.
 * Text keeps the slide's sizes (12 pt or more). Pure string building.
 */
import { escapeXml, wrapToWidth } from '../matrix-svg';
import {
	CHART_AREA,
	MIN_TEXT_PT,
	PT_PER_PX,
	SLIDE,
	SLIDE_MARGIN,
	type ChartScene,
	type PresetShape,
	type SceneItem
} from './scene';

const PX_PER_IN = 96;
export const SLIDE_SVG_SIZE = {
	width: Math.round(SLIDE.width * PX_PER_IN),
	height: Math.round(SLIDE.height * PX_PER_IN)
};
const FONT = "Calibri, Carlito, 'Source Sans 3', sans-serif";
const INK = '#1b1f24';
const MUTED = '#4f5966';
const ptPx = (pt: number) => (pt * PX_PER_IN) / 72;

/** A preset shape's outline in a w × h box centred on (0, 0). */
function presetPoints(shape: PresetShape, w: number, h: number): string {
	const a = w / 2;
	const b = h / 2;
	const regular = (n: number, start: number, inner = 1, every = 1) =>
		Array.from({ length: n }, (_, i) => {
			const t = start + (i * 2 * Math.PI) / n;
			const k = i % every === 1 ? inner : 1;
			return [a * k * Math.cos(t), b * k * Math.sin(t)] as const;
		});
	let points: (readonly [number, number])[];
	switch (shape) {
		case 'rect':
			points = [
				[-a, -b],
				[a, -b],
				[a, b],
				[-a, b]
			];
			break;
		case 'triangle':
			points = [
				[0, -b],
				[a, b],
				[-a, b]
			];
			break;
		case 'diamond':
			points = [
				[0, -b],
				[a, 0],
				[0, b],
				[-a, 0]
			];
			break;
		case 'pentagon':
			points = regular(5, -Math.PI / 2);
			break;
		case 'star5':
			points = regular(10, -Math.PI / 2, 0.4, 2);
			break;
		case 'hexagon':
			points = regular(6, 0);
			break;
		case 'plus': {
			const x = a / 3;
			const y = b / 3;
			points = [
				[-x, -b],
				[x, -b],
				[x, -y],
				[a, -y],
				[a, y],
				[x, y],
				[x, b],
				[-x, b],
				[-x, y],
				[-a, y],
				[-a, -y],
				[-x, -y]
			];
			break;
		}
		default:
			return '';
	}
	return points.map(([x, y]) => `${x.toFixed(2)},${y.toFixed(2)}`).join(' ');
}

const paint = (fill: string | null | undefined, opacity = 1) =>
	fill ? `fill="${fill}"${opacity < 1 ? ` fill-opacity="${opacity}"` : ''}` : 'fill="none"';
const stroke = (colour: string | null | undefined, width = 1, s = 1, dash = false) =>
	colour
		? ` stroke="${colour}" stroke-width="${(width * s).toFixed(2)}"${dash ? ' stroke-dasharray="4 3"' : ''}`
		: '';

function itemSvg(item: SceneItem, s: number): string {
	switch (item.kind) {
		case 'rect':
			return `<rect x="${item.x * s}" y="${item.y * s}" width="${Math.max(item.w * s, 0.5)}" height="${Math.max(item.h * s, 0.5)}" ${paint(item.fill, item.fillOpacity)}${stroke(item.stroke, item.strokeWidth, s, item.dash)}/>`;
		case 'ellipse':
			return `<circle cx="${item.cx * s}" cy="${item.cy * s}" r="${item.r * s}" ${paint(item.fill, item.fillOpacity)}${stroke(item.stroke, item.strokeWidth, s)}/>`;
		case 'line':
			return `<line x1="${item.x1 * s}" y1="${item.y1 * s}" x2="${item.x2 * s}" y2="${item.y2 * s}"${stroke(item.stroke, item.strokeWidth, s, item.dash)}/>`;
		case 'shape': {
			const at = `transform="translate(${item.cx * s},${item.cy * s})${item.rotate ? ` rotate(${item.rotate})` : ''}"`;
			const style = `${paint(item.fill)}${stroke(item.stroke, item.strokeWidth, s, item.dash)}`;
			const w = item.w * s;
			const h = item.h * s;
			if (item.shape === 'ellipse') return `<ellipse ${at} rx="${w / 2}" ry="${h / 2}" ${style}/>`;
			if (item.shape === 'donut')
				return `<path ${at} fill-rule="evenodd" d="M${-w / 2},0a${w / 2},${h / 2} 0 1,0 ${w},0a${w / 2},${h / 2} 0 1,0 ${-w},0ZM${-w / 4},0a${w / 4},${h / 4} 0 1,0 ${w / 2},0a${w / 4},${h / 4} 0 1,0 ${-w / 2},0Z" ${style}/>`;
			return `<polygon ${at} points="${presetPoints(item.shape, w, h)}" ${style}/>`;
		}
		case 'text': {
			const size = Math.max(ptPx(MIN_TEXT_PT), item.size * s);
			const anchor = item.anchor === 'start' ? 'start' : item.anchor === 'end' ? 'end' : 'middle';
			const y = item.y * s - item.size * s * 0.33 + size * 0.35;
			return `<text x="${item.x * s}" y="${y.toFixed(2)}" font-size="${size.toFixed(2)}" text-anchor="${anchor}" fill="${item.colour}"${item.bold ? ' font-weight="700"' : ''}${item.italic ? ' font-style="italic"' : ''}>${escapeXml(item.text)}</text>`;
		}
		case 'table': {
			const size = Math.max(ptPx(MIN_TEXT_PT), item.size * s);
			const line = size * 1.2;
			const pad = 4;
			const widths = item.columnWidths.map((w) => w * s);
			const parts: string[] = [];
			let y = item.y * s;
			for (const row of item.rows) {
				const cells = row.map((cell, i) =>
					cell.text.split('\n').flatMap((p) => wrapToWidth(p, (widths[i] ?? 0) - 2 * pad, size, 8))
				);
				const h = Math.max(1, ...cells.map((c) => c.length)) * line + 2 * pad;
				let x = item.x * s;
				row.forEach((cell, i) => {
					const w = widths[i] ?? 0;
					parts.push(
						`<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${cell.fill ?? '#ffffff'}" stroke="#c9d1db" stroke-width="0.75"/>`
					);
					(cells[i] ?? []).forEach((text, li) =>
						parts.push(
							`<text x="${x + pad}" y="${(y + pad + size * 0.95 + li * line).toFixed(2)}" font-size="${size.toFixed(2)}" fill="${cell.colour ?? INK}"${cell.bold ? ' font-weight="700"' : ''}${cell.italic ? ' font-style="italic"' : ''}>${escapeXml(text)}</text>`
						)
					);
					x += w;
				});
				y += h;
			}
			return parts.join('');
		}
	}
}

/** Layout px → picture px: the scale the editable slide draws the scene at, at 96 px an inch. */
function sceneScale(scene: ChartScene): number {
	return Math.min(
		(PT_PER_PX / 72) * PX_PER_IN,
		(CHART_AREA.w * PX_PER_IN) / Math.max(1, scene.width),
		(CHART_AREA.h * PX_PER_IN) / Math.max(1, scene.height)
	);
}

/**
 * The chart area alone, as the editable slide draws it: the picture of a "picture per slide"
 * deck, whose title, subtitle and footer are the slide's own text. So both kinds of deck have the
 * same pages, from the same layout.
 */
export function sceneChartSvg(scene: ChartScene): {
	markup: string;
	width: number;
	height: number;
} {
	const s = sceneScale(scene);
	const width = Math.ceil(scene.width * s);
	const height = Math.ceil(scene.height * s);
	const markup =
		`<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">` +
		`<rect width="${width}" height="${height}" fill="#ffffff"/>` +
		scene.items.map((item) => itemSvg(item, s)).join('') +
		`</svg>`;
	return { markup, width, height };
}

/** The slide as SVG text: title, subtitle, chart, footer lines. */
export function sceneSvg(scene: ChartScene, title: string, footer: readonly string[]): string {
	const { width, height } = SLIDE_SVG_SIZE;
	const s = sceneScale(scene);
	const m = SLIDE_MARGIN * PX_PER_IN;
	const text = (y: number, pt: number, body: string, fill: string, bold = false) =>
		`<text x="${m}" y="${y}" font-size="${ptPx(pt)}" fill="${fill}"${bold ? ' font-weight="700"' : ''}>${escapeXml(body)}</text>`;
	const footerTop = (CHART_AREA.y + CHART_AREA.h + 0.08) * PX_PER_IN;
	const lines = footer.flatMap((l) => wrapToWidth(l, width - 2 * m, ptPx(MIN_TEXT_PT), 3));
	return (
		`<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">` +
		`<title>${escapeXml(title)}</title><rect width="${width}" height="${height}" fill="#ffffff"/>` +
		text(0.25 * PX_PER_IN + ptPx(24), 24, title, INK, true) +
		(scene.subtitle ? text(0.8 * PX_PER_IN + ptPx(13), 13, scene.subtitle, MUTED) : '') +
		`<g transform="translate(${CHART_AREA.x * PX_PER_IN},${CHART_AREA.y * PX_PER_IN})">${scene.items.map((item) => itemSvg(item, s)).join('')}</g>` +
		lines
			.map((l, i) => text(footerTop + ptPx(MIN_TEXT_PT) * (1 + i * 1.2), MIN_TEXT_PT, l, MUTED))
			.join('') +
		`</svg>`
	);
}
