/**
 * Applies the shared filters to a dataset model. Pure: the same model and filters always give
 * the same rows, in dataset order.
 *
 * How each filter reaches each entity:
 * - assets, roles, modalities select assets; everything else follows its asset. A readout of a
 *   standard-of-care arm (asset null) counts as a comparator and stays when its trial tests a
 *   selected asset, so a hazard ratio keeps its control arm.
 * - indications, lines, biomarkers, phases (the highest phase a program has actually reached)
 *   select programs (a chosen line also takes the populations reported from an earlier line
 *   onward that cover it, see lines.ts); milestones follow their program, and milestones without a program are hidden
 *   while one of these is active (nothing says they belong to the selection).
 * - regions select programs by their region and milestones by their own region (falling back to
 *   the program's), so an FDA filing for a "Global" program is found under "US".
 * - agencies and milestone types select milestones.
 * - from/to keep milestones (date to dateEnd) and readouts (presentation date, else data cut) whose
 *   partial dates overlap the range; undated readouts are hidden while a range is set.
 * - trials follow their assets and, while program filters are active, their programs or readouts.
 */
import type { DatasetModel } from '$lib/data/model';
import type { Asset, Deal, Milestone, Program, Readout, Trial } from '$lib/data/schema';
import { reachedPhase } from '$lib/data/derive';
import type { Filters } from '$lib/state/view-state';
import { linePasses } from './lines';
import { overlapsRange } from './partial-date';

/**
 * The rows that pass the filters. Read-only: a table no filter narrows is the dataset's own array
 * (see `unlessAllKept`).
 */
export interface FilteredData {
	readonly assets: readonly Asset[];
	readonly programs: readonly Program[];
	readonly milestones: readonly Milestone[];
	readonly trials: readonly Trial[];
	readonly readouts: readonly Readout[];
	readonly deals: readonly Deal[];
}

// A missing value (null, undefined) is in no list of chosen values: no check of its own.
const passes = (selected: readonly string[], value: string | null | undefined): boolean =>
	selected.length === 0 || (selected as readonly (string | null | undefined)[]).includes(value);

/** The highest phase a program has actually reached: the one rule, in derive.ts. */
export { reachedPhase };

/** The date a readout is placed at: when it was presented, else its data cut. */
export function readoutDate(readout: Readout): string | null {
	return readout.presentedAt?.date ?? readout.dataCut;
}

/** A copy of the filters, every list copied (a reactive store's lists are live). */
function readAll(filters: Filters): Filters {
	return Object.fromEntries(
		Object.entries(filters).map(([key, value]) => [key, Array.isArray(value) ? [...value] : value])
	) as unknown as Filters;
}

/**
 * A table filtered when it is first read, and once: a view reads the few tables it draws (the
 * timeline: assets, programs and milestones), and a facet count reads one, so a filter click no
 * longer filters all six, the readouts (the largest) included.
 */
function once<T>(compute: () => T): () => T {
	let value: { rows: T } | null = null;
	return () => (value ??= { rows: compute() }).rows;
}

/**
 * `rows` (filtered from `all`, so in its order), or `all` itself when every row passed: the same
 * array on every click that narrows nothing, so what a view derives from the whole table (the
 * timeline's layout of every lane) is kept rather than redone on "show all".
 */
function unlessAllKept<T>(all: readonly T[], rows: readonly T[]): readonly T[] {
	return rows.length === all.length ? all : rows;
}

export function applyFilters(model: DatasetModel, given: Filters): FilteredData {
	const { dataset } = model;
	// Every filter is read now, though a table is filtered only when first read: the tables must
	// see this call's filters, not those of a later moment, and a reactive caller (the view-state
	// store) must depend on all of them, not only on those the first tables happen to read.
	const filters = readAll(given);
	const assets = dataset.assets.filter(
		(a) =>
			passes(filters.assets, a.id) &&
			passes(filters.roles, a.role) &&
			passes(filters.modalities, a.modality.value)
	);
	const assetIds = new Set(assets.map((a) => a.id));

	const programFiltersActive =
		filters.indications.length > 0 ||
		filters.lines.length > 0 ||
		filters.biomarkers.length > 0 ||
		filters.phases.length > 0;
	// Programs that pass everything but region: milestones judge region by their own.
	const programCore = once(() =>
		dataset.programs.filter(
			(p) =>
				assetIds.has(p.asset) &&
				passes(filters.indications, p.indicationGroup) &&
				linePasses(filters.lines, p.line) &&
				passes(filters.biomarkers, p.biomarker) &&
				passes(filters.phases, reachedPhase(p))
		)
	);
	const programs = once(() => programCore().filter((p) => passes(filters.regions, p.region)));

	const milestones = once(() => {
		// Keyed by string | null so a milestone's program (null: none) looks itself up.
		const coreById = new Map<string | null, Program>(programCore().map((p) => [p.id, p]));
		return dataset.milestones.filter((m) => {
			if (!assetIds.has(m.asset)) return false;
			const program = coreById.get(m.program);
			if (m.program === null ? programFiltersActive : !program) return false;
			return (
				passes(filters.regions, m.region ?? program?.region) &&
				passes(filters.agencies, m.agency) &&
				passes(filters.milestoneTypes, m.type) &&
				overlapsRange(m.date, m.dateEnd, filters.from, filters.to)
			);
		});
	});

	const selectedTrialIds = once(
		() =>
			new Set(
				dataset.trials.filter((t) => t.assets.some((id) => assetIds.has(id))).map((t) => t.id)
			)
	);
	const readouts = once(() =>
		dataset.readouts.filter((r) => {
			const assetOk =
				r.asset === null
					? passes(filters.roles, 'comparator') &&
						(filters.assets.length === 0 && filters.modalities.length === 0
							? true
							: selectedTrialIds().has(r.trial))
					: assetIds.has(r.asset);
			if (!assetOk) return false;
			if (
				!passes(filters.indications, r.indicationGroup) ||
				!linePasses(filters.lines, r.line) ||
				!passes(filters.biomarkers, r.biomarker)
			) {
				return false;
			}
			// Undated: shown while no range is set, hidden once one is.
			return overlapsRange(readoutDate(r), null, filters.from, filters.to);
		})
	);

	const trials = once(() => {
		const ofAssets = dataset.trials.filter((t) => selectedTrialIds().has(t.id));
		if (!programFiltersActive) return ofAssets;
		// Under a program filter: the trials of a kept program, or with a kept readout.
		const programIds = new Set(programs().map((p) => p.id));
		const readoutTrials = new Set(readouts().map((r) => r.trial));
		return ofAssets.filter(
			(t) => t.programs.some((id) => programIds.has(id)) || readoutTrials.has(t.id)
		);
	});
	const deals = once(() => dataset.deals.filter((d) => d.asset.some((id) => assetIds.has(id))));
	return {
		assets: unlessAllKept(dataset.assets, assets),
		get programs() {
			return unlessAllKept(dataset.programs, programs());
		},
		get milestones() {
			return unlessAllKept(dataset.milestones, milestones());
		},
		get trials() {
			return unlessAllKept(dataset.trials, trials());
		},
		get readouts() {
			return unlessAllKept(dataset.readouts, readouts());
		},
		get deals() {
			return unlessAllKept(dataset.deals, deals());
		}
	};
}
