/**
 * The vocabulary of dataset quality issues: levels, codes, the issue record and its summary.
 * Shared by the checks in qa.ts and qa-provenance.ts.
 */

export type QaLevel = 'error' | 'warning';

export interface QaIssue {
	level: QaLevel;
	code: string;
	path: string;
	message: string;
	ids: string[];
}

export interface QaOptions {
	/**
	 * The day the time checks treat as "now" (a partial date): actual facts after it and expected
	 * ones whose window ended before it are flagged. Defaults to the dataset's `meta.asOf`, since a
	 * dataset describes the world as of that date; pass today's date to find stale expectations.
	 */
	today?: string;
}

export interface QaSummary {
	errors: number;
	warnings: number;
	byCode: Record<string, number>;
}

/** Every code `runQualityChecks` can emit, with its level. */
export const QA_CODES = {
	'unknown-reference': 'error',
	'duplicate-id': 'error',
	'value-outside-ci': 'error',
	'ci-inverted': 'error',
	'responders-mismatch': 'error',
	'responders-exceed-n': 'error',
	'missing-source': 'error',
	'acceptance-before-submission': 'error',
	'readout-before-trial-start': 'error',
	'actual-in-future': 'error',
	'partial-date-invalid': 'error',
	'ci-differs-from-exact': 'warning',
	'expected-in-past': 'warning',
	'hr-without-comparator': 'warning',
	'unused-source': 'warning',
	'quote-lacks-value': 'warning',
	'quote-names-nothing': 'warning',
	'phase-starts-after-evidence': 'warning',
	'program-line-differs': 'warning'
} as const satisfies Record<string, QaLevel>;

export type QaCode = keyof typeof QA_CODES;

export function issue(code: QaCode, path: string, message: string, ids: string[]): QaIssue {
	return { level: QA_CODES[code], code, path, message, ids: [...new Set(ids)] };
}

export function summarizeIssues(issues: readonly QaIssue[]): QaSummary {
	const byCode: Record<string, number> = {};
	let errors = 0;
	let warnings = 0;
	for (const { level, code } of issues) {
		if (level === 'error') errors++;
		else warnings++;
		byCode[code] = (byCode[code] ?? 0) + 1;
	}
	return { errors, warnings, byCode };
}
