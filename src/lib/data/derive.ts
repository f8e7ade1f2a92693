/**
 * Domain rules, in one place: facts derived from the records that more than one view prints. The
 * Overview, the mechanism matrix, the Data view, the filters and the exports import them from
 * here, so two views never compute the same thing two ways.
 *
 * - Highest phase: the furthest *actual* phase (expected phases do not count), of a program, of
 *   an asset overall, or per region.
 * - Key readout: one documented rule (see `keyReadout`) for the Overview card, the matrix's
 *   "Headline readout" row, exports and embeds.
 * - Readout text: `formatReadoutValue`, `formatCi`, `formatReadoutLine` — one wording ("months").
 * - Company matching: `sameCompany` for deals seen from an asset's originator.
 * Pure functions over the validated dataset: no DOM, no runes.
 */
import { comparePartialDates } from './dates';
import { decimalsOf } from './decimals';
import type { Phase, Program, Readout, Trial } from './schema';
import { PHASES } from './vocabulary';

// ---------------------------------------------------------------------------------------------
// Key readout
// ---------------------------------------------------------------------------------------------

/** Response endpoints preferred for a card's headline figure. */
export const RESPONSE_ENDPOINTS: readonly string[] = ['ORR', 'cORR'];

function hasFigure(readout: Readout): boolean {
	return readout.value !== null || readout.notReached || readout.range !== null;
}

/** The date a readout's evidence is from: its data cut, else the date it was presented. */
export function evidenceDate(readout: Readout): string | null {
	return readout.dataCut ?? readout.presentedAt?.date ?? null;
}

/**
 * The readout a card shows for an asset: the most advanced, most recent evidence. Among the asset's
 * investigational readouts that report a figure — response endpoints (ORR, cORR) when there are
 * any, else every endpoint — the one from the highest-phase trial; then the latest data cut (or
 * presentation date, when no cut is given; unknown dates lose); then the largest n (unknown n
 * counts as 0); then dataset order. A phase 1 dose-escalation readout with more patients therefore
 * never outranks a phase 2 one. Returns null when the asset has no investigational figure.
 */
export function keyReadout(
	readouts: readonly Readout[],
	assetId: string,
	// Stryker disable next-line ArrayDeclaration: the default only feeds the lookup by trial id, where an element that is no trial is never found
	trials: readonly Trial[] | ReadonlyMap<string, Trial> = []
): Readout | null {
	const candidates = readouts.filter(
		(r) => r.asset === assetId && r.armRole === 'investigational' && hasFigure(r)
	);
	const responses = candidates.filter((r) => RESPONSE_ENDPOINTS.includes(r.endpoint));
	const pool = responses.length > 0 ? responses : candidates;
	const byId: ReadonlyMap<string, Trial> =
		trials instanceof Map ? trials : new Map((trials as readonly Trial[]).map((t) => [t.id, t]));
	const rank = (r: Readout) => phaseRank(byId.get(r.trial)?.phase ?? null);
	let best: Readout | null = null;
	for (const readout of pool) if (best === null || beats(readout, best, rank)) best = readout;
	return best;
}

/** Higher trial phase wins; then a known later evidence date; then larger n; else b stays. */
function beats(a: Readout, b: Readout, rank: (r: Readout) => number): boolean {
	const byPhase = rank(a) - rank(b);
	// Stryker disable next-line EqualityOperator: past the non-zero check, > 0 and >= 0 agree
	if (byPhase !== 0) return byPhase > 0;
	const da = evidenceDate(a);
	const db = evidenceDate(b);
	if (da !== null || db !== null) {
		if (db === null) return true;
		if (da === null) return false;
		const byDate = comparePartialDates(da, db);
		// Stryker disable next-line EqualityOperator: past the non-zero check, > 0 and >= 0 agree
		if (byDate !== 0) return byDate > 0;
	}
	return (a.n ?? 0) > (b.n ?? 0);
}

function fixed(value: number, decimals: number): string {
	return value.toFixed(decimals);
}

/** The headline figure of a readout: "76.4%", "≈ 12 months", "NR", "0.56", "10–15%". */
export function formatReadoutValue(readout: Readout, decimals?: number): string {
	const unit = readout.unit === '%' ? '%' : readout.unit === 'months' ? ' months' : '';
	const approx = readout.approximate ? '≈ ' : '';
	if (readout.notReached) return 'NR';
	if (readout.value === null) {
		if (readout.range) return `${approx}${readout.range.low}–${readout.range.high}${unit}`;
		return 'Unknown';
	}
	const text = decimals === undefined ? String(readout.value) : fixed(readout.value, decimals);
	return `${approx}${text}${unit}`;
}

/** "95% CI 63.0–86.8", with both bounds printed to the readout's precision; '' when no CI. */
export function formatCi(readout: Readout, decimals?: number): string {
	const ci = readout.ci;
	if (!ci || (ci.low === null && ci.high === null)) return '';
	const d = decimals ?? readoutDecimals(readout);
	const bound = (b: number | 'NR' | null) =>
		b === null ? '?' : b === 'NR' ? 'NR' : fixed(b, Math.min(d, 4));
	const level = Math.round(ci.level * 1000) / 10;
	return `${level}% CI ${bound(ci.low)}–${bound(ci.high)}`;
}

