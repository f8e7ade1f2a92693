/**
 * What changed between two versions of a dataset: facts added, changed (field by field) and
 * removed, per entity, matched by id. Pure. Changes a strategy reader looks for are flagged:
 * a milestone or trial date that moved later (slip) or earlier, a date whose precision changed
 * ("H2 2026" → "Mar 2027"), an expected event that happened, a phase advanced, a new readout.
 */
import {
	comparePartialDates,
	formatPartialDate,
	isCertainlyBefore,
	parsePartialDate
} from '../data/dates';
import type { Dataset, Phase } from '../data/schema';
import { PHASES } from '../data/vocabulary';

export const DIFF_ENTITIES = [
	'assets',
	'programs',
	'milestones',
	'trials',
	'readouts',
	'deals',
	'conflicts',
	'sources'
] as const;
export type DiffEntity = (typeof DIFF_ENTITIES)[number];

export const ENTITY_TITLES: Record<DiffEntity, string> = {
	assets: 'Assets',
	programs: 'Programs',
	milestones: 'Milestones',
	trials: 'Trials',
	readouts: 'Readouts',
	deals: 'Deals',
	conflicts: 'Conflicts',
	sources: 'Sources'
};

export type DiffFlag =
	'slip' | 'earlier' | 'precision' | 'happened' | 'phase-advanced' | 'new-readout';

export const FLAG_LABELS: Record<DiffFlag, string> = {
	slip: 'slipped',
	earlier: 'moved earlier',
	precision: 'precision changed',
	happened: 'happened',
	'phase-advanced': 'phase advanced',
	'new-readout': 'new readout'
};

/** Words for the UI, passed to components so they need not import this module. */
export interface DiffLabels {
	order: readonly DiffEntity[];
	entities: Record<DiffEntity, string>;
	flags: Record<DiffFlag, string>;
}

export const DIFF_LABELS: DiffLabels = {
	order: DIFF_ENTITIES,
	entities: ENTITY_TITLES,
	flags: FLAG_LABELS
};

export interface FieldChange {
	field: string;
	before: string;
	after: string;
}

export interface DiffEntry {
	entity: DiffEntity;
	id: string;
	label: string;
	kind: 'added' | 'removed' | 'changed';
	/** Field by field, for a changed fact. */
	changes: FieldChange[];
	flags: DiffFlag[];
}

export interface DatasetDiff {
	from: { version: string; asOf: string };
	to: { version: string; asOf: string };
	entries: DiffEntry[];
	counts: Record<DiffEntity, { added: number; changed: number; removed: number }>;
}

type Row = { id: string } & Record<string, unknown>;

function labelOf(dataset: Dataset, entity: DiffEntity, row: Row): string {
	const asset = (id: unknown) =>
		dataset.assets.find((a) => a.id === id)?.shortName ?? String(id ?? '');
	switch (entity) {
		case 'assets':
		case 'trials':
			return String(row.name);
		case 'programs':
			return `${asset(row.asset)} · ${row.indication}${row.line ? ` · ${row.line}` : ''}`;
		case 'milestones':
			return `${asset(row.asset)} · ${row.label}`;
		case 'readouts':
			return `${row.arm} · ${row.endpoint}`;
		case 'deals':
			return `${row.licensor} → ${row.licensee}`;
		case 'sources':
			return String(row.title);
		case 'conflicts':
			return String(row.description).slice(0, 80);
	}
}

const DATE_FIELDS = new Set(['date', 'dateEnd', 'start', 'end', 'dataCut', 'asOf', 'knownBy']);

/** A value as a reader reads it: dates by their label, attribute objects by their value. */
export function showValue(field: string, value: unknown): string {
	if (value === null || value === undefined || value === '') return '—';
	if (typeof value === 'string') return DATE_FIELDS.has(field) ? formatPartialDate(value) : value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (Array.isArray(value)) {
		if (field === 'phases')
			return value.map((p) => (p as { phase: string }).phase).join(' → ') || '—';
		return (
			value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ') || '—'
		);
	}
	if (typeof value === 'object' && 'value' in value && 'sources' in value) {
		return showValue(field, (value as { value: unknown }).value);
	}
	if (field === 'enrolment') {
		const e = value as { planned: number | null; actual: number | null };
		return (
			[
				e.planned === null ? '' : `${e.planned} planned`,
				e.actual === null ? '' : `${e.actual} actual`
			]
				.filter(Boolean)
				.join(', ') || '—'
		);
	}
	return JSON.stringify(value);
}

const phaseRank = (phase: unknown) => PHASES.indexOf(phase as Phase);

function highestPhase(phases: unknown): number {
	if (!Array.isArray(phases)) return -1;
	return Math.max(-1, ...phases.map((p) => phaseRank((p as { phase: string }).phase)));
}

function dateFlags(before: unknown, after: unknown): DiffFlag[] {
	if (typeof before !== 'string' || typeof after !== 'string') return [];
	const flags: DiffFlag[] = [];
	// Moved only when the periods no longer overlap: "H2 2026" → "Sep 2026" is a sharper date, not a slip.
	if (isCertainlyBefore(before, after)) flags.push('slip');
	else if (isCertainlyBefore(after, before)) flags.push('earlier');
	const a = parsePartialDate(before)?.precision;
	const b = parsePartialDate(after)?.precision;
	if (a && b && a !== b) flags.push('precision');
	return flags;
}

