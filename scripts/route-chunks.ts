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
	getModuleInfo(
		id: string
	): { importers: readonly string[]; importedIds: readonly string[]; isEntry: boolean } | null;
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
}

/** The route nodes and entries that reach `id` through static imports (none: only on demand). */
export function reachedBy(id: string, graph: ModuleGraph): Reach {
	const reach: Reach = { nodes: new Set(), entry: false, shell: false };
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
	if (reach.shell) return 'shell';
	if (reach.nodes.size === 0) return null;
	return `routes-${[...reach.nodes].sort((a, b) => a - b).join('-')}`;
}

/**
 * Rolldown code-splitting groups for the route chunks. Broader chunks come first (a higher
 * priority): a module's imports are loaded by at least the routes that load it, so they are
 * already placed when the module's own chunk is made.
 */
export function routeChunkGroups(maxNodes = 32) {
	const names = new Map<string, string | null>();
	const nameOf = (id: string, graph: ModuleGraph): string | null => {
		if (!names.has(id)) names.set(id, routeChunkName(reachedBy(id, graph)));
		return names.get(id) ?? null;
	};
	const group = (priority: number, accept: (name: string) => boolean) => ({
		priority,
		name: (id: string, ctx: ModuleGraph): string | null => {
			const name = nameOf(id, ctx);
			return name !== null && accept(name) ? name : null;
		}
	});
	const routesOf = (name: string) => name.split('-').length - 1;
	return [
		group(maxNodes + 2, (n) => n === 'app'),
		group(maxNodes + 1, (n) => n === 'shell'),
		...Array.from({ length: maxNodes }, (_, i) => maxNodes - i).map((size) =>
			group(size, (n) => n.startsWith('routes-') && routesOf(n) === size)
		)
	];
}
