import { describe, expect, it } from 'vitest';
import { CROSS_TRIAL_NOTE, panelLegend, placeLegend } from './efficacy.legend';
import type { RowMark, WhiskerMark } from './efficacy.marks';
import { readout } from './test-fixtures';

/** Only what the legend reads of a row: its role, its trial and which marks it draws. */
const row = (
	patch: Partial<Omit<RowMark, 'whisker' | 'trial'>> & {
		trial?: string;
		whisker?: Partial<WhiskerMark>;
	}
): RowMark =>
	({
		role: 'investigational',
		computedCi: false,
		mismatch: false,
		nrText: null,
		band: null,
		...patch,
		whisker: patch.whisker ?? null,
		readout: readout('r', { trial: patch.trial ?? 't1' })
	}) as unknown as RowMark;

/** Legend text is 11 px: 5.72 px a character; an item is its marker, its label and 16 px. */
describe('panel legend', () => {
	it('lists the roles present in a fixed order, the sizes, then the notes the rows need', () => {
		const rows = [
			row({ role: 'benchmark', band: { x1: 0, x2: 10 }, trial: 'soc' }),
			row({ role: 'comparator', mismatch: true, nrText: { x: 5 } }),
			row({ computedCi: true })
		];
		const legend = panelLegend(rows, [{ n: 10, r: 3 }], 100, 2000);
		expect(legend.items.map((i) => [i.kind, i.label])).toEqual([
			['shape', 'Investigational arm'],
			['shape', 'Comparator arm'],
			['shape', 'Standard-of-care benchmark'],
			['text', 'Area ∝ n:'],
			['size', 'n 10'],
			['dash', '† CI computed (exact Clopper–Pearson)'],
			['text', '‡ reported CI differs from exact'],
			['text', 'NR = not reached'],
			['band', 'Standard-of-care range'],
			['text', CROSS_TRIAL_NOTE]
		]);
		expect(legend.roles.map((r) => [r.role, r.shape])).toEqual([
			['investigational', 'circle'],
			['comparator', 'square'],
			['benchmark', 'diamond']
		]);
		expect(legend).toMatchObject({
			y: 100,
			computed: true,
			mismatch: true,
			nr: true,
			band: true,
			crossTrial: true,
			sizes: [{ n: 10, r: 3 }]
		});
		// One line 12 px below the top; the cross-trial note always starts its own line.
		expect(legend.items.slice(0, -1).every((i) => i.y === 112)).toBe(true);
		expect(legend.items.at(-1)).toMatchObject({ x: 0, y: 130 });
		expect(legend.height).toBe(2 * 18 + 8);
		// "Investigational arm": 22 px marker + 19 characters + 16 px; a size marker is 2r + 6.
		expect(legend.items[0]!.x).toBe(0);
		expect(legend.items[1]!.x).toBeCloseTo(146.68);
		const area = legend.items[3]!.x;
		expect(legend.items[4]!.x - area).toBeCloseTo(9 * 5.72 + 16);
		expect(legend.items[5]!.x - legend.items[4]!.x).toBeCloseTo(12 + 4 * 5.72 + 16);
	});

	it('one trial, one role, no sizes, no notes: just the shape', () => {
		const legend = panelLegend([row({}), row({})], [], 0, 800);
		expect(legend.items.map((i) => i.label)).toEqual(['Investigational arm']);
		expect(legend).toMatchObject({
			computed: false,
			mismatch: false,
			nr: false,
			band: false,
			crossTrial: false,
			height: 26
		});
		expect(panelLegend([], [], 0, 800)).toMatchObject({ items: [], height: 0 });
	});

	it('a bound not reached on either side also explains NR', () => {
		expect(panelLegend([row({ whisker: { nrHigh: true, nrLow: false } })], [], 0, 800).nr).toBe(
			true
		);
		expect(panelLegend([row({ whisker: { nrHigh: false, nrLow: true } })], [], 0, 800).nr).toBe(
			true
		);
		expect(panelLegend([row({ whisker: { nrHigh: false, nrLow: false } })], [], 0, 800).nr).toBe(
			false
		);
	});

	it('wraps items that do not fit onto new lines', () => {
		const rows = [row({}), row({ role: 'comparator' }), row({ role: 'benchmark' })];
		// 146.68 + 118.08 = 264.76 fits in 300 px; the benchmark (186.72) goes to a new line.
		const legend = panelLegend(rows, [], 0, 300);
		expect(legend.items.map((i) => [i.x, i.y])).toEqual([
			[0, 12],
			[expect.closeTo(146.68), 12],
			[0, 30]
		]);
		expect(legend.height).toBe(2 * 18 + 8);
		// Exactly full still fits.
		expect(panelLegend(rows.slice(0, 2), [], 0, 264.76).items[1]!.y).toBe(12);
		expect(panelLegend(rows.slice(0, 2), [], 0, 264.7).items[1]!.y).toBe(30);
	});

	it('a note wider than the panel is cut at spaces into lines that fit, each its own line', () => {
		const rows = [row({}), row({ trial: 'other' })];
		const legend = panelLegend(rows, [], 0, 300);
		const lines = legend.items.filter((i) => i.kind === 'text');
		expect(lines.length).toBeGreaterThan(1);
		expect(lines.map((l) => l.label).join(' ')).toBe(CROSS_TRIAL_NOTE);
		// 300 px holds 49 characters: each line fits and the next word would not.
		lines.forEach((l, i) => {
			expect(l.label.length).toBeLessThanOrEqual(49);
			expect(l.x).toBe(0);
			expect(l.y).toBe(30 + i * 18);
			const next = lines[i + 1]?.label.split(' ')[0];
			if (next) expect(`${l.label} ${next}`.length).toBeGreaterThan(49);
		});
		// A note that fits stays whole.
		expect(
			panelLegend(rows, [], 0, 2000)
				.items.filter((i) => i.kind === 'text')
				.map((i) => i.label)
		).toEqual([CROSS_TRIAL_NOTE]);
	});

	it('only notes are cut into lines: a shape, size or band keeps its whole label', () => {
		// 100 px is narrower than "Investigational arm" (124.68 px with its marker).
		const legend = panelLegend(
			[row({ band: { x1: 0, x2: 10 } }), row({ role: 'benchmark' })],
			[{ n: 100, r: 9 }],
			0,
			100
		);
		expect(legend.items.filter((i) => i.kind !== 'text').map((i) => i.label)).toEqual([
			'Investigational arm',
			'Standard-of-care benchmark',
			'n 100',
			'Standard-of-care range'
		]);
		// Each is too wide to share a line: one line each, every one starting at the left.
		expect(legend.items.every((i) => i.x === 0)).toBe(true);
		expect(legend.items.map((i) => i.y)).toEqual(legend.items.map((_, i) => 12 + i * 18));
	});

	it('a note exactly as wide as the legend stays whole; at a width narrower than a word, one word a line', () => {
		const rows = [row({}), row({ trial: 'other' })];
		const exact = CROSS_TRIAL_NOTE.length * 11 * 0.52 + 16;
		const notes = (width: number) =>
			panelLegend(rows, [], 0, width)
				.items.filter((i) => i.kind === 'text')
				.map((i) => i.label);
		expect(notes(exact)).toEqual([CROSS_TRIAL_NOTE]);
		expect(notes(exact - 0.01)).toHaveLength(2);
		// 40 px holds no word of the note: each word on its own line, none left empty.
		expect(notes(40)).toEqual(CROSS_TRIAL_NOTE.split(' '));
	});

	it('a strong note that comes first starts on the first line, not below an empty one', () => {
		const { items, height } = placeLegend([{ kind: 'text', label: 'Note', strong: true }], 40, 500);
		expect(items).toMatchObject([{ label: 'Note', x: 0, y: 52 }]);
		expect(height).toBe(26);
	});
});
