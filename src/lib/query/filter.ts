/**
 * Applies the shared filters to a dataset model. Pure: the same model and filters always give
 * the same rows, in dataset order.
 */
import type { DatasetModel } from '$lib/data/model';
import type { Asset, Deal, Milestone, Program, Readout, Trial } from '$lib/data/schema';
import type { Filters } from '$lib/state/view-state';

export interface FilteredData {
	assets: Asset[];
	programs: Program[];
	milestones: Milestone[];
	trials: Trial[];
	readouts: Readout[];
	deals: Deal[];
}

const passes = (selected: readonly string[], value: string | null | undefined): boolean =>
	selected.length === 0 || (value != null && selected.includes(value));

export function applyFilters(model: DatasetModel, filters: Filters): FilteredData {
	const { dataset } = model;
	const assets = dataset.assets.filter(
		(a) => passes(filters.assets, a.id) && passes(filters.modalities, a.modality.value)
	);
	const assetIds = new Set(assets.map((a) => a.id));
	const programs = dataset.programs.filter(
		(p) =>
			assetIds.has(p.asset) &&
			passes(filters.indications, p.indicationGroup) &&
			passes(filters.lines, p.line) &&
			passes(filters.biomarkers, p.biomarker) &&
			passes(filters.regions, p.region) &&
			passes(filters.phases, p.phases.at(-1)?.phase)
	);
	const programIds = new Set(programs.map((p) => p.id));
	const milestones = dataset.milestones.filter(
		(m) =>
			assetIds.has(m.asset) &&
			(m.program === null ? filters.indications.length === 0 : programIds.has(m.program)) &&
			passes(filters.agencies, m.agency) &&
			passes(filters.milestoneTypes, m.type)
	);
	const readouts = dataset.readouts.filter(
		(r) =>
			(r.asset === null || assetIds.has(r.asset)) &&
			passes(filters.indications, r.indicationGroup) &&
			passes(filters.lines, r.line) &&
			passes(filters.biomarkers, r.biomarker)
	);
	const trials = dataset.trials.filter((t) => t.assets.some((id) => assetIds.has(id)));
	const deals = dataset.deals.filter((d) => d.asset.some((id) => assetIds.has(id)));
	return { assets, programs, milestones, trials, readouts, deals };
}
