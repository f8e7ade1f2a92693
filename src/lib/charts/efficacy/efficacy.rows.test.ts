import { describe, expect, it } from 'vitest';
import type { Readout } from '$lib/data/schema';
import { buildAxis } from './efficacy.axis';
import { fitColumns } from './efficacy.columns';
import { favoursLabels, rowMark, type RowContext } from './efficacy.rows';
import { ASSETS, TRIALS, asset, readout, trial } from './test-fixtures';

/** A response axis from x 100 (0 %) to x 500 (100 %): 4 px a percentage point. */
const response = buildAxis('response', [], 100, 500);
/** A hazard-ratio axis, log scale, 0.25 at x 100 to 4 at x 500. */
const hazard = buildAxis('hazard', [], 100, 500);

let contexts = 0;
const ctx = (patch: Partial<RowContext> = {}): RowContext => ({
	axis: response,
	trialsById: new Map(TRIALS.map((t) => [t.id, t])),
	assetsById: new Map(ASSETS.map((a) => [a.id, a])),
	radius: (n) => (n === null ? 4 : 7),
	columns: fitColumns(1200).columns,
	valueWidth: 168,
	stacked: false,
	rowHeight: 34,
	markY: 17,
	key: `context ${++contexts}`,
	...patch
});
/** A readout without counts, so its interval is drawn as reported and never checked. */
const plain = (patch: Partial<Readout> = {}) => readout('r', { responders: null, ...patch });
const ci = (low: number | 'NR' | null, high: number | 'NR' | null) => ({
	level: 0.95,
	low,
	high,
	method: null
});

