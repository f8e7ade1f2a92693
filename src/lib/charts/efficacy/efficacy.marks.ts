/**
 * The forest plot's marks: what a row, a header, a band, a panel, a legend and the whole plot
 * are, once positioned. Types only.
 */
import type { Asset, Endpoint, Readout, Trial } from '$lib/data/schema';
import type { EfficacyOptions, EndpointFamily } from '$lib/state/view-state';
import type { ResolvedCi } from './efficacy.ci';
import type { AxisLayout } from './efficacy.axis';
import type { ColumnLayout } from './efficacy.columns';
import type { MarkRole, MarkShape } from './efficacy.vocab';

export interface WhiskerMark {
	x1: number;
	x2: number;
	/** Caps drawn where the bound is inside the axis. */
	capLow: boolean;
	capHigh: boolean;
	/** Arrows where the bound leaves the axis or is "not reached". */
	arrowLow: boolean;
	arrowHigh: boolean;
	/** An upper (or lower) bound not reached: arrow to the axis end plus an "NR" label. */
	nrLow: boolean;
	nrHigh: boolean;
	dashed: boolean;
}

export interface PointMark {
	x: number;
	r: number;
	shape: MarkShape;
	colour: string;
	/** Hollow when n is unknown (the size would be a guess). */
	hollow: boolean;
	/** The value lies outside the axis: drawn at the edge. */
	clipped: boolean;
}

export interface BandMark {
	x1: number;
	x2: number;
	/** Its label left of it: too near the plot's right end for the label to fit beside it. */
	labelLeft: boolean;
	y1: number;
	y2: number;
	label: string;
	/** Whom it came from, e.g. "Standard of care · ESMO 2024". */
	readoutId: string;
}

export interface RowCells {
	regimen: [string, string];
	setting: [string, string];
	population: [string, string];
	n: [string, string];
	dataCut: [string, string];
	endpoint: [string, string];
	value: [string, string];
}

export interface RowMark {
	key: string;
	readout: Readout;
	trial: Trial | null;
	asset: Asset | null;
	/** Top of the row. */
	y: number;
	/** Vertical centre of the marks. */
	cy: number;
	height: number;
	zebra: boolean;
	role: MarkRole;
	colour: string;
	focusAsset: boolean;
	ci: ResolvedCi;
	computedCi: boolean;
	mismatch: boolean;
	point: PointMark | null;
	whisker: WhiskerMark | null;
	/** A range (e.g. SoC ORR 10–15%) drawn as a band in the row. */
	band: { x1: number; x2: number } | null;
	/** "NR" as text where a median was not reached (no point), ending at x. */
	nrText: { x: number } | null;
	/** Full (untruncated) and displayed text per column. */
	full: RowCells;
	cells: RowCells;
	valueText: string;
	/** Accessible name. */
	label: string;
	/** The date used for date sorting (data cut, else presentation date). */
	date: string | null;
}

export interface HeaderMark {
	/** Unique in its panel (group key, and endpoint for endpoint headers). */
	key: string;
	kind: 'group' | 'endpoint';
	y: number;
	height: number;
	label: string;
}

export interface PanelLayout {
	family: EndpointFamily;
	title: string;
	/** Right of the title: what part of the panel's readouts is drawn ("Showing 50 of 2,100 …"). */
	titleNote: string | null;
	width: number;
	height: number;
	/** Rows stacked (text over the whisker) rather than in columns beside the plot. */
	stacked: boolean;
	columns: readonly ColumnLayout[];
	/** Start of the value column; when stacked, where the right-aligned values end. */
	valueX: number;
	axis: AxisLayout;
	rowsTop: number;
	rowsBottom: number;
	rows: RowMark[];
	/** Readouts in the panel; `rows` holds the first `rows.length` of them in display order. */
	total: number;
	/** "Showing 50 of 2,100 response-rate readouts", or null when every row is drawn. */
	shownNote: string | null;
	headers: HeaderMark[];
	bands: BandMark[];
	favours: { left: string; right: string } | null;
	legend: LegendLayout;
}

export type LegendItem =
	| { kind: 'shape'; x: number; y: number; shape: MarkShape; colour: string; label: string }
	| { kind: 'size'; x: number; y: number; r: number; label: string }
	| { kind: 'dash'; x: number; y: number; label: string }
	| { kind: 'band'; x: number; y: number; label: string }
	| { kind: 'text'; x: number; y: number; label: string; strong: boolean };

export interface LegendLayout {
	y: number;
	height: number;
	/** Positioned items, wrapped to the panel width. */
	items: LegendItem[];
	roles: { role: MarkRole; label: string; shape: MarkShape; colour: string }[];
	sizes: { n: number; r: number }[];
	computed: boolean;
	mismatch: boolean;
	nr: boolean;
	band: boolean;
	/** The panel's rows come from more than one trial. */
	crossTrial: boolean;
}

export interface ForestLayout {
	width: number;
	panels: PanelLayout[];
	/** Distinct trials among all rows shown. */
	trialIds: readonly string[];
	crossTrial: boolean;
	rowCount: number;
	/** Rows drawn (row limits applied) and the trials they come from. */
	drawnCount: number;
	drawnTrialIds: string[];
	/** Endpoints present among the selected families (before the endpoint filter). */
	availableEndpoints: readonly Endpoint[];
}

export interface ForestInput {
	readouts: readonly Readout[];
	trials: readonly Trial[];
	assets: readonly Asset[];
}

export interface ForestOptions extends Omit<EfficacyOptions, 'endpoints' | 'shownRows'> {
	width: number;
	/**
	 * Stacked rows (phones): the regimen, then the trial and the value (95% CI), over a whisker
	 * the full width. Default: columns (regimen … value) beside the plot.
	 */
	stacked?: boolean;
	/** Endpoint filter: null or empty = all endpoints of the selected families. */
	endpoints?: readonly Endpoint[] | null;
	/**
	 * Rows drawn per panel, the first in the current grouping and sort (missing = all). A forest
	 * plot of thousands of rows is unreadable and slow; the panel says how many it leaves out.
	 */
	rowLimits?: Partial<Record<EndpointFamily, number>>;
	/**
	 * On screen: wider than this, the plot is laid out at this width and stretched to `width`
	 * (efficacy.stretch.ts), so a prerendered drawing fits every wider column. Exports omit it.
	 */
	fitWidth?: number;
}
