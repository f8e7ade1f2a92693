/**
 * A panel: plan (axis, columns, ordered and shown rows) and placement (headers, rows, bands,
 * legend, y positions). The whole plot and its pages are made of these.
 */
import { max } from 'd3-array';
import { KeptResults } from '$lib/charts/shared/kept';
import type { Asset, Endpoint, Readout, Trial } from '$lib/data/schema';
import { ENDPOINT_FAMILIES, type EndpointFamily } from '$lib/state/view-state';
import { buildAxis, radiusScale, sizeLegendValues, type AxisLayout } from './efficacy.axis';
import {
	AXIS_HEIGHT,
	COLUMN_HEADER_HEIGHT,
	ENDPOINT_HEADER_HEIGHT,
	fitColumns,
	GROUP_HEADER_HEIGHT,
	ROW_HEIGHT,
	STACKED_HEADER_HEIGHT,
	STACKED_MARK_Y,
	STACKED_ROW_HEIGHT,
	stackedColumns,
	TITLE_HEIGHT,
	type ColumnLayout
} from './efficacy.columns';
import { panelLegend } from './efficacy.legend';
import { shownPhrase } from './efficacy.limits';
import type {
	BandMark,
	ForestInput,
	ForestOptions,
	HeaderMark,
	PanelLayout,
	RowMark
} from './efficacy.marks';
import { clampToAxis, favoursLabels, rowMark, type RowContext } from './efficacy.rows';
import { orderPanel, type PanelEntry } from './efficacy.sort';
import { ENDPOINT_NAMES, ENDPOINT_ORDER, FAMILY_OF_ENDPOINT } from './efficacy.vocab';

/** What a panel is drawn from: its ordered rows, the ones shown, and the shared geometry. */
export interface PanelPlan {
	family: EndpointFamily;
	/** Every readout of the panel, for the axis domain and the "favours" labels. */
	readouts: Readout[];
	entries: PanelEntry[];
	shown: PanelEntry[];
	rowCtx: RowContext;
	columns: readonly ColumnLayout[];
	valueX: number;
	axis: AxisLayout;
	sizes: { n: number; r: number }[];
	width: number;
	stacked: boolean;
}

function planPanel(
	family: EndpointFamily,
	readouts: Readout[],
	options: ForestOptions,
	ctx: {
		trialsById: ReadonlyMap<string, Trial>;
		assetsById: ReadonlyMap<string, Asset>;
		radius: (n: number | null) => number;
		sizes: { n: number; r: number }[];
		maxN: number;
	}
): PanelPlan {
	const stacked = options.stacked ?? false;
	const { columns, plotX0, plotX1, valueX } = (stacked ? stackedColumns : fitColumns)(
		options.width
	);
	const axis = buildAxis(family, readouts, plotX0, plotX1);
	const entries = orderPanel(family, readouts, options, ctx.assetsById);
	// No limit (or a negative one) shows every row.
	const limit = options.rowLimits?.[family] ?? -1;
	const shown = limit >= 0 ? entries.slice(0, Math.floor(limit)) : entries;
	const rowCtx: RowContext = {
		axis,
		trialsById: ctx.trialsById,
		assetsById: ctx.assetsById,
		radius: ctx.radius,
		columns,
		valueWidth: options.width - valueX,
		stacked,
		rowHeight: stacked ? STACKED_ROW_HEIGHT : ROW_HEIGHT,
		markY: stacked ? STACKED_MARK_Y : ROW_HEIGHT / 2,
		// Stryker disable StringLiteral,ArrowFunction: separators and the layout's name only keep the parts apart, and the columns and plot edges follow from the width and layout (kept in the key as a safeguard)
		key: [
			options.width,
			stacked ? 'stacked' : 'columns',
			axis.kind,
			axis.domain.join(','),
			plotX0,
			plotX1,
			ctx.maxN,
			columns.map((c) => c.key).join(',')
		].join('|')
		// Stryker restore StringLiteral,ArrowFunction
	};
	return {
		family,
		readouts,
		entries,
		shown,
		rowCtx,
		columns,
		valueX,
		axis,
		sizes: ctx.sizes,
		width: options.width,
		stacked
	};
}

