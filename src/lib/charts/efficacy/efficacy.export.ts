/**
 * The efficacy view's export adapter: title from the families and filters, the cross-trial note
 * when rows come from more than one trial, one SVG per panel as drawn, and the rows as a table
 * (values, CIs as shown, source ids). Create it during component init (it reads the contexts).
 */
import { useDatasetModel } from '$lib/data/context';
import type { ChartExport, ChartSlides } from '$lib/export/chart-export';
import { legibleImageSize } from '$lib/export/pptx';
import { collectSourceIds, filterPhrase, viewTitle } from '$lib/export/titles';
import { useViewState } from '$lib/state/view-state.svelte';
import {
	CROSS_TRIAL_NOTE,
	FAMILY_TITLES,
	FONT_SIZE,
	layoutForest,
	layoutForestPages,
	type ForestLayout
} from './efficacy.layout';
import { useRowLimits } from './row-limits.svelte';

/** Width for the table/title computations; rows and values do not depend on it. */
const TABLE_WIDTH = 1100;
/** Slide text (the rows' 12 px) must land on the slide at 12 pt or more. */
export const SLIDE_MIN_TEXT_PT = 12;
/** The largest page that keeps it: about 900 × 370 px on a 16:9 slide. */
export const SLIDE_PAGE = legibleImageSize(FONT_SIZE, SLIDE_MIN_TEXT_PT);

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
	const limits = useRowLimits();
	const options = (width: number) => ({
		...view.state.efficacy,
		endpoints: view.state.efficacy.endpoints,
		width,
		rowLimits: limits.values
	});
	const layout = () => layoutForest(view.filtered, options(TABLE_WIDTH));
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
		table: () => efficacyTable(layout()),
		async slides(): Promise<ChartSlides> {
			const [{ mount, unmount, flushSync }, { default: ForestSlides }] = await Promise.all([
				import('svelte'),
				import('./ForestSlides.svelte')
			]);
			const whole = layout();
			const pages = layoutForestPages(view.filtered, options(SLIDE_PAGE.width), SLIDE_PAGE.height);
			// Drawn in the document (off screen) so the SVG export reads computed styles as on screen.
			const host = document.createElement('div');
			host.setAttribute('aria-hidden', 'true');
			host.setAttribute('data-export-host', '');
			host.style.position = 'absolute';
			host.style.left = '-100000px';
			host.style.top = '0';
			document.body.append(host);
			const app = mount(ForestSlides, { target: host, props: { pages } });
			flushSync();
			const svgs = [...host.querySelectorAll<SVGSVGElement>('svg[data-page]')];
			const several = whole.panels.length > 1;
			const base = this.subtitle;
			return {
				slides: pages.map((page, i) => {
					const readouts = page.panel.rows.map((r) => r.readout);
					const panelName = several ? ` — ${FAMILY_TITLES[page.family]}` : '';
					return {
						titleSuffix: `${panelName}${page.index > 0 ? ' (continued)' : ''}`,
						subtitle: [
							base,
							page.panel.titleNote ? `${FAMILY_TITLES[page.family]}: ${page.panel.titleNote}` : ''
						]
							.filter(Boolean)
							.join(' · '),
						svg: svgs[i]!,
						sourceIds: collectSourceIds(readouts),
						notes: [
							...(new Set(readouts.map((r) => r.trial)).size > 1 ? [CROSS_TRIAL_NOTE] : []),
							...shownNotes({
								...whole,
								panels: whole.panels.filter((p) => p.family === page.family)
							})
						]
					};
				}),
				done() {
					unmount(app);
					host.remove();
				}
			};
		}
	};
}
