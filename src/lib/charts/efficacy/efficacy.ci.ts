/**
 * Confidence intervals as the forest plot shows them, and the printed value text.
 *
 * - A reported CI is shown as reported (bounds may be "NR": not reached / not estimable).
 * - A rate in % with responders and n but no reported CI gets the exact Clopper–Pearson interval,
 *   marked `computed` (dashed whisker, † in the text).
 * - A reported CI of a rate with responders and n is checked against the exact interval; when it
 *   differs beyond the rounding of its printed digits it is marked `mismatch` (‡) with both
 *   intervals spelled out.
 *
 * Pure: no DOM, no runes. Numbers arrive from JSON, which drops trailing zeros ("63.0" → 63), so
 * the printed precision of an interval is the finest precision among value and bounds.
 */
import type { Readout } from '$lib/data/schema';
import { ciAgrees, clopperPearson, decimalsOf } from '$lib/data/stats';

export type Bound = number | 'NR';

export interface CiCheck {
	/** The exact Clopper–Pearson interval, in %. */
	exactLow: number;
	exactHigh: number;
	/** True when the reported interval is the exact one up to the rounding of its printed digits. */
	agrees: boolean;
	/** The reported interval names a method other than exact/Clopper–Pearson (Wilson, Wald...). */
	otherMethod: boolean;
	/** e.g. "reported 63.0–86.9, exact 63.0–86.8". */
	text: string;
}

export interface ResolvedCi {
	/** 'none' = no interval shown (nothing reported and nothing to compute from). */
	source: 'reported' | 'computed' | 'none';
	low: Bound | null;
	high: Bound | null;
	/** Confidence level as a proportion (0.95). */
	level: number;
	method: string | null;
	/** Decimals to print the bounds with. */
	decimals: number;
	/** Only for reported rate CIs with responders and n. */
	check: CiCheck | null;
}

const NONE: ResolvedCi = {
	source: 'none',
	low: null,
	high: null,
	level: 0.95,
	method: null,
	decimals: 0,
	check: null
};

/**
 * Endpoints that are binomial proportions (k of n). Landmark rates (PFS/OS/DOR at t months) are
 * Kaplan–Meier estimates with censoring: Clopper–Pearson does not apply to them.
 */
export const PROPORTION_ENDPOINTS: ReadonlySet<Readout['endpoint']> = new Set([
	'ORR',
	'cORR',
	'DCR',
	'CBR',
	'pCR',
	'tpCR'
]);

/** A count of patients: a whole number (null, the count not reported, is not one). */
const isCount = (value: number | null): value is number => Number.isInteger(value);

function hasCounts(readout: Readout): readonly [number, number] | null {
	const { responders, n } = readout;
	if (readout.unit !== '%' || !PROPORTION_ENDPOINTS.has(readout.endpoint)) return null;
	if (!isCount(responders) || !isCount(n) || n <= 0 || responders > n) return null;
	return [responders, n];
}

/** Reported CI methods we do not expect to match Clopper–Pearson. */
export function namesAnotherMethod(method: string | null): boolean {
	return method !== null && !/clopper|pearson|exact/i.test(method);
}

const numeric = (bound: Bound | null): number | null => (typeof bound === 'number' ? bound : null);

export function boundDecimals(...values: (Bound | number | null | undefined)[]): number {
	let decimals = 0;
	// Stryker disable next-line ConditionalExpression: "NR", null and undefined read as 0 decimals anyway; the check is for the type
	for (const v of values) if (typeof v === 'number') decimals = Math.max(decimals, decimalsOf(v));
	return decimals;
}