describe('a row’s point and interval', () => {
	it('a value and its interval inside the axis: a sized point, a capped whisker', () => {
		const row = rowMark(plain({ value: 40, ci: ci(30, 55) }), ctx(), 200, true);
		expect(row).toMatchObject({ key: 'r', y: 200, cy: 217, height: 34, zebra: true });
		expect(row.point).toEqual({
			x: 260,
			r: 7,
			shape: 'circle',
			colour: row.colour,
			hollow: false,
			clipped: false
		});
		expect(row.whisker).toEqual({
			x1: 220,
			x2: 320,
			capLow: true,
			capHigh: true,
			arrowLow: false,
			arrowHigh: false,
			nrLow: false,
			nrHigh: false,
			dashed: false
		});
		expect(row.band).toBeNull();
		expect(row.nrText).toBeNull();
		// A reported interval, no comparison: nothing to note under the value.
		expect(row.computedCi).toBe(false);
		expect(row.full.value[1]).toBe('');
	});

	it('a median with a value is a point, even when also marked not reached', () => {
		const row = rowMark(
			plain({ unit: 'months', endpoint: 'mPFS', value: 20, notReached: true, ci: null }),
			ctx({ axis: buildAxis('median', [], 100, 500) }),
			0,
			false
		);
		expect(row.point).not.toBeNull();
		expect(row.nrText).toBeNull();
	});

	it('n unknown: a hollow point of the unknown size; a benchmark is a diamond', () => {
		const row = rowMark(plain({ n: null, armRole: 'benchmark', ci: null }), ctx(), 0, false);
		expect(row.point).toMatchObject({ r: 4, hollow: true, shape: 'diamond' });
		expect(row.whisker).toBeNull();
		expect(row.role).toBe('benchmark');
	});

	it('values and bounds beyond the axis are clipped to its ends, with arrows', () => {
		const high = rowMark(plain({ value: 120, ci: ci(-5, 130) }), ctx(), 0, false);
		expect(high.point).toMatchObject({ x: 500, clipped: true });
		expect(high.whisker).toMatchObject({
			x1: 100,
			x2: 500,
			capLow: false,
			capHigh: false,
			arrowLow: true,
			arrowHigh: true,
			nrLow: false,
			nrHigh: false
		});
		const low = rowMark(plain({ value: -3, ci: ci(0, 100) }), ctx(), 0, false);
		expect(low.point).toMatchObject({ x: 100, clipped: true });
		// The axis ends themselves are inside: capped, not arrows.
		expect(low.whisker).toMatchObject({ x1: 100, x2: 500, capLow: true, capHigh: true });
		// A value at either end is drawn there, not clipped.
		expect(rowMark(plain({ value: 0, ci: null }), ctx(), 0, false).point).toMatchObject({
			x: 100,
			clipped: false
		});
		expect(rowMark(plain({ value: 100, ci: null }), ctx(), 0, false).point).toMatchObject({
			x: 500,
			clipped: false
		});
	});

	it('a bound not reached runs to the axis end on its side, marked NR', () => {
		const upper = rowMark(plain({ value: 40, ci: ci(30, 'NR') }), ctx(), 0, false);
		expect(upper.whisker).toMatchObject({ x1: 220, x2: 500, arrowHigh: true, nrHigh: true });
		expect(upper.whisker).toMatchObject({ capHigh: false, nrLow: false });
		const lower = rowMark(plain({ value: 40, ci: ci('NR', 55) }), ctx(), 0, false);
		expect(lower.whisker).toMatchObject({ x1: 100, x2: 320, arrowLow: true, nrLow: true });
		expect(lower.whisker).toMatchObject({ capLow: false, capHigh: true, nrHigh: false });
	});

	it('an interval missing one bound draws no whisker', () => {
		expect(rowMark(plain({ ci: ci(30, null) }), ctx(), 0, false).whisker).toBeNull();
		expect(rowMark(plain({ ci: ci(null, 55) }), ctx(), 0, false).whisker).toBeNull();
	});

	it('a computed interval is dashed', () => {
		const row = rowMark(readout('r', { ci: null }), ctx(), 0, false);
		expect(row.computedCi).toBe(true);
		expect(row.whisker?.dashed).toBe(true);
	});

	it('on a log axis, a ratio or bound of zero or less cannot be placed: no point, an arrow', () => {
		const zero = plain({ unit: 'ratio', endpoint: 'HR-PFS', value: 0, ci: ci(0, 0.5) });
		const row = rowMark(zero, ctx({ axis: hazard }), 0, false);
		expect(row.point).toBeNull();
		expect(row.whisker).toMatchObject({ x1: 100, x2: 200, arrowLow: true, capLow: false });
		expect(row.whisker).toMatchObject({ capHigh: true, arrowHigh: false });
		const negative = plain({ unit: 'ratio', endpoint: 'HR-PFS', value: -1, ci: ci(-1, 8) });
		const off = rowMark(negative, ctx({ axis: hazard }), 0, false);
		expect(off.point).toBeNull();
		expect(off.whisker).toMatchObject({ x1: 100, x2: 500, arrowLow: true, arrowHigh: true });
		const below = plain({ unit: 'ratio', endpoint: 'HR-PFS', value: 0.1, ci: null });
		expect(rowMark(below, ctx({ axis: hazard }), 0, false).point).toMatchObject({
			x: 100,
			clipped: true
		});
	});

	it('a range is a band between its ends, clipped to the axis', () => {
		const band = (low: number, high: number) =>
			rowMark(plain({ value: null, range: { low, high }, ci: null }), ctx(), 0, false).band;
		expect(band(5, 15)).toEqual({ x1: 120, x2: 160 });
		expect(band(15, 5)).toEqual({ x1: 120, x2: 160 });
		expect(band(-10, 150)).toEqual({ x1: 100, x2: 500 });
		// A value beside a range wins: the point, no band.
		const both = rowMark(plain({ value: 10, range: { low: 5, high: 15 } }), ctx(), 0, false);
		expect(both.band).toBeNull();
	});

	it('a median not reached is text, left of its known lower bound or at the axis end', () => {
		const nr = (low: number | 'NR' | null) =>
			rowMark(
				plain({ value: null, notReached: true, ci: low === null ? null : ci(low, 'NR') }),
				ctx(),
				0,
				false
			);
		expect(nr(27.5).point).toBeNull();
		expect(nr(27.5).nrText).toEqual({ x: 204 });
		expect(nr(6.25).nrText).toEqual({ x: 119 });
		// Too close to the axis start (x 124 or less), or nothing known: at the axis end.
		expect(nr(6).nrText).toEqual({ x: 500 });
		expect(nr('NR').nrText).toEqual({ x: 500 });
		expect(nr(null).nrText).toEqual({ x: 500 });
		// A value not reported (not "not reached") has no text.
		expect(rowMark(plain({ value: null, ci: null }), ctx(), 0, false).nrText).toBeNull();
	});
});