/** Positions a run of a panel's rows (all shown rows, or one slide's worth) as a panel. */
export function placePanel(
	plan: PanelPlan,
	entries: readonly PanelEntry[],
	title: string,
	titleNote: string | null
): PanelLayout {
	const { axis, family } = plan;
	const rows: RowMark[] = [];
	const headers: HeaderMark[] = [];
	const bands: BandMark[] = [];
	const rowsTop = TITLE_HEIGHT + (plan.stacked ? STACKED_HEADER_HEIGHT : COLUMN_HEADER_HEIGHT);
	let y = rowsTop;
	let runTop = y;
	// Stryker disable next-line ArrayDeclaration: a run holds readouts; anything else fails the benchmark check and is skipped
	let run: Readout[] = [];
	// Standard-of-care ranges shade every row of their setting and endpoint (here: every shown row).
	const closeRun = () => {
		for (const r of run) {
			if (r.armRole !== 'benchmark' || r.value !== null || !r.range) continue;
			const a = clampToAxis(axis, r.range.low).x;
			const b = clampToAxis(axis, r.range.high).x;
			const d = Math.max(
				0,
				...[r.range.low, r.range.high].map((v) => (Number.isInteger(v) ? 0 : 1))
			);
			bands.push({
				x1: Math.min(a, b),
				x2: Math.max(a, b),
				labelLeft: Math.max(a, b) + 130 > axis.x1,
				y1: runTop,
				y2: y,
				label: `${r.arm} ${r.range.low.toFixed(d)}–${r.range.high.toFixed(d)}${r.unit === '%' ? '%' : ''}`,
				readoutId: r.id
			});
		}
		// Stryker disable next-line ArrayDeclaration: a run holds readouts; anything else fails the benchmark check and is skipped
		run = [];
	};
	let previous: PanelEntry | null = null;
	entries.forEach((entry, index) => {
		const newGroup = previous === null || previous.group !== entry.group;
		// Stryker disable next-line OptionalChaining: the first entry starts a new group, so the endpoint is only read with a previous entry
		if (newGroup || previous?.endpoint !== entry.endpoint) {
			closeRun();
			if (newGroup) {
				headers.push({
					key: entry.group.key,
					kind: 'group',
					y,
					height: GROUP_HEADER_HEIGHT,
					label: entry.group.label
				});
				y += GROUP_HEADER_HEIGHT;
			}
			headers.push({
				key: `${entry.group.key}|${entry.endpoint}`,
				kind: 'endpoint',
				y,
				height: ENDPOINT_HEADER_HEIGHT,
				label: `${entry.endpoint} — ${ENDPOINT_NAMES[entry.endpoint]}`
			});
			y += ENDPOINT_HEADER_HEIGHT;
			runTop = y;
		}
		rows.push(rowMark(entry.readout, plan.rowCtx, y, index % 2 === 1));
		run.push(entry.readout);
		y += plan.rowCtx.rowHeight;
		previous = entry;
	});
	closeRun();
	const rowsBottom = y;
	const legendY = rowsBottom + AXIS_HEIGHT;
	const legend = panelLegend(rows, plan.sizes, legendY, plan.width);
	return {
		family,
		title,
		titleNote,
		width: plan.width,
		height: legendY + legend.height,
		stacked: plan.stacked,
		columns: plan.columns,
		valueX: plan.valueX,
		axis,
		rowsTop,
		rowsBottom,
		rows,
		total: plan.entries.length,
		shownNote: shownPhrase(family, plan.shown.length, plan.entries.length),
		headers,
		bands,
		favours: family === 'hazard' ? favoursLabels(plan.readouts) : null,
		legend
	};
}

