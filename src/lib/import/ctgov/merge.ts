/**
 * The accepted changes → the next version of the landscape. Pure: the dataset given is never
 * modified (the built-in one in particular), a copy is. Each changed fact gains the record as a
 * source with the field's exact text; the record joins `sources` once; the as-of date moves to
 * the newest record accepted; the version goes up by one patch step. The caller validates the
 * result with the schema and the quality checks before storing it.
 */
import type { Dataset, Milestone, Trial } from '../../data/schema';
import { comparePartialDates } from '../../data/dates';
import { newTrialMilestones, type ProposalSet, type ProposedChange } from './propose';

export interface MergeOptions {
	/** Change key → the assets a new trial is linked to, when the reviewer chose otherwise. */
	links?: ReadonlyMap<string, string[]>;
	/** Save under a new id and title ("save as my landscape", starting from the built-in one). */
	saveAs?: { id: string; title: string } | null;
}

/** "1.0.0" → "1.0.1"; a version without a trailing number gains ".1". */
export function nextVersion(version: string): string {
	// From the first character on: the lazy first group takes everything before the last number.
	const match = /(.*?)(\d+)$/.exec(version);
	const next = match ? `${match[1]}${Number(match[2]) + 1}` : `${version}.1`;
	return next.slice(0, 40);
}

function addRef(
	fact: { sources: Dataset['trials'][number]['sources'] },
	ref: { id: string; quote: string; note?: string }
) {
	if (!fact.sources.some((s) => s.id === ref.id && s.quote === ref.quote)) fact.sources.push(ref);
}

export function mergeAccepted(
	dataset: Dataset,
	proposals: ProposalSet,
	accepted: readonly ProposedChange[],
	options: MergeOptions = {}
): Dataset {
	const next = structuredClone(dataset) as Dataset;
	const trials = new Map(next.trials.map((t) => [t.id, t]));
	const milestones = new Map(next.milestones.map((m) => [m.id, m]));
	const taken = new Set<string>([...trials.keys(), ...milestones.keys()]);
	const used = new Set<string>();
	for (const change of accepted) {
		const op = change.op;
		const ref = { id: change.sourceId, quote: change.quote, note: change.path };
		if (op.op === 'set-trial') {
			const trial = trials.get(op.trial);
			if (!trial) continue;
			(trial as Record<string, unknown>)[op.field] = structuredClone(op.value);
			addRef(trial, ref);
		} else if (op.op === 'set-milestone') {
			const milestone = milestones.get(op.milestone);
			if (!milestone) continue;
			milestone.date = op.date;
			milestone.status = op.status;
			milestone.dateEnd = null;
			addRef(milestone, ref);
		} else if (op.op === 'add-milestone') {
			// Stryker disable next-line StringLiteral: a milestone of no trial matches none whatever the fallback (ids are lower-case words)
			if (!trials.has(op.milestone.trial ?? '') || milestones.has(op.milestone.id)) continue;
			const m = structuredClone(op.milestone) as Milestone;
			next.milestones.push(m);
			milestones.set(m.id, m);
		} else {
			if (trials.has(op.trial.id)) continue;
			const chosen = options.links?.get(change.key);
			const trial = structuredClone(op.trial) as Trial;
			let added: Milestone[] = structuredClone(op.milestones) as Milestone[];
			if (chosen) {
				trial.assets = chosen.filter((a) => next.assets.some((x) => x.id === a));
				// The milestones follow the asset the reviewer chose (none when left unlinked).
				added = newTrialMilestones(trial, op.study, taken);
			}
			next.trials.push(trial);
			trials.set(trial.id, trial);
			for (const m of added) {
				if (taken.has(m.id)) continue;
				taken.add(m.id);
				next.milestones.push(m);
				milestones.set(m.id, m);
			}
		}
		used.add(change.nctId);
	}
	for (const nctId of used) {
		const source = proposals.sources.get(nctId);
		if (!source) continue;
		const i = next.sources.findIndex((s) => s.id === source.id);
		if (i === -1) next.sources.push(structuredClone(source));
		else next.sources[i] = structuredClone(source);
		const date = proposals.recordDates.get(nctId);
		// Stryker disable next-line EqualityOperator: an equal date is the same date, so the as-of date stays the same
		if (date && comparePartialDates(date, next.meta.asOf) > 0) next.meta.asOf = date;
	}
	if (used.size > 0) next.meta.version = nextVersion(dataset.meta.version);
	if (options.saveAs) {
		next.meta.id = options.saveAs.id;
		next.meta.title = options.saveAs.title;
	}
	return next;
}
