/**
 * Facet counts for the filter bar. For each dimension: the values present in the dataset and, for
 * each value, how many items would be left if that value alone were chosen in this dimension while
 * the OTHER dimensions keep their current selection (the usual faceted-search rule, so choosing a
 * value never hides its siblings). Pure.
 */
import type { DatasetModel } from '$lib/data/model';
import { ROLES } from '$lib/data/schema';
import { LIST_DIMENSIONS, type Filters, type ListDimension } from '$lib/state/view-state';
import { applyFilters, reachedPhase, type FilteredData } from './filter';
import { compareAssets, sortDimensionValues } from './sort';

/** Which rows a count counts: the main rows of the view showing the filter bar. */
export type CountOf = keyof FilteredData;

export interface FacetValue {
	value: string;
	label: string;
	/** Items left if this value were the only one chosen here (other dimensions as they are). */
	count: number;
	selected: boolean;
}

export interface Facet {
	dimension: ListDimension;
	values: FacetValue[];
}

export type KnownValues = Record<ListDimension, string[]>;

const nonNull = <T extends string>(v: T | null | undefined): v is T => v != null && v !== '';

/** Every value each dimension takes in this dataset, in display order. */
export function knownValues(model: DatasetModel): KnownValues {
	const { assets, programs, milestones, readouts } = model.dataset;
	return {
		assets: [...assets].sort(compareAssets).map((a) => a.id),
		roles: sortDimensionValues(
			'roles',
			ROLES.filter((r) => assets.some((a) => a.role === r))
		),
		modalities: sortDimensionValues(
			'modalities',
			assets.map((a) => a.modality.value).filter(nonNull)
		),
		indications: sortDimensionValues(
			'indications',
			[...programs.map((p) => p.indicationGroup), ...readouts.map((r) => r.indicationGroup)].filter(
				nonNull
			)
		),
		lines: sortDimensionValues(
			'lines',
			[...programs.map((p) => p.line), ...readouts.map((r) => r.line)].filter(nonNull)
		),
		biomarkers: sortDimensionValues(
			'biomarkers',
			[...programs.map((p) => p.biomarker), ...readouts.map((r) => r.biomarker)].filter(nonNull)
		),
		phases: sortDimensionValues('phases', programs.map(reachedPhase).filter(nonNull)),
		regions: sortDimensionValues(
			'regions',
			[...programs.map((p) => p.region), ...milestones.map((m) => m.region)].filter(nonNull)
		),
		agencies: sortDimensionValues('agencies', milestones.map((m) => m.agency).filter(nonNull)),
		milestoneTypes: sortDimensionValues(
			'milestoneTypes',
			milestones.map((m) => m.type)
		)
	};
}

const knownCache = new WeakMap<DatasetModel, KnownValues>();

/** knownValues, computed once per model. */
export function knownValuesOf(model: DatasetModel): KnownValues {
	let known = knownCache.get(model);
	if (!known) knownCache.set(model, (known = knownValues(model)));
	return known;
}

const MILESTONE_TYPE_LABELS: Record<string, string> = {
	ind: 'IND',
	'trial-start': 'Trial start',
	'phase-transition': 'Phase transition',
	designation: 'Designation',
	submission: 'Submission',
	acceptance: 'Acceptance',
	approval: 'Approval',
	deal: 'Deal',
	'data-presentation': 'Data presentation',
	topline: 'Topline',
	other: 'Other'
};

/** A human label for a value of a dimension. */
export function valueLabel(model: DatasetModel, dimension: ListDimension, value: string): string {
	switch (dimension) {
		case 'assets':
			return model.assetsById.get(value)?.shortName ?? value;
		case 'milestoneTypes':
			return MILESTONE_TYPE_LABELS[value] ?? value;
		case 'indications':
		case 'roles':
		case 'phases':
			return value.charAt(0).toUpperCase() + value.slice(1);
		default:
			return value;
	}
}

/**
 * Facets for the given dimensions. Values selected in the filters but absent from the dataset are
 * listed too (count 0), so they can be seen and removed.
 */
export function computeFacets(
	model: DatasetModel,
	filters: Filters,
	dimensions: readonly ListDimension[] = LIST_DIMENSIONS,
	countOf: CountOf = 'programs',
	known: KnownValues = knownValuesOf(model)
): Facet[] {
	return dimensions.map((dimension) => {
		const selected = new Set(filters[dimension]);
		const values = [...known[dimension]];
		for (const v of filters[dimension]) if (!values.includes(v)) values.push(v);
		return {
			dimension,
			values: values.map((value) => ({
				value,
				label: valueLabel(model, dimension, value),
				count: applyFilters(model, { ...filters, [dimension]: [value] })[countOf].length,
				selected: selected.has(value)
			}))
		};
	});
}
