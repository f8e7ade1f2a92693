import { describe, expect, it } from 'vitest';
import {
	reachedBy,
	routeChunkGroups,
	routeChunkName,
	withoutLazyImports,
	type ModuleGraph
} from './route-chunks';

const node = (n: number) => `/app/.svelte-kit/generated/client-optimized/nodes/${n}.js`;

/** A small app: entry → root layout (0); shell layout (2); timeline (7) and efficacy (5) pages. */
const IMPORTS: Record<string, string[]> = {
	entry: ['svelte'],
	[node(0)]: ['layout.ts'],
	'layout.ts': ['core.ts'],
	[node(2)]: ['/app/src/routes/(app)/+layout.svelte'],
	'/app/src/routes/(app)/+layout.svelte': ['header.svelte'],
	[node(5)]: ['forest.svelte'],
	[node(7)]: ['timeline.svelte'],
	[node(8)]: ['embed.svelte'],
	'forest.svelte': ['frame.ts', 'core.ts'],
	'timeline.svelte': ['frame.ts', 'axis.ts', 'glyphs.ts'],
	'frame.ts': ['d3-scale'],
	'axis.ts': ['timeline.svelte'], // an import cycle
	'embed.svelte': [],
	// An embed's chart, imported on demand, draws with the timeline's axis.
	'embed-chart.svelte': ['glyphs.ts'],
	// Imported on demand only (the importer's dynamic import is not a static edge).
	'tooltip.svelte': ['popover.ts'],
	'popover.ts': []
};

const graph: ModuleGraph = {
	getModuleInfo(id) {
		return {
			isEntry: id === 'entry',
			dynamicImporters: id === 'tooltip.svelte' || id === 'embed-chart.svelte' ? ['somewhere'] : [],
			importedIds: IMPORTS[id] ?? [],
			importers: Object.keys(IMPORTS).filter((k) => IMPORTS[k]?.includes(id))
		};
	}
};

describe('route chunks', () => {
	it.each([
		['the framework, loaded by the client entry', 'svelte', 'app'],
		['the core, loaded by the root layout', 'core.ts', 'app'],
		['the header, loaded by the shell layout', 'header.svelte', 'shell'],
		['what the timeline and the forest plot share', 'frame.ts', 'routes-5-7'],
		['a library only they load', 'd3-scale', 'routes-5-7'],
		['the timeline alone (through a cycle too)', 'axis.ts', 'routes-7'],
		['what the timeline shares with on-demand code', 'glyphs.ts', 'routes-7-shared'],
		['an embed page', 'embed.svelte', 'routes-8'],
		['code imported on demand: left to the bundler', 'popover.ts', null]
	])('%s: %s → %s', (_, id, chunk) => {
		expect(routeChunkName(reachedBy(id, graph))).toBe(chunk);
	});

	it('places broader chunks first, so a module’s imports are placed before it', () => {
		const groups = routeChunkGroups(8);
		const chunkOf = (id: string) =>
			groups
				.toSorted((a, b) => b.priority - a.priority)
				.map((g) => g.name(id, graph))
				.find((n) => n !== null) ?? null;
		expect(
			['svelte', 'header.svelte', 'frame.ts', 'axis.ts', 'tooltip.svelte'].map(chunkOf)
		).toEqual(['app', 'shell', 'routes-5-7', 'routes-7', null]);
		const priority = (id: string) => groups.find((g) => g.name(id, graph) !== null)?.priority ?? 0;
		expect(priority('svelte')).toBeGreaterThan(priority('header.svelte'));
		expect(priority('header.svelte')).toBeGreaterThan(priority('frame.ts'));
		expect(priority('frame.ts')).toBeGreaterThan(priority('glyphs.ts'));
		expect(priority('glyphs.ts')).toBeGreaterThan(priority('axis.ts'));
	});
});

describe('the client manifest SvelteKit reads', () => {
	it('keeps every chunk, its static imports and stylesheets, and drops its lazy imports', () => {
		const manifest = {
			'nodes/7.js': { file: 'nodes/7.a.js', imports: ['_chart.js'], isEntry: true },
			'_chart.js': {
				file: 'chunks/c.js',
				css: ['assets/chart.css'],
				dynamicImports: ['embed.svelte']
			},
			'embed.svelte': { file: 'chunks/e.js', imports: ['_chart.js'], isDynamicEntry: true }
		};
		expect(JSON.parse(withoutLazyImports(JSON.stringify(manifest)))).toEqual({
			'nodes/7.js': { file: 'nodes/7.a.js', imports: ['_chart.js'], isEntry: true },
			'_chart.js': { file: 'chunks/c.js', css: ['assets/chart.css'] },
			'embed.svelte': { file: 'chunks/e.js', imports: ['_chart.js'], isDynamicEntry: true }
		});
	});
});
