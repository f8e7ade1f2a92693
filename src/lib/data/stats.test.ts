import { describe, expect, it } from 'vitest';
import {
	agreesWithinRounding,
	ciAgrees,
	clopperPearson,
	decimalsOf,
	inverseRegularizedIncompleteBeta,
	logGamma,
	proportionPercent,
	regularizedIncompleteBeta
} from './stats';

/**
 * An independent reference for the Clopper–Pearson bounds: sum binomial probabilities directly
 * (log factorials by plain summation, no gamma function, no continued fraction) and find p by
 * bisection on the tail probability itself.
 *   lower: P(X ≥ k | p) = α/2     upper: P(X ≤ k | p) = α/2
 */
function logFactorials(n: number): number[] {
	const table = [0];
	for (let i = 1; i <= n; i++) table.push((table[i - 1] ?? 0) + Math.log(i));
	return table;
}

function binomialTail(n: number, p: number, from: number, to: number): number {
	const logFactorial = logFactorials(n);
	let sum = 0;
	for (let i = from; i <= to; i++) {
		const logChoose = (logFactorial[n] ?? 0) - (logFactorial[i] ?? 0) - (logFactorial[n - i] ?? 0);
		sum += Math.exp(logChoose + i * Math.log(p) + (n - i) * Math.log1p(-p));
	}
	return sum;
}

/** The p in (0, 1) where the increasing function `f` reaches `target`. */
function bisect(f: (p: number) => number, target: number): number {
	let low = 0;
	let high = 1;
	for (let i = 0; i < 100; i++) {
		const mid = (low + high) / 2;
		if (f(mid) < target) low = mid;
		else high = mid;
	}
	return (low + high) / 2;
}

function referenceInterval(k: number, n: number, level: number) {
	const alpha = 1 - level;
	const lower = k === 0 ? 0 : bisect((p) => binomialTail(n, p, k, n), alpha / 2);
	// P(X ≤ k | p) decreases in p, so bisect on its complement.
	const upper = k === n ? 1 : bisect((p) => 1 - binomialTail(n, p, 0, k), 1 - alpha / 2);
	return { lower, upper };
}

const PERCENT_POINT = 0.01 / 100; // 0.01 percentage point, as a proportion

describe('clopperPearson: published intervals (percent, 1 decimal)', () => {
	it.each([
		// [k, n, level, lower %, upper %, where the figure comes from]
		[42, 55, 0.95, 63.0, 86.8, 'KN026 ORR 42/55'],
		[47, 55, 0.95, 73.3, 93.5, 'KN026 DCR 47/55'],
		[32, 42, 0.95, 60.5, 87.9, 'ASCO Post, 32/42'],
		[33, 80, 0.95, 30.4, 52.8, '33/80 = 41.3%'],
		[1, 18, 0.95, 0.1, 27.3, '1/18']
	])('%i/%i at %f → %f–%f (%s)', (k, n, level, lower, upper) => {
		const interval = clopperPearson(k, n, level);
		expect(interval.lower * 100).toBeCloseTo(lower, 1);
		expect(interval.upper * 100).toBeCloseTo(upper, 1);
		expect(ciAgrees({ low: lower, high: upper }, interval, 1)).toBe(true);
	});
});

describe('clopperPearson: exact values to 1e-10', () => {
	it.each([
		// Cross-checked against scipy.stats.beta.ppf.
		[42, 55, 0.95, 0.6298049173708338, 0.8677210050158717],
		[47, 55, 0.95, 0.7333676840573415, 0.9350485766689969],
		[500, 1000, 0.95, 0.468549172971792, 0.531450827028208],
		[42, 55, 0.9, 0.6507006956345898, 0.8541528197078305],
		[3, 1_000_000, 0.95, 6.186725501906402e-7, 8.767247788067677e-6]
	])('%i/%i at %f', (k, n, level, lower, upper) => {
		const interval = clopperPearson(k, n, level);
		expect(Math.abs(interval.lower - lower)).toBeLessThan(1e-10);
		expect(Math.abs(interval.upper - upper)).toBeLessThan(1e-10);
	});
});

