/**
 * The mechanism matrix on slides: a native PowerPoint table (rows, columns and every cell's text
 * editable; a row deletes as a table row) from the same `layoutMatrix` as the screen. Wide
 * matrices are split into column blocks, long ones into row pages; each page repeats the asset
 * header row and the group heading of its first row, and later pages are titled "(continued)".
 * Cell states read without colour: "≈" before approximate values, "Unknown" in italic, "n/a" on
 * grey. Pure.
 */
import type { MatrixCell, MatrixLayout, MatrixRow } from '$lib/charts/mechanisms/mechanisms.layout';
import { HEADER_FILL, INK, INK_MUTED } from '$lib/charts/shared/palette';
import {
	MIN_TEXT_PT,
	PT_PER_PX,
	SLIDE_CHART_PX,
	citationsOf,
	type ChartScene,
	type TableCell
} from './scene';

const GROUP_FILL = '#f2f5f8';
const NA_FILL = '#f2f5f8';
/** Text size in layout px (12 pt on the slide). */
export const MATRIX_TEXT_PX = MIN_TEXT_PT / PT_PER_PX;
const ROW_HEAD_PX = 150;
const MIN_COLUMN_PX = 120;
/** A cell shows at most this many lines; the notes and the live view hold the rest. */
const MAX_CELL_LINES = 4;
const CHAR_EM = 0.47;
const CELL_PAD_PX = 4;

/** Lines a text takes at the matrix text size in a column `width` px wide (estimate). */
export function lineCount(text: string, width: number): number {
	const perLine = Math.max(4, Math.floor((width - CELL_PAD_PX * 2) / (MATRIX_TEXT_PX * CHAR_EM)));
	let lines = 0;
	for (const paragraph of text.split('\n')) {
		let line = 0;
		lines++;
		for (const word of paragraph.split(/\s+/).filter(Boolean)) {
			const w = Math.min(word.length, perLine);
			if (line > 0 && line + 1 + w > perLine) {
				lines++;
				line = w;
			} else line += (line > 0 ? 1 : 0) + w;
		}
	}
	return lines;
}

/** Cuts a cell's text to MAX_CELL_LINES lines at this width, with an ellipsis. */
export function clipCell(text: string, width: number): string {
	if (lineCount(text, width) <= MAX_CELL_LINES) return text;
	const words = text.split(/\s+/);
	while (words.length > 1 && lineCount(`${words.join(' ')}…`, width) > MAX_CELL_LINES) words.pop();
	return `${words.join(' ')}…`;
}

const lineHeight = MATRIX_TEXT_PX * 1.2;
const rowHeight = (lines: number) => lines * lineHeight + CELL_PAD_PX * 2;

function cellText(cell: MatrixCell): string {
	switch (cell.state) {
		case 'unknown':
			return 'Unknown';
		case 'na':
			return 'n/a';
		case 'approximate':
			return `≈ ${cell.text}`;
		default:
			return cell.text || '—';
	}
}

function tableCell(cell: MatrixCell, width: number, highlight: boolean): TableCell {
	const mark = highlight && cell.differs ? ' ≠' : '';
	return {
		text: clipCell(cellText(cell), width) + mark,
		italic: cell.state === 'unknown',
		colour: cell.state === 'known' || cell.state === 'approximate' ? INK : INK_MUTED,
		fill: cell.state === 'na' ? NA_FILL : null
	};
}

export interface MatrixPage {
	/** Indexes into layout.columns. */
	columns: number[];
	rows: MatrixRow[];
	columnBlock: number;
	columnBlocks: number;
	first: number;
	last: number;
}

/** How many asset columns fit a slide's width at MIN_COLUMN_PX each. */
export function columnsPerSlide(width = SLIDE_CHART_PX.width): number {
	return Math.max(1, Math.floor((width - ROW_HEAD_PX) / MIN_COLUMN_PX));
}

