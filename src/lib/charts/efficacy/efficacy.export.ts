/**
 * The efficacy view's export adapter: title from the families and filters, the cross-trial note
 * when rows come from more than one trial, one SVG per panel as drawn, and the rows as a table
 * (values, CIs as shown, source ids). Create it during component init (it reads the contexts).
 */
import { useDatasetModel } from '$lib/data/context';
import type { ChartExport } from '$lib/export/chart-export';
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
	const layout = () =>
		layoutForest(view.filtered, {
			...view.state.efficacy,
			endpoints: view.state.efficacy.endpoints,
			width: TABLE_WIDTH
		});
	const assetName = (id: string) => model.current.assetsById.get(id)?.shortName ?? id;
	return {
		view: 'efficacy',
		svgs() {
			const panels = document.querySelectorAll('[data-chart="efficacy"] figure[data-family]');
			return [...panels]
				.map((figure) => figure.querySelector('svg'))
				.filter((svg): svg is SVGSVGElement => svg !== null);
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
			const l = layout();
			const trials = l.trialIds.length;
			return [
				`${l.rowCount} ${l.rowCount === 1 ? 'readout' : 'readouts'} from ${trials} ${trials === 1 ? 'trial' : 'trials'}`,
				`grouped by ${view.state.efficacy.groupBy}`,
				'point area ∝ n; whiskers: 95% CI as reported, or exact Clopper–Pearson (†)'
			].join(' · ');
		},
		get sourceIds() {
			return collectSourceIds(layout().panels.flatMap((p) => p.rows.map((r) => r.readout)));
		},
		get notes() {
			return layout().crossTrial ? [CROSS_TRIAL_NOTE] : [];
		},
		get filenameDetails() {
			const { filters, efficacy } = view.state;
			return [...filters.assets.map(assetName), ...filters.indications, ...efficacy.families];
		},
		table: () => efficacyTable(layout())
	};
}
