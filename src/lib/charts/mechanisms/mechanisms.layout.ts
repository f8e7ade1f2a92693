/**
 * The mechanism matrix, as data: which columns (assets) in which order, which rows (attributes) in
 * which groups, and for every cell its text, its state (known / approximate / unknown / n/a /
 * none), its sources and whether it differs. Pure: no DOM, no runes. The on-screen table and a
 * later SVG/PPTX export both draw from `layoutMatrix`, so they cannot disagree.
 */
import type { MechanismGroup, MechanismsOptions } from '$lib/state/view-state';
import { domainGlyph } from './domain-glyph';
import { modalityMarker, phaseChip } from './encoding';
import type {
	MatrixColumn,
	MatrixRow,
	MatrixGroup,
	MatrixLayout,
	MatrixInput,
	MatrixOptions
} from './mechanisms.types';
import { GROUP_LABELS, ROWS } from './mechanisms.rows';
import { assetHighestPhase } from './mechanisms.facts';
import { indexByAsset, NO_RECORDS, buildCell } from './mechanisms.cells';
import { orderColumns, markDifferences, capColumns } from './mechanisms.columns';
import { isCompared } from './mechanisms.compare';
export * from './mechanisms.types';
export * from './mechanisms.rows';
export * from './mechanisms.facts';
export * from './mechanisms.cells';
export * from './mechanisms.columns';
export * from './mechanisms.compare';

export function layoutMatrix(input: MatrixInput, options: MatrixOptions): MatrixLayout {
	const index = indexByAsset(input);
	const all = orderColumns(input.assets, index.programs, options);
	const reference =
		options.reference && all[0]?.id === options.reference ? options.reference : null;
	const ordered =
		options.maxColumns === undefined
			? all
			: capColumns(all, options.maxColumns, options.keep, reference);

	const columns = ordered.map((asset): MatrixColumn => {
		const highest = assetHighestPhase(index.programs.get(asset.id) ?? NO_RECORDS);
		return {
			assetId: asset.id,
			name: asset.name,
			shortName: asset.shortName,
			role: asset.role,
			isReference: asset.id === reference,
			modality: asset.modality.value ? modalityMarker(asset.modality.value) : null,
			highestPhase: highest ? phaseChip(highest) : null,
			glyph: domainGlyph(asset.domains.value, asset.domains.applicable)
		};
	});

	const shownGroups = new Set(options.groups);
	const groups: MatrixGroup[] = [];
	let differingRows = 0;
	let comparedRows = 0;
	let hiddenIdenticalRows = 0;
	for (const groupId of Object.keys(GROUP_LABELS) as MechanismGroup[]) {
		if (!shownGroups.has(groupId)) continue;
		const rows: MatrixRow[] = [];
		for (const def of ROWS) {
			if (def.group !== groupId) continue;
			const cells = ordered.map((asset) => buildCell(def.id, asset, index));
			const compared = isCompared(def.id);
			const differs = compared && markDifferences(cells, reference ? 0 : null);
			if (compared) comparedRows++;
			if (differs) differingRows++;
			// A row that is not compared is never "identical": it stays.
			if (options.hideIdentical && columns.length > 1 && compared && !differs) {
				hiddenIdenticalRows++;
				continue;
			}
			rows.push({ ...def, cells, compared, differs });
		}
		if (rows.length > 0) groups.push({ id: groupId, label: GROUP_LABELS[groupId], rows });
	}

	return {
		columns,
		groups,
		rows: groups.flatMap((g) => g.rows),
		reference,
		differingRows,
		comparedRows,
		hiddenIdenticalRows,
		totalColumns: all.length,
		hiddenColumns: all.length - columns.length
	};
}

const ORDER_PHRASES: Record<MechanismsOptions['order'], string> = {
	phase: 'sorted by highest phase',
	name: 'sorted by name',
	modality: 'sorted by modality',
	custom: 'in your order, then by highest phase'
};

/**
 * The notice under a capped matrix (null when every asset is shown): "Showing 24 of 600 assets
 * (sorted by highest phase)." The screen, the embed and the export footer print the same words.
 */
export function columnCapNotice(
	layout: Pick<MatrixLayout, 'columns' | 'totalColumns' | 'hiddenColumns' | 'reference'>,
	order: MechanismsOptions['order']
): string | null {
	if (layout.hiddenColumns <= 0) return null;
	const reference = layout.reference ? ', the reference first' : '';
	return `Showing ${layout.columns.length} of ${layout.totalColumns} assets (${ORDER_PHRASES[order]}${reference}).`;
}
