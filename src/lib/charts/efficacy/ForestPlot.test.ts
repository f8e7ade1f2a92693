// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { buildModel } from '$lib/data/model';
import type { Dataset } from '$lib/data/schema';
import type { EfficacyOptions } from '$lib/state/view-state';
import ForestPlotTestHost from './ForestPlotTestHost.svelte';
import { ASSETS, READOUTS, TRIALS, readout } from './test-fixtures';
import { DEFAULT_ROW_LIMIT, ROW_LIMIT_STEP } from './efficacy.layout';

const dataset: Dataset = {
	meta: {
		id: 'fixture',
		title: 'Fixture',
		target: 'HER2',
		asOf: '2026-01',
		version: '1',
		synthetic: true
	},
	sources: [
		{
			id: 's1',
			kind: 'congress',
			title: 'Fixture abstract',
			publisher: 'Fixture congress',
			date: '2023-06',
			url: 'https://example.org/abstract',
			doi: null,
			registryIds: []
		}
	],
	assets: ASSETS,
	programs: [],
	milestones: [],
	trials: TRIALS,
	readouts: READOUTS,
	deals: [],
	conflicts: []
};
const model = buildModel(dataset, []);

let app: ReturnType<typeof mount> | null = null;
afterEach(() => {
	if (app) unmount(app);
	app = null;
	document.body.innerHTML = '';
});

function render(
	options: Partial<Omit<EfficacyOptions, 'shownRows'>> = {},
	readouts?: Dataset['readouts']
) {
	const target = document.createElement('div');
	document.body.append(target);
	app = mount(ForestPlotTestHost, {
		target,
		props: {
			model: readouts ? buildModel({ ...dataset, readouts }, []) : model,
			options: {
				families: ['response'],
				groupBy: 'setting',
				sort: 'group',
				endpoints: [],
				...options
			}
		}
	});
	flushSync();
	return target;
}

/** Code loaded on demand arrives through a dynamic import: generous on a busy machine. */
const ON_DEMAND = { timeout: 15_000 };

