/**
 * Facts the matrix derives from the records: highest phase, the headline readout and its text,
 * company matching for deals.
 */
import type { Asset, Deal, Phase, Program, Readout, Trial } from '$lib/data/schema';
import { PHASES } from '$lib/data/vocabulary';
import { decimalsOf } from '$lib/data/stats';
// ── Phases ──────────────────────────────────────────────────────────────────────────────────────

export function phaseRank(phase: Phase): number {
	return PHASES.indexOf(phase);
}

/** The furthest actual phase of a program (planned phases do not count), with the phase entry. */
export function programHighestPhase(program: Program): Program['phases'][number] | null {
	let best: Program['phases'][number] | null = null;
	for (const phase of program.phases) {
		if (phase.status !== 'actual') continue;
		if (!best || phaseRank(phase.phase) > phaseRank(best.phase)) best = phase;
	}
	return best;
}

/** The furthest actual phase across an asset's programs; null when none. */
export function assetHighestPhase(programs: readonly Program[]): Phase | null {
	let best: Phase | null = null;
	for (const program of programs) {
		const phase = programHighestPhase(program)?.phase ?? null;
		if (phase && (best === null || phaseRank(phase) > phaseRank(best))) best = phase;
	}
	return best;
}

// ── Formatting helpers ──────────────────────────────────────────────────────────────────────────

export const APPROX = '≈';

export function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

export function normalise(text: string): string {
	return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

export const UNKNOWN_KEY = '\u0000unknown';
export const NA_KEY = '\u0000n/a';
export const NONE_KEY = '\u0000none';

export function fixed(value: number, decimals: number): string {
	return value.toFixed(decimals);
}

/** Formats a readout's value with its CI: "76.4% (63.0–86.8)", "8.6 mo (6.9–NR)", "NR". */
export function formatReadoutValue(readout: Readout): string {
	const bounds = [readout.value, readout.ci?.low, readout.ci?.high, readout.range?.low];
	const decimals = Math.max(
		0,
		...bounds.filter((b): b is number => typeof b === 'number').map(decimalsOf)
	);
	const unit = readout.unit === '%' ? '%' : readout.unit === 'months' ? ' mo' : '';
	const approx = readout.approximate ? APPROX : '';
	let value: string;
	if (readout.notReached) value = 'NR';
	else if (readout.value !== null) value = `${approx}${fixed(readout.value, decimals)}${unit}`;
	else if (readout.range)
		value = `${approx}${fixed(readout.range.low, decimals)}–${fixed(readout.range.high, decimals)}${unit}`;
	else value = 'value not reported';
	const ci = readout.ci;
	if (ci && (ci.low !== null || ci.high !== null)) {
		const bound = (b: number | 'NR' | null) =>
			b === null ? '?' : b === 'NR' ? 'NR' : fixed(b, decimals);
		const level = Math.abs(ci.level - 0.95) < 1e-9 ? '' : `${Math.round(ci.level * 100)}% CI `;
		value += ` (${level}${bound(ci.low)}–${bound(ci.high)})`;
	}
	return value;
}

export function endpointLabel(readout: Readout): string {
	return readout.landmarkMonths
		? `${readout.endpoint} ${readout.landmarkMonths} mo`
		: readout.endpoint;
}

/** "ORR 76.4% (63.0–86.8), n 55, NCT04165993". */
export function formatHeadline(readout: Readout, trial: Trial | undefined): string {
	const parts = [`${endpointLabel(readout)} ${formatReadoutValue(readout)}`];
	if (readout.n !== null) parts.push(`n ${readout.n}`);
	const trialName = trial ? (trial.registryIds[0] ?? trial.name) : readout.trial;
	parts.push(trialName);
	return parts.join(', ');
}

/**
 * The headline readout rule: among the asset's investigational ORR/cORR readouts, the one with the
 * largest n (the first in data order on a tie or when n is unknown); otherwise the first
 * investigational readout; otherwise the first readout.
 */
export function headlineReadout(readouts: readonly Readout[]): Readout | null {
	const investigational = readouts.filter((r) => r.armRole === 'investigational');
	const response = investigational.filter((r) => r.endpoint === 'ORR' || r.endpoint === 'cORR');
	let best: Readout | null = null;
	for (const r of response) {
		if (best === null || (r.n ?? -1) > (best.n ?? -1)) best = r;
	}
	return best ?? investigational[0] ?? readouts[0] ?? null;
}

// ── Records by asset ────────────────────────────────────────────────────────────────────────────

/** A company name without its parenthetical ("Alphamab Oncology (Jiangsu Alphamab)" → "alphamab oncology"). */
function companyKey(name: string): string {
	return normalise(name.replace(/\([^)]*\)/g, ''));
}

/** True when two company names name the same company, allowing for a parenthetical or a suffix. */
export function sameCompany(a: string, b: string): boolean {
	const x = companyKey(a);
	const y = companyKey(b);
	return x !== '' && y !== '' && (x === y || x.startsWith(`${y} `) || y.startsWith(`${x} `));
}

/** The other party of a deal, seen from the asset's originator. */
export function dealParty(deal: Deal, asset: Asset): string {
	const originator = asset.originator.value;
	if (originator && sameCompany(deal.licensor, originator)) return deal.licensee;
	if (originator && sameCompany(deal.licensee, originator)) return deal.licensor;
	return `${deal.licensee} (from ${deal.licensor})`;
}
