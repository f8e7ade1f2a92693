/**
 * Registry records against the landscape → a list of proposed changes, one per fact, each with
 * the record's exact text for it. Nothing is applied here (merge.ts does that, for the accepted
 * ones). A record whose NCT number is already a trial proposes updates of what the registry says
 * better (status, phase, dates, enrolment, design, blinding); a new record proposes a new trial,
 * linked to the assets its interventions name, or unlinked (said so) when none matches.
 */
import { comparePartialDates, formatPartialDate } from '../../data/dates';
import type { Dataset, Milestone, Source, SourceRef, Trial } from '../../data/schema';
import { findTrial, matchAssets } from './match';
import type { RecordFile } from './read-records';
import type { RegistryDate, RegistryStudy, Sourced } from './study';

export type TrialField = 'status' | 'phase' | 'start' | 'end' | 'enrolment' | 'design' | 'blinding';
export type MilestoneKind = 'start' | 'primary-completion';

export type ChangeOp =
	| { op: 'set-trial'; trial: string; field: TrialField; value: Trial[TrialField] }
	| { op: 'set-milestone'; milestone: string; date: string; status: 'actual' | 'expected' }
	| { op: 'add-milestone'; milestone: Milestone }
	| { op: 'add-trial'; trial: Trial; milestones: Milestone[]; study: RegistryStudy };

export interface ProposedChange {
	/** Unique within a proposal set. */
	key: string;
	nctId: string;
	/** The file the record came from. */
	file: string;
	entity: 'trials' | 'milestones';
	entityId: string;
	/** The trial or milestone as a reader knows it ("KC-WISE (KN026-001)"). */
	entityLabel: string;
	/** What changes, for a reader: "status", "primary completion", "new trial". */
	field: string;
	before: string;
	after: string;
	/** The record's exact text for the new value, and its field path. */
	quote: string;
	path: string;
	sourceId: string;
	/** A date that moves: later (slip) or earlier, and whether its precision changed. */
	slip?: 'later' | 'earlier';
	/** For a new trial: the assets it would be linked to ([] = not linked), and why. */
	link?: { assets: string[]; reason: string };
	op: ChangeOp;
}

export interface ProposalSet {
	changes: ProposedChange[];
	/** One source per record read, keyed by NCT number: the record itself. */
	sources: Map<string, Source>;
	/** The last-update-posted date of each record (what the landscape's as-of date moves to). */
	recordDates: Map<string, string | null>;
	/** Records that propose nothing new, by NCT number. */
	unchanged: string[];
}

export const sourceIdFor = (nctId: string) => `ctgov-${nctId.toLowerCase()}`;

export function registrySource(study: RegistryStudy): Source {
	return {
		id: sourceIdFor(study.nctId),
		kind: 'registry',
		title: (study.briefTitle?.value ?? study.officialTitle?.value ?? study.nctId).slice(0, 500),
		publisher: 'ClinicalTrials.gov',
		date: study.lastUpdatePosted,
		url: `https://clinicaltrials.gov/study/${study.nctId}`,
		doi: null,
		registryIds: [study.nctId],
		note: study.lastUpdatePosted
			? `Study record as last updated on ClinicalTrials.gov on ${study.lastUpdatePosted}.`
			: 'Study record on ClinicalTrials.gov.'
	};
}

/** A trial field's value for a reader: the enrolment by its counts, dates by their label. */
function show(value: Trial[TrialField]): string {
	if (value === null) return 'unknown';
	if (typeof value === 'object') return enrolmentText(value);
	return formatPartialDate(value);
}

const dateText = (d: RegistryDate) => `${formatPartialDate(d.date)} (${d.status})`;

/** Which way a date moved: by the first day each (partial) date may be, then the last. */
function slipOf(before: string | null, after: string): 'later' | 'earlier' | undefined {
	if (before === null) return undefined;
	const order = comparePartialDates(after, before);
	return order > 0 ? 'later' : order < 0 ? 'earlier' : undefined;
}

