import { describe, expect, test } from 'vitest';
import { buildModel } from '$lib/data/model';
import type { Dataset, Deal } from '$lib/data/schema';
import { fixtureModel } from '$lib/test/fixture-model';
import { DEFAULT_FILTERS, type Filters } from '$lib/state/view-state';
import { applyFilters, reachedPhase } from './filter';

const model = fixtureModel();
const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id);
const run = (patch: Partial<Filters>) => applyFilters(model, { ...DEFAULT_FILTERS, ...patch });
/** Filters the fixture with some rows changed or added. */
const runOn = (change: (dataset: Dataset) => void, patch: Partial<Filters>) => {
	const dataset = structuredClone(model.dataset);
	change(dataset);
	return applyFilters(buildModel(dataset, []), { ...DEFAULT_FILTERS, ...patch });
};
const deal = (id: string, asset: string[]): Deal => ({
	id,
	asset,
	kind: 'licence',
	licensor: 'Licensor',
	licensee: 'Licensee',
	territory: null,
	scope: null,
	date: '2023-09',
	value: null,
	sources: []
});

describe('applyFilters', () => {
	test('no filters keep everything, in dataset order', () => {
		const all = run({});
		expect(ids(all.assets)).toEqual(ids(model.dataset.assets));
		expect(all.milestones).toHaveLength(model.dataset.milestones.length);
		expect(all.readouts).toHaveLength(model.dataset.readouts.length);
		expect(all.trials).toHaveLength(model.dataset.trials.length);
	});

	test('a table no filter narrows is the dataset’s own array, so what is derived from it is kept', () => {
		const all = run({});
		const { dataset } = model;
		expect(all.assets).toBe(dataset.assets);
		expect(all.programs).toBe(dataset.programs);
		expect(all.milestones).toBe(dataset.milestones);
		expect(all.trials).toBe(dataset.trials);
		expect(all.readouts).toBe(dataset.readouts);
		expect(all.deals).toBe(dataset.deals);
		// A filter that narrows only the milestones leaves the other tables whole.
		const fda = run({ agencies: ['FDA'] });
		expect(fda.programs).toBe(dataset.programs);
		expect(fda.milestones).not.toBe(dataset.milestones);
		expect(fda.milestones.length).toBeLessThan(dataset.milestones.length);
	});

	test.each<[string, Partial<Filters>, keyof ReturnType<typeof run>, string[]]>([
		['assets', { assets: ['kn026'] }, 'assets', ['kn026']],
		['roles', { roles: ['comparator'] }, 'assets', ['trastuzumab']],
		['modalities', { modalities: ['antibody-drug conjugate'] }, 'assets', ['jskn003']],
		// A standard-of-care control arm (no asset) follows the trial it ran in: kept with the
		// monoclonal antibody whose trial it controls, not with the conjugate.
		[
			'modalities keep only the control arms of the chosen assets’ trials',
			{ modalities: ['antibody-drug conjugate'] },
			'readouts',
			['r-jskn003-orr']
		],
		[
			'a modality whose trial has a control arm keeps it',
			{ modalities: ['monoclonal antibody'] },
			'readouts',
			['r-toga-hr', 'r-toga-chemo-os']
		],
		[
			'assets keep only their own trials’ control arms',
			{ assets: ['kn026'] },
			'readouts',
			['r-kn026-orr', 'r-kn026-pfs']
		],
		[
			'indications on programs',
			{ indications: ['gastric'] },
			'programs',
			['kn026-gastric-2l', 'zanidatamab-gastric-1l', 'trastuzumab-gastric-1l']
		],
		[
			'lines: an onward line chosen shows itself only',
			{ lines: ['2L+'] },
			'programs',
			['jskn003-breast-2l']
		],
		[
			'lines: 2L takes the populations reported as 2L+',
			{ lines: ['2L'] },
			'programs',
			['kn026-gastric-2l', 'zanidatamab-btc-2l', 'jskn003-breast-2l']
		],
		['lines: 3L takes 2L+ too', { lines: ['3L'] }, 'readouts', ['r-jskn003-orr']],
		[
			'lines: 1L does not take 2L+',
			{ lines: ['1L'] },
			'readouts',
			['r-toga-hr', 'r-toga-chemo-os']
		],
		['biomarkers on readouts', { biomarkers: ['HER2-low'] }, 'readouts', ['r-jskn003-orr']],
		[
			'phases use the highest phase reached',
			{ phases: ['approved'] },
			'programs',
			['zanidatamab-btc-2l', 'trastuzumab-gastric-1l']
		],
		[
			'regions on programs',
			{ regions: ['China'] },
			'programs',
			['kn026-gastric-2l', 'kn026-breast-1l', 'jskn003-breast-2l']
		],
		[
			'regions on milestones use their own region',
			{ regions: ['US'] },
			'milestones',
			['m-zani-fda']
		],
		[
			'a milestone without region takes its program region',
			{ regions: ['Global'] },
			'milestones',
			['m-zani-topline']
		],
		[
			'agencies',
			{ agencies: ['NMPA'] },
			'milestones',
			['m-kn026-btd', 'm-kn026-bla', 'm-jskn003-nda']
		],
		[
			'milestone types',
			{ milestoneTypes: ['approval'] },
			'milestones',
			['m-zani-fda', 'm-tras-ec']
		],
		[
			'programless milestones hide while a program filter is on',
			{ assets: ['kn026'], lines: ['2L'] },
			'milestones',
			['m-kn026-btd', 'm-kn026-bla']
		],
		[
			'programless milestones stay under an asset filter',
			{ assets: ['kn026'] },
			'milestones',
			['m-kn026-btd', 'm-kn026-bla', 'm-kn026-deal']
		],
		[
			'date range on milestones overlaps partial dates and windows',
			{ from: '2025-08', to: '2025' },
			'milestones',
			['m-kn026-bla', 'm-jskn003-nda']
		],
		[
			'date range on readouts uses presentation date, else data cut',
			{ from: '2024' },
			'readouts',
			['r-zani-os', 'r-jskn003-orr']
		],
		['only "to"', { to: '2009-12' }, 'readouts', ['r-toga-hr', 'r-toga-chemo-os']],
		[
			'a control arm stays with the asset its trial tests',
			{ assets: ['trastuzumab'] },
			'readouts',
			['r-toga-hr', 'r-toga-chemo-os']
		],
		[
			'a control arm leaves with other assets',
			{ assets: ['kn026'] },
			'readouts',
			['r-kn026-orr', 'r-kn026-pfs']
		],
		[
			'focus role drops control arms',
			{ roles: ['focus'], indications: ['gastric'] },
			'readouts',
			['r-kn026-orr', 'r-kn026-pfs']
		],
		['trials follow program filters', { indications: ['biliary'] }, 'trials', ['t-herizon-btc']],
		['unknown values match nothing', { assets: ['nope'] }, 'assets', []]
	])('%s', (_name, patch, entity, expected) => {
		expect(ids(run(patch)[entity])).toEqual(expected);
	});
});

