import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Dataset, type Readout } from '$lib/data/schema';
import { DEFAULT_VIEW_STATE, type MechanismsOptions } from '$lib/state/view-state';
import {
	capColumns,
	COLUMN_STEP,
	columnCapNotice,
	formatHeadline,
	headlineReadout,
	layoutMatrix,
	markDifferences,
	moveColumn,
	dropColumn,
	orderColumns,
	sameCompany,
	type MatrixCell,
	type MatrixInput,
	type MatrixLayout,
	type MatrixOptions
} from './mechanisms.layout';
import { domainGlyph } from './domain-glyph';
import { markerPath } from './encoding';

const dataset = Dataset.parse(
	JSON.parse(readFileSync('tests/fixtures/mechanisms-her2.json', 'utf8'))
);
const input: MatrixInput = dataset;
const options = (patch: Partial<MatrixOptions> = {}): MatrixOptions => ({
	...structuredClone(DEFAULT_VIEW_STATE.mechanisms),
	...patch
});

const cellOf = (layout: ReturnType<typeof layoutMatrix>, rowId: string, assetId: string) => {
	const row = layout.rows.find((r) => r.id === rowId);
	const index = layout.columns.findIndex((c) => c.assetId === assetId);
	return row?.cells[index];
};

describe('cells', () => {
	// Laid out in each test, not once for the file: a test checks the layout it builds itself.
	const layout = () => layoutMatrix(input, options());
	it.each([
		// [row, asset, state, text]
		['domains', 'kn026', 'known', 'II and IV'],
		['domains', 'trastuzumab', 'known', 'IV'],
		['domains', 'pertuzumab', 'known', 'II'],
		['domains', 'tqb2930', 'unknown', 'Unknown'],
		['biparatopic', 'kn026', 'known', 'Yes'],
		['biparatopic', 'trastuzumab', 'known', 'No'],
		['modality', 'jskn003', 'known', 'Antibody–drug conjugate'],
		['payload', 'jskn003', 'known', 'Topoisomerase I inhibitor'],
		['payload', 'kn026', 'na', 'n/a'],
		['dar', 'jskn003', 'approximate', '≈4'],
		['linker', 'jskn003', 'unknown', 'Unknown'],
		['effector', 'kn026', 'unknown', 'Unknown'],
		['platform', 'trastuzumab', 'na', 'n/a'],
		['originator', 'zanidatamab', 'known', 'Zymeworks'],
		[
			'partners',
			'kn026',
			'known',
			'CSPC Pharmaceutical — licence, Mainland China, 16 Aug 2021, RMB 1 billion'
		],
		['partners', 'trastuzumab', 'none', 'No deals recorded'],
		['phases', 'kn026', 'known', 'China: Phase 3'],
		['phases', 'zanidatamab', 'known', 'US: Approved; Global: Phase 3'],
		['approvals', 'zanidatamab', 'known', 'FDA (accelerated), 20 Nov 2024'],
		['approvals', 'kn026', 'none', 'No approvals recorded'],
		['readouts', 'kn026', 'known', '3 readouts from 2 trials'],
		['headline', 'kn026', 'known', 'ORR 76.4% (95% CI 63.0–86.8), n 55 — KN026-201'],
		['headline', 'zanidatamab', 'known', 'cORR 41.3% (95% CI 30.4–52.8), n 80 — HERIZON-BTC-01'],
		// An ORR without a value is no key readout: the asset's investigational figure is.
		['headline', 'jskn003', 'approximate', 'mPFS ≈ 7 months, n 36 — JSKN003-101'],
		['headline', 'trastuzumab', 'none', 'No investigational result in view'],
		['headline', 'pertuzumab', 'none', 'No readouts in view']
	])('%s of %s is %s: %s', (rowId, assetId, state, text) => {
		const c = cellOf(layout(), rowId, assetId);
		expect(c?.state).toBe(state);
		expect(c?.text).toBe(text);
	});

	it('keeps the sources and note of an attribute', () => {
		const c = cellOf(layout(), 'domains', 'kn026');
		expect(c?.items[0]?.sources[0]?.quote).toContain('ECD2 and ECD4');
		expect(c?.note).toBe('Domains as named in the abstract.');
	});

	it('gives every phase item a chip and the phase entry as its source', () => {
		const c = cellOf(layout(), 'phases', 'zanidatamab');
		expect(c?.items.map((i) => i.chip?.label)).toEqual(['Approved', 'Phase 3']);
		expect(c?.items[0]?.sources.length).toBeGreaterThan(0);
	});

	it('encodes modality with a marker that has both a colour and a shape', () => {
		const kn = cellOf(layout(), 'modality', 'kn026')?.marker;
		const tras = cellOf(layout(), 'modality', 'trastuzumab')?.marker;
		expect(kn?.shape).not.toBe(tras?.shape);
		expect(kn?.fill).not.toBe(tras?.fill);
	});
});