export const refOf = (sourceId: string, field: Sourced<unknown>): SourceRef => ({
	id: sourceId,
	quote: field.quote,
	note: field.path
});

function uniqueId(base: string, taken: Set<string>): string {
	let id = base;
	for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
	taken.add(id);
	return id;
}

const MILESTONE_LABEL: Record<MilestoneKind, string> = {
	start: 'Trial start',
	'primary-completion': 'Primary completion'
};

function milestoneFor(
	kind: MilestoneKind,
	id: string,
	trial: Pick<Trial, 'id' | 'name' | 'assets' | 'programs'>,
	date: Sourced<RegistryDate>,
	study: RegistryStudy,
	sourceId: string
): Milestone | null {
	const asset = trial.assets[0];
	if (asset === undefined) return null;
	return {
		id,
		asset,
		program: trial.programs[0] ?? null,
		trial: trial.id,
		type: kind === 'start' ? 'trial-start' : 'other',
		designation: null,
		approvalKind: null,
		agency: null,
		region: null,
		date: date.value.date,
		dateEnd: null,
		status: date.value.status,
		label: `${MILESTONE_LABEL[kind]}: ${trial.name}`.slice(0, 120),
		description: `${MILESTONE_LABEL[kind]} of ${study.nctId} as posted on ClinicalTrials.gov (${date.value.status === 'actual' ? 'actual' : 'estimated'} date).`,
		sources: [refOf(sourceId, date)]
	};
}

/** The trial a new record proposes, before linking (assets filled by the caller). */
export function trialFromStudy(study: RegistryStudy, id: string, assets: string[]): Trial {
	const sourceId = sourceIdFor(study.nctId);
	const fields: (Sourced<unknown> | null)[] = [
		study.acronym,
		study.briefTitle,
		study.officialTitle,
		study.phase,
		study.status,
		study.start,
		study.completion,
		study.enrollment,
		study.sponsor,
		study.design,
		study.blinding,
		study.region,
		...study.conditions,
		...study.comparatorArms,
		...study.primaryOutcomes
	];
	const sources: SourceRef[] = [];
	for (const f of fields) {
		if (f && !sources.some((s) => s.quote === f.quote)) sources.push(refOf(sourceId, f));
	}
	const brief = study.briefTitle?.value;
	const conditions = study.conditions.map((c) => c.value).join('; ');
	const comparator = study.comparatorArms.map((a) => a.value).join('; ');
	const notes = [
		`From ClinicalTrials.gov record ${study.nctId}${study.lastUpdatePosted ? ` (last update posted ${study.lastUpdatePosted})` : ''}.`,
		study.interventions.length
			? `Interventions: ${study.interventions.map((i) => i.name).join('; ')}.`
			: '',
		study.collaborators.length
			? `Collaborators: ${study.collaborators.map((c) => c.value).join('; ')}.`
			: '',
		study.primaryCompletion
			? `Primary completion: ${dateText(study.primaryCompletion.value)}.`
			: '',
		study.hasResults
			? 'The record has posted results (not imported as readouts; see the record).'
			: ''
	];
	return {
		id,
		name: study.acronym?.value ?? (brief && brief.length <= 200 ? brief : study.nctId),
		title: (study.officialTitle?.value ?? brief ?? null)?.slice(0, 500) ?? null,
		registryIds: [study.nctId],
		assets,
		programs: [],
		phase: study.phase?.value ?? null,
		design: study.design?.value ?? 'unknown',
		blinding: study.blinding?.value ?? 'unknown',
		comparator: comparator && comparator.length <= 300 ? comparator : null,
		indication:
			// Longer than 200 characters: there is a first condition.
			conditions.length <= 200 ? conditions : study.conditions[0]!.value.slice(0, 200),
		line: null,
		biomarker: null,
		region: study.region?.value && study.region.value.length <= 120 ? study.region.value : null,
		sponsor: study.sponsor?.value.slice(0, 200) ?? null,
		enrolment: {
			planned: study.enrollment?.value.kind === 'planned' ? study.enrollment.value.count : null,
			actual: study.enrollment?.value.kind === 'actual' ? study.enrollment.value.count : null
		},
		start: study.start?.value.date ?? null,
		end: study.completion?.value.date ?? null,
		status: study.status?.value ?? 'unknown',
		primaryEndpoints: study.primaryOutcomes.map((o) => o.value).filter((v) => v.length <= 200),
		note: notes.filter(Boolean).join(' ').slice(0, 2000),
		sources
	};
}

