/**
 * Statistics for checking reported response rates: the exact (Clopper–Pearson) binomial
 * confidence interval, and helpers to compare printed, rounded numbers with exact ones.
 *
 * Clopper–Pearson bounds are quantiles of beta distributions:
 *   lower = B⁻¹(α/2; k, n − k + 1)      (0 when k = 0)
 *   upper = B⁻¹(1 − α/2; k + 1, n − k)  (1 when k = n)
 * where B⁻¹(p; a, b) inverts the regularized incomplete beta function I_x(a, b). We evaluate
 * I_x(a, b) with its continued fraction (Numerical Recipes §6.4, modified Lentz) and invert it by
 * bisection, which cannot diverge because I_x is monotonic in x on [0, 1].
 */

import { decimalsOf } from './decimals';

// Part of these statistics' vocabulary; a module of its own so that the data model, which every
// page loads, takes it without the rest (derive.ts).
export { decimalsOf };

/** Lanczos approximation (g = 7, 9 terms): |relative error| < 1e-15 for x > 0. */
const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS = [
	0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
	-176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
	1.5056327351493116e-7
];

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
	if (x < 0.5) {
		// Reflection keeps the series in its accurate range: Γ(x)Γ(1−x) = π / sin(πx).
		return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
	}
	const z = x - 1;
	const series = LANCZOS_COEFFICIENTS.reduce(
		(sum, coefficient, i) => sum + (i === 0 ? coefficient : coefficient / (z + i)),
		0
	);
	const t = z + LANCZOS_G + 0.5;
	return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(series);
}

function logBeta(a: number, b: number): number {
	return logGamma(a) + logGamma(b) - logGamma(a + b);
}

const CF_EPSILON = 1e-16;
const CF_TINY = 1e-300; // stands in for 0 so Lentz's method never divides by zero
const CF_MAX_ITERATIONS = 10_000; // converges in O(√max(a, b)) steps; n in the millions is fine

/** Lentz's guard: a divisor that would be 0 becomes tiny instead. */
function awayFromZero(value: number): number {
	// Stryker disable next-line ConditionalExpression,EqualityOperator: for x below the switch point the terms stay far from 0, so the guard never fires
	return Math.abs(value) < CF_TINY ? CF_TINY : value;
}

/**
 * The continued fraction for I_x(a, b) (NR eq. 6.4.5), evaluated by the modified Lentz method.
 * Converges fast for x < (a + 1) / (a + b + 2); the caller uses the symmetry
 * I_x(a, b) = 1 − I_{1−x}(b, a) otherwise.
 */
function incompleteBetaContinuedFraction(x: number, a: number, b: number): number {
	const qab = a + b;
	const qap = a + 1;
	const qam = a - 1;
	let c = 1;
	let d = 1 / awayFromZero(1 - (qab * x) / qap);
	let fraction = d;
	// Stryker disable next-line EqualityOperator: the fraction converges thousands of steps before the cap
	for (let m = 1; m <= CF_MAX_ITERATIONS; m++) {
		const m2 = 2 * m;
		// Even step: d_{2m} = m(b − m)x / ((a + 2m − 1)(a + 2m)).
		let numerator = (m * (b - m) * x) / ((qam + m2) * (a + m2));
		d = 1 / awayFromZero(1 + numerator * d);
		c = awayFromZero(1 + numerator / c);
		fraction *= d * c;
		// Odd step: d_{2m+1} = −(a + m)(a + b + m)x / ((a + 2m)(a + 2m + 1)).
		numerator = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
		d = 1 / awayFromZero(1 + numerator * d);
		c = awayFromZero(1 + numerator / c);
		const delta = d * c;
		fraction *= delta;
		// Stryker disable next-line EqualityOperator: one more step at exactly 1e-16 would change the fraction by less than its rounding
		if (Math.abs(delta - 1) < CF_EPSILON) return fraction;
	}
	// Stryker disable next-line StringLiteral: not reached; the fraction converges for every a, b > 0
	throw new Error(`incomplete beta did not converge for x=${x}, a=${a}, b=${b}`);
}

/** The regularized incomplete beta function I_x(a, b) for a, b > 0 and x in [0, 1]. */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
	// Stryker disable next-line EqualityOperator: at exactly 0 the formula below gives 0 too
	if (x <= 0) return 0;
	// Stryker disable next-line EqualityOperator: at exactly 1 the formula below gives 1 too
	if (x >= 1) return 1;
	// x^a (1−x)^b / B(a, b), in logs to survive large a and b; log1p keeps 1−x accurate near 0.
	const front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b));
	// Stryker disable next-line EqualityOperator,ArithmeticOperator: both sides of the symmetry give the same value; the switch point only decides which converges faster
	const convergesFast = x < (a + 1) / (a + b + 2);
	if (convergesFast) return (front * incompleteBetaContinuedFraction(x, a, b)) / a;
	return 1 - (front * incompleteBetaContinuedFraction(1 - x, b, a)) / b;
}

