import { describe, expect, it } from 'vitest';
import type { Readout } from '$lib/data/schema';
import type { ForestOptions } from './efficacy.marks';
import { placePanel, planForest, readoutsPerFamily, selectReadouts } from './efficacy.panel';
import { ASSETS, TRIALS, readout, forestOptions } from './test-fixtures';

const options = forestOptions;

/** The first panel of a plot of these readouts, every planned row placed. */
function panel(readouts: Readout[], patch: Partial<ForestOptions> = {}) {
	const { plans } = planForest({ readouts, trials: TRIALS, assets: ASSETS }, options(patch));
	const plan = plans[0]!;
	return { plan, layout: placePanel(plan, plan.shown, 'Title', null) };
}

/** Three ORR arms of one setting, n 60, 50, 40 (the default order puts the larger n first). */
const three = [60, 50, 40].map((n) => readout(`orr${n}`, { n, responders: 20 }));

describe('row limits', () => {
	it('a limit shows that many rows first; none, or a negative one, shows them all', () => {
		const shown = (rowLimits?: ForestOptions['rowLimits']) =>
			panel(three, { rowLimits }).plan.shown.map((e) => e.readout.id);
		expect(shown({ response: 2 })).toEqual(['orr60', 'orr50']);
		expect(shown({ response: 1.7 })).toEqual(['orr60']);
		expect(shown({ response: 0 })).toEqual([]);
		expect(shown({ response: 5 })).toEqual(['orr60', 'orr50', 'orr40']);
		expect(shown({ response: -1 })).toEqual(['orr60', 'orr50', 'orr40']);
		expect(shown({ median: 1 })).toEqual(['orr60', 'orr50', 'orr40']);
		expect(shown()).toEqual(['orr60', 'orr50', 'orr40']);
	});
});

describe('rows of a panel', () => {
	it('alternate their shading, starting unshaded, with the marks halfway down each row', () => {
		const { layout } = panel(three);
		expect(layout.rows.map((r) => r.zebra)).toEqual([false, true, false]);
		for (const row of layout.rows) expect(row.cy - row.y).toBe(row.height / 2);
	});

	it('stacked, the marks sit below the two lines of text', () => {
		const { layout } = panel(three, { width: 400, stacked: true });
		for (const row of layout.rows) expect(row.cy - row.y).toBe(41);
	});

	it('cut the value’s notes to the value column', () => {
		const long = readout('long', {
			ci: null,
			comparatorArm: 'trastuzumab plus pertuzumab plus docetaxel',
			pValue: '<0.0001'
		});
		const { layout } = panel([long]);
		const notes = layout.rows[0]!.cells.value[1];
		// The value column is 168 px; 11 px text is 5.72 px a character: 29 characters.
		expect(notes.endsWith('…')).toBe(true);
		expect(notes.length).toBe(29);
		expect(layout.rows[0]!.full.value[1].startsWith(notes.slice(0, -1))).toBe(true);
	});
});

describe('group and endpoint headers', () => {
	it('one header per setting, one per endpoint under it, each with its own key', () => {
		const rows = [
			readout('orr', {}),
			readout('corr', { endpoint: 'cORR' }),
			readout('other', { line: '2L' })
		];
		const { layout } = panel(rows);
		expect(layout.headers.map((h) => [h.kind, h.label])).toEqual([
			['group', 'Breast · 1L'],
			['endpoint', expect.stringMatching(/^ORR — /)],
			['endpoint', expect.stringMatching(/^cORR — /)],
			['group', 'Breast · 2L'],
			['endpoint', expect.stringMatching(/^ORR — /)]
		]);
		const keys = layout.headers.map((h) => h.key);
		expect(new Set(keys).size).toBe(keys.length);
		expect(keys[1]).toContain('ORR');
	});
});

