/**
 * Facet counts for the filter bar. For each dimension: the values present in the dataset and, for
 * each value, how many items would be left if that value alone were chosen in this dimension while
 * the OTHER dimensions keep their current selection (the usual faceted-search rule, so choosing a
 * value never hides its siblings). Pure.
 */
import type { DatasetModel } from '$lib/data/model';
import type { Asset, Dataset, Milestone, Program, Readout, Trial } from '$lib/data/schema';
import { ROLES, type MilestoneType } from '$lib/data/vocabulary';
import { MILESTONE_TYPE_LABELS } from '$lib/data/vocabulary-labels';
import { LIST_DIMENSIONS, type Filters, type ListDimension } from '$lib/state/view-state';
import { applyFilters, reachedPhase, type FilteredData } from './filter';
import { choosableLines, lineCovers } from './lines';
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
	const present: Omit<KnownValues, 'assets'> = {
		roles: ROLES.filter((r) => assets.some((a) => a.role === r)),
		modalities: assets.map((a) => a.modality.value).filter(nonNull),
		indications: [
			...programs.map((p) => p.indicationGroup),
			...readouts.map((r) => r.indicationGroup)
		].filter(nonNull),
		lines: choosableLines(
			[...programs.map((p) => p.line), ...readouts.map((r) => r.line)].filter(nonNull)
		),
		biomarkers: [...programs.map((p) => p.biomarker), ...readouts.map((r) => r.biomarker)].filter(
			nonNull
		),
		phases: programs.map(reachedPhase).filter(nonNull),
		regions: [...programs.map((p) => p.region), ...milestones.map((m) => m.region)].filter(nonNull),
		agencies: milestones.map((m) => m.agency).filter(nonNull),
		milestoneTypes: milestones.map((m) => m.type)
	};
	const known = { assets: [...assets].sort(compareAssets).map((a) => a.id) } as KnownValues;
	for (const [dimension, values] of Object.entries(present)) {
		known[dimension as ListDimension] = sortDimensionValues(dimension, values);
	}
	return known;
}

const knownCache = new WeakMap<DatasetModel, KnownValues>();

/** knownValues, computed once per model. */
export function knownValuesOf(model: DatasetModel): KnownValues {
	let known = knownCache.get(model);
	// Stryker disable next-line ConditionalExpression: computing again gives the same lists, only slower
	if (!known) knownCache.set(model, (known = knownValues(model)));
	return known;
}

/** A human label for a value of a dimension. */
export function valueLabel(model: DatasetModel, dimension: ListDimension, value: string): string {
	switch (dimension) {
		case 'assets':
			return model.assetsById.get(value)?.shortName ?? value;
		case 'milestoneTypes':
			return MILESTONE_TYPE_LABELS[value as MilestoneType] ?? value;
		case 'indications':
		case 'roles':
		case 'phases':
			return value.charAt(0).toUpperCase() + value.slice(1);
		default:
			return value;
	}
}

type Row = FilteredData[CountOf][number];
/** The value a row has in a dimension; ANY when the dimension does not touch that kind of row. */
type KeyOf = (row: never, model: DatasetModel) => string | null | undefined | typeof ANY;
const ANY = Symbol('any');

/**
 * How a chosen value matches a row's key, where it is more than equality: a chosen line also
 * counts the populations reported from an earlier line onward that cover it.
 */
const MATCHES: Partial<Record<ListDimension, (chosen: string, key: string) => boolean>> = {
	lines: lineCovers
};

/** A milestone's program; none for null (no program has that id). */
const programOf = (model: DatasetModel, id: string | null) =>
	(model.programsById as ReadonlyMap<string | null, Program>).get(id);

/**
 * Dimensions whose filter is a plain test on the counted row (or does not touch it): for these,
 * rows(filters with [dimension] = [v]) = rows(filters with [dimension] = []) whose key is v, so
 * one filter run and one pass count every value. Each entry follows applyFilters exactly; the
 * test suite checks the fast counts against running the filter per value.
 */
