/**
 * Every view of the app, once: the header's navigation, the overview cards' links, the embed
 * routes, the share panel and the bench (`scripts/bench.mjs`, through tsx) all read this list, so
 * a new view is one folder under `routes/(app)/` plus one entry here (and, for an embeddable
 * chart, an `*Embed.svelte` beside the chart and a route `routes/embed/<id>/` showing it).
 *
 * Only data here: the bench loads this file in Node, and the app's first paint must not pull a
 * chart it does not show.
 */
import type { ExportableView } from './export/chart-export';

export interface ViewEntry {
	/** Stable name: the embed path segment, the export file name, `data-embed`. */
	id: string;
	/** The route under the app's base path. */
	path: `/${string}`;
	/** The header's link text. */
	label: string;
	/** The ViewState section holding this view's options (null: the view has none). */
	optionsKey: 'timeline' | 'mechanisms' | 'efficacy' | null;
	/** Linked from each overview card, filtered to that card's asset. */
	perAsset: boolean;
	/**
	 * The chart alone, for an iframe at `/embed/<id>` (its title, the chart and the footer): the
	 * route `routes/embed/<id>/` shows the view's `*Embed.svelte`. A route of its own rather than
	 * one route loading the chart on demand, so the build prerenders it with its stylesheet.
	 */
	embed: boolean;
	/**
	 * The bench's "drawn" signal: a CSS selector any match of which, once on screen, means the view
	 * has drawn (else its h1). A mark, not the chart's wrapper: a prerendered drawing kept hidden
	 * (app.css: one made for another column width, or any in a column narrower than them all) must
	 * not count.
	 */
	benchReady: string | null;
}

export const VIEWS = [
	{
		id: 'overview',
		path: '/',
		label: 'Overview',
		optionsKey: null,
		perAsset: false,
		embed: false,
		benchReady: null
	},
	{
		id: 'timeline',
		path: '/timeline',
		label: 'Timeline',
		optionsKey: 'timeline',
		perAsset: true,
		embed: true,
		benchReady: '[data-chart="timeline"] [data-mark]'
	},
	{
		id: 'mechanisms',
		path: '/mechanisms',
		label: 'Mechanisms',
		optionsKey: 'mechanisms',
		perAsset: true,
		embed: true,
		benchReady: '[data-chart-ready], table[role="grid"]'
	},
	{
		id: 'efficacy',
		path: '/efficacy',
		label: 'Efficacy',
		optionsKey: 'efficacy',
		perAsset: true,
		embed: true,
		benchReady: '.forest [data-row-key]'
	},
	{
		id: 'data',
		path: '/data',
		label: 'Data',
		optionsKey: null,
		perAsset: false,
		embed: false,
		benchReady: null
	}
] as const satisfies readonly ViewEntry[];

export type ViewId = (typeof VIEWS)[number]['id'];
type EmbeddableEntry = Extract<(typeof VIEWS)[number], { embed: true }>;
/** Views that are charts: they export, embed and have a share panel. */
export type ChartViewId = EmbeddableEntry['id'];

export const viewById = (id: string): ViewEntry | undefined => VIEWS.find((v) => v.id === id);

/** The entry for an embed path segment, or undefined when that view cannot be embedded. */
export function embeddableView(id: string): ViewEntry | undefined {
	const entry = viewById(id);
	return entry?.embed ? entry : undefined;
}

/** Every embeddable view is a chart the share panel and the slide export know (a compile-time check). */
export const EMBEDDABLE_VIEW_IDS: readonly (ChartViewId & ExportableView)[] = VIEWS.filter(
	(v): v is EmbeddableEntry => v.embed
).map((v) => v.id);

export const PER_ASSET_VIEWS = VIEWS.filter((v) => v.perAsset);
