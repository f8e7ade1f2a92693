import { describe, expect, it } from 'vitest';
import {
	buildAxis,
	fitColumns,
	hazardDomain,
	layoutForest,
	layoutForestPages,
	logTicks,
	radiusScale,
	sizeLegendValues,
	truncate,
	MAX_RADIUS,
	MIN_RADIUS,
	UNKNOWN_N_RADIUS,
	CROSS_TRIAL_NOTE,
	FONT_SIZE,
	SMALL_FONT_SIZE,
	STACKED_MARK_Y,
	STACKED_ROW_HEIGHT,
	textWidth
} from './efficacy.layout';
import type { Readout } from '$lib/data/schema';
import { ASSETS, READOUTS, TRIALS, readout, forestOptions } from './test-fixtures';

const input = { readouts: READOUTS, trials: TRIALS, assets: ASSETS };
const options = forestOptions;

describe('axes', () => {
	it.each([
		{ family: 'response', kind: 'linear', domain: [0, 100], ticks: [0, 20, 40, 60, 80, 100] },
		{ family: 'landmark', kind: 'linear', domain: [0, 100], ticks: [0, 20, 40, 60, 80, 100] },
		{ family: 'hazard', kind: 'log', domain: [0.25, 4], ticks: [0.25, 0.5, 1, 2, 4] }
	] as const)('$family: $kind $domain', ({ family, kind, domain, ticks }) => {
		const axis = buildAxis(family, [readout('a', { value: 0.5, unit: 'ratio' })], 100, 500);
		expect(axis.kind).toBe(kind);
		expect(axis.domain).toEqual(domain);
		expect(axis.ticks.map((t) => t.value)).toEqual(ticks);
	});

	it('puts HR = 1 in the middle of a symmetric log axis, with a reference line', () => {
		const axis = buildAxis('hazard', [], 100, 500);
		expect(axis.reference).toBeCloseTo(300);
		expect(axis.ticks.map((t) => t.label)).toEqual(['0.25', '0.5', '1', '2', '4']);
		expect(axis.ticks[1]!.x - axis.ticks[0]!.x).toBeCloseTo(axis.ticks[4]!.x - axis.ticks[3]!.x);
	});

	it.each([
		{ values: [0.28, 0.64], domain: [0.25, 4] },
		{ values: [0.1], domain: [0.0625, 16] },
		{ values: [6], domain: [0.125, 8] },
		{ values: [], domain: [0.25, 4] },
		{ values: [0, -1], domain: [0.25, 4] }
	])('hazard domain for $values is $domain', ({ values, domain }) => {
		expect(hazardDomain(values)).toEqual(domain);
	});

	it('log ticks are powers of two across the domain', () => {
		expect(logTicks([0.125, 8])).toEqual([0.125, 0.25, 0.5, 1, 2, 4, 8]);
	});

	it('medians run from 0 to a nice maximum covering values and numeric CI bounds', () => {
		const axis = buildAxis(
			'median',
			[
				readout('a', {
					value: 12.9,
					unit: 'months',
					ci: { level: 0.95, low: 6, high: 23.2, method: null }
				}),
				readout('b', {
					value: null,
					notReached: true,
					unit: 'months',
					ci: { level: 0.95, low: 20, high: 'NR', method: null }
				})
			],
			0,
			600
		);
		expect(axis.domain[0]).toBe(0);
		expect(axis.domain[1]).toBe(25);
		expect(axis.ticks[0]!.value).toBe(0);
	});
});

describe('point size', () => {
	it.each([
		{ maxN: 100, n: 100, r: MAX_RADIUS },
		{ maxN: 100, n: 25, r: MAX_RADIUS / 2 },
		{ maxN: 100, n: 1, r: MIN_RADIUS },
		{ maxN: 100, n: null, r: UNKNOWN_N_RADIUS }
	])('n $n of max $maxN → r $r (area ∝ n)', ({ maxN, n, r }) => {
		expect(radiusScale(maxN)(n)).toBeCloseTo(r);
	});

	it.each([
		{ maxN: 524, values: [50, 100, 500] },
		{ maxN: 80, values: [5, 10, 50] },
		{ maxN: 0, values: [] }
	])('size legend for max n $maxN', ({ maxN, values }) => {
		expect(sizeLegendValues(maxN)).toEqual(values);
	});
});