/** Decimals shared by a readout's value and CI bounds, so "63" prints as "63.0" next to "76.4". */
export function readoutDecimals(readout: Readout): number {
	// Stryker disable next-line MethodExpression: decimalsOf gives 0 for a missing bound or "NR" as well
	const numbers = [readout.value, readout.ci?.low, readout.ci?.high].filter(
		// Stryker disable next-line ConditionalExpression: as above (this also skips the "keep none" mutant, which tests kill)
		(v): v is number => typeof v === 'number'
	);
	return Math.min(4, Math.max(0, ...numbers.map(decimalsOf)));
}

/**
 * One line for a readout: "ORR 76.4% (95% CI 63.0–86.8), n 55 — KC-WISE". The trial name is left
 * out when the trial is unknown; the CI and n when the source gives none.
 */
export function formatReadoutLine(readout: Readout, trial: Trial | undefined | null): string {
	const d = readoutDecimals(readout);
	const landmark = readout.landmarkMonths === null ? '' : ` at ${readout.landmarkMonths} months`;
	let text = `${readout.endpoint}${landmark} ${formatReadoutValue(readout, d)}`;
	const ci = formatCi(readout, d);
	if (ci) text += ` (${ci})`;
	if (readout.n !== null) text += `, n ${readout.n}`;
	if (trial) text += ` — ${trial.name}`;
	return text;
}

// ---------------------------------------------------------------------------------------------
// Phases
// ---------------------------------------------------------------------------------------------

const PHASE_RANK = new Map<Phase | null, number>(PHASES.map((phase, i) => [phase, i]));

/** A phase's place in development order (0 = the earliest); -1 for no phase. */
export function phaseRank(phase: Phase | null): number {
	return PHASE_RANK.get(phase) ?? -1;
}

/** "phase 1/2" → "Phase 1/2", "filed" → "Filed". */
export function phaseLabel(phase: Phase): string {
	return phase.charAt(0).toUpperCase() + phase.slice(1);
}

export interface RegionPhase {
	region: string;
	phase: Phase;
	/** The programs that reached that phase in that region. */
	programs: string[];
}

/**
 * The highest actual phase reached per region across an asset's programs (expected phases do not
 * count). Regions with a later phase come first, then alphabetically.
 */
export function highestPhaseByRegion(programs: readonly Program[], assetId: string): RegionPhase[] {
	const byRegion = new Map<string, RegionPhase>();
	for (const program of programs) {
		if (program.asset !== assetId) continue;
		for (const { phase, status } of program.phases) {
			if (status !== 'actual') continue;
			const current = byRegion.get(program.region);
			if (!current || phaseRank(phase) > phaseRank(current.phase)) {
				byRegion.set(program.region, { region: program.region, phase, programs: [program.id] });
			} else if (phase === current.phase && !current.programs.includes(program.id)) {
				current.programs.push(program.id);
			}
		}
	}
	return [...byRegion.values()].sort(
		(a, b) => phaseRank(b.phase) - phaseRank(a.phase) || a.region.localeCompare(b.region)
	);
}

/** "China: Filed · US: Phase 1"; '' when no actual phase is known. */
export function formatPhasesByRegion(phases: readonly RegionPhase[]): string {
	return phases.map((p) => `${p.region}: ${phaseLabel(p.phase)}`).join(' · ');
}

/** The single highest actual phase of an asset anywhere, or null. */
export function highestPhase(programs: readonly Program[], assetId: string): Phase | null {
	return highestPhaseByRegion(programs, assetId)[0]?.phase ?? null;
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

/** The furthest actual phase a program has reached, or null. */
export function reachedPhase(program: Program): Phase | null {
	return programHighestPhase(program)?.phase ?? null;
}

/** The furthest actual phase across programs (all of them: pass one asset's); null when none. */
export function programsHighestPhase(programs: readonly Program[]): Phase | null {
	let best: Phase | null = null;
	for (const program of programs) {
		const phase = reachedPhase(program);
		// Stryker disable next-line EqualityOperator: an equal rank is the same phase (or none)
		if (phaseRank(phase) > phaseRank(best)) best = phase;
	}
	return best;
}

// ---------------------------------------------------------------------------------------------
// Companies
// ---------------------------------------------------------------------------------------------

/** A company name without its parenthetical ("Alphamab Oncology (Jiangsu Alphamab)" → "alphamab oncology"). */
function companyKey(name: string): string {
	const bare = name.replace(/\([^)]*\)/g, '').trim();
	// Stryker disable next-line MethodExpression: upper or lower case, both names get the same key
	return bare.toLowerCase().replace(/\s+/g, ' ');
}

/**
 * True when two company names name the same company, allowing for a parenthetical or a suffix
 * ("Alphamab" and "Alphamab Oncology (Jiangsu Alphamab)"); false when either is unknown.
 */
export function sameCompany(a: string | null, b: string | null): boolean {
	if (!a || !b) return false;
	const x = companyKey(a);
	const y = companyKey(b);
	// An empty key only ever equals another empty one: a key never starts with a space.
	return x !== '' && (x === y || x.startsWith(`${y} `) || y.startsWith(`${x} `));
}
