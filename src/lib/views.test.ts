import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EMBEDDABLE_VIEW_IDS, PER_ASSET_VIEWS, VIEWS, embeddableView, viewById } from './views';

const APP_ROUTES = 'src/routes/(app)';
const routeFolder = (path: string) => (path === '/' ? APP_ROUTES : `${APP_ROUTES}${path}`);

describe('the view registry', () => {
	it('has one entry per page of the app, and a page for every entry', () => {
		const pages = readdirSync(APP_ROUTES, { withFileTypes: true })
			.filter((d) => d.isDirectory() && existsSync(`${APP_ROUTES}/${d.name}/+page.svelte`))
			.map((d) => `/${d.name}`);
		expect(VIEWS.map((v) => v.path).sort()).toEqual(['/', ...pages].sort());
		for (const view of VIEWS)
			expect(existsSync(`${routeFolder(view.path)}/+page.svelte`)).toBe(true);
	});

	it('gives each view a distinct id, path and label', () => {
		for (const key of ['id', 'path', 'label'] as const)
			expect(new Set(VIEWS.map((v) => v[key])).size).toBe(VIEWS.length);
	});

	it('embeds the three charts and nothing else', () => {
		expect(EMBEDDABLE_VIEW_IDS).toEqual(['timeline', 'mechanisms', 'efficacy']);
		expect(embeddableView('data')).toBeUndefined();
		expect(embeddableView('nope')).toBeUndefined();
		expect(embeddableView('timeline')?.path).toBe('/timeline');
	});

	it('gives each embeddable chart a route of its own, and no other view one', () => {
		const routes = readdirSync('src/routes/embed', { withFileTypes: true })
			.filter((d) => d.isDirectory() && existsSync(`src/routes/embed/${d.name}/+page.svelte`))
			.map((d) => d.name)
			.filter((name) => name !== '[view]');
		expect(routes.sort()).toEqual([...EMBEDDABLE_VIEW_IDS].sort());
	});

	it('links the overview cards to the chart views, in the header order', () => {
		expect(PER_ASSET_VIEWS.map((v) => v.label)).toEqual(['Timeline', 'Mechanisms', 'Efficacy']);
	});

	it('names the bench signal of every chart view, and the options section it keeps', () => {
		for (const id of EMBEDDABLE_VIEW_IDS) {
			const view = viewById(id)!;
			expect(view.benchReady).toBeTruthy();
			expect(view.optionsKey).toBe(id);
		}
	});
});
