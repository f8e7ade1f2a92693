/**
 * What "Highlight differences" compares. A row is compared on its categorical value — the
 * modality, the domains bound, the payload class, the furthest phase — never on wording or
 * counts: "26 vs 34 readouts" or two phrasings of one antibody format are not differences a
 * reader is looking for. Rows of free text, lists of records, counts and result figures are not
 * compared at all, and the screen says so.
 *
 * Classifiers read a value's text for a category and return null when the text names none; such
 * text is then compared as written (normalised), because nothing says two different descriptions
 * are the same. Pure: no DOM, no runes.
 */
import type { Milestone, Phase } from '$lib/data/schema';
import type { RowId } from './mechanisms.rows';

export type RowComparison =
	/** `basis`: what is compared, in words for the reader ("compared on …"). */
	| { compared: true; basis: string }
	/** `reason`: why the row is not compared ("free text"). */
	| { compared: false; reason: string };

export const ROW_COMPARISON: Record<RowId, RowComparison> = {
	target: { compared: true, basis: 'the antigen named' },
	domains: { compared: true, basis: 'the set of domains bound' },
	biparatopic: { compared: true, basis: 'yes or no' },
	modality: { compared: true, basis: 'the modality' },
	format: {
		compared: true,
		basis: 'the format class: bispecific or monoclonal antibody, conjugated or not'
	},
	effector: { compared: false, reason: 'free text' },
	platform: { compared: true, basis: 'the platform named' },
	payload: { compared: true, basis: 'the payload class, e.g. topoisomerase I inhibitor' },
	linker: { compared: true, basis: 'cleavable or not cleavable' },
	dar: { compared: true, basis: 'the ratio' },
	conjugation: { compared: true, basis: 'site-specific or stochastic' },
	originator: { compared: true, basis: 'the companies named' },
	partners: { compared: false, reason: 'a list of deals' },
	phases: { compared: true, basis: 'the furthest phase reached in any region' },
	approvals: { compared: true, basis: 'the agencies that approved it' },
	readouts: { compared: false, reason: 'a count' },
	headline: { compared: false, reason: 'a result, not a category' }
};

export function isCompared(rowId: RowId): boolean {
	return ROW_COMPARISON[rowId].compared;
}

// ── Normalising text ────────────────────────────────────────────────────────────────────────────

/** Text without its parenthetical asides, nested ones included ("Azymetric (Zymeworks)" → "Azymetric"). */
export function stripAsides(text: string): string {
	let out = '';
	let depth = 0;
	for (const ch of text) {
		if (ch === '(') depth++;
		else if (ch === ')') depth = Math.max(0, depth - 1);
		else if (depth === 0) out += ch;
	}
	return out;
}

/**
 * The comparable form of a named category: no asides, lower case, one kind of dash and space,
 * no trailing punctuation. "CRIB (Alphamab proprietary)" and "crib" compare equal.
 */
export function categoryKey(text: string): string {
	return stripAsides(text)
		.toLowerCase()
		.replace(/[‐‑‒–—]/g, '-')
		.replace(/\s+/g, ' ')
		.replace(/[\s.,;:]+$/, '')
		.trim();
}

// ── Classifiers: a category from a description, or null when the text names none ───────────────

/** "bispecific antibody", "monoclonal antibody", each "… conjugate" when a payload is attached. */
export function formatClass(text: string): string | null {
	const t = text.toLowerCase();
	const conjugate = /conjugat|\badc\b/.test(t);
	const backbone = /bispecific|biparatopic/.test(t)
		? 'bispecific antibody'
		: /\bigg|monoclonal|antibody|\bmab\b/.test(t)
			? 'monoclonal antibody'
			: null;
	if (!backbone) return null;
	return conjugate ? `${backbone} conjugate` : backbone;
}

/**
 * Payload classes by mechanism, by the class named or a well-known payload of that class.
 * Order matters: a text naming its class ("DXd (topoisomerase I inhibitor)") matches first.
 */
const PAYLOAD_CLASSES: readonly [RegExp, string][] = [
	[/topoisomerase/, 'topoisomerase I inhibitor'],
	[/microtubule|tubulin/, 'microtubule inhibitor'],
	[/\bdxd\b|deruxtecan|exatecan|sn-?38|camptothecin/, 'topoisomerase I inhibitor'],
	[/auristatin|\bmma[ef]\b|maytansin|\bdm[14]\b|emtansine|eribulin/, 'microtubule inhibitor'],
	[/pyrrolobenzodiazepine|\bpbd\b|duocarmycin|calicheamicin/, 'DNA-damaging agent']
];

