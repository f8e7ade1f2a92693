/**
 * Dataset quality checks: what the schema cannot say on its own (references between entities,
 * arithmetic between numbers, order between dates, provenance). They run on a dataset that has
 * already passed `Dataset.parse`, and report issues instead of throwing, so one run lists every
 * problem.
 *
 * Each issue has a stable `code` (tests, filters and the Data view key on it), a `path` into the
 * dataset JSON (`readouts[3].ci.low`), the ids of the entities concerned, and a message written
 * for a strategy analyst, naming the values.
 */
import { ciAgrees, clopperPearson, decimalsOf, roundingTolerance } from './stats';
import { isCertainlyBefore, parsePartialDate } from './dates';
import type { Dataset, Readout } from './schema';
import { PARTIAL_DATE_PATTERN } from './vocabulary';
import { issue, type QaIssue, type QaOptions } from './qa-issues';
import {
	COLLECTIONS,
	NOUNS,
	dateFields,
	firstById,
	idsOf,
	named,
	show,
	sourcedFacts,
	type Collection
} from './qa-walk';
import { runProvenanceChecks } from './qa-provenance';

export { QA_CODES, summarizeIssues } from './qa-issues';
export type { QaCode, QaIssue, QaLevel, QaOptions, QaSummary } from './qa-issues';

// ---------------------------------------------------------------------------------------------
// Number formatting for messages
// ---------------------------------------------------------------------------------------------

function unitSuffix(unit: Readout['unit']): string {
	if (unit === '%') return ' %';
	if (unit === 'months') return ' months';
	return '';
}

function levelPercent(level: number): string {
	return `${Number((level * 100).toFixed(4))}%`;
}