describe('columns and text', () => {
	it('drops the least important columns when narrow, never the regimen', () => {
		const wide = fitColumns(1400).columns.map((c) => c.key);
		const narrow = fitColumns(640).columns.map((c) => c.key);
		expect(wide).toEqual(['regimen', 'setting', 'population', 'n', 'dataCut', 'endpoint']);
		expect(narrow).toContain('regimen');
		expect(narrow).not.toContain('dataCut');
		expect(narrow.length).toBeLessThan(wide.length);
	});

	it('keeps the plot between the text columns and the value column', () => {
		const { plotX0, plotX1, valueX } = fitColumns(1200);
		expect(plotX1 - plotX0).toBeGreaterThan(200);
		expect(plotX1).toBeLessThan(valueX);
	});

	it.each([
		{ text: 'short', width: 200, out: 'short' },
		{ text: 'a very long population definition that cannot fit', width: 100, out: /…$/ }
	])('truncate($text, $width)', ({ text, width, out }) => {
		expect(truncate(text, width)).toMatch(out);
	});
});

describe('layoutForest', () => {
	it('makes one panel per selected family that has rows, in family order', () => {
		const layout = layoutForest(input, options({ families: ['hazard', 'response', 'landmark'] }));
		expect(layout.panels.map((p) => p.family)).toEqual(['response', 'hazard']);
	});

	it('keeps populations apart: all-patients and IHC 3+ are two rows', () => {
		const layout = layoutForest(input, options());
		const zani = layout.panels[0]!.rows.filter((r) => r.readout.trial === 'herizon');
		expect(zani.map((r) => r.full.population[0])).toEqual([
			'cohort 1, all patients',
			'IHC 3+ subset'
		]);
	});

	it('prints the KN026 breast ORR as in the source, with an accessible name', () => {
		const row = layoutForest(input, options()).panels[0]!.rows.find(
			(r) => r.key === 'kn026-bc-orr'
		)!;
		expect(row.valueText).toBe('76.4% (63.0–86.8)');
		expect(row.cells.n[0]).toBe('55');
		expect(row.label).toMatch(
			/^KN026 \+ docetaxel, 1L HER2\+ breast cancer, phase 2, n 55: ORR 76.4%, 95% CI 63.0 to 86.8/
		);
		expect(row.point?.shape).toBe('circle');
		expect(row.whisker).toMatchObject({ capLow: true, capHigh: true, dashed: false });
	});

	it('draws computed CIs dashed, and flags reported CIs that differ from exact', () => {
		const rows = layoutForest(input, options()).panels[0]!.rows;
		const all = rows.find((r) => r.key === 'zani-btc-all')!;
		const ihc3 = rows.find((r) => r.key === 'zani-btc-3plus')!;
		expect(all.computedCi).toBe(true);
		expect(all.whisker?.dashed).toBe(true);
		expect(all.valueText).toBe('41.3% (30.4–52.8)†');
		expect(ihc3.mismatch).toBe(true);
		expect(ihc3.ci.check?.text).toBe('reported 38.6–64.9, exact 38.6–64.5');
	});

	it('groups by setting with endpoint sub-headers, or by asset on request', () => {
		const bySetting = layoutForest(input, options()).panels[0]!.headers;
		expect(bySetting.map((h) => `${h.kind}:${h.label.split(' — ')[0]}`)).toEqual([
			'group:Biliary · 2L+',
			'endpoint:cORR',
			'group:Breast · 1L',
			'endpoint:ORR'
		]);
		const byAsset = layoutForest(input, options({ groupBy: 'asset' })).panels[0]!.headers;
		expect(byAsset.filter((h) => h.kind === 'group').map((h) => h.label)).toEqual([
			'KN026',
			'Zanidatamab',
			'Standard of care'
		]);
	});

	it('orders the settings of one indication by line of therapy, not alphabetically', () => {
		// Alphabetical order would put "neoadjuvant" last and "1L+" after "1L" by accident only.
		const lines = ['3L', 'neoadjuvant', '2L', '1L', 'adjuvant', '2L+'];
		const readouts = lines.map((line, i) =>
			readout(`r-${i}`, { indicationGroup: 'breast', indication: 'Breast', line })
		);
		const headers = layoutForest({ readouts, trials: TRIALS, assets: ASSETS }, options()).panels[0]!
			.headers;
		expect(headers.filter((h) => h.kind === 'group').map((h) => h.label.split(' — ')[0])).toEqual([
			'Breast · neoadjuvant',
			'Breast · adjuvant',
			'Breast · 1L',
			'Breast · 2L',
			'Breast · 2L+',
			'Breast · 3L'
		]);
	});

	it('draws a standard-of-care range as a band across its setting and endpoint', () => {
		const panel = layoutForest(input, options()).panels[0]!;
		const soc = panel.rows.find((r) => r.key === 'soc-btc')!;
		expect(soc.point).toBeNull();
		expect(soc.band).not.toBeNull();
		expect(soc.role).toBe('benchmark');
		expect(panel.bands).toHaveLength(1);
		const cohort = panel.rows.filter((r) => r.readout.indication === 'Biliary tract cancer');
		expect(panel.bands[0]!.y1).toBe(Math.min(...cohort.map((r) => r.y)));
		expect(panel.bands[0]!.y2).toBe(Math.max(...cohort.map((r) => r.y + r.height)));
		expect(panel.bands[0]!.label).toBe('Chemotherapy (SoC) 5–15%');
	});

	it('handles medians: NR upper bound is an arrow to the axis end; a median not reached is text', () => {
		const panel = layoutForest(input, options({ families: ['median'] })).panels[0]!;
		const dor = panel.rows.find((r) => r.key === 'zani-btc-dor')!;
		expect(dor.valueText).toBe('12.9 (5.95–NR)');
		expect(dor.whisker).toMatchObject({
			arrowHigh: true,
			nrHigh: true,
			capHigh: false,
			capLow: true
		});
		expect(dor.whisker!.x2).toBe(panel.axis.x1);
		const os = panel.rows.find((r) => r.key === 'kn026-os')!;
		expect(os.point).toBeNull();
		expect(os.nrText).not.toBeNull();
		expect(os.valueText).toBe('NR (27.7–NR)');
	});

	it('hazard panel: log axis, squares for comparator arms, favours labels', () => {
		const panel = layoutForest(input, options({ families: ['hazard'] })).panels[0]!;
		expect(panel.axis.kind).toBe('log');
		expect(panel.favours).toEqual({ left: 'favours T-DXd', right: 'favours T-DM1' });
		const row = panel.rows[0]!;
		expect(row.point!.x).toBeLessThan(panel.axis.reference!);
		expect(row.valueText).toBe('0.28 (0.22–0.37)');
		expect(row.cells.value[1]).toContain('vs T-DM1');
	});

	it.each([
		{ low: 10, high: 120, arrowLow: false, arrowHigh: true },
		{ low: -5, high: 50, arrowLow: true, arrowHigh: false }
	])(
		'clips a CI $low–$high that leaves the axis with an arrow',
		({ low, high, arrowLow, arrowHigh }) => {
			const layout = layoutForest(
				{
					...input,
					readouts: [
						readout('x', {
							value: 40,
							ci: { level: 0.95, low, high, method: null },
							responders: null
						})
					]
				},
				options()
			);
			const w = layout.panels[0]!.rows[0]!.whisker!;
			expect(w.arrowLow).toBe(arrowLow);
			expect(w.arrowHigh).toBe(arrowHigh);
			expect(w.x1).toBeGreaterThanOrEqual(layout.panels[0]!.axis.x0);
			expect(w.x2).toBeLessThanOrEqual(layout.panels[0]!.axis.x1);
		}
	);

	it.each([
		{ sort: 'value', order: ['b', 'c', 'a'] },
		{ sort: 'date', order: ['c', 'a', 'b'] },
		{ sort: 'group', order: ['a', 'b', 'c'] }
	] as const)('sorts rows within a group by $sort', ({ sort, order }) => {
		const readouts = [
			readout('a', { arm: 'A', value: 30, dataCut: '2024-05', ci: null, responders: null }),
			readout('b', { arm: 'B', value: 70, dataCut: '2025-Q1', ci: null, responders: null }),
			readout('c', { arm: 'C', value: 50, dataCut: '2023', ci: null, responders: null })
		];
		const layout = layoutForest({ ...input, readouts }, options({ sort }));
		expect(layout.panels[0]!.rows.map((r) => r.key)).toEqual(order);
	});

	it('notes a cross-trial comparison only when rows come from more than one trial', () => {
		expect(layoutForest(input, options()).crossTrial).toBe(true);
		const one = layoutForest(input, options({ families: ['hazard'] }));
		expect(one.crossTrial).toBe(false);
		expect(one.trialIds).toEqual(['db03']);
	});

	it('filters endpoints and lists the ones available', () => {
		const layout = layoutForest(input, options({ endpoints: ['ORR'] }));
		expect(layout.availableEndpoints).toEqual(['ORR', 'cORR']);
		expect(layout.panels[0]!.rows.map((r) => r.readout.endpoint)).toEqual(['ORR']);
	});

	it('stacks rows without overlap and alternates zebra stripes', () => {
		const rows = layoutForest(input, options()).panels[0]!.rows;
		for (let i = 1; i < rows.length; i++) {
			expect(rows[i]!.y).toBeGreaterThanOrEqual(rows[i - 1]!.y + rows[i - 1]!.height);
			expect(rows[i]!.zebra).toBe(!rows[i - 1]!.zebra);
		}
	});

	it('uses one size scale across panels', () => {
		const layout = layoutForest(input, options({ families: ['response', 'hazard'] }));
		const bc = layout.panels[0]!.rows.find((r) => r.key === 'kn026-bc-orr')!;
		const hr = layout.panels[1]!.rows[0]!;
		expect(hr.point!.r).toBeCloseTo(MAX_RADIUS);
		expect(bc.point!.r).toBeCloseTo(MAX_RADIUS * Math.sqrt(55 / 524));
	});
});