/** The interval to draw for a readout, reported or computed, with its agreement check. */
export function resolveCi(readout: Readout): ResolvedCi {
	const counts = hasCounts(readout);
	const { ci } = readout;
	// A CI with neither bound is no reported interval.
	if (ci !== null && (ci.low !== null || ci.high !== null)) {
		const decimals = boundDecimals(readout.value, ci.low, ci.high);
		const low = numeric(ci.low);
		const high = numeric(ci.high);
		let check: CiCheck | null = null;
		if (counts && low !== null && high !== null && ci.level > 0 && ci.level < 1) {
			const exact = clopperPearson(counts[0], counts[1], ci.level);
			const agrees = ciAgrees({ low, high }, exact);
			const printed = boundDecimals(low, high);
			const otherMethod = namesAnotherMethod(ci.method);
			const reportedText = `reported${otherMethod ? ` (${ci.method})` : ''} ${low.toFixed(printed)}–${high.toFixed(printed)}`;
			check = {
				exactLow: exact.lower * 100,
				exactHigh: exact.upper * 100,
				agrees,
				otherMethod,
				text: `${reportedText}, exact ${(exact.lower * 100).toFixed(printed)}–${(exact.upper * 100).toFixed(printed)}`
			};
		}
		return {
			source: 'reported',
			low: ci.low,
			high: ci.high,
			level: ci.level,
			method: ci.method,
			decimals,
			check
		};
	}
	if (counts) {
		const level = ci?.level ?? 0.95;
		const exact = clopperPearson(counts[0], counts[1], level);
		return {
			source: 'computed',
			low: exact.lower * 100,
			high: exact.upper * 100,
			level,
			method: 'Clopper–Pearson (computed)',
			decimals: Math.max(1, decimalsOf(readout.value ?? 0)),
			check: null
		};
	}
	return NONE;
}

/** True when the reported CI differs from the exact one beyond rounding (the ‡ marker). */
export function ciMismatch(ci: ResolvedCi): boolean {
	return ci.check !== null && !ci.check.agrees;
}

const UNIT_SUFFIX: Record<Readout['unit'], string> = { '%': '%', months: '', ratio: '' };

function formatBound(bound: Bound | null, decimals: number): string {
	if (bound === null) return '?';
	if (bound === 'NR') return 'NR';
	return bound.toFixed(decimals);
}

/**
 * The value and interval as printed in sources: "76.4% (63.0–86.8)", "27.7 (18.0–NR)", "10–15%",
 * "≈40%", "NR (14.1–NR)". Computed CIs get "†", disagreeing reported CIs "‡".
 */
export function formatValueText(readout: Readout, ci: ResolvedCi = resolveCi(readout)): string {
	const unit = UNIT_SUFFIX[readout.unit];
	const approx = readout.approximate ? '≈' : '';
	let head: string;
	if (readout.value !== null) {
		// A value printed with decimals keeps them ("12.9 (5.95–NR)"); a whole number may have lost
		// its trailing zeros in JSON, so it takes the interval's precision up to one decimal
		// ("40.0 (28.2–52.3)", "52 (39–65)").
		const own = decimalsOf(readout.value);
		// Ratios are printed with their interval's digits ("0.60 (0.45–0.81)").
		const decimals =
			ci.source !== 'reported'
				? own
				: readout.unit === 'ratio'
					? Math.max(own, ci.decimals)
					: own === 0
						? Math.min(ci.decimals, 1)
						: own;
		const text = readout.value.toFixed(decimals);
		head = `${approx}${text}${unit}`;
	} else if (readout.range) {
		const d = boundDecimals(readout.range.low, readout.range.high);
		head = `${approx}${readout.range.low.toFixed(d)}–${readout.range.high.toFixed(d)}${unit}`;
	} else if (readout.notReached) {
		head = 'NR';
	} else {
		head = 'not reported';
	}
	if (ci.source === 'none') return head;
	const interval = `(${formatBound(ci.low, ci.decimals)}–${formatBound(ci.high, ci.decimals)})`;
	const marker = ci.source === 'computed' ? '†' : ciMismatch(ci) ? '‡' : '';
	return `${head} ${interval}${marker}`;
}

/** The interval in words for accessible names: "95% CI 63.0 to 86.8". */
export function describeCi(ci: ResolvedCi): string {
	if (ci.source === 'none') return 'no confidence interval reported';
	const level = `${Math.round(ci.level * 1000) / 10}% CI`;
	const bound = (b: Bound | null) =>
		b === 'NR' ? 'not reached' : b === null ? 'not reported' : b.toFixed(ci.decimals);
	const text = `${level} ${bound(ci.low)} to ${bound(ci.high)}`;
	if (ci.source === 'computed') return `${text} (computed, Clopper–Pearson)`;
	if (ci.check && !ci.check.agrees) return `${text} (differs from exact: ${ci.check.text})`;
	return text;
}
