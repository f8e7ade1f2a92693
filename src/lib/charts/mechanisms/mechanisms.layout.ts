/**
 * The mechanism matrix, as data: which columns (assets) in which order, which rows (attributes) in
 * which groups, and for every cell its text, its state (known / approximate / unknown / n/a /
 * none), its sources and whether it differs. Pure: no DOM, no runes. The on-screen table and a
 * later SVG/PPTX export both draw from `layoutMatrix`, so they cannot disagree.
 */
import type {
	Asset,
	Deal,
	Milestone,
	Phase,
	Program,
	Readout,
	SourceRef,
	Trial
} from '$lib/data/schema';
import { MODALITIES, PHASES } from '$lib/data/vocabulary';
import { comparePartialDates, formatPartialDate } from '$lib/data/dates';
import { decimalsOf } from '$lib/data/stats';
import { COLUMN_STEP, type MechanismGroup, type MechanismsOptions } from '$lib/state/view-state';
import { domainGlyph, listDomains, sortDomains, type DomainGlyph } from './domain-glyph';
import {
	biparatopicMarker,
	modalityMarker,
	phaseChip,
	type Marker,
	type PhaseChip
} from './encoding';

// ── Types ───────────────────────────────────────────────────────────────────────────────────────

/**
 * known: a sourced value; approximate: a sourced value the source gives as approximate ("≈");
 * unknown: the sources do not say (value null); na: does not apply to this asset;
 * none: a derived row (deals, approvals, programs, readouts) with no record in the filtered data.
 */
export type CellState = 'known' | 'approximate' | 'unknown' | 'na' | 'none';

export interface CellItem {
	text: string;
	sources: readonly SourceRef[];
	note?: string;
	chip?: PhaseChip;
}

export interface MatrixCell {
	/** `${rowId}:${assetId}`, stable across re-orders. */
	id: string;
	rowId: RowId;
	assetId: string;
	state: CellState;
	/** The cell's text on one line (items joined with "; "), as an export would print it. */
	text: string;
	/** The parts of the value, each with its own provenance. */
	items: CellItem[];
	/** Supporting records behind a derived value (e.g. each readout behind a count), for the panel. */
	details: CellItem[];
	marker: Marker | null;
	glyph: DomainGlyph | null;
	note: string | null;
	/** Normalised value used to detect differences. */
	compareKey: string;
	/** Differs from the reference column's value (only when a reference is pinned). */
	differs: boolean;
}

export interface MatrixColumn {
	assetId: string;
	name: string;
	shortName: string;
	role: Asset['role'];
	isReference: boolean;
	modality: Marker | null;
	highestPhase: PhaseChip | null;
	glyph: DomainGlyph;
}

export interface MatrixRow {
	id: RowId;
	group: MechanismGroup;
	label: string;
	description: string;
	/** Cells in column order. */
	cells: MatrixCell[];
	/** The shown columns do not all agree (against the reference when one is pinned). */
	differs: boolean;
}

export interface MatrixGroup {
	id: MechanismGroup;
	label: string;
	rows: MatrixRow[];
}

export interface MatrixLayout {
	columns: MatrixColumn[];
	groups: MatrixGroup[];
	/** Visible rows in display order (group order, then row order). */
	rows: MatrixRow[];
	/** The pinned reference when it is among the shown columns, else null. */
	reference: string | null;
	differingRows: number;
	/** Rows left out because they are identical across the shown columns (hideIdentical). */
	hiddenIdenticalRows: number;
	/** Assets that pass the filters (the columns there would be without the column cap). */
	totalColumns: number;
	/** Assets left out by the column cap (`totalColumns - columns.length`). */
	hiddenColumns: number;
}

export interface MatrixInput {
	assets: readonly Asset[];
	programs: readonly Program[];
	milestones: readonly Milestone[];
	readouts: readonly Readout[];
	deals: readonly Deal[];
	trials: readonly Trial[];
}

