/**
 * Per-asset summaries the Overview cards (and later the Mechanisms matrix) print: the key readout,
 * the highest phase reached per region, the latest actual milestone, the partners from deals, and
 * how many facts cite each source. Pure functions over the validated dataset: no DOM, no runes.
 */
import { comparePartialDates } from './dates';
import { decimalsOf } from './stats';
import type {
	Asset,
	AssetAttributeKey,
	Dataset,
	Deal,
	Milestone,
	Phase,
	Program,
	Readout,
	SourceRef,
	Trial
} from './schema';
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
	trials: readonly Trial[] = []
): Readout | null {
	const candidates = readouts.filter(
		(r) => r.asset === assetId && r.armRole === 'investigational' && hasFigure(r)
	);
	const responses = candidates.filter((r) => RESPONSE_ENDPOINTS.includes(r.endpoint));
	const pool = responses.length > 0 ? responses : candidates;
	const phaseOf = new Map(trials.map((t) => [t.id, t.phase]));
	const rank = (r: Readout) => {
		const phase = phaseOf.get(r.trial);
		return phase ? phaseRank(phase) : -1;
	};
	let best: Readout | null = null;
	for (const readout of pool) if (best === null || beats(readout, best, rank)) best = readout;
	return best;
}

/** Higher trial phase wins; then a known later evidence date; then larger n; else b stays. */
function beats(a: Readout, b: Readout, rank: (r: Readout) => number): boolean {
	const byPhase = rank(a) - rank(b);
	if (byPhase !== 0) return byPhase > 0;
	const da = evidenceDate(a);
	const db = evidenceDate(b);
	if (da !== null || db !== null) {
		if (db === null) return true;
		if (da === null) return false;
		const byDate = comparePartialDates(da, db);
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
	const d =
		decimals ??
		Math.max(
			...[readout.value, ci.low, ci.high].map((v) => (typeof v === 'number' ? decimalsOf(v) : 0))
		);
	const bound = (b: number | 'NR' | null) =>
		b === null ? '?' : b === 'NR' ? 'NR' : fixed(b, Math.min(d, 4));
	const level = Math.round(ci.level * 1000) / 10;
	return `${level}% CI ${bound(ci.low)}–${bound(ci.high)}`;
}

/** Decimals shared by a readout's value and CI bounds, so "63" prints as "63.0" next to "76.4". */
export function readoutDecimals(readout: Readout): number {
	const numbers = [readout.value, readout.ci?.low, readout.ci?.high].filter(
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

const PHASE_RANK = new Map<Phase, number>(PHASES.map((phase, i) => [phase, i]));

export function phaseRank(phase: Phase): number {
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

function sameCompany(a: string | null, b: string | null): boolean {
	if (!a || !b) return false;
	const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
	const x = norm(a);
	const y = norm(b);
	return x === y || x.startsWith(y) || y.startsWith(x);
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
		.slice()
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

export const ASSET_ATTRIBUTE_LABELS: Record<AssetAttributeKey, string> = {
	target: 'Target',
	modality: 'Modality',
	format: 'Format',
	domains: 'HER2 domains',
	biparatopic: 'Biparatopic',
	effector: 'Effector function',
	platform: 'Platform',
	payload: 'Payload',
	linker: 'Linker',
	dar: 'DAR',
	conjugation: 'Conjugation',
	originator: 'Originator'
};

export const ASSET_ATTRIBUTE_KEYS = Object.keys(ASSET_ATTRIBUTE_LABELS) as AssetAttributeKey[];

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

/** Every source reference in the dataset, with the fact (entity id) that carries it. */
function allRefs(dataset: Dataset): { owner: string; refs: readonly SourceRef[] }[] {
	const out: { owner: string; refs: readonly SourceRef[] }[] = [];
	for (const asset of dataset.assets) {
		out.push({ owner: `assets/${asset.id}`, refs: asset.sources });
		for (const key of ASSET_ATTRIBUTE_KEYS)
			out.push({ owner: `assets/${asset.id}/${key}`, refs: asset[key].sources });
	}
	for (const program of dataset.programs) {
		out.push({ owner: `programs/${program.id}`, refs: program.sources });
		program.phases.forEach((phase, j) =>
			out.push({ owner: `programs/${program.id}/phases/${j}`, refs: phase.sources })
		);
	}
	for (const key of ['milestones', 'trials', 'readouts', 'deals', 'conflicts'] as const)
		for (const entity of dataset[key])
			out.push({ owner: `${key}/${entity.id}`, refs: entity.sources });
	return out;
}

/**
 * How many facts cite each source id: an entity, an asset attribute and a program phase each count
 * as one fact, however many times it quotes the same source.
 */
export function citationCounts(dataset: Dataset): Map<string, number> {
	const counts = new Map<string, number>();
	for (const { refs } of allRefs(dataset)) {
		for (const id of new Set(refs.map((r) => r.id))) counts.set(id, (counts.get(id) ?? 0) + 1);
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
