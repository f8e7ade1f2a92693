/**
 * The timeline view's export adapter: the whole timeline drawn off screen from its layout by the
 * same layers as the screen (every lane, whatever the screen culls), a title from the grouping
 * and filters, the visible window as subtitle, the sources of the visible phases and milestones,
 * and those marks as a table. Create it during component init, after the page provided its
 * TimelineModel (it reads the contexts).
 */
import { useDatasetModel } from '$lib/data/context';
import type { ChartExport } from '$lib/export/chart-export';
import { collectSourceIds, filterPhrase, viewTitle } from '$lib/export/titles';
import { useViewState } from '$lib/state/view-state.svelte';
import { useTimelineModel } from './timeline-model.svelte';
import { memoOn } from '$lib/export/memo';
import { layoutTimeline, type TimelineLayout } from './timeline.layout';

const day = (time: number) => new Date(time).toISOString().slice(0, 10);

export function timelineTable(layout: TimelineLayout) {
	const columns = [
		'lane',
		'asset',
		'kind',
		'what',
		'date_or_start',
		'end',
		'shown_as',
		'id',
		'source_ids'
	];
	const rows: (string | null)[][] = [];
	for (const bar of layout.bars) {
		const p = bar.phase;
		rows.push([
			`${bar.lane.title} · ${bar.lane.subtitle}`,
			bar.lane.assetName,
			'phase',
			p.phase,
			p.source.start ?? null,
			p.source.end ?? (p.endKind === 'ongoing' ? 'ongoing' : null),
			p.spanText,
			p.id,
			collectSourceIds([p.source]).join(' ')
		]);
	}
	for (const glyph of layout.glyphs) {
		const m = glyph.item.milestone;
		rows.push([
			`${glyph.lane.title} · ${glyph.lane.subtitle}`,
			glyph.lane.assetName,
			'milestone',
			glyph.item.typeName,
			m.date,
			m.dateEnd,
			glyph.item.dateText,
			m.id,
			collectSourceIds([m]).join(' ')
		]);
	}
	return { columns, rows };
}

export function timelineExport(): ChartExport {
	const view = useViewState();
	const model = useDatasetModel();
	const tl = useTimelineModel();
	// One layout per change of the lanes or the window, however many getters read it.
	const layout = memoOn(
		() => [tl.prepared, tl.window] as const,
		([prepared, window]) => layoutTimeline(prepared, { width: 1200, window })
	);
	const assetName = (id: string) => model.current.assetsById.get(id)?.shortName ?? id;
	return {
		view: 'timeline',
		async draw() {
			// Drawing off screen is export code: loaded with the first export, not with the page.
			const { drawingOf, drawOffscreen } = await import('$lib/export/offscreen');
			const l = layout();
			if (l.lanes.length === 0) return drawingOf([]);
			const { default: TimelineFigure } = await import('./TimelineFigure.svelte');
			return drawOffscreen(TimelineFigure, {
				layout: l,
				label: `Development timeline: ${l.lanes.length} lanes, ${l.glyphs.length} milestones`,
				changed: tl.since.current
			});
		},
		get title() {
			const by = tl.groupBy === 'asset' ? 'programs by asset' : 'programs by indication';
			return viewTitle('Timeline', by, filterPhrase(view.state.filters, assetName));
		},
		get subtitle() {
			const l = layout();
			return `${day(tl.window.start)} to ${day(tl.window.end)} · ${l.lanes.length} lanes · ${l.glyphs.length} milestones shown · bars: development phases; glyphs: milestones`;
		},
		get sourceIds() {
			const l = layout();
			return collectSourceIds([
				...l.bars.map((b) => b.phase.source),
				...l.glyphs.map((g) => g.item.milestone)
			]);
		},
		get notes() {
			return [];
		},
		get filenameDetails() {
			return [...view.state.filters.assets.map(assetName), ...view.state.filters.indications];
		},
		table: () => timelineTable(layout())
	};
}
