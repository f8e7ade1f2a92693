/**
 * The registry's codes (ClinicalTrials.gov API v2 enums) → the landscape's vocabulary. Tables, so
 * a code the registry adds later is a one-line change, and a test can walk every entry.
 */
import type { Phase, Trial } from '../../data/schema';
import type { DatePrecision } from '../../data/dates';

export type TrialStatus = Trial['status'];
export type TrialDesign = Trial['design'];
export type TrialBlinding = Trial['blinding'];

/** overallStatus → trial status. Expanded-access codes describe no trial: "unknown". */
export const STATUS_CODES: Record<string, TrialStatus> = {
	NOT_YET_RECRUITING: 'planned',
	RECRUITING: 'recruiting',
	ENROLLING_BY_INVITATION: 'recruiting',
	ACTIVE_NOT_RECRUITING: 'active',
	// Paused, not ended: the model has no "suspended", and "active" would claim it runs.
	SUSPENDED: 'unknown',
	COMPLETED: 'completed',
	TERMINATED: 'terminated',
	// Ended before the first participant: for a landscape, a trial that will not run.
	WITHDRAWN: 'terminated',
	UNKNOWN: 'unknown',
	WITHHELD: 'unknown',
	AVAILABLE: 'unknown',
	NO_LONGER_AVAILABLE: 'unknown',
	TEMPORARILY_NOT_AVAILABLE: 'unknown',
	APPROVED_FOR_MARKETING: 'unknown'
};

/** designModule.phases codes. */
export const PHASE_CODES = ['NA', 'EARLY_PHASE1', 'PHASE1', 'PHASE2', 'PHASE3', 'PHASE4'] as const;

/**
 * The phase list → one phase of the model, or null: phase 4 (post-marketing) and "NA" (not a drug
 * trial phase) have no place in the model's development phases.
 */
export function phaseFromCodes(codes: readonly string[]): Phase | null {
	const set = new Set(codes.map((c) => (c === 'EARLY_PHASE1' ? 'PHASE1' : c)));
	if (set.has('PHASE4') || set.has('NA')) return null;
	if (set.has('PHASE1') && set.has('PHASE2')) return 'phase 1/2';
	if (set.has('PHASE2') && set.has('PHASE3')) return 'phase 2/3';
	if (set.size !== 1) return null;
	if (set.has('PHASE1')) return 'phase 1';
	if (set.has('PHASE2')) return 'phase 2';
	if (set.has('PHASE3')) return 'phase 3';
	return null;
}

export const ALLOCATION_CODES = ['RANDOMIZED', 'NON_RANDOMIZED', 'NA'] as const;

/** designInfo.allocation (+ interventionModel) → trial design. */
export function designFrom(allocation: string | undefined, model: string | undefined): TrialDesign {
	if (allocation === 'RANDOMIZED') return 'randomised';
	if (allocation === 'NON_RANDOMIZED') return 'non-randomised multi-arm';
	if (model === 'SINGLE_GROUP') return 'single-arm';
	return 'unknown';
}

export const MASKING_CODES = ['NONE', 'SINGLE', 'DOUBLE', 'TRIPLE', 'QUADRUPLE'] as const;

/** maskingInfo.masking → blinding. Single-blind has no value of its own in the model. */
export const MASKING: Record<(typeof MASKING_CODES)[number], TrialBlinding> = {
	NONE: 'open-label',
	SINGLE: 'unknown',
	DOUBLE: 'double-blind',
	TRIPLE: 'double-blind',
	QUADRUPLE: 'double-blind'
};

export const DATE_TYPES = ['ACTUAL', 'ESTIMATED'] as const;

/** A registry date: "2026-11" (month) or "2026-11-15" (day); anything else is refused. */
export function registryDatePrecision(text: string): DatePrecision | null {
	if (/^\d{4}-(0[1-9]|1[0-2])$/.test(text)) return 'month';
	if (/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(text)) {
		const [y, m, d] = text.split('-').map(Number) as [number, number, number];
		// A day the month does not have (30 February) rolls over into the next month.
		return new Date(Date.UTC(y, m - 1, d)).getUTCMonth() === m - 1 ? 'day' : null;
	}
	return null;
}

/** Countries as the landscape's regions name them; others keep the registry's name. */
const COUNTRY_NAMES: Record<string, string> = {
	'United States': 'US',
	'United Kingdom': 'UK',
	'Korea, Republic of': 'South Korea'
};

/**
 * The region of a trial from its sites' countries: one country by name, two or three joined
 * ("Australia and China"), more → "Multinational (n countries)".
 */
export function regionFromCountries(countries: readonly string[]): string | null {
	const names = [...new Set(countries.map((c) => COUNTRY_NAMES[c] ?? c))].sort();
	if (names.length === 0) return null;
	if (names.length === 1) return names[0]!;
	if (names.length <= 3) return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
	return `Multinational (${names.length} countries)`;
}