describe('row limits and pages', () => {
	/** n ORR readouts of one trial, one setting: rows under one group and endpoint header. */
	const many = (n: number, patch: Partial<Readout> = {}) =>
		Array.from({ length: n }, (_, i) =>
			readout(`r${String(i).padStart(4, '0')}`, { n: 10 + i, arm: `Arm ${i}`, ...patch })
		);
	const manyInput = (n: number) => ({ readouts: many(n), trials: TRIALS, assets: ASSETS });

	it.each([
		{ total: 10, limit: 50, shown: 10, note: null },
		{ total: 50, limit: 50, shown: 50, note: null },
		{ total: 51, limit: 50, shown: 50, note: 'Showing 50 of 51 response-rate readouts' },
		{ total: 2100, limit: 50, shown: 50, note: 'Showing 50 of 2,100 response-rate readouts' },
		{ total: 2100, limit: 100, shown: 100, note: 'Showing 100 of 2,100 response-rate readouts' }
	])('$total rows, limit $limit → $shown drawn', ({ total, limit, shown, note }) => {
		const layout = layoutForest(manyInput(total), options({ rowLimits: { response: limit } }));
		const panel = layout.panels[0]!;
		expect(panel.rows).toHaveLength(shown);
		expect(panel.total).toBe(total);
		expect(panel.shownNote).toBe(note);
		expect(panel.titleNote).toBe(note);
		expect(layout.rowCount).toBe(total);
		expect(layout.drawnCount).toBe(shown);
	});

	it('keeps the first rows in the current order and sizes the panel for them only', () => {
		const readouts = many(80);
		const all = layoutForest({ readouts, trials: TRIALS, assets: ASSETS }, options());
		const some = layoutForest(
			{ readouts, trials: TRIALS, assets: ASSETS },
			options({ rowLimits: { response: 30 } })
		);
		expect(some.panels[0]!.rows.map((r) => r.key)).toEqual(
			all.panels[0]!.rows.slice(0, 30).map((r) => r.key)
		);
		expect(some.panels[0]!.height).toBeLessThan(all.panels[0]!.height);
	});

	it('returns the same row object when nothing about the row changed (renderer skips it)', () => {
		const readouts = many(5);
		const a = layoutForest({ readouts, trials: TRIALS, assets: ASSETS }, options());
		const b = layoutForest({ readouts, trials: TRIALS, assets: ASSETS }, options());
		expect(b.panels[0]!.rows[2]).toBe(a.panels[0]!.rows[2]);
		// Dropping the first row moves the others up: new y, same texts.
		const c = layoutForest(
			{ readouts: readouts.slice(1), trials: TRIALS, assets: ASSETS },
			options()
		);
		const moved = c.panels[0]!.rows.find((r) => r.key === a.panels[0]!.rows[2]!.key)!;
		expect(moved.y).toBe(a.panels[0]!.rows[1]!.y);
		expect(moved.cells).toBe(a.panels[0]!.rows[2]!.cells);
	});

	// A 16:9 slide keeps 12 px row text at ≥ 12 pt up to about 902 × 370 px (see SLIDE_PAGE):
	// 50 px title and column headers, 42 px group and endpoint headers, 46 px axis, a one-line
	// legend (26 px) leave 206 px: 6 rows of 34 px.
	const PAGE = { width: 902, height: 370 };
	it.each([
		{ rows: 1, slides: 1 },
		{ rows: 6, slides: 1 },
		{ rows: 7, slides: 2 },
		{ rows: 12, slides: 2 },
		{ rows: 13, slides: 3 },
		{ rows: 50, slides: 9 }
	])('$rows rows of one setting → $slides slides', ({ rows, slides }) => {
		const pages = layoutForestPages(
			manyInput(rows),
			options({ width: PAGE.width, rowLimits: { response: 50 } }),
			PAGE.height
		);
		expect(pages).toHaveLength(slides);
		expect(pages.every((p) => p.panel.height <= PAGE.height)).toBe(true);
		expect(pages.reduce((sum, p) => sum + p.panel.rows.length, 0)).toBe(rows);
		expect(pages.map((p) => p.panel.title)).toEqual(
			pages.map((_, i) => (i === 0 ? 'Response rates' : 'Response rates (continued)'))
		);
		// Every page repeats the group and endpoint headers of its first row.
		for (const page of pages) {
			expect(page.panel.headers.slice(0, 2).map((h) => h.kind)).toEqual(['group', 'endpoint']);
			expect(page.panel.rows[0]!.y).toBe(page.panel.rowsTop + 24 + 18);
		}
		if (slides > 1) expect(pages[1]!.panel.titleNote).toMatch(/^Rows \d+–\d+ of \d+$/);
	});

	it('pages only the rows shown on screen and says so', () => {
		const pages = layoutForestPages(
			manyInput(120),
			options({ width: PAGE.width, rowLimits: { response: 8 } }),
			PAGE.height
		);
		expect(pages.reduce((sum, p) => sum + p.panel.rows.length, 0)).toBe(8);
		expect(pages[0]!.panel.titleNote).toMatch(
			/^Rows 1–\d of the 8 shown \(120 response-rate readouts in view\)$/
		);
	});

	it('one page list per panel, each starting again at its first row', () => {
		const readouts = [
			...many(8),
			...many(8, { endpoint: 'mPFS', value: 9, unit: 'months', ci: null }).map((r) => ({
				...r,
				id: `m-${r.id}`
			}))
		];
		const pages = layoutForestPages(
			{ readouts, trials: TRIALS, assets: ASSETS },
			options({ width: PAGE.width, families: ['response', 'median'] }),
			PAGE.height
		);
		const families = pages.map((p) => p.family);
		expect(families.filter((f) => f === 'response')).toHaveLength(2);
		expect(families.filter((f) => f === 'median')).toHaveLength(2);
		expect(pages.filter((p) => p.index === 0).map((p) => p.first)).toEqual([1, 1]);
	});
});