describe('applyFilters on rows the fixture lacks', () => {
	test('deals follow any of their assets', () => {
		const addDeals = (d: Dataset) => {
			d.deals = [deal('d-kn026-tras', ['kn026', 'trastuzumab']), deal('d-zani', ['zanidatamab'])];
		};
		expect(ids(runOn(addDeals, { assets: ['kn026'] }).deals)).toEqual(['d-kn026-tras']);
		expect(ids(runOn(addDeals, { roles: ['focus'] }).deals)).toEqual(['d-kn026-tras', 'd-zani']);
		expect(ids(runOn(addDeals, { assets: ['jskn003'] }).deals)).toEqual([]);
	});

	test('a trial of two assets stays while one of them is chosen', () => {
		const combination = (d: Dataset) => {
			d.trials.find((t) => t.id === 't-toga')!.assets.unshift('kn026');
		};
		expect(ids(runOn(combination, { assets: ['kn026'] }).trials)).toEqual(['t-kn026-p2', 't-toga']);
	});

	test('an undated readout shows until a date range is set', () => {
		const undated = (d: Dataset) => {
			const r = d.readouts.find((r) => r.id === 'r-kn026-pfs')!;
			r.presentedAt = null;
			r.dataCut = null;
		};
		expect(ids(runOn(undated, { assets: ['kn026'] }).readouts)).toEqual([
			'r-kn026-orr',
			'r-kn026-pfs'
		]);
		expect(ids(runOn(undated, { assets: ['kn026'], from: '2000' }).readouts)).toEqual([
			'r-kn026-orr'
		]);
	});

	test('choosing the comparator role keeps every control arm, whichever asset its trial tests', () => {
		const controlArm = (d: Dataset) => {
			d.readouts.push({
				...structuredClone(d.readouts.find((r) => r.id === 'r-toga-chemo-os')!),
				id: 'r-jskn003-control',
				trial: 't-jskn003-p3'
			});
		};
		expect(ids(runOn(controlArm, { roles: ['comparator'] }).readouts)).toEqual([
			'r-toga-hr',
			'r-toga-chemo-os',
			'r-jskn003-control'
		]);
	});

	test('under a program filter a trial stays for a chosen program or for a readout shown', () => {
		// t-kn026-p2 runs a gastric and a breast program; its readouts date from 2022
		const twoPrograms = (d: Dataset) => {
			d.trials.find((t) => t.id === 't-kn026-p2')!.programs.push('kn026-breast-1l');
		};
		expect(ids(runOn(twoPrograms, { indications: ['gastric'], to: '2009' }).trials)).toEqual([
			't-kn026-p2',
			't-toga'
		]);
		// a trial that names no program stays for its readouts only
		const noProgram = (d: Dataset) => {
			d.trials.find((t) => t.id === 't-herizon-btc')!.programs = [];
		};
		expect(ids(runOn(noProgram, { indications: ['biliary'] }).trials)).toEqual(['t-herizon-btc']);
		expect(ids(runOn(noProgram, { indications: ['biliary'], from: '2030' }).trials)).toEqual([]);
		// without a program filter, trials follow their assets only
		expect(ids(runOn(noProgram, { from: '2030' }).trials)).toEqual(ids(model.dataset.trials));
	});
});