/** The readouts the chart shows, the endpoints its filter offers and the trials they come from. */
export interface ReadoutSelection {
	shown: readonly Readout[];
	availableEndpoints: readonly Endpoint[];
	trialIds: readonly string[];
}

// The page (its endpoint list and trial count) and the layout select from the same rows at each
// change: the second asks for what the first made.
const selections = new KeptResults<ReadoutSelection>();

/**
 * The readouts the chart shows: those of the selected families, narrowed by the endpoint filter
 * (ignored when empty), plus the endpoints available to that filter and the trials they come from.
 */
export function selectReadouts(
	readouts: readonly Readout[],
	families: readonly EndpointFamily[],
	endpoints: readonly Endpoint[] | null = null
): ReadoutSelection {
	return selections.get([readouts], { families, endpoints: endpoints ?? [] }, () =>
		selectFresh(readouts, families, endpoints)
	);
}

function selectFresh(
	readouts: readonly Readout[],
	families: readonly EndpointFamily[],
	endpoints: readonly Endpoint[] | null
): ReadoutSelection {
	// A set, read once: `families` may be the view state's live (proxied) list, slow to search
	// once per row of a large dataset.
	const wanted = new Set(families);
	const inFamilies = readouts.filter((r) => wanted.has(FAMILY_OF_ENDPOINT[r.endpoint]));
	// One pass over the rows, not one per endpoint.
	const present = new Set(inFamilies.map((r) => r.endpoint));
	const availableEndpoints = ENDPOINT_ORDER.filter((e) => present.has(e));
	const endpointFilter = endpoints?.length ? new Set(endpoints) : null;
	const shown = endpointFilter
		? inFamilies.filter((r) => endpointFilter.has(r.endpoint))
		: inFamilies;
	const trialIds = [...new Set(shown.map((r) => r.trial))].sort();
	return { shown, availableEndpoints, trialIds };
}

/** How many of `readouts` each endpoint family has: one pass over the rows, not one per family. */
export function readoutsPerFamily(readouts: readonly Readout[]): Record<EndpointFamily, number> {
	const counts = Object.fromEntries(ENDPOINT_FAMILIES.map((f) => [f, 0])) as Record<
		EndpointFamily,
		number
	>;
	for (const r of readouts) counts[FAMILY_OF_ENDPOINT[r.endpoint]] += 1;
	return counts;
}

/** The panels' plans: selection, one size scale for every panel, ordering and row limits. */
export function planForest(
	input: ForestInput,
	options: ForestOptions
): ReadoutSelection & { plans: PanelPlan[] } {
	const trialsById = new Map(input.trials.map((t) => [t.id, t]));
	const assetsById = new Map(input.assets.map((a) => [a.id, a]));
	const { shown, availableEndpoints, trialIds } = selectReadouts(
		input.readouts,
		options.families,
		options.endpoints ?? null
	);
	// One size scale for every panel, so equal n means equal area across panels.
	const maxN = max(shown, (r) => r.n ?? 0) ?? 0;
	const radius = radiusScale(maxN);
	const sizes = sizeLegendValues(maxN).map((n) => ({ n, r: radius(n) }));
	const byFamily = new Map<EndpointFamily, Readout[]>();
	for (const r of shown) {
		const family = FAMILY_OF_ENDPOINT[r.endpoint];
		const list = byFamily.get(family);
		if (list) list.push(r);
		else byFamily.set(family, [r]);
	}
	const plans: PanelPlan[] = [];
	for (const family of ['response', 'median', 'hazard', 'landmark'] as const) {
		const readouts = byFamily.get(family);
		if (!options.families.includes(family) || !readouts) continue;
		plans.push(
			planPanel(family, readouts, options, { trialsById, assetsById, radius, sizes, maxN })
		);
	}
	return { plans, shown, availableEndpoints, trialIds };
}
