/**
 * Orderings shared by the filter bar and the views. Pure comparators; nothing here reads state.
 */
import type { Asset } from '$lib/data/schema';
import { AGENCIES, MILESTONE_TYPES, MODALITIES, PHASES, ROLES } from '$lib/data/vocabulary';

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
		// Stryker disable next-line UnaryOperator: without a domain order every value ranks the same either way
		const i = order ? order.indexOf(v) : -1;
		return i < 0 ? Number.MAX_SAFE_INTEGER : i;
	};
	return [...new Set(values)].sort((a, b) => rank(a) - rank(b) || compareNatural(a, b));
}

/** Focus assets first, then comparators; by short name within a role. */
export function compareAssets(a: Asset, b: Asset): number {
	return ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || compareNatural(a.shortName, b.shortName);
}
