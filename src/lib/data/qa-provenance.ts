/**
 * Provenance checks: does each fact's own quote carry it, and do the dated facts of one trial and
 * one program agree? Warnings, not errors: each one asks a person to look at a quote or a date.
 *
 * - `quote-lacks-value`: no quote of a readout contains its value as written ("42.9", "0.80",
 *   ".63"), so the quote cannot show the number a reader sees.
 * - `quote-names-nothing`: a readout's quotes name neither its asset, its trial nor its endpoint
 *   (a bare "80.0% (95% CI, 63.1%-91.6%)" could be any rate of any arm).
 * - `phase-starts-after-evidence`: the phase bar that stands for a trial begins after the trial's
 *   earliest dated evidence (a design publication, a milestone, a readout), so the timeline draws
 *   the trial later than the sources show it.
 * - `program-line-differs`: a program's line differs from the line of its own asset's readouts in
 *   its trials and indication group, so the program and its data land in different groups.
 */
import { isCertainlyBefore } from './dates';
import { issue, type QaIssue } from './qa-issues';
import { firstById, named } from './qa-walk';
import type { Asset, Dataset, Readout, Trial } from './schema';

/** The codes this module emits. */
export const PROVENANCE_CODES: readonly string[] = [
	'quote-lacks-value',
	'quote-names-nothing',
	'phase-starts-after-evidence',
	'program-line-differs'
];

/** The number as written in a quote: trailing zeros and a leading zero may differ ("0.8" ~ "0.80" ~ ".8"). */
export function quoteContainsValue(quote: string, value: number): boolean {
	const text = String(value);
	const [whole, fraction = ''] = text.replace('-', '').split('.');
	const wholePart = whole === '0' ? '0?' : whole;
	const fractionPart = fraction === '' ? '(?:\\.0+)?' : `\\.${fraction}0*`;
	// Not inside a longer number on either side: "40" is not in "140", "40.5" or "1.40".
	const pattern = new RegExp(`(?<![\\d.])${wholePart}${fractionPart}(?!\\.?\\d)`);
	return pattern.test(quote);
}

/** Words a quote uses for each endpoint. */
const RESPONSE = /ORR|\bRR\b|respon/i;
const PFS = /PFS|progression|not grown or spread/i;
const OS = /\bm?OS\b|overall survival|alive|death|总生存/i;
const DOR = /DOR|duration of response/i;
const HR = /hazard ratio|\bHR\b/i;
const ENDPOINT_WORDS: Record<Readout['endpoint'], RegExp> = {
	ORR: RESPONSE,
	cORR: RESPONSE,
	DCR: /DCR|disease control/i,
	CBR: /CBR|clinical benefit/i,
	pCR: /pCR|pathological complete/i,
	tpCR: /pCR|pathological complete/i,
	mPFS: PFS,
	mOS: OS,
	mDOR: DOR,
	'PFS-rate': PFS,
	'OS-rate': OS,
	'DOR-rate': DOR,
	'HR-PFS': new RegExp(`${PFS.source}|${HR.source}`, 'i'),
	'HR-OS': new RegExp(`${OS.source}|${HR.source}`, 'i')
};

// The empty word lists below only have to match no quote; a placeholder word matches none either.
function assetWords(asset: Asset | undefined): string[] {
	// Stryker disable next-line ArrayDeclaration: see above
	if (!asset) return [];
	// `aliases` may be absent in a file trusted by its build-time digest (no schema defaults ran).
	// Stryker disable next-line ArrayDeclaration: see above
	const aliases = asset.aliases ?? [];
	return [asset.name, asset.shortName, ...aliases, asset.id].filter((w) => w.length >= 2);
}