describe('deal parties', () => {
	it.each([
		['Alphamab Oncology', 'Alphamab Oncology', true],
		['Alphamab Oncology (Jiangsu Alphamab Biopharmaceuticals)', 'Alphamab Oncology', true],
		['alphamab  oncology', 'Alphamab Oncology Ltd', true],
		['Alphamab', 'Alphabet', false],
		['', 'Alphamab', false]
	])('sameCompany(%s, %s) = %s', (a, b, expected) => {
		expect(sameCompany(a, b)).toBe(expected);
	});
});

describe('headline readout: the key-readout rule of the Overview (derive.ts)', () => {
	const base = dataset.readouts.find((r) => r.id === 'kn026-gc-orr') as Readout;
	const r = (patch: Partial<Readout>): Readout => ({ ...base, ...patch });
	const trials = new Map(dataset.trials.map((t) => [t.id, t]));
	it.each([
		[
			'largest n among investigational ORR/cORR of the same trial and date',
			[r({ id: 'a', n: 20 }), r({ id: 'b', n: 55, endpoint: 'cORR' }), r({ id: 'c', n: 30 })],
			'b'
		],
		['first on a tie', [r({ id: 'a', n: 20 }), r({ id: 'b', n: 20 })], 'a'],
		[
			'comparator arms do not count',
			[r({ id: 'a', n: 20 }), r({ id: 'b', n: 300, armRole: 'benchmark' })],
			'a'
		],
		[
			'a later data cut beats a larger n',
			[r({ id: 'a', n: 90, dataCut: '2023-01' }), r({ id: 'b', n: 20, dataCut: '2024-06' })],
			'b'
		],
		[
			'no response rate: another investigational figure',
			[r({ id: 'a', endpoint: 'mPFS', unit: 'months' }), r({ id: 'b', endpoint: 'mOS' })],
			'a'
		],
		['nothing investigational: none', [r({ id: 'a', armRole: 'comparator' })], null],
		['no readouts', [], null]
	])('%s', (_, readouts, expected) => {
		expect(headlineReadout(readouts, base.asset!, trials)?.id ?? null).toBe(expected);
	});

	it('prints the same line as the Overview card, in months', () => {
		const trial = dataset.trials.find((t) => t.id === 'kn026-201');
		expect(formatHeadline(base, trial)).toBe('ORR 76.4% (95% CI 63.0–86.8), n 55 — ' + trial!.name);
		expect(
			formatHeadline({ ...base, endpoint: 'mPFS', unit: 'months', value: 8.6, ci: null }, trial)
		).toBe('mPFS 8.6 months, n 55 — ' + trial!.name);
	});
});

