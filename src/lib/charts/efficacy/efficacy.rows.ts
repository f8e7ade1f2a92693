/**
 * Readouts → row marks: the point, the CI whisker (caps, arrows, "NR"), a range band, and the
 * row's cells, truncated to their columns. Rows are cached per readout and layout context.
 */
import type { Asset, Readout, Trial } from '$lib/data/schema';
import { formatPartialDate } from '$lib/data/dates';
import { ROLE_COLOURS } from '$lib/charts/shared/palette';
import { ciMismatch, formatValueText, resolveCi, type Bound } from './efficacy.ci';
import type { AxisLayout } from './efficacy.axis';
import {
	FONT_SIZE,
	SMALL_FONT_SIZE,
	STACKED_INSET,
	textWidth,
	truncate,
	type ColumnKey,
	type ColumnLayout
} from './efficacy.columns';
import type { PointMark, RowCells, RowMark, WhiskerMark } from './efficacy.marks';
import { accessibleName, endpointLabel, markRole, PHASE_SHORT, rowDate } from './efficacy.text';
import { ROLE_SHAPES } from './efficacy.vocab';

function placeBound(
	axis: AxisLayout,
	bound: Bound | null,
	side: 'low' | 'high'
): { x: number; cap: boolean; arrow: boolean; nr: boolean } | null {
	const [d0, d1] = axis.domain;
	const edge = side === 'low' ? axis.x0 : axis.x1;
	if (bound === null) return null;
	if (bound === 'NR') return { x: edge, cap: false, arrow: true, nr: true };
	// A log axis starts above 0: a ratio of 0 or below lies left of it.
	if (bound < d0) return { x: axis.x0, cap: false, arrow: true, nr: false };
	if (bound > d1) return { x: axis.x1, cap: false, arrow: true, nr: false };
	return { x: axis.scale(bound), cap: true, arrow: false, nr: false };
}

export function clampToAxis(axis: AxisLayout, v: number): { x: number; clipped: boolean } {
	const [d0, d1] = axis.domain;
	// A log axis starts above 0: a ratio of 0 or below lies left of it.
	if (v < d0) return { x: axis.x0, clipped: true };
	if (v > d1) return { x: axis.x1, clipped: true };
	return { x: axis.scale(v), clipped: false };
}

export interface RowContext {
	axis: AxisLayout;
	trialsById: ReadonlyMap<string, Trial>;
	assetsById: ReadonlyMap<string, Asset>;
	radius: (n: number | null) => number;
	columns: readonly ColumnLayout[];
	valueWidth: number;
	/** Stacked rows: the trial line shares the second line with the value. */
	stacked: boolean;
	rowHeight: number;
	/** Where the marks (point, whisker) sit below the row's top. */
	markY: number;
	/** Everything besides the readout, trial and asset that a row's marks depend on. */
	key: string;
}

/**
 * Row marks from earlier layouts, by readout. A filter click re-lays out the chart; rows whose
 * readout, trial, asset, axis, columns and size scale did not change come back as the same object
 * (or a copy with the new y), so their intervals, texts and accessible names are not recomputed
 * and the renderer skips rows that did not move. Same inputs, same marks: the layout stays pure
 * to its callers.
 */
const rowCache = new WeakMap<Readout, (RowMark & { cacheKey: string })[]>();
/** Layout contexts remembered per readout: the chart on screen, an export, a slide deck. */
const ROW_CACHE_CONTEXTS = 3;

export function rowMark(r: Readout, ctx: RowContext, y: number, zebra: boolean): RowMark {
	const trial = ctx.trialsById.get(r.trial) ?? null;
	const asset = r.asset ? (ctx.assetsById.get(r.asset) ?? null) : null;
	let entries = rowCache.get(r);
	// Stryker disable next-line ArrayDeclaration: an extra first entry matches no context and is the first pushed out
	if (!entries) rowCache.set(r, (entries = []));
	const i = entries.findIndex((e) => e.cacheKey === ctx.key);
	// Stryker disable next-line ConditionalExpression: entries[-1] is undefined too
	const cached = i === -1 ? undefined : entries[i];
	let mark: RowMark & { cacheKey: string };
	if (cached && cached.trial === trial && cached.asset === asset) {
		if (cached.y === y && cached.zebra === zebra) return cached;
		mark = { ...cached, y, cy: y + ctx.markY, zebra };
	} else {
		mark = { ...buildRow(r, ctx, y, zebra), cacheKey: ctx.key };
	}
	if (i !== -1) entries.splice(i, 1);
	entries.unshift(mark);
	// Stryker disable next-line EqualityOperator: at exactly the limit, setting the length changes nothing
	if (entries.length > ROW_CACHE_CONTEXTS) entries.length = ROW_CACHE_CONTEXTS;
	return mark;
}

