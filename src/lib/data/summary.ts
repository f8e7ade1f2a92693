/**
 * Per-asset summaries the Overview cards (and later the Mechanisms matrix) print: the key readout,
 * the highest phase reached per region, the latest actual milestone, the partners from deals, and
 * how many facts cite each source. Pure functions over the validated dataset: no DOM, no runes.
 */
import { comparePartialDates } from './dates';
import type { Asset, Dataset, Deal, Milestone, Readout, Trial } from './schema';
import { sourcedFacts } from './qa-walk';
import { highestPhaseByRegion, keyReadout, sameCompany, type RegionPhase } from './derive';

// The rules these summaries use live in derive.ts; re-exported for the Overview's imports.
export {
	evidenceDate,
	formatCi,
	formatPhasesByRegion,
	formatReadoutLine,
	formatReadoutValue,
	highestPhase,
	highestPhaseByRegion,
	keyReadout,
	phaseLabel,
	phaseRank,
	readoutDecimals,
	RESPONSE_ENDPOINTS,
	type RegionPhase
} from './derive';

// ---------------------------------------------------------------------------------------------
// Milestones and partners
// ---------------------------------------------------------------------------------------------

/**
 * The asset's latest actual milestone, in `comparePartialDates` order (earliest possible day, then
 * latest possible day: "2025-09-11" comes after "2025-09"). Ties keep the one listed last.
 */
export function latestMilestone(
	milestones: readonly Milestone[],
	assetId: string
): Milestone | null {
	let latest: Milestone | null = null;
	for (const m of milestones) {
		if (m.asset !== assetId || m.status !== 'actual') continue;
		if (latest === null || comparePartialDates(m.date, latest.date) >= 0) latest = m;
	}
	return latest;
}

export interface Partner {
	/** The company on the other side of the deal from the originator. */
	name: string;
	/** Its role in the deal. */
	role: 'licensee' | 'licensor';
	territory: string | null;
	kind: Deal['kind'];
	date: string | null;
	deal: string;
}

/**
 * The asset's partners from its deals, oldest deal first: each deal's licensee, unless the
 * licensee is the originator (an in-licence), in which case the licensor.
 */
export function partnersOf(
	deals: readonly Deal[],
	assetId: string,
	originator: string | null
): Partner[] {
	return deals
		.filter((d) => d.asset.includes(assetId))
		.sort((a, b) => comparePartialDates(a.date, b.date))
		.map((deal) => {
			const inLicence = sameCompany(deal.licensee, originator);
			return {
				name: inLicence ? deal.licensor : deal.licensee,
				role: inLicence ? ('licensor' as const) : ('licensee' as const),
				territory: deal.territory,
				kind: deal.kind,
				date: deal.date,
				deal: deal.id
			};
		});
}

// ---------------------------------------------------------------------------------------------
// Attribute values and sources
// ---------------------------------------------------------------------------------------------

export { ASSET_ATTRIBUTE_KEYS, ASSET_ATTRIBUTE_LABELS } from './vocabulary-labels';

/** An attribute as text: "Unknown" for null, "Not applicable", "≈ 8" for approximate values. */
export function formatAttribute(attribute: {
	value: string | number | boolean | readonly string[] | null;
	applicable: boolean;
	approximate: boolean;
}): string {
	if (!attribute.applicable) return 'Not applicable';
	const value = attribute.value;
	if (value === null) return 'Unknown';
	const text = Array.isArray(value)
		? value.join(', ')
		: typeof value === 'boolean'
			? value
				? 'Yes'
				: 'No'
			: String(value);
	return attribute.approximate ? `≈ ${text}` : text;
}

/**
 * How many facts cite each source id: an entity, an asset attribute and a program phase each count
 * as one fact, however many times it quotes the same source.
 */
export function citationCounts(dataset: Dataset): Map<string, number> {
	const counts = new Map<string, number>();
	for (const { sources } of sourcedFacts(dataset)) {
		for (const id of new Set(sources.map((r) => r.id))) counts.set(id, (counts.get(id) ?? 0) + 1);
	}
	return counts;
}

// ---------------------------------------------------------------------------------------------
// One asset at a glance
// ---------------------------------------------------------------------------------------------

export interface AssetSummary {
	asset: Asset;
	phases: RegionPhase[];
	latest: Milestone | null;
	partners: Partner[];
	keyReadout: Readout | null;
	keyTrial: Trial | null;
}

/** Everything an Overview card prints about one asset. */
export function summarizeAsset(dataset: Dataset, asset: Asset): AssetSummary {
	const key = keyReadout(dataset.readouts, asset.id, dataset.trials);
	return {
		asset,
		phases: highestPhaseByRegion(dataset.programs, asset.id),
		latest: latestMilestone(dataset.milestones, asset.id),
		partners: partnersOf(dataset.deals, asset.id, asset.originator.value),
		keyReadout: key,
		keyTrial: key ? (dataset.trials.find((t) => t.id === key.trial) ?? null) : null
	};
}
