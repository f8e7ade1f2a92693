/**
 * What each Data view table shows: its rows and columns, as text a user reads ("Unknown" for
 * unknown, "≈" for approximate, dates at their precision). Pure over the dataset model.
 */
import { comparePartialDates, formatPartialDate } from '$lib/data/dates';
import type { DatasetModel } from '$lib/data/model';
import type {
	Asset,
	Conflict,
	Deal,
	Milestone,
	Program,
	Readout,
	Source,
	Trial
} from '$lib/data/schema';
import { sourcedFacts } from '$lib/data/qa-walk';
import {
	citationCounts,
	formatAttribute,
	formatCi,
	formatReadoutValue,
	highestPhase,
	phaseLabel,
	phaseRank,
	readoutDecimals
} from '$lib/data/summary';
import type { Column } from './table';

export const ENTITY_KEYS = [
	'assets',
	'programs',
	'milestones',
	'trials',
	'readouts',
	'deals',
	'conflicts',
	'sources'
] as const;
export type EntityKey = (typeof ENTITY_KEYS)[number];

export const TAB_KEYS = [...ENTITY_KEYS, 'quality'] as const;
export type TabKey = (typeof TAB_KEYS)[number];

export const NOUNS: Record<EntityKey, { one: string; many: string; title: string }> = {
	assets: { one: 'asset', many: 'assets', title: 'Assets' },
	programs: { one: 'program', many: 'programs', title: 'Programs' },
	milestones: { one: 'milestone', many: 'milestones', title: 'Milestones' },
	trials: { one: 'trial', many: 'trials', title: 'Trials' },
	readouts: { one: 'readout', many: 'readouts', title: 'Readouts' },
	deals: { one: 'deal', many: 'deals', title: 'Deals' },
	conflicts: { one: 'conflict', many: 'conflicts', title: 'Conflicts' },
	sources: { one: 'source', many: 'sources', title: 'Sources' }
};

export const UNKNOWN = 'Unknown';

/** A partial date at its precision, "Unknown" when missing. */
export function dateText(value: string | null | undefined): string {
	return value ? formatPartialDate(value) : UNKNOWN;
}

function orUnknown(value: string | number | null | undefined): string {
	return value === null || value === undefined || value === '' ? UNKNOWN : String(value);
}

/** A date column: shown at its precision, sorted by period, unknown last. */
function dateColumn<T>(key: string, label: string, get: (row: T) => string | null): Column<T> {
	return {
		key,
		label,
		text: (row) => dateText(get(row)),
		sortValue: (row) => get(row),
		compare: (a, b) => comparePartialDates(get(a), get(b))
	};
}

function numberColumn<T>(key: string, label: string, get: (row: T) => number | null): Column<T> {
	return {
		key,
		label,
		numeric: true,
		text: (row) => orUnknown(get(row)),
		sortValue: (row) => get(row)
	};
}

function assetName(model: DatasetModel, id: string | null): string {
	if (id === null) return '—';
	return model.assetsById.get(id)?.shortName ?? id;
}

function trialName(model: DatasetModel, id: string | null): string {
	if (id === null) return '—';
	return model.trialsById.get(id)?.name ?? id;
}

export function assetColumns(model: DatasetModel): Column<Asset>[] {
	const programs = model.dataset.programs;
	return [
		{ key: 'name', label: 'Name', text: (a) => a.name },
		{ key: 'aliases', label: 'Aliases', text: (a) => a.aliases.join(', ') || '—' },
		{ key: 'role', label: 'Role', text: (a) => a.role },
		{ key: 'modality', label: 'Modality', text: (a) => formatAttribute(a.modality) },
		{ key: 'format', label: 'Format', text: (a) => formatAttribute(a.format) },
		{ key: 'originator', label: 'Originator', text: (a) => formatAttribute(a.originator) },
		{
			key: 'phase',
			label: 'Highest phase',
			text: (a) => {
				const phase = highestPhase(programs, a.id);
				return phase ? phaseLabel(phase) : UNKNOWN;
			},
			sortValue: (a) => {
				const phase = highestPhase(programs, a.id);
				return phase ? phaseRank(phase) : null;
			}
		}
	];
}

export function programColumns(model: DatasetModel): Column<Program>[] {
	const current = (p: Program) => {
		const actual = p.phases.filter((ph) => ph.status === 'actual');
		return actual.reduce<Program['phases'][number] | null>(
			(best, ph) => (!best || phaseRank(ph.phase) > phaseRank(best.phase) ? ph : best),
			null
		);
	};
	return [
		{ key: 'asset', label: 'Asset', text: (p) => assetName(model, p.asset) },
		{ key: 'indication', label: 'Indication', text: (p) => p.indication },
		{ key: 'line', label: 'Line', text: (p) => orUnknown(p.line) },
		{ key: 'biomarker', label: 'Biomarker', text: (p) => orUnknown(p.biomarker) },
		{ key: 'region', label: 'Region', text: (p) => p.region },
		{
			key: 'phase',
			label: 'Phase reached',
			text: (p) => {
				const ph = current(p);
				return ph ? phaseLabel(ph.phase) : UNKNOWN;
			},
			sortValue: (p) => {
				const ph = current(p);
				return ph ? phaseRank(ph.phase) : null;
			}
		},
		{ key: 'status', label: 'Status', text: (p) => p.status }
	];
}

