/**
 * The forest plot's x axis per endpoint family (linear %, linear months, log hazard ratio), its
 * ticks, and the point-size scale (area ∝ n) with its legend values.
 */
import { scaleLinear, scaleLog, scaleSqrt, type ScaleContinuousNumeric } from 'd3-scale';
import { max } from 'd3-array';
import type { Readout } from '$lib/data/schema';
import type { EndpointFamily } from '$lib/state/view-state';
import { MAX_RADIUS, MIN_RADIUS, UNKNOWN_N_RADIUS } from './efficacy.columns';
import { FAMILY_AXIS_LABELS } from './efficacy.vocab';

export interface AxisTick {
	value: number;
	x: number;
	label: string;
}

export interface AxisLayout {
	kind: 'linear' | 'log';
	domain: [number, number];
	x0: number;
	x1: number;
	ticks: AxisTick[];
	label: string;
	/** x of the reference line (HR = 1), or null. */
	reference: number | null;
	scale: (value: number) => number;
	/** The same scale as a d3 scale (range x0–x1), for the panel's LayerCake frame. */
	d3: ScaleContinuousNumeric<number, number>;
}

// Stryker disable next-line ConditionalExpression: the type check is for TypeScript: isFinite(null) is true (as 0), and 0 widens neither axis (the log domain skips it, the median axis starts at 0)
const finite = (v: number | null | undefined): v is number => typeof v === 'number' && isFinite(v);

/** Powers of two from `low` to `high`, as tick values: 0.25, 0.5, 1, 2, 4. */
export function logTicks(domain: [number, number]): number[] {
	const ticks: number[] = [];
	for (let e = Math.round(Math.log2(domain[0])); e <= Math.round(Math.log2(domain[1])); e++) {
		ticks.push(2 ** e);
	}
	return ticks;
}

/** The log domain: symmetric around 1, at least 0.25–4, widened by powers of 2 to hold points. */
export function hazardDomain(values: readonly number[]): [number, number] {
	let k = 2; // 2^2 = 4
	for (const v of values) {
		if (!(v > 0)) continue;
		const needed = Math.ceil(Math.abs(Math.log2(v)) - 1e-9);
		k = Math.max(k, Math.min(needed, 6));
	}
	return [2 ** -k, 2 ** k];
}

export function formatTick(value: number): string {
	// Stryker disable next-line EqualityOperator: 1 prints as "1" on either branch
	if (value >= 1) return String(value);
	// 0.25, 0.5, 0.125: as few digits as exact
	return String(Number(value.toPrecision(3)));
}

export function buildAxis(
	family: EndpointFamily,
	readouts: readonly Readout[],
	x0: number,
	x1: number
): AxisLayout {
	const label = FAMILY_AXIS_LABELS[family];
	if (family === 'hazard') {
		const domain = hazardDomain(readouts.map((r) => r.value).filter(finite));
		const s = scaleLog().base(2).domain(domain).range([x0, x1]);
		return {
			kind: 'log',
			domain,
			x0,
			x1,
			label,
			reference: s(1),
			ticks: logTicks(domain).map((v) => ({ value: v, x: s(v), label: formatTick(v) })),
			scale: (v) => s(v),
			d3: s
		};
	}
	if (family === 'median') {
		const highs: number[] = [];
		for (const r of readouts) {
			if (finite(r.value)) highs.push(r.value);
			if (r.range) highs.push(r.range.high);
			if (r.ci && typeof r.ci.high === 'number') highs.push(r.ci.high);
		}
		const top = Math.max(max(highs) ?? 0, 1);
		const s = scaleLinear().domain([0, top]).nice(6).range([x0, x1]);
		const domain = s.domain() as [number, number];
		return {
			kind: 'linear',
			domain,
			x0,
			x1,
			label,
			reference: null,
			ticks: s.ticks(6).map((v) => ({ value: v, x: s(v), label: String(v) })),
			scale: (v) => s(v),
			d3: s
		};
	}
	const s = scaleLinear().domain([0, 100]).range([x0, x1]);
	return {
		kind: 'linear',
		domain: [0, 100],
		x0,
		x1,
		label,
		reference: null,
		ticks: [0, 20, 40, 60, 80, 100].map((v) => ({ value: v, x: s(v), label: String(v) })),
		scale: (v) => s(v),
		d3: s
	};
}

/** Point radius from n: area ∝ n (sqrt scale), floored so small arms stay visible. */
export function radiusScale(maxN: number): (n: number | null) => number {
	const s = scaleSqrt()
		.domain([0, Math.max(maxN, 1)])
		.range([0, MAX_RADIUS]);
	return (n) => (n === null ? UNKNOWN_N_RADIUS : Math.max(MIN_RADIUS, s(n)));
}

/** Up to three round n values for the size legend, the largest ≤ maxN. */
export function sizeLegendValues(maxN: number): number[] {
	// No arm (0), or no n at all: every value is below 1 and left out.
	const top = niceFloor(maxN);
	const values = [niceFloor(top / 10), niceFloor(top / 3), top].filter((v) => v >= 1);
	return [...new Set(values)];
}

function niceFloor(v: number): number {
	// Stryker disable next-line ConditionalExpression: a value below 1 is left out by the caller's filter either way
	if (v < 1) return 0;
	const p = 10 ** Math.floor(Math.log10(v));
	const m = v / p;
	const step = m >= 5 ? 5 : m >= 2 ? 2 : 1;
	return step * p;
}