describe('column order', () => {
	const ids = (patch: Partial<MechanismsOptions>) =>
		orderColumns(dataset.assets, dataset.programs, { ...options(), ...patch }).map((a) => a.id);
	it.each([
		// approved ones first (by name), then phase 3 (by name), then phase 1
		[
			{ order: 'phase' as const },
			['pertuzumab', 'trastuzumab', 'zanidatamab', 'jskn003', 'kn026', 'tqb2930']
		],
		[
			{ order: 'name' as const },
			['jskn003', 'kn026', 'pertuzumab', 'tqb2930', 'trastuzumab', 'zanidatamab']
		],
		[
			{ order: 'modality' as const },
			['zanidatamab', 'kn026', 'tqb2930', 'pertuzumab', 'trastuzumab', 'jskn003']
		],
		[
			{ order: 'custom' as const, columns: ['kn026', 'trastuzumab', 'not-shown'] },
			['kn026', 'trastuzumab', 'pertuzumab', 'zanidatamab', 'jskn003', 'tqb2930']
		],
		// the listed ids in the order listed, not the dataset's
		[
			{ order: 'custom' as const, columns: ['tqb2930', 'jskn003', 'kn026'] },
			['tqb2930', 'jskn003', 'kn026', 'pertuzumab', 'trastuzumab', 'zanidatamab']
		],
		[
			{ order: 'name' as const, reference: 'trastuzumab' },
			['trastuzumab', 'jskn003', 'kn026', 'pertuzumab', 'tqb2930', 'zanidatamab']
		],
		[
			{ order: 'name' as const, reference: 'filtered-out' },
			['jskn003', 'kn026', 'pertuzumab', 'tqb2930', 'trastuzumab', 'zanidatamab']
		]
	])('%o', (patch, expected) => {
		expect(ids(patch)).toEqual(expected);
	});

	it('by phase: an asset in preclinical work before one with no programs at all', () => {
		const tqb = dataset.programs.find((p) => p.asset === 'tqb2930')!;
		const preclinical = {
			...tqb,
			phases: [{ ...tqb.phases[0]!, phase: 'preclinical' as const }]
		};
		const assets = dataset.assets.filter((a) => a.id === 'kn026' || a.id === 'tqb2930');
		const order = orderColumns(assets, [preclinical], { ...options(), order: 'phase' });
		// By name KN026 would come first; its missing phase puts it last.
		expect(order.map((a) => a.id)).toEqual(['tqb2930', 'kn026']);
	});

	it('a custom order is followed whatever the dataset’s order', () => {
		for (const columns of [
			['pertuzumab', 'trastuzumab', 'tqb2930', 'jskn003', 'zanidatamab', 'kn026'],
			['zanidatamab', 'pertuzumab', 'kn026', 'trastuzumab', 'jskn003', 'tqb2930']
		]) {
			expect(ids({ order: 'custom', columns })).toEqual(columns);
		}
	});

	it('puts an asset of no known modality after every modality', () => {
		const unknown = dataset.assets.map((a) =>
			a.id === 'zanidatamab' ? { ...a, modality: { ...a.modality, value: null } } : a
		);
		const order = orderColumns(unknown, dataset.programs, { ...options(), order: 'modality' });
		expect(order.map((a) => a.id).at(-1)).toBe('zanidatamab');
	});

	it.each([
		[['a', 'b', 'c'], 'b', -1, null, ['b', 'a', 'c']],
		[['a', 'b', 'c'], 'b', 1, null, ['a', 'c', 'b']],
		[['a', 'b', 'c'], 'a', -1, null, ['a', 'b', 'c']],
		[['a', 'b', 'c'], 'c', 1, null, ['a', 'b', 'c']],
		[['r', 'b', 'c'], 'b', -1, 'r', ['r', 'b', 'c']],
		[['r', 'b', 'c'], 'r', 1, 'r', ['r', 'b', 'c']],
		[['a', 'b', 'c'], 'x', 1, null, ['a', 'b', 'c']],
		// a reference that is not shown holds no place
		[['a', 'b', 'c'], 'b', -1, 'r', ['b', 'a', 'c']],
		// a move past either end leaves the order as it is
		[['a', 'b', 'c'], 'b', 2, null, ['a', 'b', 'c']],
		[['a', 'b', 'c'], 'b', -2, null, ['a', 'b', 'c']]
	])('moveColumn(%j, %s, %i, ref %s) = %j', (shown, id, delta, ref, expected) => {
		expect(moveColumn(shown, id, delta, ref)).toEqual(expected);
	});

	it.each([
		[['a', 'b', 'c', 'd'], 'a', 'c', ['b', 'c', 'a', 'd']],
		[['a', 'b', 'c', 'd'], 'd', 'b', ['a', 'd', 'b', 'c']],
		[['a', 'b', 'c'], 'a', 'a', ['a', 'b', 'c']],
		[['a', 'b', 'c'], 'x', 'b', ['a', 'b', 'c']],
		[['a', 'b', 'c'], 'b', 'x', ['a', 'b', 'c']],
		[['a', 'b', 'c'], 'c', 'x', ['a', 'b', 'c']]
	])('dropColumn(%j, %s onto %s) = %j', (shown, dragged, target, expected) => {
		expect(dropColumn(shown, dragged, target)).toEqual(expected);
	});
});