/** The matrix cut into column blocks × row pages that fit `size`. */
export function pageMatrix(
	layout: MatrixLayout,
	size: { width: number; height: number } = SLIDE_CHART_PX
): MatrixPage[] {
	const perSlide = columnsPerSlide(size.width);
	const blocks: number[][] = [];
	for (let i = 0; i < layout.columns.length; i += perSlide)
		blocks.push(layout.columns.slice(i, i + perSlide).map((_, j) => i + j));
	const pages: MatrixPage[] = [];
	blocks.forEach((columns, b) => {
		const colW = (size.width - ROW_HEAD_PX) / columns.length;
		const header = rowHeight(3);
		const heights = layout.rows.map((row) =>
			rowHeight(
				Math.max(
					lineCount(row.label, ROW_HEAD_PX),
					...columns.map((c) =>
						Math.min(MAX_CELL_LINES, lineCount(cellText(row.cells[c]!), colW) + 0)
					)
				)
			)
		);
		let start = 0;
		while (start < layout.rows.length) {
			let used = header + rowHeight(1) + (heights[start] ?? 0);
			let end = start + 1;
			let group = layout.rows[start]!.group;
			while (end < layout.rows.length) {
				const row = layout.rows[end]!;
				const extra = (row.group !== group ? rowHeight(1) : 0) + (heights[end] ?? 0);
				if (used + extra > size.height) break;
				used += extra;
				group = row.group;
				end++;
			}
			pages.push({
				columns,
				rows: layout.rows.slice(start, end),
				columnBlock: b,
				columnBlocks: blocks.length,
				first: start + 1,
				last: end
			});
			start = end;
		}
	});
	return pages;
}

const GROUP_LABEL = (layout: MatrixLayout, row: MatrixRow) =>
	layout.groups.find((g) => g.id === row.group)?.label ?? row.group;

/** The matrix as chart slides, each holding one native table. */
export function matrixScenes(
	layout: MatrixLayout,
	options: { highlight?: boolean; size?: { width: number; height: number } } = {}
): ChartScene[] {
	const size = options.size ?? SLIDE_CHART_PX;
	const pages = pageMatrix(layout, size);
	return pages.map((page, i) => {
		const colW = (size.width - ROW_HEAD_PX) / page.columns.length;
		const columns = page.columns.map((c) => layout.columns[c]!);
		const header: TableCell[] = [
			{ text: 'Attribute', bold: true, colour: INK_MUTED, fill: HEADER_FILL },
			...columns.map((c) => ({
				text: [
					c.shortName,
					[c.isReference ? 'Reference' : '', c.role === 'focus' ? 'Focus' : 'Comparator']
						.filter(Boolean)
						.join(' · '),
					c.highestPhase ? `Highest: ${c.highestPhase.label}` : ''
				]
					.filter(Boolean)
					.join('\n'),
				bold: true,
				colour: INK,
				fill: HEADER_FILL
			}))
		];
		const rows: TableCell[][] = [header];
		let group: string | null = null;
		for (const row of page.rows) {
			if (row.group !== group) {
				group = row.group;
				rows.push([
					{ text: GROUP_LABEL(layout, row), bold: true, colour: INK, fill: GROUP_FILL },
					...columns.map(() => ({ text: '', fill: GROUP_FILL }))
				]);
			}
			rows.push([
				{ text: row.label, bold: true, colour: INK },
				...page.columns.map((c) => tableCell(row.cells[c]!, colW, options.highlight ?? false))
			]);
		}
		const assets =
			page.columnBlocks > 1
				? `assets ${page.columns[0]! + 1}–${page.columns.at(-1)! + 1} of ${layout.columns.length}`
				: `${layout.columns.length} assets`;
		const attrs =
			page.first === 1 && page.last === layout.rows.length
				? `${layout.rows.length} attributes`
				: `attributes ${page.first}–${page.last} of ${layout.rows.length}`;
		const names = columns.map((c) => c.shortName);
		return {
			titleSuffix: i > 0 ? ' (continued)' : '',
			subtitle: `${assets} × ${attrs} · ≈ approximate · n/a not applicable · Unknown: the sources do not say`,
			width: size.width,
			height: size.height,
			items: [
				{
					kind: 'table',
					x: 0,
					y: 0,
					columnWidths: [ROW_HEAD_PX, ...page.columns.map(() => colW)],
					rows,
					headerRows: 1,
					size: MATRIX_TEXT_PX,
					name: 'Mechanism matrix'
				}
			],
			groups: {},
			citations: page.rows.flatMap((row) =>
				page.columns.flatMap((c, j) =>
					row.cells[c]!.items.flatMap((item) =>
						citationsOf(`${names[j]} · ${row.label}: ${item.text}`, item.sources)
					)
				)
			),
			notes: []
		};
	});
}
