/**
 * The mechanism matrix as an SVG table, for export only (the screen shows a real HTML <table>).
 * Same layout as the screen (`layoutMatrix`): a header row of assets (name, role, modality marker,
 * highest phase), group rows, and one cell per attribute with its text and a mark for its state:
 * "≈" for approximate values (text and a dotted underline), "Unknown" in italic on a hatch,
 * "n/a" on a grey fill, "—"-style derived blanks in muted text. Pure string building: no DOM.
 */
import { GRID, HEADER_FILL, INK, INK_MUTED, PAPER } from '$lib/charts/shared/palette';
import { markerPath, type Marker } from '$lib/charts/mechanisms/encoding';
import type { MatrixCell, MatrixLayout } from '$lib/charts/mechanisms/mechanisms.layout';

const FONT = "'Source Sans 3', sans-serif";
const FONT_SIZE = 12;
const SMALL = 10.5;
const LINE = 15;
const PAD = 7;
const ROW_HEAD_W = 170;
const GROUP_H = 24;
const MAX_LINES = 6;
/** Average glyph width as a fraction of the font size (Source Sans 3 is narrow). */
const CHAR = 0.52;
const NA_FILL = '#f2f5f8';

export interface MatrixSvgOptions {
	/** Mark cells that differ from the reference (as the screen does when highlighting). */
	highlight?: boolean;
	/** Total width to aim for; columns are 110–200 px. */
	targetWidth?: number;
}

export interface MatrixSvg {
	markup: string;
	width: number;
	height: number;
}

export function escapeXml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

/** Wraps text to a pixel width (estimated), at most `maxLines` lines, the last one ellipsised. */
export function wrapToWidth(
	text: string,
	width: number,
	fontSize = FONT_SIZE,
	maxLines = MAX_LINES
): string[] {
	const maxChars = Math.max(4, Math.floor(width / (fontSize * CHAR)));
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const parts =
			word.length > maxChars ? (word.match(new RegExp(`.{1,${maxChars}}`, 'g')) ?? [word]) : [word];
		for (const part of parts) {
			if (line && line.length + 1 + part.length > maxChars) {
				lines.push(line);
				line = part;
			} else line = line ? `${line} ${part}` : part;
		}
	}
	if (line) lines.push(line);
	if (lines.length > maxLines) {
		const kept = lines.slice(0, maxLines);
		const last = kept[maxLines - 1] ?? '';
		kept[maxLines - 1] = `${last.slice(0, Math.max(1, maxChars - 1)).trimEnd()}…`;
		return kept;
	}
	return lines;
}

function markerMarkup(marker: Marker, x: number, y: number): string {
	return `<path transform="translate(${x},${y})" d="${markerPath(marker.shape, 5)}" fill="${marker.fill}" stroke="${marker.stroke}" stroke-width="1"/>`;
}

interface CellLines {
	lines: { text: string; marker: Marker | null; swatch: string | null }[];
}

function cellLines(cell: MatrixCell, width: number): CellLines {
	const lines: CellLines['lines'] = [];
	const inner = width - 2 * PAD;
	for (const item of cell.items) {
		const indent = cell.marker || item.chip ? 16 : 0;
		const wrapped = wrapToWidth(item.text, inner - indent);
		wrapped.forEach((text, i) =>
			lines.push({
				text,
				marker: i === 0 ? cell.marker : null,
				swatch: i === 0 ? (item.chip?.fill ?? null) : null
			})
		);
	}
	return { lines: lines.slice(0, MAX_LINES) };
}

function textAttrs(cell: MatrixCell): string {
	switch (cell.state) {
		case 'unknown':
			return `fill="${INK_MUTED}" font-style="italic"`;
		case 'na':
		case 'none':
			return `fill="${INK_MUTED}"`;
		default:
			return `fill="${INK}"`;
	}
}

