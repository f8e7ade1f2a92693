/**
 * What the matrix needs from the domain rules (src/lib/data/derive.ts: highest phase, key
 * readout, readout text, company matching) and its own small text helpers.
 */
import type { Asset, Deal, Readout, Trial } from '$lib/data/schema';
import { formatReadoutLine, keyReadout, sameCompany } from '$lib/data/derive';

export {
	phaseRank,
	programHighestPhase,
	programsHighestPhase as assetHighestPhase,
	sameCompany
} from '$lib/data/derive';

// ── Formatting helpers ──────────────────────────────────────────────────────────────────────────

export const APPROX = '≈';

export function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

export const UNKNOWN_KEY = '\u0000unknown';
export const NA_KEY = '\u0000n/a';
export const NONE_KEY = '\u0000none';

export function endpointLabel(readout: Readout): string {
	return readout.landmarkMonths
		? `${readout.endpoint} ${readout.landmarkMonths} mo`
		: readout.endpoint;
}

/** "ORR 76.4% (95% CI 63.0–86.8), n 55 — KN026-201": the same line as the Overview card. */
export function formatHeadline(readout: Readout, trial: Trial | undefined): string {
	return formatReadoutLine(readout, trial);
}

/**
 * The matrix's "Headline readout" is the asset's key readout, by the one rule the Overview card
 * uses (`keyReadout` in derive.ts): investigational figures, response rates first, the
 * highest-phase trial, then the latest evidence, then the largest n.
 */
export function headlineReadout(
	readouts: readonly Readout[],
	assetId: string,
	trials: ReadonlyMap<string, Trial>
): Readout | null {
	return keyReadout(readouts, assetId, trials);
}

// ── Deals ───────────────────────────────────────────────────────────────────────────────────────

/** The other party of a deal, seen from the asset's originator. */
export function dealParty(deal: Deal, asset: Asset): string {
	const originator = asset.originator.value;
	if (sameCompany(deal.licensor, originator)) return deal.licensee;
	if (sameCompany(deal.licensee, originator)) return deal.licensor;
	return `${deal.licensee} (from ${deal.licensor})`;
}