describe('stacked rows (phones)', () => {
	const widths = [320, 360, 390];

	it.each(widths)('at %i px the value and CI of every row is kept whole, inside the width', (w) => {
		const layout = layoutForest(input, options({ width: w, stacked: true }));
		const panel = layout.panels[0]!;
		expect(panel.stacked).toBe(true);
		expect(panel.width).toBe(w);
		expect(panel.valueX).toBeLessThanOrEqual(w);
		expect(panel.axis.x0).toBeGreaterThan(0);
		expect(panel.axis.x1).toBeLessThan(w);
		for (const row of panel.rows) {
			expect(row.cells.value[0]).toBe(row.valueText);
			const [regimen, second] = row.cells.regimen;
			expect(textWidth(regimen)).toBeLessThanOrEqual(w);
			// The trial line leaves room for the value beside it on the second line.
			expect(
				textWidth(second, SMALL_FONT_SIZE) + textWidth(row.valueText, FONT_SIZE, true)
			).toBeLessThanOrEqual(w);
			expect(row.height).toBe(STACKED_ROW_HEIGHT);
			expect(row.cy - row.y).toBe(STACKED_MARK_Y);
		}
	});

	it('rows are stacked one under another, taller than in columns', () => {
		const stacked = layoutForest(input, options({ width: 360, stacked: true })).panels[0]!;
		const columns = layoutForest(input, options({ width: 560 })).panels[0]!;
		expect(columns.stacked).toBe(false);
		expect(stacked.rows.length).toBe(columns.rows.length);
		expect(stacked.height).toBeGreaterThan(columns.height);
		stacked.rows.slice(1).forEach((row, i) => {
			expect(row.y).toBeGreaterThanOrEqual(stacked.rows[i]!.y + STACKED_ROW_HEIGHT);
		});
	});

	it('wraps legend notes (the cross-trial note) to the width', () => {
		const panel = layoutForest(input, options({ width: 320, stacked: true })).panels[0]!;
		const texts = panel.legend.items.filter((i) => i.kind === 'text');
		expect(panel.legend.crossTrial).toBe(true);
		expect(texts.map((t) => t.label).join(' ')).toContain(CROSS_TRIAL_NOTE);
		for (const item of panel.legend.items)
			expect(item.x + textWidth(item.label, SMALL_FONT_SIZE)).toBeLessThanOrEqual(320);
	});
});