export interface MatrixOptions extends Omit<MechanismsOptions, 'hideIdentical' | 'shownColumns'> {
	/** Leave out rows whose values agree across the shown columns. */
	hideIdentical?: boolean;
	/**
	 * At most this many asset columns (default: no cap). A matrix of hundreds of columns is
	 * unreadable and slow to draw; the first `maxColumns` in column order are shown, the pinned
	 * reference and the `keep` assets always among them.
	 */
	maxColumns?: number;
	/** Assets the user chose to compare: shown before any other asset when the cap applies. */
	keep?: readonly string[];
}

/** How many asset columns the matrix shows before "Show more" (and the step of "Show more"). */
export { COLUMN_STEP };

// ── Rows ────────────────────────────────────────────────────────────────────────────────────────

export const GROUP_LABELS: Record<MechanismGroup, string> = {
	binding: 'Target and binding',
	molecule: 'Molecule',
	payload: 'Payload (ADCs)',
	development: 'Development',
	evidence: 'Evidence'
};

export type RowId =
	| 'target'
	| 'domains'
	| 'biparatopic'
	| 'modality'
	| 'format'
	| 'effector'
	| 'platform'
	| 'payload'
	| 'linker'
	| 'dar'
	| 'conjugation'
	| 'originator'
	| 'partners'
	| 'phases'
	| 'approvals'
	| 'readouts'
	| 'headline';

interface RowDef {
	id: RowId;
	group: MechanismGroup;
	label: string;
	description: string;
}

export const ROWS: readonly RowDef[] = [
	{ id: 'target', group: 'binding', label: 'Target', description: 'The antigen bound.' },
	{
		id: 'domains',
		group: 'binding',
		label: 'HER2 domains',
		description: 'Extracellular domains (I–IV) bound.'
	},
	{
		id: 'biparatopic',
		group: 'binding',
		label: 'Biparatopic',
		description: 'Binds two distinct epitopes of the target.'
	},
	{ id: 'modality', group: 'molecule', label: 'Modality', description: 'Kind of molecule.' },
	{ id: 'format', group: 'molecule', label: 'Format', description: 'Molecular format.' },
	{
		id: 'effector',
		group: 'molecule',
		label: 'Fc / effector',
		description: 'Fc and effector-function notes.'
	},
	{ id: 'platform', group: 'molecule', label: 'Platform', description: 'Technology platform.' },
	{ id: 'payload', group: 'payload', label: 'Payload class', description: 'Cytotoxic payload.' },
	{ id: 'linker', group: 'payload', label: 'Linker', description: 'Linker chemistry.' },
	{ id: 'dar', group: 'payload', label: 'DAR', description: 'Drug-to-antibody ratio.' },
	{
		id: 'conjugation',
		group: 'payload',
		label: 'Conjugation',
		description: 'How the payload is attached.'
	},
	{ id: 'originator', group: 'development', label: 'Originator', description: 'Who made it.' },
	{
		id: 'partners',
		group: 'development',
		label: 'Partners and licensees',
		description: 'Deals: counterparty, kind, territory, date and value.'
	},
	{
		id: 'phases',
		group: 'development',
		label: 'Highest phase by region',
		description: 'The furthest phase reached (actual, not planned) in each region.'
	},
	{
		id: 'approvals',
		group: 'development',
		label: 'Approvals',
		description: 'Approval milestones: agency, kind and date.'
	},
	{
		id: 'readouts',
		group: 'evidence',
		label: 'Readouts',
		description: 'Number of readouts in view.'
	},
	{
		id: 'headline',
		group: 'evidence',
		label: 'Headline readout',
		description:
			'The investigational ORR or cORR with the largest n; otherwise the first readout. With its CI.'
	}
];

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

const APPROX = '≈';

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