export function milestoneColumns(model: DatasetModel): Column<Milestone>[] {
	return [
		dateColumn<Milestone>('date', 'Date', (m) => m.date),
		{ key: 'asset', label: 'Asset', text: (m) => assetName(model, m.asset) },
		{ key: 'label', label: 'Milestone', text: (m) => m.label },
		{
			key: 'type',
			label: 'Type',
			text: (m) => m.type + (m.designation ? ` (${m.designation})` : '')
		},
		{ key: 'agency', label: 'Agency', text: (m) => orUnknown(m.agency) },
		{ key: 'region', label: 'Region', text: (m) => orUnknown(m.region) },
		{
			key: 'status',
			label: 'Status',
			text: (m) =>
				m.status === 'expected' && m.dateEnd ? `expected by ${dateText(m.dateEnd)}` : m.status
		}
	];
}

export function trialColumns(model: DatasetModel): Column<Trial>[] {
	return [
		{ key: 'name', label: 'Trial', text: (t) => t.name },
		{ key: 'registry', label: 'Registry ids', text: (t) => t.registryIds.join(', ') || UNKNOWN },
		{
			key: 'assets',
			label: 'Assets',
			text: (t) => t.assets.map((a) => assetName(model, a)).join(', ')
		},
		{
			key: 'phase',
			label: 'Phase',
			text: (t) => (t.phase ? phaseLabel(t.phase) : UNKNOWN),
			sortValue: (t) => (t.phase ? phaseRank(t.phase) : null)
		},
		{ key: 'design', label: 'Design', text: (t) => t.design },
		{ key: 'indication', label: 'Indication', text: (t) => orUnknown(t.indication) },
		numberColumn<Trial>('enrolment', 'Enrolled', (t) => t.enrolment.actual ?? t.enrolment.planned),
		dateColumn<Trial>('start', 'Start', (t) => t.start),
		{ key: 'status', label: 'Status', text: (t) => t.status }
	];
}

export function readoutColumns(model: DatasetModel): Column<Readout>[] {
	return [
		{ key: 'asset', label: 'Asset', text: (r) => assetName(model, r.asset) },
		{ key: 'trial', label: 'Trial', text: (r) => trialName(model, r.trial) },
		{ key: 'arm', label: 'Arm', text: (r) => `${r.arm} (${r.armRole})` },
		{ key: 'population', label: 'Population', text: (r) => r.population },
		{
			key: 'endpoint',
			label: 'Endpoint',
			text: (r) =>
				r.endpoint +
				(r.landmarkMonths === null ? '' : ` at ${r.landmarkMonths} mo`) +
				(r.assessment ? ` (${r.assessment})` : '')
		},
		{
			key: 'value',
			label: 'Value',
			numeric: true,
			text: (r) => formatReadoutValue(r, readoutDecimals(r)),
			sortValue: (r) => r.value ?? r.range?.low ?? null
		},
		{
			key: 'ci',
			label: 'CI',
			text: (r) => formatCi(r, readoutDecimals(r)) || '—',
			sortValue: (r) => (typeof r.ci?.low === 'number' ? r.ci.low : null)
		},
		numberColumn<Readout>('n', 'n', (r) => r.n),
		{ key: 'maturity', label: 'Maturity', text: (r) => orUnknown(r.maturity) },
		dateColumn<Readout>('dataCut', 'Data cut', (r) => r.dataCut)
	];
}

export function dealColumns(model: DatasetModel): Column<Deal>[] {
	return [
		dateColumn<Deal>('date', 'Date', (d) => d.date),
		{
			key: 'assets',
			label: 'Assets',
			text: (d) => d.asset.map((a) => assetName(model, a)).join(', ')
		},
		{ key: 'kind', label: 'Kind', text: (d) => d.kind },
		{ key: 'licensor', label: 'Licensor', text: (d) => d.licensor },
		{ key: 'licensee', label: 'Licensee', text: (d) => d.licensee },
		{ key: 'territory', label: 'Territory', text: (d) => orUnknown(d.territory) },
		{
			key: 'value',
			label: 'Value',
			text: (d) => d.value?.text ?? 'Not disclosed',
			sortValue: (d) => d.value?.total ?? null
		}
	];
}

export function conflictColumns(): Column<Conflict>[] {
	return [
		{ key: 'about', label: 'About', text: (c) => c.about.join(', ') },
		{ key: 'description', label: 'Description', text: (c) => c.description },
		{ key: 'resolution', label: 'Resolution', text: (c) => c.resolution }
	];
}