describe('differences', () => {
	const c = (compareKey: string): MatrixCell =>
		({ compareKey, differs: false }) as unknown as MatrixCell;
	it.each([
		[['a', 'a', 'a'], null, false, [false, false, false]],
		[['a', 'b', 'a'], null, true, [false, false, false]],
		[['a', 'b', 'a'], 0, true, [false, true, false]],
		[['b', 'b', 'a'], 0, true, [false, false, true]],
		[['a'], null, false, [false]],
		[['a'], 0, false, [false]],
		[['a', 'a'], 0, false, [false, false]],
		[[], 0, false, []]
	])('%j against reference %s', (keys, ref, rowDiffers, cellDiffers) => {
		const cells = keys.map(c);
		expect(markDifferences(cells, ref)).toBe(rowDiffers);
		expect(cells.map((x) => x.differs)).toEqual(cellDiffers);
	});

	it('treats unknown as different from a known value', () => {
		const layout = layoutMatrix(
			{ ...input, assets: dataset.assets.filter((a) => ['kn026', 'tqb2930'].includes(a.id)) },
			options()
		);
		expect(layout.rows.find((r) => r.id === 'domains')?.differs).toBe(true);
		expect(layout.rows.find((r) => r.id === 'target')?.differs).toBe(false);
	});

	it('counts the compared rows that differ', () => {
		const layout = layoutMatrix(input, options());
		const differing = layout.rows.filter((r) => r.differs);
		expect(differing.length).toBeGreaterThan(1);
		expect(layout.differingRows).toBe(differing.length);
		expect(layout.comparedRows).toBe(layout.rows.filter((r) => r.compared).length);
	});

	it('a single column has no identical rows to hide', () => {
		const one = { ...input, assets: dataset.assets.filter((a) => a.id === 'kn026') };
		const all = layoutMatrix(one, options());
		const hidden = layoutMatrix(one, options({ hideIdentical: true }));
		expect(hidden.rows.map((r) => r.id)).toEqual(all.rows.map((r) => r.id));
		expect(hidden.hiddenIdenticalRows).toBe(0);
		expect(hidden.differingRows).toBe(0);
	});

	it('a reference that is filtered out is no reference', () => {
		const layout = layoutMatrix(
			{ ...input, assets: dataset.assets.filter((a) => a.id !== 'trastuzumab') },
			options({ reference: 'trastuzumab' })
		);
		expect(layout.reference).toBeNull();
		expect(layout.columns.every((c) => !c.isReference)).toBe(true);
		const empty = layoutMatrix({ ...input, assets: [] }, options({ reference: 'trastuzumab' }));
		expect(empty.reference).toBeNull();
	});

	it('flags cells that differ from a pinned reference', () => {
		const layout = layoutMatrix(input, options({ reference: 'trastuzumab' }));
		expect(layout.reference).toBe('trastuzumab');
		expect(layout.columns[0]).toMatchObject({ assetId: 'trastuzumab', isReference: true });
		expect(layout.columns.slice(1).some((c) => c.isReference)).toBe(false);
		expect(cellOf(layout, 'domains', 'kn026')?.differs).toBe(true);
		expect(cellOf(layout, 'domains', 'trastuzumab')?.differs).toBe(false);
		expect(cellOf(layout, 'format', 'pertuzumab')?.differs).toBe(false);
	});

	it('hides identical rows on request and counts them', () => {
		const two = {
			...input,
			assets: dataset.assets.filter((a) => ['kn026', 'zanidatamab'].includes(a.id))
		};
		const all = layoutMatrix(two, options());
		const hidden = layoutMatrix(two, options({ hideIdentical: true }));
		const identical = all.rows.filter((r) => r.compared && !r.differs).map((r) => r.id);
		expect(identical).toEqual(
			expect.arrayContaining(['target', 'domains', 'biparatopic', 'modality', 'format', 'payload'])
		);
		// Rows that are not compared (free text, deals, counts, results) are never "identical".
		expect(hidden.rows.map((r) => r.id)).toEqual(
			all.rows.filter((r) => r.differs || !r.compared).map((r) => r.id)
		);
		expect(hidden.rows.map((r) => r.id)).toEqual(
			expect.arrayContaining(['effector', 'partners', 'readouts', 'headline'])
		);
		expect(hidden.hiddenIdenticalRows).toBe(identical.length);
		// The whole payload group is n/a for both, so the group goes.
		expect(hidden.groups.map((g) => g.id)).not.toContain('payload');
	});
});