/** The flags of one changed fact, from its field changes. */
function flagsOf(entity: DiffEntity, before: Row, after: Row): DiffFlag[] {
	const flags = new Set<DiffFlag>();
	if (entity === 'milestones') {
		for (const f of dateFlags(before.date, after.date)) flags.add(f);
		if (before.status === 'expected' && after.status === 'actual') flags.add('happened');
	}
	if (entity === 'trials') {
		for (const f of dateFlags(before.end, after.end)) if (f !== 'earlier') flags.add(f);
		if (phaseRank(after.phase) > phaseRank(before.phase) && before.phase !== null)
			flags.add('phase-advanced');
	}
	if (entity === 'programs' && highestPhase(after.phases) > highestPhase(before.phases)) {
		flags.add('phase-advanced');
	}
	return [...flags];
}

const stable = (value: unknown) => JSON.stringify(value);

export function diffDatasets(before: Dataset, after: Dataset): DatasetDiff {
	const entries: DiffEntry[] = [];
	const counts = Object.fromEntries(
		DIFF_ENTITIES.map((e) => [e, { added: 0, changed: 0, removed: 0 }])
	) as DatasetDiff['counts'];
	for (const entity of DIFF_ENTITIES) {
		const old = new Map((before[entity] as Row[]).map((r) => [r.id, r]));
		const now = new Map((after[entity] as Row[]).map((r) => [r.id, r]));
		for (const [id, row] of now) {
			const was = old.get(id);
			if (!was) {
				counts[entity].added++;
				entries.push({
					entity,
					id,
					label: labelOf(after, entity, row),
					kind: 'added',
					changes: [],
					flags: entity === 'readouts' ? ['new-readout'] : []
				});
				continue;
			}
			const changes: FieldChange[] = [];
			for (const field of new Set([...Object.keys(was), ...Object.keys(row)])) {
				if (field === 'id' || stable(was[field]) === stable(row[field])) continue;
				if (field === 'sources') {
					const n = (v: unknown) => (Array.isArray(v) ? v.length : 0);
					changes.push({
						field,
						before: `${n(was[field])} cited`,
						after: `${n(row[field])} cited`
					});
					continue;
				}
				changes.push({
					field,
					before: showValue(field, was[field]),
					after: showValue(field, row[field])
				});
			}
			if (changes.length === 0) continue;
			counts[entity].changed++;
			entries.push({
				entity,
				id,
				label: labelOf(after, entity, row),
				kind: 'changed',
				changes,
				flags: flagsOf(entity, was, row)
			});
		}
		for (const [id, row] of old) {
			if (now.has(id)) continue;
			counts[entity].removed++;
			entries.push({
				entity,
				id,
				label: labelOf(before, entity, row),
				kind: 'removed',
				changes: [],
				flags: []
			});
		}
	}
	return {
		from: { version: before.meta.version, asOf: before.meta.asOf },
		to: { version: after.meta.version, asOf: after.meta.asOf },
		entries,
		counts
	};
}

/** The change list as CSV rows: one per field changed, one per fact added or removed. */
export function diffRows(diff: DatasetDiff): string[][] {
	const rows: string[][] = [];
	for (const e of diff.entries) {
		const flags = e.flags.map((f) => FLAG_LABELS[f]).join('; ');
		if (e.kind !== 'changed') rows.push([e.entity, e.id, e.label, e.kind, '', '', '', flags]);
		else
			for (const c of e.changes)
				rows.push([e.entity, e.id, e.label, e.kind, c.field, c.before, c.after, flags]);
	}
	return rows;
}

export const DIFF_CSV_COLUMNS = [
	'entity',
	'id',
	'name',
	'change',
	'field',
	'before',
	'after',
	'flags'
] as const;

/** Ids of the timeline's marks that are new or changed in `diff` (milestones and programs). */
export function changedMarks(diff: DatasetDiff): {
	milestones: Set<string>;
	programs: Set<string>;
} {
	const ids = (entity: DiffEntity) =>
		new Set(
			diff.entries.filter((e) => e.entity === entity && e.kind !== 'removed').map((e) => e.id)
		);
	return { milestones: ids('milestones'), programs: ids('programs') };
}

/**
 * Marks new or changed since a date, from the dataset alone: a milestone or program citing a
 * source dated on or after `since` (the evidence for it is that recent).
 */
export function marksSinceDate(
	dataset: Dataset,
	since: string
): { milestones: Set<string>; programs: Set<string> } {
	const recent = new Set(
		dataset.sources
			.filter((s) => s.date !== null && comparePartialDates(s.date, since) >= 0)
			.map((s) => s.id)
	);
	const cites = (refs: readonly { id: string }[]) => refs.some((r) => recent.has(r.id));
	return {
		milestones: new Set(dataset.milestones.filter((m) => cites(m.sources)).map((m) => m.id)),
		programs: new Set(
			dataset.programs
				.filter((p) => cites(p.sources) || p.phases.some((ph) => cites(ph.sources)))
				.map((p) => p.id)
		)
	};
}