describe('clopperPearson: closed forms at the edges', () => {
	// k = 0: upper = 1 − (α/2)^(1/n); k = n: lower = (α/2)^(1/n).
	it.each([
		[1, 0.95],
		[10, 0.95],
		[55, 0.9],
		[1000, 0.99]
	])('n = %i, level %f', (n, level) => {
		const halfAlpha = (1 - level) / 2;
		const none = clopperPearson(0, n, level);
		expect(none.lower).toBe(0);
		expect(none.upper).toBeCloseTo(1 - halfAlpha ** (1 / n), 12);
		const all = clopperPearson(n, n, level);
		expect(all.lower).toBeCloseTo(halfAlpha ** (1 / n), 12);
		expect(all.upper).toBe(1);
	});

	it('n = 1: 0/1 → 0–97.5 %, 1/1 → 2.5–100 %', () => {
		expect(clopperPearson(0, 1).upper).toBeCloseTo(0.975, 12);
		expect(clopperPearson(1, 1).lower).toBeCloseTo(0.025, 12);
	});
});

describe('clopperPearson: intervals computed once', () => {
	it('asked again, gives the same interval, and tells counts and levels apart', () => {
		const first = clopperPearson(42, 55, 0.95);
		expect(clopperPearson(42, 55, 0.95)).toBe(first);
		expect(first.lower).toBeCloseTo(0.63, 3); // 76.4 % (63.0–86.8)
		// Same k, other n; same counts, other level; k and n that a naive key could mix up.
		expect(clopperPearson(42, 56, 0.95).lower).not.toBeCloseTo(first.lower, 6);
		expect(clopperPearson(42, 55, 0.9).lower).toBeGreaterThan(first.lower);
		expect(clopperPearson(4, 255).upper).toBeLessThan(0.05);
		expect(clopperPearson(42, 55).upper).toBe(first.upper);
	});

	it('cannot be changed through the interval it returns', () => {
		const interval = clopperPearson(7, 20);
		const { lower, upper } = interval;
		expect(() => {
			(interval as { lower: number }).lower = 0;
		}).toThrow(TypeError);
		expect(clopperPearson(7, 20)).toEqual({ lower, upper });
	});
});

describe('clopperPearson agrees with summed binomial terms', () => {
	it.each([
		[0, 1, 0.95],
		[1, 1, 0.95],
		[0, 20, 0.95],
		[20, 20, 0.95],
		[1, 18, 0.95],
		[32, 42, 0.95],
		[33, 80, 0.95],
		[42, 55, 0.95],
		[42, 55, 0.9],
		[47, 55, 0.8],
		[7, 300, 0.99],
		[500, 1000, 0.95],
		[999, 1000, 0.95]
	])('%i/%i at %f', (k, n, level) => {
		const interval = clopperPearson(k, n, level);
		const reference = referenceInterval(k, n, level);
		expect(Math.abs(interval.lower - reference.lower)).toBeLessThan(1e-10);
		expect(Math.abs(interval.upper - reference.upper)).toBeLessThan(1e-10);
		expect(Math.abs(interval.lower - reference.lower)).toBeLessThan(PERCENT_POINT);
	});

	it('narrows as the level drops', () => {
		const wide = clopperPearson(42, 55, 0.99);
		const narrow = clopperPearson(42, 55, 0.9);
		expect(wide.lower).toBeLessThan(narrow.lower);
		expect(wide.upper).toBeGreaterThan(narrow.upper);
	});
});

describe('clopperPearson rejects invalid input', () => {
	it.each([
		[1, 0, 0.95],
		[0, -1, 0.95],
		[-1, 10, 0.95],
		[11, 10, 0.95],
		[1.5, 10, 0.95],
		[1, 10.5, 0.95],
		[Number.NaN, 10, 0.95],
		[1, Number.POSITIVE_INFINITY, 0.95],
		[1, 10, 0],
		[1, 10, 1],
		[1, 10, 95],
		[1, 10, Number.NaN],
		[0, 0, 0.95]
	])('k=%f n=%f level=%f', (k, n, level) => {
		expect(() => clopperPearson(k, n, level)).toThrow(RangeError);
	});

	it('says which input is wrong and what it was', () => {
		expect(() => clopperPearson(0, 0)).toThrow('n must be a positive integer, got 0');
		expect(() => proportionPercent(0, 0)).toThrow('n must be a positive integer, got 0');
		expect(() => clopperPearson(11, 10)).toThrow('k must be an integer from 0 to n (10), got 11');
		expect(() => clopperPearson(1, 10, 95)).toThrow(
			'level must be strictly between 0 and 1, got 95'
		);
	});
});