describe('groups', () => {
	it.each([
		[['binding'], ['target', 'domains', 'biparatopic']],
		[
			['payload', 'binding'],
			['target', 'domains', 'biparatopic', 'payload', 'linker', 'dar', 'conjugation']
		],
		[['evidence'], ['readouts', 'headline']],
		[[], []]
	] as const)('groups %j give rows %j', (groups, rows) => {
		const layout = layoutMatrix(input, options({ groups: [...groups] }));
		expect(layout.rows.map((r) => r.id)).toEqual(rows);
	});

	it('follows the filtered rows: a filtered-out program no longer counts', () => {
		const layout = layoutMatrix(
			{ ...input, programs: dataset.programs.filter((p) => p.id !== 'zani-btc-us') },
			options()
		);
		expect(cellOf(layout, 'phases', 'zanidatamab')?.text).toBe('Global: Phase 3');
	});

	it('an asset with no program in view has no highest phase', () => {
		const layout = layoutMatrix(
			{ ...input, programs: dataset.programs.filter((p) => p.asset !== 'tqb2930') },
			options()
		);
		const column = layout.columns.find((c) => c.assetId === 'tqb2930');
		expect(column?.highestPhase).toBeNull();
		expect(layout.columns.find((c) => c.assetId === 'kn026')?.highestPhase?.label).toBe('Phase 3');
	});

	it('lays out an empty selection without failing', () => {
		const layout = layoutMatrix({ ...input, assets: [] }, options());
		expect(layout.columns).toEqual([]);
		expect(layout.rows.every((r) => r.cells.length === 0 && !r.differs)).toBe(true);
	});
});

describe('domain glyph', () => {
	it.each([
		[['IV'], 'known', 'Binds HER2 domain IV', ['IV']],
		[['IV', 'II'], 'known', 'Binds HER2 domains II and IV', ['II', 'IV']],
		[null, 'unknown', 'HER2 domains bound: unknown', []]
	] as const)('%j → %s, "%s"', (domains, status, label, bound) => {
		const g = domainGlyph(domains ? [...domains] : null);
		expect(g.status).toBe(status);
		expect(g.label).toBe(label);
		expect(g.boxes.filter((b) => b.bound).map((b) => b.domain)).toEqual(bound);
		expect(g.question !== null).toBe(status === 'unknown');
	});

	it('stacks domain I on top and IV next to the membrane', () => {
		const g = domainGlyph(['I']);
		const ys = g.boxes.map((b) => b.y);
		expect(ys).toEqual([...ys].sort((a, b) => a - b));
		const last = g.boxes.at(-1);
		expect(last && last.y + last.height).toBeLessThan(g.membrane.y1);
		expect(g.membrane.y2).toBeLessThan(g.height);
	});

	it('is not applicable when the attribute does not apply', () => {
		expect(domainGlyph(null, false).status).toBe('na');
	});
});

describe('marker shapes', () => {
	it.each(['circle', 'diamond', 'triangle', 'square', 'hexagon', 'cross'] as const)(
		'%s is a closed path',
		(shape) => {
			expect(markerPath(shape, 5)).toMatch(/^M.*Z$/);
		}
	);
});