test('reachedPhase ignores expected phases', () => {
	const program = structuredClone(model.dataset.programs[0]!);
	program.phases.push({ ...program.phases[0]!, phase: 'filed', status: 'expected' });
	expect(reachedPhase(program)).toBe('phase 3');
	expect(reachedPhase({ ...program, phases: [] })).toBeNull();
});

describe('applyFilters reads each table when it is first asked for, and once', () => {
	/** The fixture with a count of how often each table is filtered. */
	function counted() {
		const dataset = structuredClone(model.dataset);
		const filtered: Record<string, number> = {};
		for (const table of ['programs', 'milestones', 'trials', 'readouts', 'deals'] as const) {
			const rows = dataset[table] as unknown[];
			const filter = rows.filter.bind(rows);
			filtered[table] = 0;
			Object.defineProperty(rows, 'filter', {
				value: (...args: Parameters<typeof filter>) => {
					filtered[table]!++;
					return filter(...args);
				}
			});
		}
		return { model: buildModel(dataset, []), filtered };
	}

	test('a view drawing programs and milestones leaves the readouts, trials and deals unfiltered', () => {
		const { model: countedModel, filtered } = counted();
		const result = applyFilters(countedModel, { ...DEFAULT_FILTERS, assets: ['kn026'] });
		expect(result.milestones.length).toBeGreaterThan(0);
		expect(result.programs.length).toBeGreaterThan(0);
		expect(filtered).toEqual({ programs: 1, milestones: 1, trials: 0, readouts: 0, deals: 0 });
	});

	test('a table read twice is filtered once, and gives the same rows', () => {
		const { model: countedModel, filtered } = counted();
		const result = applyFilters(countedModel, { ...DEFAULT_FILTERS, indications: ['breast'] });
		const trials = result.trials;
		const trialPasses = filtered.trials;
		expect(result.trials).toBe(trials);
		expect(result.readouts).toBe(result.readouts);
		expect(filtered.readouts).toBe(1);
		expect(filtered.trials).toBe(trialPasses);
	});
});
