// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, tick, unmount } from 'svelte';
import { readFileSync } from 'node:fs';
import { validateDataset } from '$lib/data/validate';
import { LANE_STRIPE } from '$lib/charts/shared/palette';
import type { DatasetModel } from '$lib/data/model';
import type { ViewStateStore } from '$lib/state/view-state.svelte';
import TimelineTestHost from './TimelineTestHost.svelte';

const json = JSON.parse(readFileSync('tests/fixtures/timeline-sample.json', 'utf8'));
const loaded = validateDataset(json, 'timeline-sample.json');
if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
const model: DatasetModel = loaded.model;
const TODAY = new Date('2026-11-22T12:00:00Z');

let app: ReturnType<typeof mount> | null = null;
afterEach(() => {
	if (app) unmount(app);
	app = null;
	document.body.innerHTML = '';
});

function render(props: { table?: boolean; interactive?: boolean } = {}) {
	let store!: ViewStateStore;
	app = mount(TimelineTestHost, {
		target: document.body,
		props: { model, today: TODAY, onready: (s: ViewStateStore) => (store = s), ...props }
	});
	flushSync();
	return store;
}

const all = (selector: string) => [...document.querySelectorAll(selector)];

/** The sample with every program (and its milestones) copied `times` times: a very long chart. */
function scaled(times: number): DatasetModel {
	const big = structuredClone(json);
	const programs = [...json.programs];
	const milestones = [...json.milestones];
	for (let k = 2; k <= times; k++) {
		for (const p of json.programs) programs.push({ ...p, id: `${p.id}-x${k}` });
		for (const m of json.milestones)
			if (m.program) milestones.push({ ...m, id: `${m.id}-x${k}`, program: `${m.program}-x${k}` });
	}
	big.programs = programs;
	big.milestones = milestones;
	big.trials = [];
	big.readouts = [];
	big.conflicts = [];
	const result = validateDataset(big, 'scaled.json');
	if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
	return result.model;
}

/** Code loaded on demand arrives through a dynamic import: generous on a busy machine. */
const ON_DEMAND = { timeout: 15_000 };