function fixed(value: number, decimals: number): string {
	return value.toFixed(decimals);
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

function checkDuplicateIds(dataset: Dataset): QaIssue[] {
	const issues: QaIssue[] = [];
	for (const collection of COLLECTIONS) {
		const firstIndex = new Map<string, number>();
		dataset[collection].forEach((entity, i) => {
			const first = firstIndex.get(entity.id);
			if (first === undefined) {
				firstIndex.set(entity.id, i);
				return;
			}
			issues.push(
				issue(
					'duplicate-id',
					`${collection}[${i}].id`,
					`Two ${NOUNS[collection].many} share the id "${entity.id}": ${collection}[${first}] and ${collection}[${i}].`,
					[entity.id]
				)
			);
		});
	}
	return issues;
}

function checkUnknownReferences(dataset: Dataset): QaIssue[] {
	const issues: QaIssue[] = [];
	const known: Record<Collection, Set<string>> = {
		sources: idsOf(dataset, 'sources'),
		assets: idsOf(dataset, 'assets'),
		programs: idsOf(dataset, 'programs'),
		milestones: idsOf(dataset, 'milestones'),
		trials: idsOf(dataset, 'trials'),
		readouts: idsOf(dataset, 'readouts'),
		deals: idsOf(dataset, 'deals'),
		conflicts: idsOf(dataset, 'conflicts')
	};
	const anyEntity = new Set(COLLECTIONS.flatMap((collection) => [...known[collection]]));

	const requireKnown = (
		target: Collection,
		referenced: string | null,
		path: string,
		owner: string,
		ownerId: string
	) => {
		if (referenced === null || known[target].has(referenced)) return;
		const noun = NOUNS[target].one.toLowerCase();
		issues.push(
			issue(
				'unknown-reference',
				path,
				`${owner} refers to ${noun} "${referenced}", which is not in the dataset's ${NOUNS[target].many}.`,
				[ownerId, referenced]
			)
		);
	};

	dataset.programs.forEach((p, i) =>
		requireKnown('assets', p.asset, `programs[${i}].asset`, named('programs', p.id), p.id)
	);
	dataset.milestones.forEach((m, i) => {
		const owner = named('milestones', m.id);
		requireKnown('assets', m.asset, `milestones[${i}].asset`, owner, m.id);
		requireKnown('programs', m.program, `milestones[${i}].program`, owner, m.id);
		requireKnown('trials', m.trial, `milestones[${i}].trial`, owner, m.id);
	});
	dataset.trials.forEach((t, i) => {
		const owner = named('trials', t.id);
		t.assets.forEach((a, j) => requireKnown('assets', a, `trials[${i}].assets[${j}]`, owner, t.id));
		t.programs.forEach((p, j) =>
			requireKnown('programs', p, `trials[${i}].programs[${j}]`, owner, t.id)
		);
	});
	dataset.readouts.forEach((r, i) => {
		const owner = named('readouts', r.id);
		requireKnown('trials', r.trial, `readouts[${i}].trial`, owner, r.id);
		requireKnown('assets', r.asset, `readouts[${i}].asset`, owner, r.id);
	});
	dataset.deals.forEach((d, i) =>
		d.asset.forEach((a, j) =>
			requireKnown('assets', a, `deals[${i}].asset[${j}]`, named('deals', d.id), d.id)
		)
	);
	dataset.conflicts.forEach((c, i) =>
		c.about.forEach((about, j) => {
			if (anyEntity.has(about)) return;
			issues.push(
				issue(
					'unknown-reference',
					`conflicts[${i}].about[${j}]`,
					`${named('conflicts', c.id)} is about "${about}", which is not the id of anything in the dataset.`,
					[c.id, about]
				)
			);
		})
	);
	for (const fact of sourcedFacts(dataset)) {
		fact.sources.forEach((ref, j) =>
			requireKnown(
				'sources',
				ref.id,
				`${fact.path}.sources[${j}].id`,
				fact.description,
				fact.ownerId
			)
		);
	}
	return issues;
}

function checkMissingSources(dataset: Dataset): QaIssue[] {
	const issues: QaIssue[] = [];
	for (const fact of sourcedFacts(dataset)) {
		if (fact.requiresSources && fact.sources.length === 0) {
			issues.push(
				issue('missing-source', `${fact.path}.sources`, `${fact.description} has no source.`, [
					fact.ownerId
				])
			);
		}
		fact.sources.forEach((ref, j) => {
			if (ref.quote.trim() !== '') return;
			issues.push(
				issue(
					'missing-source',
					`${fact.path}.sources[${j}].quote`,
					`${fact.description} cites source "${ref.id}" without a quote.`,
					[fact.ownerId, ref.id]
				)
			);
		});
	}
	return issues;
}

function checkReadoutNumbers(dataset: Dataset): QaIssue[] {
	return dataset.readouts.flatMap((readout, i) => [
		...checkCi(readout, i),
		...checkResponders(readout, i)
	]);
}

function checkCi(readout: Readout, i: number): QaIssue[] {
	const { ci, value } = readout;
	if (!ci) return [];
	// Stryker disable next-line ConditionalExpression: comparisons with "NR" are false, as the null checks below make them
	const low = typeof ci.low === 'number' ? ci.low : null;
	// Stryker disable next-line ConditionalExpression: comparisons with "NR" are false, as the null checks below make them
	const high = typeof ci.high === 'number' ? ci.high : null;
	const unit = unitSuffix(readout.unit);
	const name = named('readouts', readout.id);
	if (low !== null && high !== null && low > high) {
		return [
			issue(
				'ci-inverted',
				`readouts[${i}].ci`,
				`${name} has a CI whose lower bound (${low}${unit}) is above its upper bound (${high}${unit}).`,
				[readout.id]
			)
		];
	}
	// One numeric bound with the other "NR" still bounds the value on that side.
	const below = value !== null && low !== null && value < low;
	const above = value !== null && high !== null && value > high;
	if (!below && !above) return [];
	const range = `${ci.low ?? '?'}–${ci.high ?? '?'}${unit}`;
	return [
		issue(
			'value-outside-ci',
			`readouts[${i}].value`,
			`${name} reports ${readout.endpoint} ${value}${unit}, outside its own ${levelPercent(ci.level)} CI ${range}.`,
			[readout.id]
		)
	];
}

function checkResponders(readout: Readout, i: number): QaIssue[] {
	const { responders, n, value } = readout;
	if (responders === null || n === null) return [];
	const name = named('readouts', readout.id);
	if (responders > n) {
		return [
			issue(
				'responders-exceed-n',
				`readouts[${i}].responders`,
				`${name} counts ${responders} responders out of only ${n} patients.`,
				[readout.id]
			)
		];
	}
	// An approximate value ("~76%") is not held to the rounding of its printed digits.
	if (readout.unit !== '%' || value === null || n === 0 || readout.approximate) return [];
	const exact = (responders / n) * 100;
	const decimals = decimalsOf(value);
	// Stryker disable next-line EqualityOperator: the tolerance carries a 1e-9 slack, so a difference exactly equal to it does not occur
	if (Math.abs(exact - value) <= roundingTolerance(decimals)) return [];
	return [
		issue(
			'responders-mismatch',
			`readouts[${i}].value`,
			`${name} reports ${readout.endpoint} ${value} %, but ${responders} responders out of ${n} is ${fixed(exact, Math.max(decimals, 1))} %.`,
			[readout.id]
		)
	];
}

/** Acceptance by an agency cannot come before the submission it accepts. */
function checkAcceptanceAfterSubmission(dataset: Dataset): QaIssue[] {
	const issues: QaIssue[] = [];
	// Without an agency we cannot tell which submission an acceptance answers, so skip those.
	const key = (m: Dataset['milestones'][number]) =>
		m.agency === null ? null : JSON.stringify([m.asset, m.program, m.agency]);
	const submissions = dataset.milestones.filter((m) => m.type === 'submission');
	dataset.milestones.forEach((acceptance, i) => {
		if (acceptance.type !== 'acceptance') return;
		const group = key(acceptance);
		if (group === null) return;
		for (const submission of submissions) {
			if (key(submission) !== group) continue;
			// The latest the acceptance can be (end of its window) against the earliest submission day.
			if (!isCertainlyBefore(acceptance.dateEnd ?? acceptance.date, submission.date)) continue;
			issues.push(
				issue(
					'acceptance-before-submission',
					`milestones[${i}].date`,
					`${named('milestones', acceptance.id)} (${acceptance.agency} acceptance, ${acceptance.date}) is dated before the submission it should follow, milestone "${submission.id}" (${submission.date}).`,
					[acceptance.id, submission.id]
				)
			);
		}
	});
	return issues;
}

function checkReadoutsAfterTrialStart(dataset: Dataset): QaIssue[] {
	const trials = firstById(dataset.trials);
	const issues: QaIssue[] = [];
	dataset.readouts.forEach((readout, i) => {
		const trial = trials.get(readout.trial);
		if (!trial?.start) return;
		const dates: [string, string, string | null][] = [
			[`readouts[${i}].dataCut`, 'data cut', readout.dataCut],
			[`readouts[${i}].presentedAt.date`, 'presentation date', readout.presentedAt?.date ?? null]
		];
		for (const [path, what, date] of dates) {
			if (!isCertainlyBefore(date, trial.start)) continue;
			issues.push(
				issue(
					'readout-before-trial-start',
					path,
					`${named('readouts', readout.id)} has a ${what} (${date}) before its trial "${trial.id}" started (${trial.start}).`,
					[readout.id, trial.id]
				)
			);
		}
	});
	return issues;
}

function checkActualNotInFuture(dataset: Dataset, now: string): QaIssue[] {
	const issues: QaIssue[] = [];
	const flag = (path: string, description: string, date: string, ids: string[]) =>
		issues.push(
			issue(
				'actual-in-future',
				path,
				`${description} is marked actual but dated ${date}, after ${now}.`,
				ids
			)
		);
	dataset.milestones.forEach((m, i) => {
		if (m.status === 'actual' && isCertainlyBefore(now, m.date)) {
			flag(`milestones[${i}].date`, named('milestones', m.id), m.date, [m.id]);
		}
	});
	dataset.programs.forEach((program, i) =>
		program.phases.forEach((phase, j) => {
			if (phase.status !== 'actual') return;
			// start and knownBy are the evidence that the phase is under way; end may be a plan.
			for (const field of ['start', 'knownBy'] as const) {
				const date = phase[field];
				// Stryker disable next-line ConditionalExpression: isCertainlyBefore is false for a missing date as well
				if (date === null || !isCertainlyBefore(now, date)) continue;
				const description = `The ${phase.phase} phase of program "${program.id}" (${field})`;
				flag(`programs[${i}].phases[${j}].${field}`, description, date, [program.id]);
			}
		})
	);
	return issues;
}

function checkDatesAreReal(dataset: Dataset): QaIssue[] {
	return dateFields(dataset)
		.filter((field) => field.value !== null && parsePartialDate(field.value) === null)
		.map((field) => {
			// Stryker disable next-line StringLiteral: the filter above keeps only fields with a value
			const value = field.value ?? '';
			const reason = PARTIAL_DATE_PATTERN.test(value)
				? 'which is not a real calendar day'
				: 'which is not a date of the form YYYY-MM-DD, YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY';
			return issue(
				'partial-date-invalid',
				field.path,
				`${field.description} is ${show(value)}, ${reason}.`,
				[field.ownerId]
			);
		});
}

// ---------------------------------------------------------------------------------------------
// Warnings
// ---------------------------------------------------------------------------------------------

/** Reported CI methods we do not expect to match Clopper–Pearson (Wilson, Wald, ...). */
function namesAnotherCiMethod(method: string | null): boolean {
	return method !== null && !/clopper|pearson|exact/i.test(method);
}

function isWholeCount(count: number | null): count is number {
	return Number.isInteger(count);
}

function checkCiAgainstExact(dataset: Dataset): QaIssue[] {
	const issues: QaIssue[] = [];
	dataset.readouts.forEach((readout, i) => {
		const { ci, responders, n } = readout;
		if (readout.unit !== '%' || !ci) return;
		// Counts not reported (null) have no exact CI; fractions (the schema forbids them) neither.
		if (!isWholeCount(responders) || !isWholeCount(n)) return;
		if (n === 0 || responders > n || namesAnotherCiMethod(ci.method)) return;
		// The schema guarantees these; checked again so QA never throws on hand-built data.
		if (!(ci.level > 0 && ci.level < 1)) return;
		if (typeof ci.low !== 'number' || typeof ci.high !== 'number' || ci.low > ci.high) return;
		const reported = { low: ci.low, high: ci.high };
		const exact = clopperPearson(responders, n, ci.level);
		if (ciAgrees(reported, exact)) return;
		const decimals = Math.max(decimalsOf(ci.low), decimalsOf(ci.high));
		const level = levelPercent(ci.level);
		issues.push(
			issue(
				'ci-differs-from-exact',
				`readouts[${i}].ci`,
				`${named('readouts', readout.id)} (${responders}/${n}): reported ${level} CI ${fixed(reported.low, decimals)}–${fixed(reported.high, decimals)} %, exact Clopper–Pearson ${fixed(exact.lower * 100, decimals)}–${fixed(exact.upper * 100, decimals)} %.`,
				[readout.id]
			)
		);
	});
	return issues;
}

function checkExpectedNotInPast(dataset: Dataset, now: string): QaIssue[] {
	const issues: QaIssue[] = [];
	dataset.milestones.forEach((m, i) => {
		if (m.status !== 'expected') return;
		const windowEnd = m.dateEnd ?? m.date;
		if (!isCertainlyBefore(windowEnd, now)) return;
		const field = m.dateEnd === null ? 'date' : 'dateEnd';
		issues.push(
			issue(
				'expected-in-past',
				`milestones[${i}].${field}`,
				`${named('milestones', m.id)} is still marked expected, but its window ended (${windowEnd}) before ${now}.`,
				[m.id]
			)
		);
	});
	dataset.programs.forEach((program, i) =>
		program.phases.forEach((phase, j) => {
			if (phase.status !== 'expected' || !isCertainlyBefore(phase.start, now)) return;
			issues.push(
				issue(
					'expected-in-past',
					`programs[${i}].phases[${j}].start`,
					`The ${phase.phase} phase of program "${program.id}" is still marked expected, but its start (${phase.start}) is before ${now}.`,
					[program.id]
				)
			);
		})
	);
	return issues;
}

function checkHazardRatiosHaveComparator(dataset: Dataset): QaIssue[] {
	return dataset.readouts.flatMap((readout, i) => {
		const isHazardRatio = readout.endpoint === 'HR-PFS' || readout.endpoint === 'HR-OS';
		if (!isHazardRatio || (readout.comparatorArm ?? '').trim() !== '') return [];
		return [
			issue(
				'hr-without-comparator',
				`readouts[${i}].comparatorArm`,
				`${named('readouts', readout.id)} gives a hazard ratio (${readout.endpoint}${readout.value === null ? '' : ` ${readout.value}`}) without saying which arm it is measured against.`,
				[readout.id]
			)
		];
	});
}

function checkSourcesAreCited(dataset: Dataset): QaIssue[] {
	const cited = new Set(sourcedFacts(dataset).flatMap((fact) => fact.sources.map((ref) => ref.id)));
	return dataset.sources.flatMap((source, i) =>
		cited.has(source.id)
			? []
			: [
					issue(
						'unused-source',
						`sources[${i}]`,
						`Source "${source.id}" (${show(source.title)}) is not cited by any fact.`,
						[source.id]
					)
				]
	);
}

// ---------------------------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------------------------

/** Runs every check; errors first, then warnings, each in dataset order. */
export function runQualityChecks(dataset: Dataset, options: QaOptions = {}): QaIssue[] {
	const now = options.today ?? dataset.meta.asOf;
	// An invalid reference date is reported by partial-date-invalid; isCertainlyBefore then
	// returns false, so the time checks stay silent rather than guess.
	const issues = [
		...checkDuplicateIds(dataset),
		...checkUnknownReferences(dataset),
		...checkMissingSources(dataset),
		...checkDatesAreReal(dataset),
		...checkReadoutNumbers(dataset),
		...checkAcceptanceAfterSubmission(dataset),
		...checkReadoutsAfterTrialStart(dataset),
		...checkActualNotInFuture(dataset, now),
		...checkCiAgainstExact(dataset),
		...checkExpectedNotInPast(dataset, now),
		...checkHazardRatiosHaveComparator(dataset),
		...checkSourcesAreCited(dataset),
		...runProvenanceChecks(dataset)
	];
	// Each check emits one level only, and the error checks come first in this list, so the
	// issues are already errors first, then warnings, each in dataset order.
	return issues;
}