describe('a row’s cells', () => {
	const hr = () =>
		readout('hr', {
			trial: 'db03',
			asset: 'tdxd',
			arm: 'T-DXd',
			line: '2L',
			population: 'ITT',
			endpoint: 'HR-PFS',
			value: 0.28,
			unit: 'ratio',
			ci: ci(0.22, 0.37),
			n: 524,
			responders: null,
			comparatorArm: 'T-DM1',
			pValue: '<.0001',
			assessment: 'BICR',
			maturity: 'final',
			dataCut: '2021-07'
		});

	it('a randomised comparison: regimen and trial, setting, population, n, date, endpoint, value', () => {
		const row = rowMark(hr(), ctx({ axis: hazard }), 0, false);
		expect(row.full).toEqual({
			regimen: ['T-DXd', 'DESTINY-Breast03 · Ph 3'],
			setting: ['Breast cancer', '2L · HER2+'],
			population: ['ITT', 'BICR'],
			n: ['524', ''],
			dataCut: ['Jul 2021', 'final'],
			endpoint: ['HR-PFS', ''],
			value: ['0.28 (0.22–0.37)', 'vs T-DM1 · p <.0001']
		});
		expect(row.cells).toEqual(row.full);
		expect(row.trial?.id).toBe('db03');
		expect(row.asset?.id).toBe('tdxd');
		expect(row.focusAsset).toBe(false);
		expect(row.date).toBe('2021-07');
		expect(row.label).toContain('T-DXd, 2L HER2+ breast cancer, phase 3, n 524');
	});

	it('without a population column, the assessment moves under the endpoint', () => {
		const row = rowMark(hr(), ctx({ axis: hazard, columns: fitColumns(1000).columns }), 0, false);
		expect(row.full.endpoint).toEqual(['HR-PFS', 'BICR']);
		const unassessed = rowMark(
			readout('u', { assessment: null }),
			ctx({ columns: fitColumns(1000).columns }),
			0,
			false
		);
		expect(unassessed.full.endpoint).toEqual(['ORR', '']);
		expect(unassessed.full.population).toEqual(['efficacy-evaluable', '']);
	});

	it('a benchmark without a trial record, n, date or maturity', () => {
		const soc = readout('soc', {
			trial: 'nowhere',
			asset: null,
			arm: 'Chemotherapy (SoC)',
			armRole: 'benchmark',
			biomarker: null,
			line: '2L+',
			n: null,
			value: null,
			range: { low: 5, high: 15 },
			ci: null,
			responders: null,
			maturity: null,
			dataCut: null
		});
		const row = rowMark(soc, ctx(), 0, false);
		expect(row.trial).toBeNull();
		expect(row.asset).toBeNull();
		expect(row.full.regimen).toEqual(['Chemotherapy (SoC)', 'nowhere']);
		expect(row.full.setting).toEqual(['Breast cancer', '2L+']);
		expect(row.full.n).toEqual(['–', '']);
		expect(row.full.dataCut).toEqual(['–', '']);
		expect(row.full.value).toEqual(['5–15%', 'benchmark, not a trial arm']);
	});

	it('a trial without a phase shows its name alone; the focus asset is marked', () => {
		const ctxNoPhase = ctx({ trialsById: new Map([['t1', trial('t1', { phase: null })]]) });
		const row = rowMark(readout('x', { ci: null }), ctxNoPhase, 0, false);
		expect(row.full.regimen).toEqual(['KN026 + docetaxel', 'T1']);
		expect(row.focusAsset).toBe(true);
		expect(row.full.value[1]).toBe('† CI computed');
	});

	it('a reported interval that differs from the exact one is flagged, even on a benchmark', () => {
		const r = readout('m', { armRole: 'benchmark', ci: ci(63, 90) });
		const row = rowMark(r, ctx(), 0, false);
		expect(row.mismatch).toBe(true);
		expect(row.full.value).toEqual(['76.4% (63.0–90.0)‡', '‡ differs from exact']);
	});

	it('long texts are cut to their columns, the second lines in the smaller font', () => {
		const long = 'abcdefghij'.repeat(5);
		const row = rowMark(
			readout('long', { population: long, assessment: long, comparatorArm: long }),
			ctx(),
			0,
			false
		);
		// Population: 150 px, 24 characters at 12 px, 26 at 11 px.
		expect(row.cells.population).toEqual([`${long.slice(0, 23)}…`, `${long.slice(0, 25)}…`]);
		// The value itself is never cut; its notes are cut to the value column.
		expect(row.cells.value[0]).toBe(row.full.value[0]);
		expect(row.cells.value[1]).toBe(`vs ${long}`.slice(0, 28) + '…');
	});

	it('stacked: the trial line and the notes share the second line beside the value', () => {
		const row = rowMark(
			hr(),
			ctx({
				axis: hazard,
				stacked: true,
				columns: [{ key: 'regimen', title: '', x: 6, width: 348, align: 'start' }]
			}),
			0,
			false
		);
		// 348 px less the bold value (16 characters, about 106 px) and two insets leaves 230 px:
		// 40 characters at 11 px, so the 45 of the trial line and notes are cut.
		expect(row.cells.regimen).toEqual(['T-DXd', 'DESTINY-Breast03 · Ph 3 · vs T-DM1 · p…']);
		expect(row.cells.value).toEqual(['0.28 (0.22–0.37)', '']);
		// A column that is not drawn has no room.
		expect(row.cells.setting).toEqual(['…', '…']);
	});
});