describe('ForestPlot', () => {
	it('renders one SVG panel per family with a focusable, named row per readout', () => {
		const target = render({ families: ['response', 'hazard'] });
		// The panels themselves; sticky column copies drawn while a panel scrolls are aria-hidden.
		const panels = target.querySelectorAll('figure[data-family] svg[role="group"]');
		expect(panels).toHaveLength(2);
		const rows = target.querySelectorAll('[data-row-key]');
		expect(rows).toHaveLength(5);
		const kn026 = target.querySelector('[data-row-key="kn026-bc-orr"]')!;
		expect(kn026.getAttribute('aria-label')).toMatch(
			/^KN026 \+ docetaxel, 1L HER2\+ breast cancer/
		);
		expect(kn026.textContent).toContain('76.4% (63.0–86.8)');
		// one tab stop into the chart
		expect([...rows].filter((r) => r.getAttribute('tabindex') === '0')).toHaveLength(1);
	});

	it('draws points, whiskers, a dashed computed CI and the log axis ticks', () => {
		const target = render({ families: ['response', 'hazard'] });
		const computed = target.querySelector('[data-row-key="zani-btc-all"]')!;
		// The whisker, a rect (its x and width follow the width: fluid.ts), dashed by the panel's mask.
		const mask = computed.querySelector('rect.whisker')!.getAttribute('mask');
		const maskId = /^url\(#(.+)\)$/.exec(mask ?? '')![1]!;
		const dashes = target.querySelector(`mask[id="${maskId}"] rect`)!.getAttribute('fill');
		const pattern = target.querySelector(`pattern[id="${/url\(#(.+)\)/.exec(dashes!)![1]}"]`)!;
		expect([
			pattern.getAttribute('width'),
			pattern.querySelector('rect')!.getAttribute('width')
		]).toEqual(['7', '4']);
		// A reported interval is solid.
		const whiskers = [...target.querySelectorAll('rect.whisker')];
		expect(whiskers.filter((w) => !w.hasAttribute('mask')).length).toBeGreaterThan(0);
		expect(computed.textContent).toContain('†');
		const hazard = target.querySelector('figure[data-family="hazard"]')!;
		const texts = [...hazard.querySelectorAll('text')].map((t) => t.textContent?.trim());
		for (const tick of ['0.25', '0.5', '1', '2', '4']) expect(texts).toContain(tick);
		expect(texts.some((t) => t?.includes('favours T-DXd'))).toBe(true);
	});

	it('draws each panel in its LayerCake frame: grid, reference line and axis by its scale', () => {
		const target = render({ families: ['response', 'hazard'] });
		const hazard = target.querySelector('figure[data-family="hazard"]')!;
		expect(hazard.querySelector('.layercake-container > svg[role="group"]')).not.toBeNull();
		// The log axis: ticks 0.25 … 4 evenly spaced, HR = 1 (the dashed reference) in the middle.
		const lines = [...hazard.querySelectorAll('svg[role="group"] line')];
		const dashed = lines.find((l) => l.getAttribute('stroke-dasharray') === '4 3')!;
		const tickLabels = [...hazard.querySelectorAll('text')].filter((t) =>
			['0.25', '0.5', '1', '2', '4'].includes(t.textContent?.trim() ?? '')
		);
		// The labels under the axis (the last five): their x follow the frame's log scale.
		const xs = tickLabels.slice(-5).map((t) => Number(t.getAttribute('x')));
		const step = xs[1]! - xs[0]!;
		expect(step).toBeGreaterThan(20);
		xs.forEach((x, i) => expect(x).toBeCloseTo(xs[0]! + i * step, 6));
		expect(Number(dashed.getAttribute('x1'))).toBeCloseTo(xs[2]!, 6);
		// The grid and the reference span the rows: from under the column headers to the axis.
		const rows = [...hazard.querySelectorAll('[data-row-key]')];
		const lastRow = rows.at(-1)!;
		const lastTop = Number(/translate\(0,([\d.]+)\)/.exec(lastRow.getAttribute('transform')!)![1]);
		expect(Number(dashed.getAttribute('y2'))).toBeGreaterThan(lastTop);
		expect(Number(dashed.getAttribute('y1'))).toBeLessThan(
			Number(/translate\(0,([\d.]+)\)/.exec(rows[0]!.getAttribute('transform')!)![1])
		);
	});

	it('uses only literal colours inside the SVG (exportable)', () => {
		const target = render();
		const svg = target.querySelector('figure svg')!;
		expect(svg.outerHTML).not.toContain('var(--');
		expect(svg.querySelector('foreignObject')).toBeNull();
	});

	it('pins details with the source quote on Enter and closes on Escape', async () => {
		const target = render();
		const row = target.querySelector<SVGGElement>('[data-row-key="kn026-bc-orr"]')!;
		row.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
		// The details' code arrives on demand: the panel opens once it is here.
		await vi.waitFor(
			() => expect(target.querySelector('aside[aria-label="Readout details"]')).not.toBeNull(),
			ON_DEMAND
		);
		const panel = target.querySelector('aside[aria-label="Readout details"]');
		expect(panel?.textContent).toContain('ORR was 76.4% (95% CI 63.0-86.8)');
		expect(panel?.textContent).toContain('single-arm');
		row.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
		flushSync();
		expect(target.querySelector('aside[aria-label="Readout details"]')).toBeNull();
	});

	it('shows the same rows as a real table on request', async () => {
		const target = render();
		const button = [...target.querySelectorAll('button')].find((b) =>
			b.textContent?.includes('Show as table')
		)!;
		button.click();
		// The table's code arrives on demand.
		await vi.waitFor(() => expect(target.querySelector('table')).not.toBeNull(), ON_DEMAND);
		const table = target.querySelector('table');
		expect(table!.querySelectorAll('tbody tr')).toHaveLength(4);
		expect(table!.textContent).toContain('76.4% (63.0–86.8)');
	});

	it('draws the first rows of a long panel, says how many of how many, and shows more', () => {
		const total = DEFAULT_ROW_LIMIT + ROW_LIMIT_STEP + 7;
		const many = Array.from({ length: total }, (_, i) =>
			readout(`r${String(i).padStart(4, '0')}`, { arm: `Arm ${i}` })
		);
		const target = render({}, many);
		const rows = () => target.querySelectorAll('[data-row-key]').length;
		expect(rows()).toBe(DEFAULT_ROW_LIMIT);
		const notice = () => target.querySelector('[data-shown-notice="response"]')!;
		expect(notice().textContent).toContain(
			`Showing ${DEFAULT_ROW_LIMIT} of ${total} response-rate readouts`
		);
		expect(target.querySelector('figure svg')!.textContent).toContain(
			`Showing ${DEFAULT_ROW_LIMIT} of ${total}`
		);
		const button = (name: RegExp) =>
			[...notice().querySelectorAll('button')].find((b) => name.test(b.textContent ?? ''))!;
		button(/^Show \d+ more$/).click();
		flushSync();
		expect(rows()).toBe(DEFAULT_ROW_LIMIT + ROW_LIMIT_STEP);
		button(/^Show 7 more$/).click();
		flushSync();
		expect(rows()).toBe(total);
		expect(notice().textContent).toContain(`Showing all ${total}`);
		button(/^Show first/).click();
		flushSync();
		expect(rows()).toBe(DEFAULT_ROW_LIMIT);
	});

	it('hides the rows a change removes, out of the rows a reader reaches, and shows the same elements again', () => {
		const total = DEFAULT_ROW_LIMIT + ROW_LIMIT_STEP;
		const many = Array.from({ length: total }, (_, i) =>
			readout(`r${String(i).padStart(4, '0')}`, { arm: `Arm ${i}` })
		);
		const target = render({}, many);
		const notice = () => target.querySelector('[data-shown-notice="response"]')!;
		const button = (name: RegExp) =>
			[...notice().querySelectorAll('button')].find((b) => name.test(b.textContent ?? ''))!;
		const rowElements = () => [...target.querySelectorAll('g.row')];
		const hidden = (els: Element[]) =>
			els.filter((el) => el.getAttribute('visibility') === 'hidden');
		button(/^Show \d+ more$/).click();
		flushSync();
		const all = rowElements();
		const keys = all.map((row) => row.getAttribute('data-row-key'));
		expect(all).toHaveLength(total);
		expect(hidden(all)).toEqual([]);

		button(/^Show first/).click();
		flushSync();
		// The same elements, the rows past the first ones hidden and without their key: the
		// keyboard, the pointer and the row count find only the shown ones.
		expect(rowElements()).toEqual(all);
		const gone = hidden(all);
		expect(gone).toHaveLength(ROW_LIMIT_STEP);
		expect(gone.every((row) => !row.hasAttribute('data-row-key'))).toBe(true);
		expect(target.querySelectorAll('[data-row-key]')).toHaveLength(DEFAULT_ROW_LIMIT);
		const stops = rowElements().filter((row) => row.getAttribute('tabindex') === '0');
		expect(stops).toHaveLength(1);
		expect(stops[0]!.getAttribute('visibility')).toBeNull();

		button(/^Show \d+ more$/).click();
		flushSync();
		expect(rowElements()).toEqual(all);
		expect(hidden(all)).toEqual([]);
		expect(all.map((row) => row.getAttribute('data-row-key'))).toEqual(keys);
	});
});
