// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { readFileSync } from 'node:fs';
import { validateDataset } from '$lib/data/validate';
import type { DatasetModel } from '$lib/data/model';
import type { ViewStateStore } from '$lib/state/view-state.svelte';
import { Dataset } from '$lib/data/schema';
import { synthesize } from '../../../../scripts/synth-dataset';
import MatrixTestHost from './MatrixTestHost.svelte';

const loaded = validateDataset(
	JSON.parse(readFileSync('tests/fixtures/mechanisms-her2.json', 'utf8')),
	'fixture'
);
if (!loaded.ok) throw new Error('fixture does not load');
const model: DatasetModel = loaded.model;

let component: ReturnType<typeof mount> | null = null;
afterEach(() => {
	if (component) unmount(component);
	component = null;
	document.body.innerHTML = '';
});

function render(props: { hideIdentical?: boolean; controls?: boolean } = {}) {
	let store: ViewStateStore | undefined;
	const target = document.createElement('div');
	document.body.appendChild(target);
	component = mount(MatrixTestHost, {
		target,
		props: { model, ...props, onstore: (s: ViewStateStore) => (store = s) }
	});
	flushSync();
	if (!store) throw new Error('no store');
	return { target, store };
}

const key = (el: Element, k: string, init: KeyboardEventInit = {}) => {
	el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, ...init }));
	flushSync();
};

/** Code loaded on demand arrives through a dynamic import: generous on a busy machine. */
const ON_DEMAND = { timeout: 15_000 };