describe('TimelineChart (rendered through LayerCake)', () => {
	it('draws one lane per program plus corporate lanes, and every milestone', () => {
		render();
		const corporateAssets = new Set(
			json.milestones
				.filter((m: { program: string | null }) => m.program === null)
				.map((m: { asset: string }) => m.asset)
		);
		// The marks are drawn inside the LayerCake frame, whose time scale places the axis.
		expect(document.querySelector('.layercake-container > svg [data-mark]')).not.toBeNull();
		expect(all('svg [data-lane]')).toHaveLength(json.programs.length + corporateAssets.size);
		expect(all('[data-mark^="ms:"]')).toHaveLength(json.milestones.length);
		expect(all('[data-mark^="bar:"]').length).toBeGreaterThanOrEqual(json.programs.length);
	});

	it('places the axis ticks and grid lines by the frame’s time scale, inside the plot area', () => {
		render();
		const lanes = all('svg [data-lane]');
		const ticks = all('[data-testid="timeline-axis"] text.tick');
		const lines = all('[data-testid="timeline-axis"] line');
		expect(ticks.length).toBeGreaterThan(2);
		const xs = ticks.map((t) => Number(t.getAttribute('x')));
		// Ticks run left to right and each grid line stands on its tick.
		expect([...xs].sort((a, b) => a - b)).toEqual(xs);
		lines.forEach((line, i) => expect(Number(line.getAttribute('x1'))).toBeCloseTo(xs[i]!, 6));
		// Grid lines span the plot: from just above the first lane to the bottom of the last.
		const last = lanes.at(-1)!.querySelector('rect')!;
		const bottom = Number(last.getAttribute('y')) + Number(last.getAttribute('height'));
		expect(Number(lines[0]!.getAttribute('y2'))).toBeGreaterThanOrEqual(bottom - 1);
	});

	it('marks its root as the timeline chart, ready once drawn and again after each redraw', () => {
		const store = render();
		const root = document.querySelector('[data-chart="timeline"]');
		expect(root?.querySelector('svg [data-mark]')).not.toBeNull();
		const first = root?.getAttribute('data-chart-ready');
		expect(first).toBeTruthy();
		store.setTimeline({ groupBy: 'indication' });
		flushSync();
		expect(root?.getAttribute('data-chart-ready')).not.toBe(first);
	});

	it('flags the interactive overlays for the export to strip, with literal colours elsewhere', () => {
		render();
		const svg = document.querySelector('[data-chart="timeline"] svg')!;
		const rings = svg.querySelectorAll('.ring');
		expect(rings.length).toBe(all('[data-mark]').length);
		for (const ring of rings) expect(ring.getAttribute('data-export')).toBe('omit');
		for (const el of svg.querySelectorAll('[fill], [stroke]')) {
			expect(el.getAttribute('fill') ?? '').not.toMatch(/var\(/);
			expect(el.getAttribute('stroke') ?? '').not.toMatch(/var\(/);
		}
		expect(svg.querySelector('foreignObject')).toBeNull();
	});

	it('gives every mark an accessible name and one tab stop', () => {
		render();
		const marks = all('[data-mark]');
		for (const mark of marks) {
			expect(mark.getAttribute('role')).toBe('button');
			expect(mark.getAttribute('aria-label')).toMatch(/ · /);
		}
		expect(marks.filter((m) => m.getAttribute('tabindex') === '0')).toHaveLength(1);
		expect(
			document.querySelector('[data-mark="ms:ms-kn026-nda-accepted"]')?.getAttribute('aria-label')
		).toBe('KN026 · Gastric/GEJ 2L China · NDA accepted by NMPA · 11 Sep 2025');
	});

	it('shows the comparators in their own section, the today line and the as-of marker', () => {
		render();
		const headings = all('.section-heading').map((h) => h.textContent);
		expect(headings).toEqual(['Focus assets', 'Comparators']);
		expect(document.querySelector('[data-testid="today-line"]')?.textContent).toContain('Today');
		expect(document.querySelector('[data-testid="as-of-marker"]')?.textContent).toContain(
			'Data as of Sep 2026'
		);
	});

	it('regroups lanes by indication through the view state', () => {
		const store = render();
		const before = all('svg [data-lane]').map((l) => l.getAttribute('data-lane'));
		store.setTimeline({ groupBy: 'indication' });
		flushSync();
		const after = all('svg [data-lane]').map((l) => l.getAttribute('data-lane'));
		expect(after).not.toEqual(before);
		expect(after.slice().sort()).toEqual(before.slice().sort());
	});

	it('hides the headings and legend entries a filter removes, and shows the same ones again', () => {
		const store = render();
		const shown = (selector: string) =>
			all(selector).filter((el) => !el.closest('[visibility="hidden"]'));
		const headings = () => shown('svg.marks text[font-weight="700"]');
		const headingTexts = () => headings().map((t) => t.textContent);
		const legendEntries = () => shown('svg.marks .legend > g');
		const headingsBefore = headings();
		const legendBefore = legendEntries();
		expect(headingTexts()).toContain('Comparators');

		store.setFilters({ assets: ['kn026'] });
		flushSync();
		expect(headingTexts()).not.toContain('Comparators');
		expect(headingTexts()).not.toContain('Zanidatamab (Ziihera)');
		expect(legendEntries().length).toBeLessThan(legendBefore.length);

		store.setFilters({ assets: [] });
		flushSync();
		// The very elements drawn before (not equal copies): shown again, not drawn anew.
		const same = (now: Element[], before: Element[]) =>
			now.length === before.length && now.every((el, i) => el === before[i]);
		expect(headingTexts()).toContain('Comparators');
		expect(same(headings(), headingsBefore)).toBe(true);
		expect(same(legendEntries(), legendBefore)).toBe(true);
	});

	it('hides the marks and lanes a filter removes, out of the marks a reader reaches, and shows the same elements again', () => {
		const store = render();
		const marks = () => all('svg.marks g.mark');
		const lanes = () => all('svg.marks g.lane');
		const hidden = (els: Element[]) =>
			els.filter((el) => el.getAttribute('visibility') === 'hidden');
		const marksBefore = marks();
		const lanesBefore = lanes();
		const ids = marksBefore.map((m) => m.getAttribute('data-mark'));
		expect(hidden(marksBefore)).toEqual([]);
		expect(ids.every(Boolean)).toBe(true);
		const kn026 = ids.filter((id) => id!.includes('kn026'));
		expect(kn026.length).toBeGreaterThan(0);
		expect(kn026.length).toBeLessThan(ids.length);

		store.setFilters({ assets: ['kn026'] });
		flushSync();
		// Every other mark stays in the page hidden, without the attribute that names a mark: the
		// keyboard, the pointer and the tests find only the shown ones.
		const shownIds = all('svg.marks [data-mark]').map((m) => m.getAttribute('data-mark'));
		expect(shownIds.length).toBeGreaterThan(0);
		expect(shownIds.every((id) => id!.includes('kn026'))).toBe(true);
		expect(hidden(marks()).length).toBe(marks().length - shownIds.length);
		expect(hidden(marks()).every((m) => !m.hasAttribute('data-mark'))).toBe(true);
		const shownLanes = all('svg.marks [data-lane]');
		expect(hidden(lanes()).length).toBe(lanes().length - shownLanes.length);
		expect(hidden(lanes()).every((l) => !l.hasAttribute('data-lane'))).toBe(true);
		// One tab stop, on a shown mark.
		const stops = all('svg.marks [tabindex="0"]');
		expect(stops).toHaveLength(1);
		expect(stops[0]!.getAttribute('data-mark')).toContain('kn026');

		store.setFilters({ assets: [] });
		flushSync();
		// The very elements drawn before, shown again with their names.
		const same = (now: Element[], before: Element[]) =>
			now.length === before.length && now.every((el, i) => el === before[i]);
		expect(same(marks(), marksBefore)).toBe(true);
		expect(same(lanes(), lanesBefore)).toBe(true);
		expect(hidden(marks())).toEqual([]);
		expect(hidden(lanes())).toEqual([]);
		expect(marks().map((m) => m.getAttribute('data-mark'))).toEqual(ids);
		expect(all('svg.marks [tabindex="0"]')).toHaveLength(1);

		// A filter that removes the tab stop's mark moves the stop to a shown mark.
		const stopBefore = all('svg.marks [tabindex="0"]')[0]!;
		store.setFilters({ assets: ['zanidatamab'] });
		flushSync();
		expect(stopBefore.getAttribute('visibility')).toBe('hidden');
		expect(stopBefore.getAttribute('tabindex')).toBe('-1');
		const moved = all('svg.marks [tabindex="0"]');
		expect(moved).toHaveLength(1);
		expect(moved[0]!.getAttribute('data-mark')).toMatch(/zani/);
		expect(moved[0]!.getAttribute('visibility')).toBeNull();
	});

	it('keeps the lane bands and the sections’ rules running under the lane labels’ copy of a chart that scrolls sideways', () => {
		render();
		// Unmeasured (0 px wide here), the chart keeps its narrowest width and scrolls.
		const band = (rect: Element) => rect.getAttribute('y');
		const inChart = all(`svg.marks .lane rect[fill="${LANE_STRIPE}"]`).map(band);
		const inCopy = all(`.sticky-labels rect[fill="${LANE_STRIPE}"]`).map(band);
		expect(inChart.length).toBeGreaterThan(2);
		expect(inCopy).toEqual(inChart);
		// And the rules under the sections' headings ("Focus assets", "Comparators").
		const rule = (line: Element) => line.getAttribute('y1');
		const rulesInChart = all('svg:not(.sticky-labels) line.section-rule').map(rule);
		expect(rulesInChart.length).toBeGreaterThan(1);
		expect(all('.sticky-labels line.section-rule').map(rule)).toEqual(rulesInChart);
	});

	it('zooming through the view state changes the ticks and culls marks', () => {
		const store = render();
		const kind = () =>
			document.querySelector('[data-testid="timeline-axis"]')?.getAttribute('data-tick-kind');
		expect(kind()).toBe('year');
		store.setTimeline({ windowStart: '2025-08-01', windowEnd: '2025-10-31' });
		flushSync();
		expect(kind()).toMatch(/week|month/);
		expect(all('[data-mark^="ms:"]').length).toBeLessThan(json.milestones.length);
	});

	it('moves focus with the arrow keys and pins details with Enter', async () => {
		render();
		const first = document.querySelector<SVGGElement>('[data-mark][tabindex="0"]')!;
		first.focus();
		first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
		await tick();
		await new Promise((resolve) => setTimeout(resolve, 0));
		const next = document.activeElement as Element;
		expect(next.getAttribute('data-mark')).not.toBe(first.getAttribute('data-mark'));
		expect(next.getAttribute('tabindex')).toBe('0');
		next.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
		// The details' code arrives on demand: the panel opens once it is here.
		await vi.waitFor(
			() =>
				expect(document.querySelector('[data-testid="timeline-details"]')?.textContent).toContain(
					'“'
				),
			ON_DEMAND
		);
		next.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
		flushSync();
		expect(document.querySelector('[data-testid="timeline-details"]')).toBeNull();
	});

	it('lists the same items in the table', () => {
		render({ table: true });
		expect(all('[data-testid="timeline-table"] tbody[data-lane]')).toHaveLength(
			all('svg [data-lane]').length
		);
		expect(all('[data-testid="timeline-table"] .milestone-row')).toHaveLength(
			json.milestones.length
		);
	});

	it('draws only the lanes near the viewport when there are hundreds, and follows the keyboard', async () => {
		const big = scaled(40);
		app = mount(TimelineTestHost, {
			target: document.body,
			props: { model: big, today: TODAY, interactive: false }
		});
		flushSync();
		const lanes = all('svg [data-lane]').length;
		expect(lanes).toBeGreaterThan(0);
		expect(lanes).toBeLessThan(big.dataset.programs.length / 2);
		// Ctrl+End goes to the last mark of the chart: its lane is drawn and focused.
		const first = document.querySelector<SVGGElement>('[data-mark][tabindex="0"]')!;
		first.focus();
		first.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', ctrlKey: true, bubbles: true }));
		await tick();
		await new Promise((resolve) => setTimeout(resolve, 0));
		const last = document.activeElement as Element;
		expect(last.getAttribute('data-mark')).not.toBe(first.getAttribute('data-mark'));
		expect(last.getAttribute('tabindex')).toBe('0');
	});

	it('renders without controls when not interactive', () => {
		render({ interactive: false });
		expect(document.querySelector('button')).toBeNull();
		expect(all('[data-mark^="ms:"]')).toHaveLength(json.milestones.length);
	});
});