const KEYS: Partial<Record<CountOf, Partial<Record<ListDimension, KeyOf>>>> = {
	assets: {
		assets: (a: Asset) => a.id,
		roles: (a: Asset) => a.role,
		modalities: (a: Asset) => a.modality.value,
		indications: () => ANY,
		lines: () => ANY,
		biomarkers: () => ANY,
		phases: () => ANY,
		regions: () => ANY,
		agencies: () => ANY,
		milestoneTypes: () => ANY
	},
	programs: {
		assets: (p: Program) => p.asset,
		// Counted programs passed the asset filter, so their asset is in the dataset.
		roles: (p: Program, m) => m.assetsById.get(p.asset)!.role,
		modalities: (p: Program, m) => m.assetsById.get(p.asset)!.modality.value,
		indications: (p: Program) => p.indicationGroup,
		lines: (p: Program) => p.line,
		biomarkers: (p: Program) => p.biomarker,
		phases: (p: Program) => reachedPhase(p),
		regions: (p: Program) => p.region,
		agencies: () => ANY,
		milestoneTypes: () => ANY
	},
	milestones: {
		indications: (r: Milestone, m) => programOf(m, r.program)?.indicationGroup,
		lines: (r: Milestone, m) => programOf(m, r.program)?.line,
		biomarkers: (r: Milestone, m) => programOf(m, r.program)?.biomarker,
		phases: (r: Milestone, m) => {
			const program = programOf(m, r.program);
			return program && reachedPhase(program);
		},
		regions: (r: Milestone, m) => r.region ?? programOf(m, r.program)?.region,
		agencies: (r: Milestone) => r.agency,
		milestoneTypes: (r: Milestone) => r.type
	},
	readouts: {
		indications: (r: Readout) => r.indicationGroup,
		lines: (r: Readout) => r.line,
		biomarkers: (r: Readout) => r.biomarker,
		phases: () => ANY,
		regions: () => ANY,
		agencies: () => ANY,
		milestoneTypes: () => ANY
	}
};

/**
 * For the assets dimension without a key: the rows that can pass while only asset v is chosen
 * (its own rows, trials testing it, comparator readouts of those trials), as a small model, so
 * running the filter once per asset costs that asset's rows, not the whole dataset.
 */
const perAssetCache = new WeakMap<DatasetModel, Map<string, DatasetModel>>();
function perAssetModels(model: DatasetModel): Map<string, DatasetModel> {
	let cached = perAssetCache.get(model);
	// Stryker disable next-line ConditionalExpression: building the models again gives the same ones, only slower
	if (cached) return cached;
	const { dataset } = model;
	const bucket = new Map<string, Dataset>();
	const of = (id: string): Dataset => {
		let d = bucket.get(id);
		if (!d) bucket.set(id, (d = withoutRows(dataset)));
		return d;
	};
	for (const a of dataset.assets) of(a.id).assets.push(a);
	for (const p of dataset.programs) of(p.asset).programs.push(p);
	for (const m of dataset.milestones) of(m.asset).milestones.push(m);
	const trialById = new Map<string, Trial>();
	for (const t of dataset.trials) {
		trialById.set(t.id, t);
		for (const id of new Set(t.assets)) of(id).trials.push(t);
	}
	for (const r of dataset.readouts) {
		if (r.asset !== null) {
			of(r.asset).readouts.push(r);
			continue;
		}
		// A control arm goes with the assets its trial tests: none when the trial is not in the dataset.
		// Stryker disable next-line ArrayDeclaration: a made-up asset given the arm still has none of its trial's rows, so no count keeps it
		for (const id of new Set(trialById.get(r.trial)?.assets ?? [])) of(id).readouts.push(r);
	}
	for (const d of dataset.deals) for (const id of new Set(d.asset)) of(id).deals.push(d);
	cached = new Map([...bucket].map(([id, d]) => [id, { ...model, dataset: d }]));
	perAssetCache.set(model, cached);
	return cached;
}

/** The dataset's meta and sources with every row list empty, to be filled. */
const withoutRows = (dataset: Dataset): Dataset => ({
	...dataset,
	trials: [],
	deals: [],
	...emptyAssetRows()
});

// Stryker disable ArrayDeclaration: a stray non-row here has no asset id, and every per-asset count filters by asset
const emptyAssetRows = (): Pick<Dataset, 'assets' | 'programs' | 'milestones' | 'readouts'> => ({
	assets: [],
	programs: [],
	milestones: [],
	readouts: []
});
// Stryker restore ArrayDeclaration

/**
 * A dimension's counts ignore that dimension's own choice, so ticking values in one menu never
 * changes that menu's counts: remember the last few results per model, keyed by everything the
 * counts do depend on (the other filters, the values, what is counted).
 */
