/**
 * The mechanisms view's export adapter. The screen shows an HTML table, so the export draws the
 * same layout (`layoutMatrix`, same options) as an SVG table (src/lib/export/matrix-svg.ts) in an
 * offscreen container, with every column as filtered (the screen's column cap is a screen concern).
 * Create it during component init (it reads the contexts) and before the matrix: it provides the
 * column cap the matrix then shares.
 */
import { useDatasetModel } from '$lib/data/context';
import type { ChartExport } from '$lib/export/chart-export';
import { memoOn } from '$lib/export/memo';
import { collectSourceIds, filterPhrase, viewTitle } from '$lib/export/titles';
import { MECHANISM_GROUPS } from '$lib/state/view-state';
import { useViewState } from '$lib/state/view-state.svelte';
import { provideColumnLimit } from './column-limit.svelte';
import { provideMatrixLayout } from './matrix-layout.svelte';
import {
	columnCapNotice,
	GROUP_LABELS,
	layoutMatrix,
	type MatrixLayout
} from './mechanisms.layout';

export function mechanismsTable(layout: MatrixLayout) {
	const names = new Map(layout.columns.map((c) => [c.assetId, c.shortName]));
	const rows = layout.rows.flatMap((row) =>
		row.cells.map((cell) => [
			GROUP_LABELS[row.group],
			row.label,
			names.get(cell.assetId) ?? cell.assetId,
			cell.state,
			cell.text,
			collectSourceIds([...cell.items, ...cell.details]).join(' ')
		])
	);
	return { columns: ['group', 'attribute', 'asset', 'state', 'value', 'source_ids'], rows };
}

/**
 * `asShown`: describe the matrix as the screen shows it, columns capped in steps (the embed, whose
 * title, notes and sources sit around the live matrix). Without it, as an export holds it: every
 * column as filtered.
 */
export function mechanismsExport({ asShown = false }: { asShown?: boolean } = {}): ChartExport {
	const view = useViewState();
	const model = useDatasetModel();
	// The matrix on screen shows its columns in steps ("Show more"); an export holds them all.
	const columnLimit = provideColumnLimit();
	// Provided here, at the page, so the controls and the matrix (siblings) share one layout.
	provideMatrixLayout();
	// One layout per change of what it is made from (options compared as text: they are small),
	// however many getters read it.
	const layout = memoOn(
		() =>
			[
				view.filtered,
				JSON.stringify(view.state.mechanisms),
				view.state.filters.assets.join(','),
				asShown ? columnLimit.limit : undefined
			] as const,
		([filtered, , , maxColumns]) =>
			layoutMatrix(filtered, {
				...view.state.mechanisms,
				keep: view.state.filters.assets,
				maxColumns
			})
	);
	const assetName = (id: string) => model.current.assetsById.get(id)?.shortName ?? id;
	return {
		view: 'mechanisms',
		async draw() {
			// Drawing off screen is export code: loaded with the first export, not with the page.
			const { drawingOf } = await import('$lib/export/offscreen');
			const l = layout();
			if (l.columns.length === 0 || l.rows.length === 0) return drawingOf([]);
			// The SVG table is drawn for an export only: not part of the page's first download.
			const { matrixSvg, mountOffscreen } = await import('$lib/export/matrix-svg');
			const { markup } = matrixSvg(l, { highlight: view.state.mechanisms.highlightDifferences });
			return drawingOf([mountOffscreen(markup)]);
		},
		get title() {
			const groups = view.state.mechanisms.groups;
			const what =
				groups.length === MECHANISM_GROUPS.length
					? 'how the molecules compare'
					: groups.map((g) => GROUP_LABELS[g].toLowerCase()).join(', ');
			return viewTitle('Mechanisms', what, filterPhrase(view.state.filters, assetName));
		},
		get subtitle() {
			const l = layout();
			const reference = l.reference ? ` · reference: ${assetName(l.reference)}` : '';
			const assets =
				l.hiddenColumns > 0 ? `${l.columns.length} of ${l.totalColumns}` : `${l.columns.length}`;
			return `${assets} assets × ${l.rows.length} attributes${reference} · ≈ approximate · n/a not applicable · Unknown: the sources do not say`;
		},
		get sourceIds() {
			return collectSourceIds(
				layout().rows.flatMap((r) => r.cells.flatMap((c) => [...c.items, ...c.details]))
			);
		},
		get notes() {
			const l = layout();
			const notice = columnCapNotice(l, view.state.mechanisms.order);
			return notice ? [`${notice} The other ${l.hiddenColumns} are not shown.`] : [];
		},
		get filenameDetails() {
			return view.state.filters.assets.map(assetName);
		},
		table: () => mechanismsTable(layout())
	};
}