/** Proposed updates for a trial the landscape already has. */
function updatesFor(
	dataset: Dataset,
	trial: Trial,
	study: RegistryStudy,
	file: string,
	taken: Set<string>
): ProposedChange[] {
	const sourceId = sourceIdFor(study.nctId);
	const out: ProposedChange[] = [];
	const base = { nctId: study.nctId, file, sourceId };
	const setTrial = <F extends TrialField>(
		field: F,
		label: string,
		value: Trial[F],
		from: Sourced<unknown>,
		shown: string = show(value)
	) => {
		if (JSON.stringify(trial[field]) === JSON.stringify(value)) return;
		const before = trial[field];
		out.push({
			...base,
			key: `${study.nctId}:trial:${field}`,
			entity: 'trials',
			entityId: trial.id,
			entityLabel: trial.name,
			field: label,
			before: show(before),
			after: shown,
			quote: from.quote,
			path: from.path,
			slip:
				// Stryker disable next-line ConditionalExpression,LogicalOperator: a start or end is always text, and other fields' values are no dates, so they never slip
				(field === 'start' || field === 'end') && typeof value === 'string'
					? slipOf(before as string | null, value)
					: undefined,
			op: { op: 'set-trial', trial: trial.id, field, value }
		});
	};
	// Unknown never overwrites known: a registry "unknown" proposes nothing.
	if (study.status && study.status.value !== 'unknown')
		setTrial('status', 'status', study.status.value, study.status);
	if (study.phase?.value) setTrial('phase', 'phase', study.phase.value, study.phase);
	if (study.start)
		setTrial('start', 'start', study.start.value.date, study.start, dateText(study.start.value));
	if (study.completion)
		setTrial(
			'end',
			'completion',
			study.completion.value.date,
			study.completion,
			dateText(study.completion.value)
		);
	if (study.enrollment) {
		const { count, kind } = study.enrollment.value;
		const next = { ...trial.enrolment, [kind]: count };
		setTrial('enrolment', 'enrolment', next, study.enrollment, enrolmentText(next));
	}
	if (study.design && study.design.value !== 'unknown' && trial.design !== 'pooled')
		setTrial('design', 'design', study.design.value, study.design);
	if (study.blinding && study.blinding.value !== 'unknown')
		setTrial('blinding', 'blinding', study.blinding.value, study.blinding);

	const dates: [MilestoneKind, Sourced<RegistryDate> | null][] = [
		['start', study.start],
		['primary-completion', study.primaryCompletion]
	];
	for (const [kind, date] of dates) {
		if (!date) continue;
		const existing = dataset.milestones.find((m) =>
			kind === 'start'
				? m.trial === trial.id && m.type === 'trial-start'
				: m.trial === trial.id && m.id.endsWith('primary-completion')
		);
		if (existing) {
			if (existing.date === date.value.date && existing.status === date.value.status) continue;
			out.push({
				...base,
				key: `${study.nctId}:milestone:${kind}`,
				entity: 'milestones',
				entityId: existing.id,
				entityLabel: existing.label,
				field: 'date',
				before: `${formatPartialDate(existing.date)} (${existing.status})`,
				after: dateText(date.value),
				quote: date.quote,
				path: date.path,
				slip: slipOf(existing.date, date.value.date),
				op: {
					op: 'set-milestone',
					milestone: existing.id,
					date: date.value.date,
					status: date.value.status
				}
			});
		} else {
			const id = uniqueId(`${trial.id}-${kind}`, taken);
			const milestone = milestoneFor(kind, id, trial, date, study, sourceId);
			if (!milestone) continue;
			out.push({
				...base,
				key: `${study.nctId}:milestone:${kind}`,
				entity: 'milestones',
				entityId: id,
				entityLabel: milestone.label,
				field: 'new milestone',
				before: '—',
				after: dateText(date.value),
				quote: date.quote,
				path: date.path,
				op: { op: 'add-milestone', milestone }
			});
		}
	}
	return out;
}