describe('incomplete beta', () => {
	it.each([
		[0.5, 1, 1, 0.5],
		[0.3, 1, 1, 0.3],
		[0.5, 2, 2, 0.5],
		[0.2, 2, 1, 0.04], // I_x(a, 1) = x^a
		[0.2, 1, 3, 1 - 0.8 ** 3], // I_x(1, b) = 1 − (1 − x)^b
		[0, 3, 4, 0],
		[1, 3, 4, 1]
	])('I_%f(%f, %f) = %f', (x, a, b, expected) => {
		expect(regularizedIncompleteBeta(x, a, b)).toBeCloseTo(expected, 14);
	});

	it('inverts itself', () => {
		for (const [p, a, b] of [
			[0.025, 42, 14],
			[0.975, 43, 13],
			[0.5, 0.5, 0.5],
			[1e-6, 3, 500]
		] as const) {
			const x = inverseRegularizedIncompleteBeta(p, a, b);
			expect(regularizedIncompleteBeta(x, a, b)).toBeCloseTo(p, 12);
		}
	});

	it('logGamma matches log factorials', () => {
		expect(logGamma(1)).toBeCloseTo(0, 14);
		expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
		expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
		expect(logGamma(1001) / logFactorials(1000)[1000]!).toBeCloseTo(1, 14);
	});

	it('logGamma below 1/2 (by reflection)', () => {
		// Γ(1/4) = 3.625609908221908…, Γ(0.1) = 9.513507698668731…, Γ(1/3) = 2.678938534707747…
		expect(logGamma(0.25)).toBeCloseTo(Math.log(3.625609908221908), 13);
		expect(logGamma(0.1)).toBeCloseTo(Math.log(9.513507698668731), 13);
		expect(logGamma(1 / 3)).toBeCloseTo(Math.log(2.678938534707747), 13);
		// Near 0, ln Γ(x) = −ln x − γx + O(x²), with γ = 0.5772156649…
		expect(logGamma(1e-10)).toBeCloseTo(10 * Math.LN10 - 0.5772156649e-10, 12);
	});

	it('is 0 below x = 0 and 1 above x = 1, as a distribution on [0, 1]', () => {
		expect(regularizedIncompleteBeta(-0.5, 2, 3)).toBe(0);
		expect(regularizedIncompleteBeta(1.5, 2, 3)).toBe(1);
	});

	it('inverts p = 0 to 0 and p = 1 to 1 exactly', () => {
		expect(inverseRegularizedIncompleteBeta(0, 2, 3)).toBe(0);
		expect(inverseRegularizedIncompleteBeta(1, 2, 3)).toBe(1);
		expect(inverseRegularizedIncompleteBeta(-0.1, 2, 3)).toBe(0);
		expect(inverseRegularizedIncompleteBeta(1.1, 2, 3)).toBe(1);
	});
});

describe('rounding helpers', () => {
	it.each([
		[76.4, 1],
		[76, 0],
		[0.05, 2],
		[63.25, 2],
		[-1.5, 1],
		[1e-7, 7],
		[1.5e-7, 8],
		[Number.NaN, 0],
		[Number.POSITIVE_INFINITY, 0]
	])('decimalsOf(%f) = %i', (value, decimals) => {
		expect(decimalsOf(value)).toBe(decimals);
	});

	// 76.35 and 8.25 are stored a hair off (76.4 − 76.35 = 0.05000000000001137 in binary): a
	// printed value exactly half a unit away still agrees, a value just past it does not.
	it.each([
		[76.4, 76.35, 1, true],
		[8.3, 8.25, 1, true],
		[76.3, 76.35, 1, true],
		[76.4, 76.349, 1, false],
		[76.5, 76.44, 1, false],
		[76, 76.5, 0, true],
		[76, 76.51, 0, false],
		[0.62, 0.615, 2, true],
		[0.62, 0.6149, 2, false]
	])('agreesWithinRounding(%f, %f, %i) = %s', (printed, exact, decimals, expected) => {
		expect(agreesWithinRounding(printed, exact, decimals)).toBe(expected);
	});

	it('proportionPercent', () => {
		expect(proportionPercent(42, 55)).toBeCloseTo(76.3636, 4);
		expect(() => proportionPercent(56, 55)).toThrow(RangeError);
	});

	const exact = clopperPearson(42, 55); // 62.980…–86.772… %
	it.each([
		[{ low: 63.0, high: 86.8 }, 1, true],
		[{ low: 63.0, high: 86.9 }, 1, false],
		[{ low: 62.9, high: 86.8 }, 1, false],
		[{ low: 63, high: 87 }, 0, true],
		[{ low: 62.98, high: 86.77 }, 2, true],
		[{ low: 62.98, high: 86.78 }, 2, false],
		[{ low: 63, high: 86.8 }, undefined, true], // decimals read from 86.8
		[{ low: 63, high: 86.9 }, undefined, false]
	])('ciAgrees(%o, exact, %s) = %s', (reported, decimals, expected) => {
		expect(ciAgrees(reported, exact, decimals)).toBe(expected);
	});
});