describe('MechanismMatrix', () => {
	it('renders a table with one column per asset and row headers per attribute', () => {
		const { target } = render();
		const table = target.querySelector('table[role="grid"]');
		expect(table).not.toBeNull();
		const cols = [...target.querySelectorAll('thead th[scope="col"][data-column]')];
		expect(cols).toHaveLength(model.dataset.assets.length);
		expect(target.querySelectorAll('tbody th[scope="row"]').length).toBe(17);
		expect(target.querySelectorAll('th[scope="rowgroup"]').length).toBe(5);
	});

	it('draws the HER2 domain glyph with an accessible name', () => {
		const { target } = render();
		const glyph = target.querySelector('[data-cell="domains:kn026"] svg[role="img"]');
		expect(glyph?.getAttribute('aria-label')).toBe('Binds HER2 domains II and IV');
		expect(glyph?.querySelectorAll('rect[data-bound="true"]')).toHaveLength(2);
		const unknown = target.querySelector('[data-cell="domains:tqb2930"]');
		expect(unknown?.textContent).toContain('Unknown');
		expect(unknown?.querySelector('svg')?.textContent).toContain('?');
	});

	it('marks unknown, n/a and approximate cells distinctly', () => {
		const { target } = render();
		expect(target.querySelector('[data-cell="dar:jskn003"]')?.textContent).toContain('≈4');
		expect(target.querySelector('[data-cell="dar:jskn003"]')?.getAttribute('data-state')).toBe(
			'approximate'
		);
		expect(target.querySelector('[data-cell="payload:kn026"]')?.getAttribute('data-state')).toBe(
			'na'
		);
		expect(target.querySelector('[data-cell="linker:jskn003"]')?.getAttribute('data-state')).toBe(
			'unknown'
		);
	});

	it('has exactly one tab stop and moves it with the arrow keys', () => {
		const { target } = render();
		const stops = () => [...target.querySelectorAll('[data-nav][tabindex="0"]')];
		expect(stops()).toHaveLength(1);
		const first = stops()[0] as HTMLElement;
		expect(first.dataset.cell).toMatch(/^target:/);
		key(first, 'ArrowDown');
		expect((stops()[0] as HTMLElement).dataset.cell).toMatch(/^domains:/);
		key(stops()[0] as HTMLElement, 'End');
		const last = model.dataset.assets.length;
		expect(stops()[0]?.parentElement?.children[last]).toBe(stops()[0]);
		key(stops()[0] as HTMLElement, 'Home');
		expect(stops()[0]?.getAttribute('scope')).toBe('row');
		expect(stops()).toHaveLength(1);
	});

	it('opens the source panel with the quote on Enter', async () => {
		const { target } = render();
		const cell = target.querySelector('[data-cell="domains:kn026"]') as HTMLElement;
		cell.focus();
		key(cell, 'Enter');
		// The panel's code arrives on demand: it opens once it is here.
		await vi.waitFor(
			() => expect(target.querySelector('[data-testid="source-panel"]')).not.toBeNull(),
			ON_DEMAND
		);
		const panel = target.querySelector('[data-testid="source-panel"]');
		expect(panel?.textContent).toContain('ECD2 and ECD4');
		expect(panel?.textContent).toContain('Domains as named in the abstract.');
	});

	it('follows the shared state: reference first with a badge, differences marked', () => {
		const { target, store } = render();
		store.setMechanisms({ reference: 'pertuzumab', highlightDifferences: true });
		flushSync();
		const first = target.querySelector('thead th[data-column]');
		expect(first?.getAttribute('data-column')).toBe('pertuzumab');
		expect(first?.textContent).toContain('Reference');
		expect(
			target.querySelector('[data-cell="domains:trastuzumab"]')?.classList.contains('differs')
		).toBe(true);
		expect(target.querySelector('tr[data-row="domains"] [data-testid="differs"]')).not.toBeNull();
		expect(target.querySelector('tr[data-row="target"] [data-testid="differs"]')).toBeNull();
	});

	it('says next to the toggle how many compared rows differ, and marks them in words', () => {
		const { target, store } = render({ controls: true });
		store.setFilters({ assets: ['kn026', 'zanidatamab'] });
		store.setMechanisms({ highlightDifferences: true });
		flushSync();
		const count = target.querySelector('[data-testid="difference-count"]');
		expect(count?.getAttribute('role')).toBe('status');
		const marked = [...target.querySelectorAll('tr[data-row] [data-testid="differs"]')];
		expect(marked.map((m) => m.closest('tr')?.getAttribute('data-row'))).toEqual([
			'platform',
			'originator',
			'phases',
			'approvals'
		]);
		expect(count?.textContent).toBe('4 of 13 compared rows differ.');
		// Two wordings of one bispecific format are the same category.
		expect(target.querySelector('tr[data-row="format"] [data-testid="differs"]')).toBeNull();
		const notCompared = [...target.querySelectorAll('[data-testid="not-compared"]')];
		expect(notCompared.map((m) => m.closest('tr')?.getAttribute('data-row'))).toEqual([
			'effector',
			'partners',
			'readouts',
			'headline'
		]);
		store.setMechanisms({ reference: 'zanidatamab' });
		flushSync();
		expect(count?.textContent).toBe('4 of 13 compared rows differ from Zanidatamab.');
	});

	it('re-renders when the filters change', () => {
		const { target, store } = render();
		store.setFilters({ assets: ['kn026', 'trastuzumab'] });
		flushSync();
		expect(target.querySelectorAll('thead th[data-column]')).toHaveLength(2);
	});

	it('opens a clicked cell and moves the tab stop to a focused one (one listener for the grid)', async () => {
		const { target } = render();
		const cell = target.querySelector('[data-cell="payload:jskn003"]') as HTMLElement;
		cell.focus();
		flushSync();
		expect(target.querySelectorAll('[data-nav][tabindex="0"]')).toHaveLength(1);
		expect(cell.getAttribute('tabindex')).toBe('0');
		cell.click();
		await vi.waitFor(
			() => expect(target.querySelector('[data-testid="source-panel"]')).not.toBeNull(),
			ON_DEMAND
		);
	});

	it('caps a large landscape at 24 columns and shows more in steps', () => {
		const base = Dataset.parse(
			JSON.parse(readFileSync('tests/fixtures/mechanisms-her2.json', 'utf8'))
		);
		const large = validateDataset(synthesize(base, { scale: 6, seed: 1 }), 'large');
		if (!large.ok) throw new Error('synthetic dataset does not load');
		const total = large.model.dataset.assets.length;
		expect(total).toBe(36);
		const target = document.createElement('div');
		document.body.appendChild(target);
		component = mount(MatrixTestHost, { target, props: { model: large.model } });
		flushSync();
		const columns = () => target.querySelectorAll('thead th[data-column]').length;
		expect(columns()).toBe(24);
		expect(target.querySelectorAll('tr[data-row="target"] td')).toHaveLength(24);
		const cap = target.querySelector('[data-testid="column-cap"]');
		expect(cap?.textContent).toContain(`Showing 24 of ${total} assets (sorted by highest phase).`);
		const more = [...(cap?.querySelectorAll('button') ?? [])].find((b) =>
			b.textContent?.includes('more')
		);
		expect(more?.textContent).toBe(`Show ${total - 24} more assets`);
		more?.click();
		flushSync();
		expect(columns()).toBe(total);
		expect(cap?.textContent).toContain(`Showing all ${total} assets.`);
		target.querySelector<HTMLButtonElement>('[data-testid="column-cap"] button')?.click();
		flushSync();
		expect(columns()).toBe(24);
	});
});