const enrolmentText = (e: Trial['enrolment']) =>
	[
		e.planned === null ? null : `${e.planned} planned`,
		e.actual === null ? null : `${e.actual} actual`
	]
		.filter(Boolean)
		.join(', ') || 'unknown';

/** The milestones a new trial brings, for its first linked asset (none when unlinked). */
export function newTrialMilestones(
	trial: Pick<Trial, 'id' | 'name' | 'assets' | 'programs'>,
	study: RegistryStudy,
	taken: ReadonlySet<string>
): Milestone[] {
	const sourceId = sourceIdFor(study.nctId);
	const ids = new Set(taken);
	const out: Milestone[] = [];
	if (study.start) {
		const m = milestoneFor(
			'start',
			uniqueId(`${trial.id}-start`, ids),
			trial,
			study.start,
			study,
			sourceId
		);
		if (m) out.push(m);
	}
	if (study.primaryCompletion) {
		const id = uniqueId(`${trial.id}-primary-completion`, ids);
		const m = milestoneFor(
			'primary-completion',
			id,
			trial,
			study.primaryCompletion,
			study,
			sourceId
		);
		if (m) out.push(m);
	}
	return out;
}

/** Every record of every file → the proposed changes. A record read twice counts once (the last). */
export function proposeChanges(dataset: Dataset, files: readonly RecordFile[]): ProposalSet {
	const latest = new Map<string, { study: RegistryStudy; file: string }>();
	for (const file of files)
		for (const study of file.studies) latest.set(study.nctId, { study, file: file.name });

	const taken = new Set<string>([
		...dataset.trials.map((t) => t.id),
		...dataset.milestones.map((m) => m.id)
	]);
	const set: ProposalSet = {
		changes: [],
		sources: new Map(),
		recordDates: new Map(),
		unchanged: []
	};
	for (const { study, file } of latest.values()) {
		set.sources.set(study.nctId, registrySource(study));
		set.recordDates.set(study.nctId, study.lastUpdatePosted);
		const existing = findTrial(dataset, study.nctId);
		if (existing) {
			const changes = updatesFor(dataset, existing, study, file, taken);
			if (changes.length === 0) set.unchanged.push(study.nctId);
			set.changes.push(...changes);
			continue;
		}
		const matches = matchAssets(dataset, study.interventions);
		const assets = matches.map((m) => m.asset);
		// An NCT number (checked when read: NCT and 8 digits) in lower case is a valid id.
		const id = uniqueId(study.nctId.toLowerCase(), taken);
		const trial = trialFromStudy(study, id, assets);
		const milestones = newTrialMilestones(trial, study, taken);
		for (const m of milestones) taken.add(m.id);
		const names = study.interventions.map((i) => i.name).join('; ') || 'no interventions listed';
		set.changes.push({
			key: `${study.nctId}:trial:new`,
			nctId: study.nctId,
			file,
			sourceId: sourceIdFor(study.nctId),
			entity: 'trials',
			entityId: id,
			entityLabel: trial.name,
			field: 'new trial',
			before: '—',
			after: [study.nctId, show(trial.phase), show(trial.status)].join(' · '),
			quote: study.briefTitle?.quote ?? study.nctId,
			path: study.briefTitle?.path ?? 'protocolSection.identificationModule.nctId',
			link: {
				assets,
				reason: matches.length
					? `intervention ${matches.map((m) => `“${m.intervention}”`).join(', ')} names ${assets.join(', ')}`
					: `no intervention (${names}) names an asset of this landscape`
			},
			op: { op: 'add-trial', trial, milestones, study }
		});
	}
	return set;
}
