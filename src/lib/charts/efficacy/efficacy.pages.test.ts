import { describe, expect, it } from 'vitest';
import type { Readout } from '$lib/data/schema';
import type { ForestOptions } from './efficacy.marks';
import { layoutForest } from './efficacy.layout';
import { layoutForestPages } from './efficacy.pages';
import { ASSETS, TRIALS, readout, forestOptions } from './test-fixtures';

/** The pages' tests lay out at 902 px, a laptop's chart column. */
const options = (patch: Partial<ForestOptions> = {}) => forestOptions({ width: 902, ...patch });

/** n arms of one setting and endpoint, one trial, in this order (larger n first). */
const arms = (count: number): Readout[] =>
	Array.from({ length: count }, (_, i) => readout(`arm${i}`, { arm: `Arm ${i}`, n: 100 - i }));
const input = (readouts: Readout[]) => ({ readouts, trials: TRIALS, assets: ASSETS });

/** The height of the on-screen panel showing the first `rows` rows. */
const heightOf = (readouts: Readout[], rows: number) =>
	layoutForest(input(readouts), options({ rowLimits: { response: rows } })).panels[0]!.height;

describe('forest plot pages', () => {
	it('a page exactly as tall as two rows need holds two; a pixel less, one', () => {
		const rows = arms(5);
		const exact = heightOf(rows, 2);
		const pages = layoutForestPages(input(rows), options(), exact);
		expect(pages.map((p) => [p.first, p.last])).toEqual([
			[1, 2],
			[3, 4],
			[5, 5]
		]);
		expect(pages.map((p) => p.panel.rows.map((r) => r.readout.id))).toEqual([
			['arm0', 'arm1'],
			['arm2', 'arm3'],
			['arm4']
		]);
		expect(pages.map((p) => [p.index, p.count])).toEqual([
			[0, 3],
			[1, 3],
			[2, 3]
		]);
		expect(pages.map((p) => p.panel.titleNote)).toEqual([
			'Rows 1–2 of 5',
			'Rows 3–4 of 5',
			'Rows 5–5 of 5'
		]);
		expect(layoutForestPages(input(rows), options(), exact - 1).map((p) => p.last)).toEqual([
			1, 2, 3, 4, 5
		]);
	});

	it('a row too tall for any page still gets one page each', () => {
		const pages = layoutForestPages(input(arms(2)), options(), 10);
		expect(pages.map((p) => p.panel.rows.length)).toEqual([1, 1]);
	});

	it('one page of every row says nothing about rows; one page of fewer rows says which', () => {
		const rows = arms(3);
		const all = layoutForestPages(input(rows), options(), 2000);
		expect(all).toHaveLength(1);
		expect(all[0]!.panel.titleNote).toBeNull();
		const limited = layoutForestPages(input(rows), options({ rowLimits: { response: 2 } }), 2000);
		expect(limited).toHaveLength(1);
		expect(limited[0]!.panel.titleNote).toBe(
			'Rows 1–2 of the 2 shown (3 response-rate readouts in view)'
		);
	});
});

describe('the plot’s trials', () => {
	it('names the trials of the rows drawn, in alphabetical order, leaving out rows not shown', () => {
		const rows = [
			readout('z', { trial: 'zeta', n: 300 }),
			readout('a', { trial: 'alpha', n: 200 }),
			readout('m', { trial: 'mu', n: 100 })
		];
		const layout = layoutForest(input(rows), options({ rowLimits: { response: 2 } }));
		expect(layout.drawnTrialIds).toEqual(['alpha', 'zeta']);
		expect(layout.trialIds).toEqual(['alpha', 'mu', 'zeta']);
	});

	it('a panel that shows none of its one row says so in the singular', () => {
		const layout = layoutForest(input([readout('one')]), options({ rowLimits: { response: 0 } }));
		expect(layout.panels[0]!.shownNote).toBe('Showing 0 of 1 response-rate readout');
	});
});
