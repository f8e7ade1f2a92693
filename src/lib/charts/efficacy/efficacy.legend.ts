/**
 * A panel's legend: arm shapes, point sizes, the notes its rows need, wrapped to the width.
 */
import { ROLE_COLOURS } from '$lib/charts/shared/palette';
import { CHAR_WIDTH, SMALL_FONT_SIZE } from './efficacy.columns';
import type { LegendItem, LegendLayout, RowMark } from './efficacy.marks';
import { ROLE_LABELS, ROLE_SHAPES, type MarkShape } from './efficacy.vocab';

export const CROSS_TRIAL_NOTE =
	'Cross-trial comparison — not head-to-head. Trials differ in design, population and follow-up.';

const LEGEND_LINE = 18;
const LEGEND_MARKER = 22;

type LegendEntry =
	| { kind: 'shape'; shape: MarkShape; colour: string; label: string }
	| { kind: 'size'; r: number; label: string }
	| { kind: 'dash'; label: string }
	| { kind: 'band'; label: string }
	| { kind: 'text'; label: string; strong: boolean };

/** Places legend items left to right, wrapping to the width. */
export function placeLegend(
	entries: LegendEntry[],
	top: number,
	width: number
): { items: LegendItem[]; height: number } {
	const items: LegendItem[] = [];
	let x = 0;
	let line = 0;
	const wrapped = entries.flatMap((e): LegendEntry[] =>
		e.kind === 'text' ? wrapText(e, width) : [e]
	);
	for (const entry of wrapped) {
		const marker =
			entry.kind === 'text' ? 0 : entry.kind === 'size' ? entry.r * 2 + 6 : LEGEND_MARKER;
		const w = marker + entry.label.length * SMALL_FONT_SIZE * CHAR_WIDTH + 16;
		// A strong note (cross-trial) always starts its own line.
		// Stryker disable next-line ConditionalExpression: only notes carry `strong` (undefined on other entries), so the kind check is for the type
		if ((x > 0 && x + w > width) || (entry.kind === 'text' && entry.strong && x > 0)) {
			x = 0;
			line++;
		}
		items.push({ ...entry, x, y: top + 12 + line * LEGEND_LINE } as LegendItem);
		x += w;
	}
	return { items, height: items.length === 0 ? 0 : (line + 1) * LEGEND_LINE + 8 };
}

/** A note wider than the legend, cut at spaces into lines that fit (a phone's narrow panel). */
function wrapText<T extends { kind: 'text'; label: string; strong: boolean }>(
	entry: T,
	width: number
): T[] {
	const fits = (text: string) => text.length * SMALL_FONT_SIZE * CHAR_WIDTH + 16 <= width;
	// Stryker disable next-line ConditionalExpression: a note that fits also comes out of the word loop below as one line, the same label
	if (fits(entry.label)) return [entry];
	const lines: string[] = [];
	let current = '';
	for (const word of entry.label.split(' ')) {
		const next = current ? `${current} ${word}` : word;
		if (current && !fits(next)) {
			lines.push(current);
			current = word;
		} else current = next;
	}
	// Stryker disable next-line ConditionalExpression: the legend's notes have words, so a note too wide to fit always leaves its last line here
	if (current) lines.push(current);
	// Each line starts its own legend line: marked strong, as the cross-trial note is.
	return lines.map((label) => ({ ...entry, label, strong: entry.strong }));
}

export function panelLegend(
	rows: readonly RowMark[],
	sizes: { n: number; r: number }[],
	legendY: number,
	width: number
): LegendLayout {
	const rolesPresent = (['investigational', 'comparator', 'benchmark'] as const).filter((role) =>
		rows.some((row) => row.role === role)
	);
	const flags = {
		computed: rows.some((row) => row.computedCi),
		mismatch: rows.some((row) => row.mismatch),
		nr: rows.some((row) => row.nrText !== null || row.whisker?.nrHigh || row.whisker?.nrLow),
		band: rows.some((row) => row.band !== null),
		crossTrial: new Set(rows.map((row) => row.readout.trial)).size > 1
	};
	const legend = placeLegend(
		[
			...rolesPresent.map((role) => ({
				kind: 'shape' as const,
				shape: ROLE_SHAPES[role],
				colour: ROLE_COLOURS[role],
				label: ROLE_LABELS[role]
			})),
			...(sizes.length > 0 ? [{ kind: 'text' as const, label: 'Area ∝ n:', strong: false }] : []),
			...sizes.map((s) => ({ kind: 'size' as const, r: s.r, label: `n ${s.n}` })),
			...(flags.computed
				? [{ kind: 'dash' as const, label: '† CI computed (exact Clopper–Pearson)' }]
				: []),
			...(flags.mismatch
				? [{ kind: 'text' as const, label: '‡ reported CI differs from exact', strong: false }]
				: []),
			...(flags.nr ? [{ kind: 'text' as const, label: 'NR = not reached', strong: false }] : []),
			...(flags.band ? [{ kind: 'band' as const, label: 'Standard-of-care range' }] : []),
			...(flags.crossTrial
				? [{ kind: 'text' as const, label: CROSS_TRIAL_NOTE, strong: true }]
				: [])
		],
		legendY,
		width
	);
	return {
		y: legendY,
		height: legend.height,
		items: legend.items,
		roles: rolesPresent.map((role) => ({
			role,
			label: ROLE_LABELS[role],
			shape: ROLE_SHAPES[role],
			colour: ROLE_COLOURS[role]
		})),
		sizes,
		...flags
	};
}