export function payloadClass(text: string): string | null {
	const t = text.toLowerCase();
	return PAYLOAD_CLASSES.find(([pattern]) => pattern.test(t))?.[1] ?? null;
}

/** Only when the text says so: a peptide linker is not assumed to be cleavable. */
export function linkerClass(text: string): string | null {
	const t = text.toLowerCase();
	if (/non[\s-]?cleavable/.test(t)) return 'non-cleavable';
	if (/\bcleavable/.test(t)) return 'cleavable';
	return null;
}

export function conjugationClass(text: string): string | null {
	const t = text.toLowerCase();
	if (/site[\s-]specific/.test(t)) return 'site-specific';
	if (/stochastic|random/.test(t)) return 'stochastic';
	return null;
}

/** A class when the text names one, else the text as a category. */
export function classKey(text: string, classify: (text: string) => string | null): string {
	return classify(text) ?? categoryKey(text);
}

/**
 * The companies an originator text names, as a sorted set: "Alphamab Oncology (Jiangsu
 * Alphamab); co-developed with JMT-Bio (CSPC)" and "Alphamab Oncology; co-developed with
 * JMT-Bio" name the same two.
 */
export function companiesKey(text: string): string {
	const names = text
		.split(';')
		.map((part) =>
			categoryKey(part.replace(/^\s*(co-developed|partnered|developed)\s+with\b/i, ''))
		)
		.filter(Boolean);
	return [...new Set(names)].sort().join('|');
}

/** The furthest phase reached in any region (the regions' own wording is not compared). */
export function phasesKey(phases: readonly Phase[], rank: (phase: Phase) => number): string {
	let best: Phase | null = null;
	// Stryker disable next-line ConditionalExpression,EqualityOperator: no phase ranks below none (−1), and two phases of one rank are the same phase
	for (const phase of phases) if (best === null || rank(phase) > rank(best)) best = phase;
	return best ?? '';
}

/** The agencies that approved (and, apart, those with an approval expected), as sets. */
export function approvalsKey(
	approvals: readonly Pick<Milestone, 'agency' | 'region' | 'status'>[]
) {
	const keys = approvals.map((m) => {
		// Stryker disable next-line StringLiteral: any text that names no agency or region works here
		const who = categoryKey(m.agency ?? m.region ?? '');
		return m.status === 'expected' ? `${who} (expected)` : who;
	});
	return [...new Set(keys)].sort().join('|');
}

// ── The count a reader sees ─────────────────────────────────────────────────────────────────────

export interface DifferenceCounts {
	/** Compared rows whose shown columns do not all agree (against the reference when pinned). */
	differingRows: number;
	/** Rows compared (shown or hidden as identical). */
	comparedRows: number;
	columns: number;
}

/**
 * "5 of 13 compared rows differ" (", from KN026" with a reference); null when there is nothing
 * to compare (fewer than two columns or no compared row).
 */
export function differenceSummary(
	counts: DifferenceCounts,
	referenceName: string | null = null
): string | null {
	if (counts.columns < 2 || counts.comparedRows === 0) return null;
	const { differingRows: n, comparedRows: of } = counts;
	const rows = of === 1 ? 'compared row' : 'compared rows';
	if (n === 0) {
		return `All ${of} ${rows} agree${referenceName ? ` with ${referenceName}` : ''}.`;
	}
	const from = referenceName ? ` from ${referenceName}` : '';
	return `${n} of ${of} ${rows} ${n === 1 ? 'differs' : 'differ'}${from}.`;
}

/** "Not compared: Fc / effector (free text), Readouts (a count)." for the rows shown; null if none. */
export function notComparedNote(rows: readonly { id: RowId; label: string }[]): string | null {
	const parts = rows.flatMap((row) => {
		const rule = ROW_COMPARISON[row.id];
		return rule.compared ? [] : [`${row.label} (${rule.reason})`];
	});
	return parts.length > 0 ? `Not compared: ${parts.join(', ')}.` : null;
}