export function sourceColumns(model: DatasetModel): Column<Source>[] {
	const counts = citationCounts(model.dataset);
	return [
		{ key: 'id', label: 'Id', text: (s) => s.id },
		{ key: 'kind', label: 'Kind', text: (s) => s.kind },
		{ key: 'title', label: 'Title', text: (s) => s.title },
		{ key: 'publisher', label: 'Publisher', text: (s) => orUnknown(s.publisher) },
		dateColumn<Source>('date', 'Date', (s) => s.date),
		{ key: 'doi', label: 'DOI', text: (s) => s.doi ?? '—' },
		numberColumn<Source>('cited', 'Facts citing', (s) => counts.get(s.id) ?? 0)
	];
}

/** Which table holds an id; the path of a QA issue ("readouts[3].ci") decides between equals. */
export function locateId(model: DatasetModel, id: string, pathHint = ''): EntityKey | null {
	const hinted = ENTITY_KEYS.find((key) => pathHint.startsWith(`${key}[`));
	const has = (key: EntityKey) => model.dataset[key].some((row) => row.id === id);
	if (hinted && has(hinted)) return hinted;
	return ENTITY_KEYS.find(has) ?? null;
}

export type Field = [label: string, value: string];

function fmtN(n: number | null): string {
	return n === null ? UNKNOWN : n.toLocaleString('en');
}

export function milestoneFields(model: DatasetModel, m: Milestone): Field[] {
	return [
		['Description', m.description || '—'],
		['Date', dateText(m.date) + (m.dateEnd ? ` to ${dateText(m.dateEnd)}` : '')],
		['Status', m.status],
		['Program', m.program ?? '—'],
		['Trial', trialName(model, m.trial)],
		['Designation', m.designation ?? '—'],
		['Approval kind', m.approvalKind ?? '—']
	];
}

export function trialFields(t: Trial): Field[] {
	return [
		['Title', orUnknown(t.title)],
		['Sponsor', orUnknown(t.sponsor)],
		['Blinding', t.blinding],
		['Comparator', t.comparator ?? '—'],
		['Line · biomarker', `${orUnknown(t.line)} · ${orUnknown(t.biomarker)}`],
		['Region', orUnknown(t.region)],
		['Enrolment', `planned ${fmtN(t.enrolment.planned)}, actual ${fmtN(t.enrolment.actual)}`],
		['Start – end', `${dateText(t.start)} – ${dateText(t.end)}`],
		['Primary endpoints', t.primaryEndpoints.join('; ') || UNKNOWN],
		['Programs', t.programs.join(', ') || '—'],
		...(t.note ? [['Note', t.note] as Field] : [])
	];
}

export function readoutFields(model: DatasetModel, r: Readout): Field[] {
	const presented = r.presentedAt
		? `${r.presentedAt.venue}${r.presentedAt.date ? `, ${dateText(r.presentedAt.date)}` : ''}`
		: '—';
	return [
		['Indication', `${r.indication} · ${orUnknown(r.line)} · ${orUnknown(r.biomarker)}`],
		['Value', formatReadoutValue(r, readoutDecimals(r))],
		['Confidence interval', formatCi(r, readoutDecimals(r)) || 'Not reported'],
		['CI method', r.ci?.method ?? '—'],
		['n · responders · events', `${fmtN(r.n)} · ${fmtN(r.responders)} · ${fmtN(r.events)}`],
		['Compared with', r.comparatorArm ?? '—'],
		['p-value', r.pValue ?? '—'],
		['Assessment', r.assessment ?? UNKNOWN],
		['Presented at', presented],
		['Trial', trialName(model, r.trial)],
		...(r.note ? [['Note', r.note] as Field] : [])
	];
}

export function dealFields(d: Deal): Field[] {
	const money = (v: number | null) => (v === null ? UNKNOWN : String(v));
	return [
		['Scope', d.scope ?? UNKNOWN],
		[
			'Value',
			d.value
				? `${d.value.text} (upfront ${money(d.value.upfront)}, milestones ${money(d.value.milestones)}, total ${money(d.value.total)} ${d.value.currency})`
				: 'Not disclosed'
		],
		...(d.note ? [['Note', d.note] as Field] : [])
	];
}

export function sourceFields(s: Source): Field[] {
	return [
		['Title', s.title],
		['Registry ids', s.registryIds.join(', ') || '—'],
		...(s.note ? [['Note', s.note] as Field] : [])
	];
}

/** For each source id, the facts that cite it as [table, id, label] (asset attributes by name). */
export function citingFacts(
	model: DatasetModel
): Map<string, { tab: EntityKey; id: string; label: string }[]> {
	const out = new Map<string, { tab: EntityKey; id: string; label: string }[]>();
	const add = (sourceId: string, tab: EntityKey, id: string, label: string) => {
		const list = out.get(sourceId) ?? [];
		if (!list.some((f) => f.tab === tab && f.id === id && f.label === label))
			list.push({ tab, id, label });
		out.set(sourceId, list);
	};
	for (const fact of sourcedFacts(model.dataset))
		for (const ref of fact.sources) add(ref.id, fact.collection, fact.ownerId, fact.label);
	return out;
}
