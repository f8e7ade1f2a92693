/**
 * The efficacy view's export adapter: title from the families and filters, the cross-trial note
 * when rows come from more than one trial, one SVG per panel drawn off screen from the layout by
 * the same ForestPanel as the screen, with every row as filtered (the screen's "Show more" limits
 * do not apply), and the rows as a table (values, CIs as shown, source ids). Create it during component init (it reads the contexts).
 */
import { useDatasetModel } from '$lib/data/context';
import type { ChartExport } from '$lib/export/chart-export';
import { memoOn } from '$lib/export/memo';
import { collectSourceIds, filterPhrase, viewTitle } from '$lib/export/titles';
import { useViewState } from '$lib/state/view-state.svelte';
import {
	CROSS_TRIAL_NOTE,
	FAMILY_TITLES,
	layoutForest,
	type ForestLayout
} from './efficacy.layout';

/** Width for the table/title computations; rows and values do not depend on it. */
const TABLE_WIDTH = 1100;

/** "Showing 50 of 2,100 response-rate readouts (the first in the current order; …)". */
export function shownNotes(layout: ForestLayout): string[] {
	return layout.panels
		.filter((p) => p.shownNote !== null)
		.map(
			(p) =>
				`${p.shownNote} (the first in the current order; narrow the filters or show more to see the others).`
		);
}

export const EFFICACY_COLUMNS = [
	'panel',
	'readout_id',
	'regimen',
	'asset',
	'trial',
	'arm_role',
	'setting',
	'population',
	'endpoint',
	'n',
	'value',
	'unit',
	'ci_low',
	'ci_high',
	'ci_level',
	'ci_source',
	'shown_as',
	'data_cut',
	'source_ids'
];

export function efficacyTable(layout: ForestLayout): {
	columns: string[];
	rows: (string | number | null)[][];
} {
	const rows = layout.panels.flatMap((panel) =>
		panel.rows.map((row) => {
			const r = row.readout;
			return [
				panel.title,
				r.id,
				r.arm,
				row.asset?.shortName ?? '',
				row.trial?.name ?? r.trial,
				r.armRole,
				row.full.setting.filter(Boolean).join(' · '),
				r.population,
				row.full.endpoint[0],
				r.n,
				r.notReached ? 'NR' : r.value,
				r.unit,
				row.ci.low,
				row.ci.high,
				row.ci.source === 'none' ? null : row.ci.level,
				row.ci.source,
				row.valueText,
				r.dataCut,
				r.sources.map((s) => s.id).join(' ')
			];
		})
	);
	return { columns: [...EFFICACY_COLUMNS], rows };
}

export function efficacyExport(): ChartExport {
	const view = useViewState();
	const model = useDatasetModel();
	const options = (width: number) => ({
		...view.state.efficacy,
		endpoints: view.state.efficacy.endpoints,
		width
	});
	// The whole chart: an export holds every row as filtered (the screen's "Show more" limits are
	// a screen concern), so do its slides.
	// One layout per change of the rows or the options (compared as text: they are small), however
	// many getters read it.
	const layout = memoOn(
		() => [view.filtered, JSON.stringify(view.state.efficacy)] as const,
		([filtered]) => layoutForest(filtered, options(TABLE_WIDTH))
	);
	const assetName = (id: string) => model.current.assetsById.get(id)?.shortName ?? id;
	const subtitleOf = (l: ForestLayout) => {
		const trials = l.drawnTrialIds.length;
		const readouts =
			l.drawnCount < l.rowCount
				? `${l.drawnCount.toLocaleString('en-US')} of ${l.rowCount.toLocaleString('en-US')} readouts`
				: `${l.rowCount} ${l.rowCount === 1 ? 'readout' : 'readouts'}`;
		return [
			`${readouts} from ${trials} ${trials === 1 ? 'trial' : 'trials'}`,
			`grouped by ${view.state.efficacy.groupBy}`,
			'point area ∝ n; whiskers: 95% CI as reported, or exact Clopper–Pearson (†)'
		].join(' · ');
	};
	return {
		view: 'efficacy',
		async draw() {
			// Drawing off screen is export code: loaded with the first export, not with the page.
			const { drawingOf, drawOffscreen } = await import('$lib/export/offscreen');
			const { panels } = layout();
			if (panels.length === 0) return drawingOf([]);
			const { default: ForestSlides } = await import('./ForestSlides.svelte');
			return drawOffscreen(ForestSlides, { panels });
		},
		get title() {
			const { families, endpoints } = view.state.efficacy;
			const what =
				endpoints.length > 0
					? endpoints.join(', ')
					: families.map((f) => FAMILY_TITLES[f].toLowerCase()).join(', ');
			return viewTitle('Efficacy', what, filterPhrase(view.state.filters, assetName));
		},
		get subtitle() {
			return subtitleOf(layout());
		},
		get sourceIds() {
			return collectSourceIds(layout().panels.flatMap((p) => p.rows.map((r) => r.readout)));
		},
		get notes() {
			const l = layout();
			return [...(l.drawnTrialIds.length > 1 ? [CROSS_TRIAL_NOTE] : []), ...shownNotes(l)];
		},
		get filenameDetails() {
			const { filters, efficacy } = view.state;
			return [...filters.assets.map(assetName), ...filters.indications, ...efficacy.families];
		},
		table: () => efficacyTable(layout())
	};
}