function normalise(text: string): string {
	return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

const UNKNOWN_KEY = '\u0000unknown';
const NA_KEY = '\u0000n/a';
const NONE_KEY = '\u0000none';

function fixed(value: number, decimals: number): string {
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

function endpointLabel(readout: Readout): string {
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

/** The filtered records grouped by asset, built once per layout: no per-cell scans of every record. */
export interface AssetIndex {
	programs: ReadonlyMap<string, Program[]>;
	milestones: ReadonlyMap<string, Milestone[]>;
	readouts: ReadonlyMap<string, Readout[]>;
	deals: ReadonlyMap<string, Deal[]>;
	trials: ReadonlyMap<string, Trial>;
}

function groupBy<T>(items: readonly T[], keys: (item: T) => string | readonly string[]) {
	const map = new Map<string, T[]>();
	for (const item of items) {
		const k = keys(item);
		for (const key of typeof k === 'string' ? [k] : k) {
			const list = map.get(key);
			if (list) list.push(item);
			else map.set(key, [item]);
		}
	}
	return map;
}

export function indexByAsset(input: MatrixInput): AssetIndex {
	return {
		programs: groupBy(input.programs, (p) => p.asset),
		milestones: groupBy(input.milestones, (m) => m.asset),
		readouts: groupBy(input.readouts, (r) => r.asset ?? []),
		deals: groupBy(input.deals, (d) => d.asset),
		trials: new Map(input.trials.map((t) => [t.id, t]))
	};
}

const NO_RECORDS: never[] = [];

// ── Cells ───────────────────────────────────────────────────────────────────────────────────────

type Attribute<T> = {
	value: T | null;
	applicable: boolean;
	approximate: boolean;
	note?: string | undefined;
	sources: SourceRef[];
};

function cell(
	rowId: RowId,
	assetId: string,
	parts: Omit<MatrixCell, 'id' | 'rowId' | 'assetId' | 'differs' | 'text' | 'details'> &
		Partial<Pick<MatrixCell, 'details'>>
): MatrixCell {
	return {
		id: `${rowId}:${assetId}`,
		rowId,
		assetId,
		differs: false,
		text: parts.items.map((i) => i.text).join('; '),
		details: [],
		...parts
	};
}

function attributeCell<T>(
	rowId: RowId,
	asset: Asset,
	attribute: Attribute<T>,
	format: (value: T) => string,
	key: (value: T) => string = (v) => normalise(format(v)),
	extra: (value: T) => Pick<MatrixCell, 'marker' | 'glyph'> = () => ({ marker: null, glyph: null })
): MatrixCell {
	const note = attribute.note ?? null;
	if (!attribute.applicable) {
		return cell(rowId, asset.id, {
			state: 'na',
			items: [{ text: 'n/a', sources: attribute.sources, ...(note ? { note } : {}) }],
			marker: null,
			glyph: rowId === 'domains' ? domainGlyph(null, false) : null,
			note,
			compareKey: NA_KEY
		});
	}
	if (attribute.value === null) {
		return cell(rowId, asset.id, {
			state: 'unknown',
			items: [{ text: 'Unknown', sources: attribute.sources, ...(note ? { note } : {}) }],
			marker: null,
			glyph: rowId === 'domains' ? domainGlyph(null) : null,
			note,
			compareKey: UNKNOWN_KEY
		});
	}
	const value = attribute.value;
	const text = `${attribute.approximate ? APPROX : ''}${format(value)}`;
	return cell(rowId, asset.id, {
		state: attribute.approximate ? 'approximate' : 'known',
		items: [{ text, sources: attribute.sources, ...(note ? { note } : {}) }],
		note,
		compareKey: key(value),
		...extra(value)
	});
}

function noneCell(rowId: RowId, assetId: string, text: string): MatrixCell {
	return cell(rowId, assetId, {
		state: 'none',
		items: [{ text, sources: [] }],
		marker: null,
		glyph: null,
		note: null,
		compareKey: NONE_KEY
	});
}

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

function dealItem(deal: Deal, asset: Asset): CellItem {
	const text = [
		`${dealParty(deal, asset)} — ${deal.kind}`,
		deal.territory ?? 'territory not disclosed',
		deal.date ? formatPartialDate(deal.date) : 'undated',
		deal.value?.text ?? 'terms not disclosed'
	].join(', ');
	return { text, sources: deal.sources, ...(deal.note ? { note: deal.note } : {}) };
}

/** `deals`: the asset's deals in view. */
function partnersCell(asset: Asset, deals: readonly Deal[]): MatrixCell {
	const mine = [...deals].sort((a, b) => comparePartialDates(a.date, b.date));
	if (mine.length === 0) return noneCell('partners', asset.id, 'No deals recorded');
	const items = mine.map((d) => dealItem(d, asset));
	const parties = mine.map((d) => normalise(dealParty(d, asset))).sort();
	return cell('partners', asset.id, {
		state: 'known',
		items,
		marker: null,
		glyph: null,
		note: null,
		compareKey: parties.join('|')
	});
}

/** `programs`: the asset's programs in view. */
function phasesCell(asset: Asset, programs: readonly Program[]): MatrixCell {
	const byRegion = new Map<string, { phase: Program['phases'][number]; program: Program }>();
	for (const program of programs) {
		const phase = programHighestPhase(program);
		if (!phase) continue;
		const current = byRegion.get(program.region);
		if (!current || phaseRank(phase.phase) > phaseRank(current.phase.phase)) {
			byRegion.set(program.region, { phase, program });
		}
	}
	if (byRegion.size === 0) return noneCell('phases', asset.id, 'No programs in view');
	const entries = [...byRegion.entries()].sort(
		([ra, a], [rb, b]) =>
			phaseRank(b.phase.phase) - phaseRank(a.phase.phase) || ra.localeCompare(rb)
	);
	const items = entries.map(([region, { phase, program }]): CellItem => {
		const chip = phaseChip(phase.phase);
		const setting = [program.indication, program.line].filter(Boolean).join(', ');
		return {
			text: `${region}: ${chip.label}`,
			sources: phase.sources,
			note: `${chip.label} in ${setting}${phase.start ? ` since ${formatPartialDate(phase.start)}` : ''}.${phase.note ? ` ${phase.note}` : ''}`,
			chip
		};
	});
	return cell('phases', asset.id, {
		state: 'known',
		items,
		marker: null,
		glyph: null,
		note: null,
		compareKey: entries
			.map(([region, { phase }]) => `${normalise(region)}=${phase.phase}`)
			.sort()
			.join('|')
	});
}

/** `milestones`: the asset's milestones in view. */
function approvalsCell(asset: Asset, milestones: readonly Milestone[]): MatrixCell {
	const approvals = milestones
		.filter((m) => m.type === 'approval')
		.sort((a, b) => comparePartialDates(a.date, b.date));
	if (approvals.length === 0) return noneCell('approvals', asset.id, 'No approvals recorded');
	const items = approvals.map((m): CellItem => {
		const who = m.agency ?? m.region ?? 'Agency not given';
		const kind = m.approvalKind ? ` (${m.approvalKind})` : '';
		const expected = m.status === 'expected' ? ', expected' : '';
		return {
			text: `${who}${kind}, ${formatPartialDate(m.date)}${expected}`,
			sources: m.sources,
			note: m.label
		};
	});
	return cell('approvals', asset.id, {
		state: 'known',
		items,
		marker: null,
		glyph: null,
		note: null,
		compareKey: approvals
			.map((m) => `${m.agency ?? m.region}:${m.status}`)
			.sort()
			.join('|')
	});
}

/** `mine`: the asset's readouts in view. */
function readoutsCell(
	asset: Asset,
	mine: readonly Readout[],
	trials: ReadonlyMap<string, Trial>
): MatrixCell {
	if (mine.length === 0) return noneCell('readouts', asset.id, 'No readouts in view');
	const trialCount = new Set(mine.map((r) => r.trial)).size;
	const text = `${mine.length} readout${mine.length === 1 ? '' : 's'} from ${trialCount} trial${trialCount === 1 ? '' : 's'}`;
	return cell('readouts', asset.id, {
		state: 'known',
		items: [
			{
				text,
				sources: [],
				note: `Endpoints: ${[...new Set(mine.map(endpointLabel))].join(', ')}.`
			}
		],
		details: mine.map((r) => ({
			text: `${formatHeadline(r, trials.get(r.trial))} — ${r.arm}`,
			sources: r.sources,
			note: [r.indication, r.line, r.population].filter(Boolean).join(' · ')
		})),
		marker: null,
		glyph: null,
		note: null,
		compareKey: String(mine.length)
	});
}

/** `readouts`: the asset's readouts in view. */
function headlineCell(
	asset: Asset,
	readouts: readonly Readout[],
	trials: ReadonlyMap<string, Trial>
): MatrixCell {
	const readout = headlineReadout(readouts);
	if (!readout) return noneCell('headline', asset.id, 'No readouts in view');
	const trial = trials.get(readout.trial);
	const text = formatHeadline(readout, trial);
	const setting = [readout.arm, readout.indication, readout.line, readout.population]
		.filter(Boolean)
		.join(' · ');
	const note = [setting, readout.note].filter(Boolean).join('. ');
	return cell('headline', asset.id, {
		state: readout.approximate ? 'approximate' : 'known',
		items: [{ text, sources: readout.sources, ...(note ? { note } : {}) }],
		marker: null,
		glyph: null,
		note: null,
		compareKey: `${readout.endpoint}=${readout.value ?? readout.range?.low ?? 'null'}`
	});
}

const yesNo = (v: boolean) => (v ? 'Yes' : 'No');
const text = (v: string) => v;

function buildCell(rowId: RowId, asset: Asset, index: AssetIndex): MatrixCell {
	const records = <T>(map: ReadonlyMap<string, T[]>): readonly T[] =>
		map.get(asset.id) ?? NO_RECORDS;
	switch (rowId) {
		case 'target':
			return attributeCell(rowId, asset, asset.target, text);
		case 'domains':
			return attributeCell(
				rowId,
				asset,
				asset.domains,
				(v) => listDomains(sortDomains(v)),
				(v) => sortDomains(v).join(','),
				(v) => ({ marker: null, glyph: domainGlyph(v) })
			);
		case 'biparatopic':
			return attributeCell(rowId, asset, asset.biparatopic, yesNo, yesNo, (v) => ({
				marker: biparatopicMarker(v),
				glyph: null
			}));
		case 'modality':
			return attributeCell(
				rowId,
				asset,
				asset.modality,
				(v) => modalityMarker(v).label,
				(v) => v,
				(v) => ({ marker: modalityMarker(v), glyph: null })
			);
		case 'format':
			return attributeCell(rowId, asset, asset.format, text);
		case 'effector':
			return attributeCell(rowId, asset, asset.effector, text);
		case 'platform':
			return attributeCell(rowId, asset, asset.platform, text);
		case 'payload':
			return attributeCell(rowId, asset, asset.payload, capitalise);
		case 'linker':
			return attributeCell(rowId, asset, asset.linker, text);
		case 'dar':
			return attributeCell(rowId, asset, asset.dar, (v) => String(v));
		case 'conjugation':
			return attributeCell(rowId, asset, asset.conjugation, text);
		case 'originator':
			return attributeCell(rowId, asset, asset.originator, text);
		case 'partners':
			return partnersCell(asset, records(index.deals));
		case 'phases':
			return phasesCell(asset, records(index.programs));
		case 'approvals':
			return approvalsCell(asset, records(index.milestones));
		case 'readouts':
			return readoutsCell(asset, records(index.readouts), index.trials);
		case 'headline':
			return headlineCell(asset, records(index.readouts), index.trials);
	}
}

// ── Columns ─────────────────────────────────────────────────────────────────────────────────────

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
	const rank = (a: Asset) => {
		const phase = highest.get(a.id);
		return phase ? phaseRank(phase) : -1;
	};
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
	const floor = reference !== null && shown[0] === reference ? 1 : 0;
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
	const from = shown.indexOf(dragged);
	const to = shown.indexOf(target);
	if (from === -1 || to === -1 || from === to) return [...shown];
	return moveColumn(shown, dragged, to - from, reference);
}

// ── Differences ─────────────────────────────────────────────────────────────────────────────────

/**
 * A row differs when its cells do not all share one value (unknown, n/a and "none" count as values
 * of their own: "unknown" is not "the same as"). With a reference pinned, each cell is compared
 * with the reference's cell and flagged when it differs. A single column never differs.
 */
export function markDifferences(cells: MatrixCell[], referenceIndex: number | null): boolean {
	if (cells.length < 2) return false;
	const keys = new Set(cells.map((c) => c.compareKey));
	const differs = keys.size > 1;
	if (referenceIndex !== null) {
		const refKey = cells[referenceIndex]?.compareKey;
		cells.forEach((c, i) => {
			c.differs = i !== referenceIndex && c.compareKey !== refKey;
		});
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
	keep: readonly string[] = [],
	reference: string | null = null
): T[] {
	const cap = Math.max(1, Math.floor(limit));
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

export function layoutMatrix(input: MatrixInput, options: MatrixOptions): MatrixLayout {
	const index = indexByAsset(input);
	const all = orderColumns(input.assets, index.programs, options);
	const reference =
		options.reference && all[0]?.id === options.reference ? options.reference : null;
	const ordered =
		options.maxColumns === undefined
			? all
			: capColumns(all, options.maxColumns, options.keep, reference);

	const columns = ordered.map((asset): MatrixColumn => {
		const highest = assetHighestPhase(index.programs.get(asset.id) ?? NO_RECORDS);
		return {
			assetId: asset.id,
			name: asset.name,
			shortName: asset.shortName,
			role: asset.role,
			isReference: asset.id === reference,
			modality: asset.modality.value ? modalityMarker(asset.modality.value) : null,
			highestPhase: highest ? phaseChip(highest) : null,
			glyph: domainGlyph(asset.domains.value, asset.domains.applicable)
		};
	});

	const shownGroups = new Set(options.groups);
	const groups: MatrixGroup[] = [];
	let differingRows = 0;
	let hiddenIdenticalRows = 0;
	for (const groupId of Object.keys(GROUP_LABELS) as MechanismGroup[]) {
		if (!shownGroups.has(groupId)) continue;
		const rows: MatrixRow[] = [];
		for (const def of ROWS) {
			if (def.group !== groupId) continue;
			const cells = ordered.map((asset) => buildCell(def.id, asset, index));
			const differs = markDifferences(cells, reference ? 0 : null);
			if (differs) differingRows++;
			if (options.hideIdentical && columns.length > 1 && !differs) {
				hiddenIdenticalRows++;
				continue;
			}
			rows.push({ ...def, cells, differs });
		}
		if (rows.length > 0) groups.push({ id: groupId, label: GROUP_LABELS[groupId], rows });
	}

	return {
		columns,
		groups,
		rows: groups.flatMap((g) => g.rows),
		reference,
		differingRows,
		hiddenIdenticalRows,
		totalColumns: all.length,
		hiddenColumns: all.length - columns.length
	};
}

const ORDER_PHRASES: Record<MechanismsOptions['order'], string> = {
	phase: 'sorted by highest phase',
	name: 'sorted by name',
	modality: 'sorted by modality',
	custom: 'in your order, then by highest phase'
};

/**
 * The notice under a capped matrix (null when every asset is shown): "Showing 24 of 600 assets
 * (sorted by highest phase)." The screen, the embed and the export footer print the same words.
 */
export function columnCapNotice(
	layout: Pick<MatrixLayout, 'columns' | 'totalColumns' | 'hiddenColumns' | 'reference'>,
	order: MechanismsOptions['order']
): string | null {
	if (layout.hiddenColumns <= 0) return null;
	const reference = layout.reference ? ', the reference first' : '';
	return `Showing ${layout.columns.length} of ${layout.totalColumns} assets (${ORDER_PHRASES[order]}${reference}).`;
}