describe('column cap', () => {
	const list = (...ids: string[]) => ids.map((id) => ({ id }));
	it.each([
		// [ordered, limit, keep, reference, expected]
		[['a', 'b', 'c', 'd'], 2, [], null, ['a', 'b']],
		[['a', 'b', 'c', 'd'], 4, [], null, ['a', 'b', 'c', 'd']],
		[['a', 'b', 'c', 'd'], 10, [], null, ['a', 'b', 'c', 'd']],
		// chosen assets always in, in column order
		[['a', 'b', 'c', 'd'], 2, ['d'], null, ['a', 'd']],
		[['a', 'b', 'c', 'd'], 3, ['d', 'c'], null, ['a', 'c', 'd']],
		// the reference (first in column order) always in, before chosen ones
		[['r', 'b', 'c', 'd'], 2, ['d', 'c'], 'r', ['r', 'c']],
		[['r', 'b', 'c', 'd'], 1, [], 'r', ['r']],
		// more chosen assets than the cap: the first in column order
		[['a', 'b', 'c', 'd'], 2, ['b', 'c', 'd'], null, ['b', 'c']],
		// chosen ids that are filtered out take no room
		[['a', 'b', 'c', 'd'], 2, ['x'], null, ['a', 'b']],
		// a cap below 1 still shows one column
		[['a', 'b'], 0, [], null, ['a']],
		// a reference that is not among the assets takes no room
		[['a', 'b', 'c', 'd'], 2, [], 'x', ['a', 'b']]
	])('capColumns(%j, %i, keep %j, ref %s) = %j', (ordered, limit, keep, reference, expected) => {
		expect(capColumns(list(...ordered), limit, keep, reference).map((a) => a.id)).toEqual(expected);
	});

	const ids = (layout: MatrixLayout) => layout.columns.map((c) => c.assetId);

	it('shows the first columns in column order and counts the others', () => {
		const layout = layoutMatrix(input, options({ maxColumns: 3 }));
		expect(ids(layout)).toEqual(['pertuzumab', 'trastuzumab', 'zanidatamab']);
		expect(layout.totalColumns).toBe(6);
		expect(layout.hiddenColumns).toBe(3);
		for (const row of layout.rows) {
			expect(row.cells.map((c) => c.assetId)).toEqual(ids(layout));
		}
	});

	it.each([
		[{ reference: 'tqb2930' }, ['tqb2930', 'pertuzumab', 'trastuzumab']],
		[{ keep: ['kn026'] }, ['pertuzumab', 'trastuzumab', 'kn026']],
		[{ keep: ['kn026', 'jskn003'], reference: 'tqb2930' }, ['tqb2930', 'jskn003', 'kn026']],
		[{ order: 'name' as const }, ['jskn003', 'kn026', 'pertuzumab']],
		[
			{ order: 'custom' as const, columns: ['tqb2930', 'kn026'] },
			['tqb2930', 'kn026', 'pertuzumab']
		]
	])('keeps the reference and chosen assets: %o', (patch, expected) => {
		expect(ids(layoutMatrix(input, options({ maxColumns: 3, ...patch })))).toEqual(expected);
	});

	it('is no cap when the limit covers every asset, or without a limit', () => {
		for (const maxColumns of [6, 24, undefined]) {
			const layout = layoutMatrix(input, options({ maxColumns }));
			expect(layout.columns).toHaveLength(6);
			expect(layout.hiddenColumns).toBe(0);
			expect(columnCapNotice(layout, 'phase')).toBeNull();
		}
	});

	it.each([
		[{}, 'Showing 3 of 6 assets (sorted by highest phase).'],
		[{ order: 'name' as const }, 'Showing 3 of 6 assets (sorted by name).'],
		[
			{ reference: 'kn026' },
			'Showing 3 of 6 assets (sorted by highest phase, the reference first).'
		],
		[{ order: 'custom' as const }, 'Showing 3 of 6 assets (in your order, then by highest phase).']
	])('says how many of how many: %o', (patch, expected) => {
		const opts = options({ maxColumns: 3, ...patch });
		expect(columnCapNotice(layoutMatrix(input, opts), opts.order)).toBe(expected);
	});

	it('finds differences among the shown columns only', () => {
		// Target is HER2 for every asset; the payload row differs only once an ADC is shown.
		const capped = layoutMatrix(input, options({ maxColumns: 2 }));
		const all = layoutMatrix(input, options());
		const payload = (l: MatrixLayout) => l.rows.find((r) => r.id === 'payload')?.differs;
		expect(payload(capped)).toBe(false);
		expect(payload(all)).toBe(true);
	});

	it('lays out 600 assets as 24 columns in phase order', () => {
		const many: MatrixInput = {
			...dataset,
			assets: Array.from({ length: 100 }, (_, i) =>
				dataset.assets.map((a) => ({ ...a, id: `${a.id}-${i}`, shortName: `${a.shortName} ${i}` }))
			).flat(),
			programs: Array.from({ length: 100 }, (_, i) =>
				dataset.programs.map((p) => ({ ...p, id: `${p.id}-${i}`, asset: `${p.asset}-${i}` }))
			).flat()
		};
		const layout = layoutMatrix(many, options({ maxColumns: COLUMN_STEP }));
		expect(layout.totalColumns).toBe(600);
		expect(layout.columns).toHaveLength(24);
		expect(layout.rows.every((r) => r.cells.length === 24)).toBe(true);
		// phase order survives the cap: the approved replicas first
		expect(layout.columns[0]?.highestPhase?.label).toBe(
			layoutMatrix(input, options()).columns[0]?.highestPhase?.label
		);
	});
});
