/**
 * The matrix's columns: order (phase, name, modality, custom), moves, caps and differences.
 */
import type { Asset, Program } from '$lib/data/schema';
import { MODALITIES } from '$lib/data/vocabulary';
import type { MechanismsOptions } from '$lib/state/view-state';
import type { MatrixCell } from './mechanisms.types';
import { phaseRank, assetHighestPhase } from './mechanisms.facts';
import { groupBy, NO_RECORDS } from './mechanisms.cells';

/** One collator for every sort: `localeCompare` with options builds a new one per call (slow). */
const NAME_COLLATOR = new Intl.Collator('en', { sensitivity: 'base' });

function byName(a: Asset, b: Asset): number {
	return NAME_COLLATOR.compare(a.shortName, b.shortName);
}

/**
 * Column order. phase: furthest phase first (then name); name: A→Z; modality: in the schema's
 * modality order (then phase, then name); custom: the ids in `columns` first, in that order, then
 * any other shown asset by phase. A pinned reference that is shown always comes first.
 */
export function orderColumns(
	assets: readonly Asset[],
	programs: readonly Program[] | ReadonlyMap<string, readonly Program[]>,
	options: Pick<MechanismsOptions, 'order' | 'columns' | 'reference'>
): Asset[] {
	const byAsset: ReadonlyMap<string, readonly Program[]> =
		programs instanceof Map ? programs : groupBy(programs as readonly Program[], (p) => p.asset);
	const highest = new Map(
		assets.map((a) => [a.id, assetHighestPhase(byAsset.get(a.id) ?? NO_RECORDS)])
	);
	const rank = (a: Asset) => phaseRank(highest.get(a.id) ?? null);
	const byPhase = (a: Asset, b: Asset) => rank(b) - rank(a) || byName(a, b);
	const modalityIndex = (a: Asset) => {
		const i = a.modality.value ? MODALITIES.indexOf(a.modality.value) : -1;
		return i === -1 ? MODALITIES.length : i;
	};
	let ordered: Asset[];
	switch (options.order) {
		case 'name':
			ordered = [...assets].sort(byName);
			break;
		case 'modality':
			ordered = [...assets].sort((a, b) => modalityIndex(a) - modalityIndex(b) || byPhase(a, b));
			break;
		case 'custom': {
			const position = new Map(options.columns.map((id, i) => [id, i]));
			const listed = assets
				.filter((a) => position.has(a.id))
				.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
			const rest = assets.filter((a) => !position.has(a.id)).sort(byPhase);
			ordered = [...listed, ...rest];
			break;
		}
		default:
			ordered = [...assets].sort(byPhase);
	}
	const ref = options.reference ? ordered.find((a) => a.id === options.reference) : undefined;
	return ref ? [ref, ...ordered.filter((a) => a !== ref)] : ordered;
}

/**
 * The column order after moving `id` by `delta` places (−1 left, +1 right) among the shown ids.
 * Returns the new custom order; unchanged when the move would leave the table or cross a pinned
 * reference (which stays first).
 */
export function moveColumn(
	shown: readonly string[],
	id: string,
	delta: number,
	reference: string | null = null
): string[] {
	const from = shown.indexOf(id);
	const to = from + delta;
	// The pinned reference holds the first place (a null reference is never a shown id).
	const floor = shown[0] === reference ? 1 : 0;
	if (from === -1 || id === reference || to < floor || to >= shown.length) return [...shown];
	const next = [...shown];
	next.splice(from, 1);
	next.splice(to, 0, id);
	return next;
}

/** The order after dropping `dragged` onto `target` (it takes the target's place). */
export function dropColumn(
	shown: readonly string[],
	dragged: string,
	target: string,
	reference: string | null = null
): string[] {
	// An id that is not shown leads off the table, and a drop on itself nowhere: the order stays.
	return moveColumn(shown, dragged, shown.indexOf(target) - shown.indexOf(dragged), reference);
}

// ── Differences ─────────────────────────────────────────────────────────────────────────────────

/**
 * A row differs when its cells do not all share one value (unknown, n/a and "none" count as values
 * of their own: "unknown" is not "the same as"). With a reference pinned, each cell is compared
 * with the reference's cell and flagged when it differs. A single column never differs.
 */
export function markDifferences(cells: MatrixCell[], referenceIndex: number | null): boolean {
	const keys = new Set(cells.map((c) => c.compareKey));
	const differs = keys.size > 1;
	if (referenceIndex !== null) {
		const refKey = cells[referenceIndex]?.compareKey;
		for (const c of cells) c.differs = c.compareKey !== refKey;
	}
	return differs;
}

// ── The matrix ──────────────────────────────────────────────────────────────────────────────────

/**
 * The columns to draw under a cap of `limit`, in the given order: the pinned reference, then the
 * `keep` assets (in column order), then the others in column order until the cap is reached. With
 * `limit` at or above the number of assets, all of them.
 */
export function capColumns<T extends { id: string }>(
	ordered: readonly T[],
	limit: number,
	// Stryker disable next-line ArrayDeclaration: ids are lower-case letters, digits and dashes, so no id is kept by a default of one odd text
	keep: readonly string[] = [],
	reference: string | null = null
): T[] {
	const cap = Math.max(1, Math.floor(limit));
	// Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut; under the cap the loops below choose every column too
	if (ordered.length <= cap) return [...ordered];
	const chosen = new Set<string>();
	const take = (id: string) => {
		if (chosen.size < cap) chosen.add(id);
	};
	const present = new Set(ordered.map((a) => a.id));
	if (reference && present.has(reference)) take(reference);
	const wanted = new Set(keep);
	for (const asset of ordered) if (wanted.has(asset.id)) take(asset.id);
	for (const asset of ordered) take(asset.id);
	return ordered.filter((a) => chosen.has(a.id));
}