const COUNT_MEMO_SIZE = 32;
const countMemo = new WeakMap<DatasetModel, Map<string, Map<string, number>>>();

function countValues(
	model: DatasetModel,
	filters: Filters,
	dimension: ListDimension,
	values: readonly string[],
	countOf: CountOf
): Map<string, number> {
	let memo = countMemo.get(model);
	// Stryker disable next-line ConditionalExpression: a fresh memo only misses, and a miss computes the same counts
	if (!memo) countMemo.set(model, (memo = new Map()));
	// Stryker disable next-line ArrayDeclaration: the key is only compared with keys built the same way
	const key = JSON.stringify([countOf, dimension, { ...filters, [dimension]: [] }, values]);
	const hit = memo.get(key);
	// Stryker disable next-line ConditionalExpression: a miss computes the same counts, only slower
	if (hit) return hit;
	const counts = countValuesUncached(model, filters, dimension, values, countOf);
	// Stryker disable next-line ConditionalExpression,EqualityOperator: when to forget old results bounds memory, not what is counted
	if (memo.size >= COUNT_MEMO_SIZE) memo.delete(memo.keys().next().value!);
	memo.set(key, counts);
	return counts;
}

/** Counts for every value of one dimension, as computeFacets defines them. */
function countValuesUncached(
	model: DatasetModel,
	filters: Filters,
	dimension: ListDimension,
	values: readonly string[],
	countOf: CountOf
): Map<string, number> {
	const counts = new Map<string, number>(values.map((v) => [v, 0]));
	const key = KEYS[countOf]?.[dimension];
	// Stryker disable next-line ConditionalExpression,BlockStatement: the filter run per value below gives the same counts, only slower
	if (key) {
		const rows = applyFilters(model, { ...filters, [dimension]: [] })[countOf] as Row[];
		const keyOf = key as (row: Row, model: DatasetModel) => ReturnType<KeyOf>;
		const matches = MATCHES[dimension];
		let any = 0;
		for (const row of rows) {
			const k = keyOf(row, model);
			if (k === ANY) {
				any++;
				continue;
			}
			// Stryker disable next-line ConditionalExpression: a missing key matches no value below either
			if (k == null) continue;
			if (matches) {
				for (const v of values) if (matches(v, k)) counts.set(v, counts.get(v)! + 1);
				continue;
			}
			// Stryker disable next-line ConditionalExpression: a key outside the listed values is never read back
			if (counts.has(k)) counts.set(k, counts.get(k)! + 1);
		}
		for (const v of values) counts.set(v, counts.get(v)! + any);
		return counts;
	}
	// Stryker disable next-line ConditionalExpression,StringLiteral,BlockStatement: the filter run per value below gives the same counts, only slower
	if (dimension === 'assets') {
		const byAsset = perAssetModels(model);
		for (const v of values) {
			// No row mentions an asset without a model of its own: nothing is left when it is chosen.
			const sub = byAsset.get(v);
			if (sub) counts.set(v, applyFilters(sub, { ...filters, assets: [v] })[countOf].length);
		}
		return counts;
	}
	for (const v of values) {
		counts.set(v, applyFilters(model, { ...filters, [dimension]: [v] })[countOf].length);
	}
	return counts;
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
		const listed = new Set(values);
		for (const v of filters[dimension]) if (!listed.has(v)) values.push(v);
		const counts = countValues(model, filters, dimension, values, countOf);
		return {
			dimension,
			values: values.map((value) => ({
				value,
				label: valueLabel(model, dimension, value),
				count: counts.get(value) ?? 0,
				selected: selected.has(value)
			}))
		};
	});
}

/** The straightforward definition (one filter run per value); the tests compare against it. */
export function computeFacetsNaive(
	model: DatasetModel,
	filters: Filters,
	dimensions: readonly ListDimension[],
	countOf: CountOf
): Facet[] {
	const known = knownValuesOf(model);
	return dimensions.map((dimension) => {
		const values = [...new Set([...known[dimension], ...filters[dimension]])];
		return {
			dimension,
			values: values.map((value) => ({
				value,
				label: valueLabel(model, dimension, value),
				count: applyFilters(model, { ...filters, [dimension]: [value] })[countOf].length,
				selected: filters[dimension].includes(value)
			}))
		};
	});
}
