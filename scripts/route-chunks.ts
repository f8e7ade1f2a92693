/**
 * How the build groups the JavaScript a page loads before it draws: one chunk per set of routes
 * that load a module, counting only static imports (what a route needs before its first draw).
 *
 * - `app`: what every page loads (the framework, the data/state/query core, the root layout);
 * - `shell`: what every page of the app's shell loads (header, dataset switcher), not embeds;
 * - `routes-5-7`, `routes-7`, …: what only those route nodes load (e.g. the chart kit that the
 *   timeline and the forest plot share; the timeline's own modules).
 *
 * Code a page imports on demand (storage, the share panel, exports, tooltips and details) is
 * reached through dynamic imports only; it is left to the bundler's own splitting, so it stays
 * out of every route's first download. A route thus loads a handful of chunks, each only what it
 * needs: the default splitting gave a chart view 17–19 requests, and many small gzip files are
 * bigger than a few large ones (each compresses on its own).
 */

/** The part of the bundler's module info this grouping reads. */
export interface ModuleGraph {
	getModuleInfo(id: string): {
		importers: readonly string[];
		dynamicImporters: readonly string[];
		importedIds: readonly string[];
		isEntry: boolean;
	} | null;
}

/** SvelteKit's route nodes: 0 the root layout, 1 the root error page, 2… layouts and pages. */
const NODE = /generated[\\/]client(?:-optimized)?[\\/]nodes[\\/](\d+)\.js$/;
/** The app's shell layout: the pages under it load it; embeds do not. */
const SHELL_LAYOUT = /src[\\/]routes[\\/]\(app\)[\\/]\+layout\.svelte$/;

/** What reaches a module: route nodes by number, and whether a client entry does. */
export interface Reach {
	nodes: Set<number>;
	entry: boolean;
	shell: boolean;
	/** Also needed by code loaded on demand (a module some code imports dynamically). */
	onDemand: boolean;
}

/** The route nodes and entries that reach `id` through static imports (none: only on demand). */
export function reachedBy(id: string, graph: ModuleGraph): Reach {
	const reach: Reach = { nodes: new Set(), entry: false, shell: false, onDemand: false };
	const seen = new Set([id]);
	const queue = [id];
	while (queue.length > 0) {
		const current = queue.pop() as string;
		const info = graph.getModuleInfo(current);
		const node = NODE.exec(current);
		if (node) {
			reach.nodes.add(Number(node[1]));
			if (info?.importedIds.some((i) => SHELL_LAYOUT.test(i))) reach.shell = true;
		} else if (info?.isEntry) reach.entry = true;
		else if ((info?.dynamicImporters.length ?? 0) > 0) reach.onDemand = true;
		for (const importer of info?.importers ?? []) {
			if (!seen.has(importer)) {
				seen.add(importer);
				queue.push(importer);
			}
		}
	}
	return reach;
}

/** The root layout (0) and the root error page (1) are part of every page. */
const EVERY_PAGE = [0, 1];

/** The chunk a module goes to; null: only loaded on demand, the bundler decides. */
export function routeChunkName(reach: Reach): string | null {
	if (reach.entry || EVERY_PAGE.some((n) => reach.nodes.has(n))) return 'app';
	// Reached only through the shell layout; a module an embed or a page imports as well is named
	// by its routes below, so embeds do not load the shell.
	if (reach.shell && reach.nodes.size === 1) return 'shell';
	if (reach.nodes.size === 0) return null;
	// What on-demand code shares with routes goes apart from what only the routes load, so that
	// loading it (an embed's chart, the schema for another dataset) never pulls a whole page.
	const routes = `routes-${[...reach.nodes].sort((a, b) => a - b).join('-')}`;
	return reach.onDemand ? `${routes}-shared` : routes;
}

/**
 * Rolldown code-splitting groups for the route chunks. Broader chunks come first (a higher
 * priority): a module's imports are loaded by at least the routes that load it, so they are
 * already placed when the module's own chunk is made.
 */
export function routeChunkGroups(maxNodes = 32) {
	const names = new Map<string, string | null>();
	// Entries (the client's start and app, the route nodes) keep chunks of their own: SvelteKit
	// finds each page's stylesheets by walking the chunks from its node, and the app entry's
	// lazy imports of every node must not be part of a shared chunk it walks first.
	const nameOf = (id: string, graph: ModuleGraph): string | null => {
		if (graph.getModuleInfo(id)?.isEntry) return null;
		if (!names.has(id)) names.set(id, routeChunkName(reachedBy(id, graph)));
		return names.get(id) ?? null;
	};
	// debugName labels the group in the bundler's timing report (and keeps it from warning).
	const group = (priority: number, debugName: string, accept: (name: string) => boolean) => ({
		priority,
		debugName,
		name: (id: string, ctx: ModuleGraph): string | null => {
			const name = nameOf(id, ctx);
			return name !== null && accept(name) ? name : null;
		}
	});
	const routesOf = (name: string) => name.replace(/-shared$/, '').split('-').length - 1;
	// A module's imports are loaded by at least its routes, and what on-demand code shares is
	// imported by, never importing, what only the routes load: so by the number of routes, and
	// at the same number the shared chunk first.
	const sizes = Array.from({ length: maxNodes }, (_, i) => maxNodes - i);
	return [
		group(2 * maxNodes + 3, 'app', (n) => n === 'app'),
		group(2 * maxNodes + 2, 'shell', (n) => n === 'shell'),
		...sizes.flatMap((size) => [
			group(
				2 * size + 1,
				`shared by ${size} routes`,
				(n) => n.endsWith('-shared') && routesOf(n) === size
			),
			group(
				2 * size,
				`routes of ${size}`,
				(n) => n.startsWith('routes-') && !n.endsWith('-shared') && routesOf(n) === size
			)
		])
	];
}

/**
 * The client manifest as SvelteKit should read it for this client-only app: without each chunk's
 * lazy imports. SvelteKit finds the scripts to preload and the stylesheets to link in a page's
 * HTML by walking the manifest from the page's node; a chunk it first meets through a lazy
 * import (a chunk a page needs that an embed or an export also imports) is then missed, and the
 * page finds it only when its importer runs: one more round trip before the chart. Lazy code
 * still brings its own stylesheets when it loads (Vite's preload waits for them).
 */
export function withoutLazyImports(manifestJson: string): string {
	const manifest = JSON.parse(manifestJson) as Record<string, { dynamicImports?: string[] }>;
	for (const chunk of Object.values(manifest)) delete chunk.dynamicImports;
	return JSON.stringify(manifest, null, 2);
}
