/**
 * One cell per row and asset: its text, state (known / approximate / unknown / n/a / none),
 * sources, marker and the key that decides whether it differs from its neighbours.
 */
import type { Asset, Deal, Milestone, Program, Readout, SourceRef, Trial } from '$lib/data/schema';
import { comparePartialDates, formatPartialDate } from '$lib/data/dates';
import { domainGlyph, listDomains, sortDomains } from './domain-glyph';
import { biparatopicMarker, modalityMarker, phaseChip } from './encoding';
import type { CellItem, MatrixCell, MatrixInput } from './mechanisms.types';
import type { RowId } from './mechanisms.rows';
import {
	phaseRank,
	programHighestPhase,
	APPROX,
	capitalise,
	UNKNOWN_KEY,
	NA_KEY,
	NONE_KEY,
	endpointLabel,
	formatHeadline,
	headlineReadout,
	dealParty
} from './mechanisms.facts';
import {
	approvalsKey,
	categoryKey,
	classKey,
	companiesKey,
	conjugationClass,
	formatClass,
	linkerClass,
	payloadClass,
	phasesKey
} from './mechanisms.compare';

/** The key of a row that is not compared (free text, lists of records, counts, results). */
export const NOT_COMPARED_KEY = '';

/** The filtered records grouped by asset, built once per layout: no per-cell scans of every record. */
export interface AssetIndex {
	programs: ReadonlyMap<string, Program[]>;
	milestones: ReadonlyMap<string, Milestone[]>;
	readouts: ReadonlyMap<string, Readout[]>;
	deals: ReadonlyMap<string, Deal[]>;
	trials: ReadonlyMap<string, Trial>;
}

export function groupBy<T>(items: readonly T[], keys: (item: T) => string | readonly string[]) {
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
		// Stryker disable next-line ArrayDeclaration: a readout of no asset filed under an odd text is under no asset id (ids are lower-case letters, digits and dashes)
		readouts: groupBy(input.readouts, (r) => r.asset ?? []),
		deals: groupBy(input.deals, (d) => d.asset),
		trials: new Map(input.trials.map((t) => [t.id, t]))
	};
}

export const NO_RECORDS: never[] = [];

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
	key: (value: T) => string = () => NOT_COMPARED_KEY,
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
	return cell('partners', asset.id, {
		state: 'known',
		items,
		marker: null,
		glyph: null,
		note: null,
		compareKey: NOT_COMPARED_KEY
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
		compareKey: phasesKey(
			entries.map(([, { phase }]) => phase.phase),
			phaseRank
		)
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
		compareKey: approvalsKey(approvals)
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
		compareKey: NOT_COMPARED_KEY
	});
}

/** `readouts`: the asset's readouts in view. */
function headlineCell(
	asset: Asset,
	readouts: readonly Readout[],
	trials: ReadonlyMap<string, Trial>
): MatrixCell {
	const readout = headlineReadout(readouts, asset.id, trials);
	if (!readout) {
		const why = readouts.length === 0 ? 'No readouts in view' : 'No investigational result in view';
		return noneCell('headline', asset.id, why);
	}
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
		compareKey: NOT_COMPARED_KEY
	});
}

const yesNo = (v: boolean) => (v ? 'Yes' : 'No');
const text = (v: string) => v;

/**
 * Attribute rows: how each value is printed and the categorical key it is compared on
 * (mechanisms.compare.ts says which rows are compared and why).
 */
export function buildCell(rowId: RowId, asset: Asset, index: AssetIndex): MatrixCell {
	const records = <T>(map: ReadonlyMap<string, T[]>): readonly T[] =>
		map.get(asset.id) ?? NO_RECORDS;
	switch (rowId) {
		case 'target':
			return attributeCell(rowId, asset, asset.target, text, categoryKey);
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
			return attributeCell(rowId, asset, asset.format, text, (v) => classKey(v, formatClass));
		case 'effector':
			return attributeCell(rowId, asset, asset.effector, text);
		case 'platform':
			return attributeCell(rowId, asset, asset.platform, text, categoryKey);
		case 'payload':
			return attributeCell(rowId, asset, asset.payload, capitalise, (v) =>
				classKey(v, payloadClass)
			);
		case 'linker':
			return attributeCell(rowId, asset, asset.linker, text, (v) => classKey(v, linkerClass));
		case 'dar':
			return attributeCell(rowId, asset, asset.dar, (v) => String(v), String);
		case 'conjugation':
			return attributeCell(rowId, asset, asset.conjugation, text, (v) =>
				classKey(v, conjugationClass)
			);
		case 'originator':
			return attributeCell(rowId, asset, asset.originator, text, companiesKey);
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
