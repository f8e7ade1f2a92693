/**
 * The mechanism matrix as data: cells, columns, rows, groups and the whole layout. Types only.
 */
import type { Asset, Deal, Milestone, Program, Readout, SourceRef, Trial } from '$lib/data/schema';
import { COLUMN_STEP, type MechanismGroup, type MechanismsOptions } from '$lib/state/view-state';
import type { DomainGlyph } from './domain-glyph';
import type { Marker, PhaseChip } from './encoding';
import type { RowId } from './mechanisms.rows';
// ── Types ───────────────────────────────────────────────────────────────────────────────────────

/**
 * known: a sourced value; approximate: a sourced value the source gives as approximate ("≈");
 * unknown: the sources do not say (value null); na: does not apply to this asset;
 * none: a derived row (deals, approvals, programs, readouts) with no record in the filtered data.
 */
export type CellState = 'known' | 'approximate' | 'unknown' | 'na' | 'none';

export interface CellItem {
	text: string;
	sources: readonly SourceRef[];
	note?: string;
	chip?: PhaseChip;
}

export interface MatrixCell {
	/** `${rowId}:${assetId}`, stable across re-orders. */
	id: string;
	rowId: RowId;
	assetId: string;
	state: CellState;
	/** The cell's text on one line (items joined with "; "), as an export would print it. */
	text: string;
	/** The parts of the value, each with its own provenance. */
	items: CellItem[];
	/** Supporting records behind a derived value (e.g. each readout behind a count), for the panel. */
	details: CellItem[];
	marker: Marker | null;
	glyph: DomainGlyph | null;
	note: string | null;
	/**
	 * The categorical value compared by "Highlight differences" (mechanisms.compare.ts): not the
	 * wording; empty in rows that are not compared.
	 */
	compareKey: string;
	/** Differs from the reference column's value (only when a reference is pinned). */
	differs: boolean;
}

export interface MatrixColumn {
	assetId: string;
	name: string;
	shortName: string;
	role: Asset['role'];
	isReference: boolean;
	modality: Marker | null;
	highestPhase: PhaseChip | null;
	glyph: DomainGlyph;
}

export interface MatrixRow {
	id: RowId;
	group: MechanismGroup;
	label: string;
	description: string;
	/** Cells in column order. */
	cells: MatrixCell[];
	/** The row is compared on a categorical value (free text, counts and results are not). */
	compared: boolean;
	/** Compared, and the shown columns do not all agree (against the reference when pinned). */
	differs: boolean;
}

export interface MatrixGroup {
	id: MechanismGroup;
	label: string;
	rows: MatrixRow[];
}

export interface MatrixLayout {
	columns: MatrixColumn[];
	groups: MatrixGroup[];
	/** Visible rows in display order (group order, then row order). */
	rows: MatrixRow[];
	/** The pinned reference when it is among the shown columns, else null. */
	reference: string | null;
	/** Compared rows that differ, hidden identical rows included in neither. */
	differingRows: number;
	/** Rows compared on a categorical value, shown or hidden as identical. */
	comparedRows: number;
	/** Rows left out because they are identical across the shown columns (hideIdentical). */
	hiddenIdenticalRows: number;
	/** Assets that pass the filters (the columns there would be without the column cap). */
	totalColumns: number;
	/** Assets left out by the column cap (`totalColumns - columns.length`). */
	hiddenColumns: number;
}

export interface MatrixInput {
	assets: readonly Asset[];
	programs: readonly Program[];
	milestones: readonly Milestone[];
	readouts: readonly Readout[];
	deals: readonly Deal[];
	trials: readonly Trial[];
}

export interface MatrixOptions extends Omit<MechanismsOptions, 'hideIdentical' | 'shownColumns'> {
	/** Leave out rows whose values agree across the shown columns. */
	hideIdentical?: boolean;
	/**
	 * At most this many asset columns (default: no cap). A matrix of hundreds of columns is
	 * unreadable and slow to draw; the first `maxColumns` in column order are shown, the pinned
	 * reference and the `keep` assets always among them.
	 */
	maxColumns?: number;
	/** Assets the user chose to compare: shown before any other asset when the cap applies. */
	keep?: readonly string[];
}

/** How many asset columns the matrix shows before "Show more" (and the step of "Show more"). */
export { COLUMN_STEP };