function buildRow(r: Readout, ctx: RowContext, y: number, zebra: boolean): RowMark {
	const { axis } = ctx;
	const trial = ctx.trialsById.get(r.trial) ?? null;
	const asset = r.asset ? (ctx.assetsById.get(r.asset) ?? null) : null;
	const role = markRole(r);
	const colour = ROLE_COLOURS[role];
	const ci = resolveCi(r);
	const valueText = formatValueText(r, ci);
	const cy = y + ctx.markY;

	let point: PointMark | null = null;
	if (r.value !== null && !(axis.kind === 'log' && r.value <= 0)) {
		const { x, clipped } = clampToAxis(axis, r.value);
		point = {
			x,
			r: ctx.radius(r.n),
			shape: ROLE_SHAPES[role],
			colour,
			hollow: r.n === null,
			clipped
		};
	}

	let whisker: WhiskerMark | null = null;
	const lo = placeBound(axis, ci.low, 'low');
	// Stryker disable next-line StringLiteral: placeBound tells only 'low' apart; any other side is the high end
	const hi = placeBound(axis, ci.high, 'high');
	if (lo && hi) {
		whisker = {
			x1: lo.x,
			x2: hi.x,
			capLow: lo.cap,
			capHigh: hi.cap,
			arrowLow: lo.arrow,
			arrowHigh: hi.arrow,
			nrLow: lo.nr,
			nrHigh: hi.nr,
			dashed: ci.source === 'computed'
		};
	}

	let band: RowMark['band'] = null;
	if (r.value === null && r.range) {
		const a = clampToAxis(axis, r.range.low).x;
		const b = clampToAxis(axis, r.range.high).x;
		band = { x1: Math.min(a, b), x2: Math.max(a, b) };
	}

	// A median not reached: text, never a point. Placed at the upper end of what is known.
	let nrText: RowMark['nrText'] = null;
	if (r.value === null && r.notReached) {
		// Just left of the known lower bound, or at the axis end when nothing is known.
		nrText = {
			x: whisker && !whisker.nrLow && whisker.x1 > axis.x0 + 24 ? whisker.x1 - 6 : axis.x1
		};
	}

	const trialLine = [trial?.name ?? r.trial, trial?.phase ? PHASE_SHORT[trial.phase] : null]
		.filter(Boolean)
		.join(' · ');
	const second: string[] = [];
	if (r.comparatorArm) second.push(`vs ${r.comparatorArm}`);
	if (r.pValue) second.push(`p ${r.pValue}`);
	if (ci.source === 'computed') second.push('† CI computed');
	if (ci.check && !ci.check.agrees) second.push('‡ differs from exact');
	if (role === 'benchmark' && second.length === 0) second.push('benchmark, not a trial arm');
	const full: RowCells = {
		regimen: [r.arm, trialLine],
		setting: [r.indication, [r.line, r.biomarker].filter(Boolean).join(' · ')],
		population: [r.population, r.assessment ?? ''],
		n: [r.n === null ? '–' : String(r.n), ''],
		dataCut: [formatPartialDate(rowDate(r)) || '–', r.maturity ?? ''],
		endpoint: [
			endpointLabel(r),
			r.assessment && !ctx.columns.some((c) => c.key === 'population') ? r.assessment : ''
		],
		value: [valueText, second.join(' · ')]
	};
	const widthOf = (key: ColumnKey) => ctx.columns.find((c) => c.key === key)?.width ?? 0;
	const cut = (key: ColumnKey): [string, string] => [
		truncate(full[key][0], widthOf(key)),
		truncate(full[key][1], widthOf(key), SMALL_FONT_SIZE)
	];
	// Stacked: the trial line and the value's notes share the second line with the value, whose
	// text is never cut (it is what the row is for).
	const stackedSecond = (): [string, string] => {
		const room = widthOf('regimen') - textWidth(valueText, FONT_SIZE, true) - 2 * STACKED_INSET;
		return [
			truncate(full.regimen[0], widthOf('regimen')),
			truncate([trialLine, ...second].join(' · '), room, SMALL_FONT_SIZE)
		];
	};
	const cells: RowCells = {
		regimen: ctx.stacked ? stackedSecond() : cut('regimen'),
		setting: cut('setting'),
		population: cut('population'),
		n: full.n,
		dataCut: cut('dataCut'),
		endpoint: cut('endpoint'),
		value: [
			full.value[0],
			ctx.stacked ? '' : truncate(full.value[1], ctx.valueWidth, SMALL_FONT_SIZE)
		]
	};

	return {
		key: r.id,
		readout: r,
		trial,
		asset,
		y,
		cy,
		height: ctx.rowHeight,
		zebra,
		role,
		colour,
		focusAsset: asset?.role === 'focus',
		ci,
		computedCi: ci.source === 'computed',
		mismatch: ciMismatch(ci),
		point,
		whisker,
		band,
		nrText,
		full,
		cells,
		valueText,
		label: accessibleName(r, trial, ci, valueText),
		date: rowDate(r)
	};
}

export function favoursLabels(readouts: readonly Readout[]): { left: string; right: string } {
	const arms = [...new Set(readouts.map((r) => r.arm))];
	const comparators = [...new Set(readouts.map((r) => r.comparatorArm).filter(Boolean))];
	return {
		left: `favours ${arms.length === 1 ? arms[0] : 'investigational arm'}`,
		right: `favours ${comparators.length === 1 ? comparators[0] : 'comparator'}`
	};
}