export function matrixSvg(layout: MatrixLayout, options: MatrixSvgOptions = {}): MatrixSvg {
	const n = layout.columns.length;
	const target = options.targetWidth ?? 1600;
	const colW = Math.round(Math.max(110, Math.min(200, (target - ROW_HEAD_W) / Math.max(1, n))));
	const width = ROW_HEAD_W + n * colW;
	const colX = (i: number) => ROW_HEAD_W + i * colW;
	const parts: string[] = [];

	// ── Header row ───────────────────────────────────────────────────────────────────────────
	const heads = layout.columns.map((column) => {
		const lines: string[] = [];
		const name = wrapToWidth(column.shortName, colW - 2 * PAD, 13, 2);
		const full =
			column.name !== column.shortName ? wrapToWidth(column.name, colW - 2 * PAD, SMALL, 2) : [];
		const role = [
			column.isReference ? 'Reference' : '',
			column.role === 'focus' ? 'Focus' : 'Comparator'
		]
			.filter(Boolean)
			.join(' · ');
		lines.push(...full);
		return { column, name, full, role };
	});
	const headerH =
		PAD * 2 +
		Math.max(...heads.map((h) => h.name.length * 16 + h.full.length * 13 + 14 + 16 + 16), LINE * 2);
	parts.push(`<rect x="0" y="0" width="${width}" height="${headerH}" fill="${HEADER_FILL}"/>`);
	parts.push(
		`<text x="${PAD}" y="${headerH - PAD - 2}" font-size="${SMALL}" font-weight="600" fill="${INK_MUTED}">Attribute</text>`
	);
	heads.forEach((h, i) => {
		const x = colX(i) + PAD;
		let y = PAD;
		const g: string[] = [];
		for (const line of h.name) {
			y += 14;
			g.push(
				`<text x="${x}" y="${y}" font-size="13" font-weight="600" fill="${INK}">${escapeXml(line)}</text>`
			);
			y += 2;
		}
		for (const line of h.full) {
			y += 12;
			g.push(
				`<text x="${x}" y="${y}" font-size="${SMALL}" fill="${INK_MUTED}">${escapeXml(line)}</text>`
			);
			y += 1;
		}
		y += 13;
		g.push(
			`<text x="${x}" y="${y}" font-size="${SMALL}" font-weight="600" fill="${INK_MUTED}">${escapeXml(h.role)}</text>`
		);
		if (h.column.modality) {
			y += 15;
			g.push(markerMarkup(h.column.modality, x + 5, y - 4));
			g.push(
				`<text x="${x + 14}" y="${y}" font-size="${SMALL}" fill="${INK}">${escapeXml(
					wrapToWidth(h.column.modality.label, colW - 2 * PAD - 14, SMALL, 1)[0] ?? ''
				)}</text>`
			);
		}
		if (h.column.highestPhase) {
			y += 15;
			g.push(
				`<rect x="${x}" y="${y - 9}" width="10" height="10" rx="2" fill="${h.column.highestPhase.fill}" stroke="${INK_MUTED}" stroke-width="0.5"/>`
			);
			g.push(
				`<text x="${x + 14}" y="${y}" font-size="${SMALL}" fill="${INK}">Highest: ${escapeXml(h.column.highestPhase.label)}</text>`
			);
		}
		parts.push(`<g data-column="${escapeXml(h.column.assetId)}">${g.join('')}</g>`);
	});
	parts.push(
		`<line x1="0" x2="${width}" y1="${headerH}" y2="${headerH}" stroke="${INK_MUTED}" stroke-width="1.5"/>`
	);

	// ── Groups and rows ──────────────────────────────────────────────────────────────────────
	let y = headerH;
	for (const group of layout.groups) {
		parts.push(`<rect x="0" y="${y}" width="${width}" height="${GROUP_H}" fill="${NA_FILL}"/>`);
		parts.push(
			`<text x="${PAD}" y="${y + GROUP_H - 7}" font-size="12.5" font-weight="600" fill="${INK}">${escapeXml(group.label)}</text>`
		);
		y += GROUP_H;
		for (const row of group.rows) {
			const label = wrapToWidth(row.label, ROW_HEAD_W - 2 * PAD, FONT_SIZE, 3);
			const cells = row.cells.map((cell) => cellLines(cell, colW));
			const lineCount = Math.max(label.length, ...cells.map((c) => c.lines.length), 1);
			const h = lineCount * LINE + 2 * PAD;
			const g: string[] = [];
			label.forEach((line, li) =>
				g.push(
					`<text x="${PAD}" y="${y + PAD + 11 + li * LINE}" font-size="${FONT_SIZE}" font-weight="600" fill="${INK}">${escapeXml(line)}</text>`
				)
			);
			row.cells.forEach((cell, ci) => {
				const x = colX(ci);
				const c: string[] = [];
				if (cell.state === 'na')
					c.push(`<rect x="${x}" y="${y}" width="${colW}" height="${h}" fill="${NA_FILL}"/>`);
				if (cell.state === 'unknown')
					c.push(
						`<rect x="${x}" y="${y}" width="${colW}" height="${h}" fill="url(#matrix-hatch)"/>`
					);
				const attrs = textAttrs(cell);
				(cells[ci]?.lines ?? []).forEach((line, li) => {
					const ty = y + PAD + 11 + li * LINE;
					let tx = x + PAD;
					if (line.marker) {
						c.push(markerMarkup(line.marker, tx + 5, ty - 4));
						tx += 16;
					} else if (line.swatch) {
						c.push(
							`<rect x="${tx}" y="${ty - 9}" width="10" height="10" rx="2" fill="${line.swatch}" stroke="${INK_MUTED}" stroke-width="0.5"/>`
						);
						tx += 16;
					}
					c.push(
						`<text x="${tx}" y="${ty}" font-size="${FONT_SIZE}" ${attrs}>${escapeXml(line.text)}</text>`
					);
					if (cell.state === 'approximate') {
						const w = Math.min(colW - 2 * PAD, line.text.length * FONT_SIZE * CHAR);
						c.push(
							`<line x1="${tx}" x2="${tx + w}" y1="${ty + 3}" y2="${ty + 3}" stroke="${INK_MUTED}" stroke-dasharray="1 2"/>`
						);
					}
				});
				if (options.highlight && cell.differs)
					c.push(
						`<text x="${x + colW - PAD}" y="${y + PAD + 11}" text-anchor="end" font-size="${FONT_SIZE}" font-weight="600" fill="#d55e00">≠</text>`
					);
				g.push(`<g data-cell="${escapeXml(cell.id)}" data-state="${cell.state}">${c.join('')}</g>`);
			});
			g.push(`<line x1="0" x2="${width}" y1="${y + h}" y2="${y + h}" stroke="${GRID}"/>`);
			parts.push(`<g data-row="${escapeXml(row.id)}">${g.join('')}</g>`);
			y += h;
		}
	}
	const height = Math.ceil(y + 1);
	// Column rules on top of the cell fills.
	for (let i = 0; i <= n; i++) {
		const x = i === 0 ? ROW_HEAD_W : colX(i);
		parts.push(
			`<line x1="${x}" x2="${x}" y1="0" y2="${height}" stroke="${i === 0 ? INK_MUTED : GRID}"/>`
		);
	}
	const defs =
		`<defs><pattern id="matrix-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
		`<rect width="6" height="6" fill="${PAPER}"/><line x1="0" y1="0" x2="0" y2="6" stroke="${GRID}" stroke-width="2"/></pattern></defs>`;
	const markup =
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}" role="img" aria-label="Mechanism comparison matrix">` +
		defs +
		`<rect width="${width}" height="${height}" fill="${PAPER}"/>` +
		parts.join('') +
		`<rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" fill="none" stroke="${GRID}"/>` +
		`</svg>`;
	return { markup, width, height };
}

/** Puts the matrix SVG into an offscreen, hidden container so it can be measured and exported. */
export function mountOffscreen(markup: string, id = 'export-offscreen-matrix'): SVGSVGElement {
	document.getElementById(id)?.remove();
	const host = document.createElement('div');
	host.id = id;
	host.setAttribute('aria-hidden', 'true');
	host.setAttribute('data-export-host', '');
	// CSSOM, not a style attribute: allowed by the strict CSP.
	host.style.position = 'absolute';
	host.style.left = '-100000px';
	host.style.top = '0';
	host.style.pointerEvents = 'none';
	const parsed = new DOMParser().parseFromString(markup, 'image/svg+xml');
	const svg = document.importNode(parsed.documentElement, true) as unknown as SVGSVGElement;
	host.append(svg);
	document.body.append(host);
	return svg;
}
