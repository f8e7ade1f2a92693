// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { fixtureModel } from '$lib/test/fixture-model';
import { watch } from '$lib/test/watch.svelte';
import { ViewStateStore } from './view-state.svelte';

const model = fixtureModel();
const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id);

describe('the store’s filtered rows, as a view reads them', () => {
	test('follow every filter, including those only a table read later depends on', () => {
		const store = new ViewStateStore(() => model);
		const programs = watch(() => ids(store.filtered.programs));
		const fdaOnly = watch(() => store.filtered.milestones.every((m) => m.agency === 'FDA'));
		const everyProgram = programs.latest();
		const region = model.dataset.programs[0]!.region;
		const inRegion = ids(model.dataset.programs.filter((p) => p.region === region));
		expect(inRegion.length).toBeLessThan(everyProgram.length);
		// Set in place, as the overview sets an asset: the store filters programs only when they
		// are read, and must still see the change.
		store.state.filters.regions = [region];
		expect(programs.latest()).toEqual(inRegion);
		expect(fdaOnly.latest()).toBe(false);
		store.state.filters.agencies = ['FDA'];
		expect(fdaOnly.latest()).toBe(true);
		store.setFilters({ regions: [], agencies: [] });
		expect(programs.latest()).toEqual(everyProgram);
		programs.stop();
		fdaOnly.stop();
	});
});
