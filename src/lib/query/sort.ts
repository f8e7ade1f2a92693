/**
 * Orderings shared by the filter bar and the views. Pure comparators; nothing here reads state.
 */
import type { Asset, Program } from '$lib/data/schema';
import { AGENCIES, MILESTONE_TYPES, MODALITIES, PHASES, ROLES } from '$lib/data/vocabulary';
import { reachedPhase } from './filter';

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Natural text order: "1L" < "2L" < "2L+" < "10L", case-insensitive. */
export function compareNatural(a: string, b: string): number {
	return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Values with a domain order (phases run preclinical → approved); others sort naturally. */
export const DOMAIN_ORDER: Partial<Record<string, readonly string[]>> = {
	phases: PHASES,
	roles: ROLES,
	modalities: MODALITIES,
	agencies: AGENCIES,
	milestoneTypes: MILESTONE_TYPES
};

/** Sorts values of one filter dimension: by its domain order when it has one, else naturally. */
export function sortDimensionValues(dimension: string, values: Iterable<string>): string[] {
	const order = DOMAIN_ORDER[dimension];
	const rank = (v: string) => {
		const i = order ? order.indexOf(v) : -1;
		return i < 0 ? Number.MAX_SAFE_INTEGER : i;
	};
	return [...new Set(values)].sort((a, b) => rank(a) - rank(b) || compareNatural(a, b));
}

/** Focus assets first, then comparators; by short name within a role. */
export function compareAssets(a: Asset, b: Asset): number {
	return ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || compareNatural(a.shortName, b.shortName);
}

/** The highest phase reached by any of an asset's programs, as an index into PHASES (-1 = none). */
export function highestPhaseIndex(assetId: string, programs: readonly Program[]): number {
	let best = -1;
	for (const p of programs) {
		if (p.asset !== assetId) continue;
		const reached = reachedPhase(p);
		if (reached) best = Math.max(best, PHASES.indexOf(reached as (typeof PHASES)[number]));
	}
	return best;
}

export type AssetOrder = 'phase' | 'name' | 'modality' | 'custom';

/**
 * Orders assets for a view: by highest phase (most advanced first), name, modality, or a custom
 * column list (ids not in the list follow, by name). Ties fall back to compareAssets. Stable.
 */
export function sortAssets(
	assets: readonly Asset[],
	order: AssetOrder,
	programs: readonly Program[] = [],
	columns: readonly string[] = []
): Asset[] {
	const key = (a: Asset): number => {
		switch (order) {
			case 'phase':
				return -highestPhaseIndex(a.id, programs);
			case 'modality': {
				const i = a.modality.value ? MODALITIES.indexOf(a.modality.value) : -1;
				return i < 0 ? MODALITIES.length : i;
			}
			case 'custom': {
				const i = columns.indexOf(a.id);
				return i < 0 ? columns.length : i;
			}
			default:
				return 0;
		}
	};
	const keyed = assets.map((a) => ({ a, k: key(a) }));
	keyed.sort((x, y) => {
		if (x.k !== y.k) return x.k - y.k;
		return order === 'name'
			? compareNatural(x.a.shortName, y.a.shortName)
			: compareAssets(x.a, y.a);
	});
	return keyed.map((x) => x.a);
}