describe('standard-of-care bands', () => {
	const soc = (patch: Partial<Readout>) =>
		readout('soc', {
			trial: 'soc',
			asset: null,
			arm: 'Chemotherapy (SoC)',
			armRole: 'benchmark',
			value: null,
			ci: null,
			responders: null,
			n: null,
			range: { low: 10.5, high: 15 },
			...patch
		});

	it('a benchmark range without a value shades its rows, from its low end to its high end', () => {
		const { layout } = panel([readout('arm'), soc({})]);
		expect(layout.bands).toHaveLength(1);
		const band = layout.bands[0]!;
		expect(band.x1).toBeCloseTo(layout.axis.scale(10.5));
		expect(band.x2).toBeCloseTo(layout.axis.scale(15));
		// Printed with the decimals of its more precise end.
		expect(band.label).toBe('Chemotherapy (SoC) 10.5–15.0%');
	});

	it('a range of medians is labelled without a percent sign', () => {
		const { layout } = panel(
			[soc({ endpoint: 'mPFS', unit: 'months', range: { low: 5, high: 7 } })],
			{ families: ['median'] }
		);
		expect(layout.bands.map((b) => b.label)).toEqual(['Chemotherapy (SoC) 5–7']);
	});

	it('no band for a trial arm’s range, a benchmark with a value, or a benchmark with no range', () => {
		const bands = (r: Readout) => panel([r]).layout.bands;
		expect(bands(soc({ armRole: 'investigational' }))).toEqual([]);
		expect(bands(soc({ value: 12 }))).toEqual([]);
		expect(bands(soc({ value: 12, range: null }))).toEqual([]);
		expect(bands(soc({ range: null }))).toEqual([]);
	});
});

describe('favours labels', () => {
	it('only a hazard ratio panel says which side favours which arm', () => {
		expect(panel(three).layout.favours).toBeNull();
		const hr = readout('hr', {
			endpoint: 'HR-PFS',
			unit: 'ratio',
			value: 0.5,
			ci: null,
			responders: null,
			comparatorArm: 'T-DM1'
		});
		expect(panel([hr], { families: ['hazard'] }).layout.favours).toEqual({
			left: 'favours KN026 + docetaxel',
			right: 'favours T-DM1'
		});
	});
});

describe('selectReadouts', () => {
	it('names the trials shown in alphabetical order', () => {
		const rows = [readout('a', { trial: 'zeta' }), readout('b', { trial: 'alpha' })];
		expect(selectReadouts(rows, ['response']).trialIds).toEqual(['alpha', 'zeta']);
	});

	it('gives the page and the layout one selection for the same rows and options', () => {
		const rows = [
			readout('a', { endpoint: 'ORR' }),
			readout('b', { endpoint: 'mPFS', unit: 'months', value: 9, ci: null, responders: null })
		];
		const first = selectReadouts(rows, ['response', 'median']);
		expect(selectReadouts(rows, ['response', 'median'], [])).toBe(first);
		expect(planForest({ readouts: rows, trials: TRIALS, assets: ASSETS }, options()).shown).toEqual(
			selectReadouts(rows, options().families).shown
		);
		// Other families, another endpoint filter, other rows: selected afresh.
		expect(selectReadouts(rows, ['response']).shown.map((r) => r.id)).toEqual(['a']);
		expect(selectReadouts(rows, ['response', 'median'], ['mPFS']).shown.map((r) => r.id)).toEqual([
			'b'
		]);
		expect(selectReadouts([...rows], ['response', 'median'])).not.toBe(first);
		expect(selectReadouts(rows, ['response', 'median']).shown.map((r) => r.id)).toEqual(['a', 'b']);
	});
});

describe('readoutsPerFamily', () => {
	it('counts the readouts of each endpoint family, zero for a family without any', () => {
		const rows = [
			readout('a', { endpoint: 'ORR' }),
			readout('b', { endpoint: 'cORR' }),
			readout('c', { endpoint: 'mPFS' }),
			readout('d', { endpoint: 'HR-OS' })
		];
		expect(readoutsPerFamily(rows)).toEqual({ response: 2, median: 1, hazard: 1, landmark: 0 });
		expect(readoutsPerFamily([])).toEqual({ response: 0, median: 0, hazard: 0, landmark: 0 });
	});
});