function trialWords(trial: Trial | undefined): string[] {
	// Stryker disable next-line ArrayDeclaration: see above
	if (!trial) return [];
	// Stryker disable next-line StringLiteral: split always returns at least one part, so the default is never used
	const acronym = trial.name.split(/[\s(]/)[0] ?? '';
	return [trial.name, acronym, ...trial.registryIds].filter((w) => w.length >= 3);
}

function mentionsAny(text: string, words: string[]): boolean {
	const lower = text.toLowerCase();
	return words.some((w) => lower.includes(w.toLowerCase()));
}

function checkQuotesCarryReadouts(dataset: Dataset): QaIssue[] {
	const assets = firstById(dataset.assets);
	const trials = firstById(dataset.trials);
	const issues: QaIssue[] = [];
	dataset.readouts.forEach((readout, i) => {
		const quotes = readout.sources.map((ref) => ref.quote);
		if (quotes.length === 0) return; // missing-source reports it
		const name = named('readouts', readout.id);
		if (readout.value !== null && !quotes.some((q) => quoteContainsValue(q, readout.value!))) {
			issues.push(
				issue(
					'quote-lacks-value',
					`readouts[${i}].value`,
					`${name} reports ${readout.endpoint} ${readout.value}, but none of its quotes contains ${readout.value} as written.`,
					[readout.id]
				)
			);
		}
		const words = [
			...assetWords(readout.asset ? assets.get(readout.asset) : undefined),
			...trialWords(trials.get(readout.trial))
		];
		const named_ = quotes.some(
			(q) => ENDPOINT_WORDS[readout.endpoint].test(q) || mentionsAny(q, words)
		);
		if (!named_) {
			issues.push(
				issue(
					'quote-names-nothing',
					`readouts[${i}].sources`,
					`${name}: its quotes name neither the asset, the trial nor the endpoint (${readout.endpoint}); a reader cannot tell what the number is from the quote alone.`,
					[readout.id]
				)
			);
		}
	});
	return issues;
}

/** The earliest dated evidence that a trial was under way, with what it is. */
function earliestEvidence(
	dataset: Dataset,
	trial: Trial,
	indicationGroup: string
): { date: string; what: string } | null {
	const sources = firstById(dataset.sources);
	const candidates: { date: string; what: string }[] = [];
	if (trial.start) candidates.push({ date: trial.start, what: 'its start date' });
	for (const ref of trial.sources) {
		const date = sources.get(ref.id)?.date;
		if (date) candidates.push({ date, what: `its source "${ref.id}"` });
	}
	for (const m of dataset.milestones) {
		if (m.trial === trial.id && m.status === 'actual') {
			candidates.push({ date: m.date, what: `milestone "${m.id}"` });
		}
	}
	for (const r of dataset.readouts) {
		// A pooled trial spans indications: only its readouts in the program's group count.
		if (r.trial !== trial.id || r.indicationGroup !== indicationGroup) continue;
		for (const date of [r.dataCut, r.presentedAt?.date ?? null]) {
			if (date) candidates.push({ date, what: `readout "${r.id}"` });
		}
	}
	let earliest: { date: string; what: string } | null = null;
	for (const c of candidates) {
		if (!earliest || isCertainlyBefore(c.date, earliest.date)) earliest = c;
	}
	return earliest;
}

function checkPhasesStartByTheirEvidence(dataset: Dataset): QaIssue[] {
	const programIndex = new Map(dataset.programs.map((p, i) => [p.id, i]));
	const issues: QaIssue[] = [];
	for (const trial of dataset.trials) {
		// Stryker disable next-line ConditionalExpression: a trial without a phase matches no phase below; this only skips the work
		if (trial.phase === null) continue;
		for (const programId of trial.programs) {
			const i = programIndex.get(programId);
			if (i === undefined) continue; // unknown-reference reports it
			const program = dataset.programs[i]!;
			const evidence = earliestEvidence(dataset, trial, program.indicationGroup);
			if (!evidence) continue;
			program.phases.forEach((phase, j) => {
				if (phase.phase !== trial.phase || phase.status !== 'actual') return;
				const begins = phase.start ?? phase.knownBy;
				// Stryker disable next-line ConditionalExpression: isCertainlyBefore is false for a missing date as well
				if (begins === null || !isCertainlyBefore(evidence.date, begins)) return;
				const field = phase.start !== null ? 'start' : 'knownBy';
				issues.push(
					issue(
						'phase-starts-after-evidence',
						`programs[${i}].phases[${j}].${field}`,
						`The ${phase.phase} phase of program "${program.id}" begins ${begins}, but trial "${trial.id}" is evidenced earlier (${evidence.date}, ${evidence.what}).`,
						[program.id, trial.id]
					)
				);
			});
		}
	}
	return issues;
}

function checkProgramLinesMatchReadouts(dataset: Dataset): QaIssue[] {
	const issues: QaIssue[] = [];
	dataset.programs.forEach((program, i) => {
		if (program.line === null) return;
		const trialIds = new Set(
			dataset.trials.filter((t) => t.programs.includes(program.id)).map((t) => t.id)
		);
		const lines = new Set<string>();
		const ids: string[] = [];
		for (const r of dataset.readouts) {
			if (!trialIds.has(r.trial) || r.asset !== program.asset) continue;
			if (r.indicationGroup !== program.indicationGroup) continue;
			if (lineWithin(r.line, program.line)) continue;
			lines.add(r.line ?? 'no line');
			ids.push(r.id);
		}
		if (ids.length === 0) return;
		issues.push(
			issue(
				'program-line-differs',
				`programs[${i}].line`,
				`Program "${program.id}" is ${program.line}, but ${ids.length} of its readouts are ${[...lines].join(', ')} (e.g. "${ids[0]}"), so they are grouped apart.`,
				[program.id, ...ids]
			)
		);
	});
	return issues;
}

/**
 * Whether readouts of line `inner` belong to a program of line `outer`: the same line, or a later
 * line within an open-ended one ("3L+" and "2L" within "2L+"; "2L+" is not within "2L").
 */
export function lineWithin(inner: string | null, outer: string): boolean {
	if (inner === outer) return true;
	const open = /^(\d+)L\+$/.exec(outer);
	// Stryker disable next-line ConditionalExpression: exec of null reads "null", which the line pattern does not match
	const line = inner === null ? null : /^(\d+)L\+?$/.exec(inner);
	return open !== null && line !== null && Number(line[1]) >= Number(open[1]);
}

/** Every provenance check, in dataset order. */
export function runProvenanceChecks(dataset: Dataset): QaIssue[] {
	return [
		...checkQuotesCarryReadouts(dataset),
		...checkPhasesStartByTheirEvidence(dataset),
		...checkProgramLinesMatchReadouts(dataset)
	];
}