/**
 * The x in [0, 1] with I_x(a, b) = p, by bisection. 60 halvings shrink the bracket below 1e-18,
 * so the result is as accurate as I_x itself (≈1e-14 here), well inside the 1e-10 we promise.
 */
export function inverseRegularizedIncompleteBeta(p: number, a: number, b: number): number {
	if (p <= 0) return 0;
	if (p >= 1) return 1;
	let low = 0;
	let high = 1;
	// Stryker disable next-line EqualityOperator: the loop stops on the bracket's width long before
	for (let i = 0; i < 200; i++) {
		// Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: once low and high are neighbouring doubles, more halvings leave (low + high) / 2 unchanged; stopping here only saves time
		if (high - low <= 1e-16) break;
		const mid = (low + high) / 2;
		// Stryker disable next-line EqualityOperator: I_x(a, b) lands exactly on p at one x at most, and either side then converges to it
		if (regularizedIncompleteBeta(mid, a, b) < p) low = mid;
		else high = mid;
	}
	return (low + high) / 2;
}

export interface ProportionInterval {
	/** Lower bound as a proportion, 0..1. */
	lower: number;
	/** Upper bound as a proportion, 0..1. */
	upper: number;
}

function assertCounts(k: number, n: number): void {
	if (!Number.isInteger(n) || n <= 0) {
		throw new RangeError(`n must be a positive integer, got ${n}`);
	}
	if (!Number.isInteger(k) || k < 0 || k > n) {
		throw new RangeError(`k must be an integer from 0 to n (${n}), got ${k}`);
	}
}

/**
 * Intervals already computed, by k, n and level. Each takes two root searches (about 0.1 ms),
 * and the forest plot resolves every readout's interval at each layout: a view switch or a
 * filter click would compute the same ones again. Bounded, so an import with a great many
 * distinct counts cannot grow it without end.
 */
const exactIntervals = new Map<string, Readonly<ProportionInterval>>();
const EXACT_INTERVALS_KEPT = 10_000;

/**
 * The exact (Clopper–Pearson) two-sided confidence interval for k successes out of n, as
 * proportions. Throws RangeError unless n is a positive integer, k an integer in 0..n and level
 * strictly between 0 and 1.
 */
export function clopperPearson(k: number, n: number, level = 0.95): ProportionInterval {
	assertCounts(k, n);
	if (!Number.isFinite(level) || level <= 0 || level >= 1) {
		throw new RangeError(`level must be strictly between 0 and 1, got ${level}`);
	}
	const key = `${k}/${n}/${level}`;
	const known = exactIntervals.get(key);
	if (known) return known;
	const alpha = 1 - level;
	const lower = k === 0 ? 0 : inverseRegularizedIncompleteBeta(alpha / 2, k, n - k + 1);
	const upper = k === n ? 1 : inverseRegularizedIncompleteBeta(1 - alpha / 2, k + 1, n - k);
	if (exactIntervals.size >= EXACT_INTERVALS_KEPT) exactIntervals.clear();
	const interval = Object.freeze({ lower, upper });
	exactIntervals.set(key, interval);
	return interval;
}

/** k out of n as a percentage (42/55 → 76.36…). Same RangeErrors as `clopperPearson`. */
export function proportionPercent(k: number, n: number): number {
	assertCounts(k, n);
	return (k / n) * 100;
}

/** Largest difference explained by rounding to `decimals` places: half a unit of the last digit. */
export function roundingTolerance(decimals: number): number {
	// The tiny extra absorbs binary floating-point noise (e.g. 76.35 is stored as 76.3499…).
	return 0.5 * 10 ** -decimals + 1e-9;
}

/** True when `printed` could be `exact` rounded to `decimals` places. */
export function agreesWithinRounding(printed: number, exact: number, decimals: number): boolean {
	// Stryker disable next-line EqualityOperator: the tolerance carries a 1e-9 slack, so a difference exactly equal to it does not occur
	return Math.abs(printed - exact) <= roundingTolerance(decimals);
}

/**
 * Whether a reported CI in percent (e.g. 63.0–86.8) matches an exact one given as proportions,
 * allowing for rounding to the printed number of decimals. Without `decimals`, they are read from
 * the reported bounds (the more precise of the two).
 */
export function ciAgrees(
	reported: { low: number; high: number },
	exact: ProportionInterval,
	decimals: number = Math.max(decimalsOf(reported.low), decimalsOf(reported.high))
): boolean {
	return (
		agreesWithinRounding(reported.low, exact.lower * 100, decimals) &&
		agreesWithinRounding(reported.high, exact.upper * 100, decimals)
	);
}