describe('row reuse across layouts', () => {
	it('the same readout in the same context is the same row; a move keeps its content', () => {
		const r = readout('cached');
		const c = ctx();
		const first = rowMark(r, c, 10, false);
		expect(rowMark(r, c, 10, false)).toBe(first);
		const moved = rowMark(r, c, 50, true);
		expect(moved).not.toBe(first);
		expect(moved).toMatchObject({ y: 50, cy: 67, zebra: true, label: first.label });
	});

	it('a changed trial record rebuilds the row', () => {
		const r = readout('retrial');
		const c = ctx();
		const before = rowMark(r, c, 0, false);
		const renamed = { ...c, trialsById: new Map([['t1', trial('t1', { name: 'RENAMED' })]]) };
		expect(rowMark(r, renamed, 0, false).full.regimen[1]).toBe('RENAMED · Ph 2');
		expect(before.full.regimen[1]).toBe('T1 · Ph 2');
	});

	it('three layout contexts are remembered per readout, the oldest forgotten', () => {
		const r = readout('contexts');
		const [a, b, c, d] = [ctx(), ctx(), ctx(), ctx()];
		const first = rowMark(r, a, 0, false);
		rowMark(r, b, 0, false);
		rowMark(r, c, 0, false);
		expect(rowMark(r, a, 0, false)).toBe(first);
		rowMark(r, b, 0, false);
		rowMark(r, c, 0, false);
		rowMark(r, d, 0, false);
		expect(rowMark(r, a, 0, false)).not.toBe(first);
	});

	it('a context remembered second is reused too', () => {
		const r = readout('second');
		const [a, b] = [ctx(), ctx()];
		const first = rowMark(r, a, 0, false);
		rowMark(r, b, 0, false);
		expect(rowMark(r, a, 0, false)).toBe(first);
	});

	it('a row that only changes its shading is a copy with the new shading', () => {
		const r = readout('shade');
		const c = ctx();
		const plainRow = rowMark(r, c, 10, false);
		const shaded = rowMark(r, c, 10, true);
		expect(shaded).not.toBe(plainRow);
		expect(shaded).toMatchObject({ y: 10, zebra: true, label: plainRow.label });
	});

	it('a changed asset record rebuilds the row', () => {
		const r = readout('reasset', { asset: 'kn026' });
		const c = ctx();
		expect(rowMark(r, c, 0, false).focusAsset).toBe(true);
		const demoted = {
			...c,
			assetsById: new Map([['kn026', asset('kn026', 'comparator', 'KN026')]])
		};
		expect(rowMark(r, demoted, 0, false).focusAsset).toBe(false);
	});

	it('a row moved in one context does not push out the others', () => {
		const r = readout('moves');
		const [a, b, c] = [ctx(), ctx(), ctx()];
		const inA = rowMark(r, a, 5, false);
		rowMark(r, b, 0, false);
		rowMark(r, b, 7, false);
		rowMark(r, c, 0, false);
		// b, c and a are the three remembered: a's row comes back as it was.
		expect(rowMark(r, a, 5, false)).toBe(inA);
	});
});

describe('favours labels', () => {
	it('name the one arm and the one comparator, else speak generally', () => {
		const a = readout('a', { arm: 'T-DXd', comparatorArm: 'T-DM1' });
		const b = readout('b', { arm: 'T-DXd', comparatorArm: null });
		const c = readout('c', { arm: 'Zanidatamab', comparatorArm: 'Trastuzumab' });
		expect(favoursLabels([a, b])).toEqual({ left: 'favours T-DXd', right: 'favours T-DM1' });
		expect(favoursLabels([a, c])).toEqual({
			left: 'favours investigational arm',
			right: 'favours comparator'
		});
		expect(favoursLabels([b])).toEqual({ left: 'favours T-DXd', right: 'favours comparator' });
	});
});
