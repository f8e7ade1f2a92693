import { describe, expect, test } from 'vitest';
import { coerceViewState, defaultViewState, hasActiveFilters, type ViewState } from './view-state';
import { sanitizeStoredState } from './persisted.svelte';
import type { KnownIds } from './url-codec';

/** The default state with a patch applied, for expectations. */
function state(patch: (s: ViewState) => void = () => {}): ViewState {
	const s = defaultViewState();
	patch(s);
	return s;
}

describe('coerceViewState: stored state from older versions or damaged records', () => {
	test.each([
		['undefined', undefined],
		['null', null],
		['a string', 'filters=kn026'],
		['a number', 42],
		['an array', [{ filters: {} }]]
	])('%s gives the default state', (_name, raw) => {
		expect(coerceViewState(raw)).toEqual(defaultViewState());
	});

	test('a record from before later fields existed keeps what it has; the rest is default', () => {
		// As an early version stored it: no roles, endpoints, shownColumns or shownRows yet.
		const old = {
			filters: { assets: ['kn026'], indications: ['gastric'], from: '2021', to: null },
			timeline: { groupBy: 'indication' },
			mechanisms: { groups: ['binding'], highlightDifferences: true, order: 'name' },
			efficacy: { families: ['hazard'], groupBy: 'asset', sort: 'value' }
		};
		expect(coerceViewState(old)).toEqual(
			state((s) => {
				s.filters.assets = ['kn026'];
				s.filters.indications = ['gastric'];
				s.filters.from = '2021';
				s.timeline.groupBy = 'indication';
				s.mechanisms.groups = ['binding'];
				s.mechanisms.highlightDifferences = true;
				s.mechanisms.order = 'name';
				s.efficacy.families = ['hazard'];
				s.efficacy.groupBy = 'asset';
				s.efficacy.sort = 'value';
			})
		);
	});

	test.each<[string, Record<string, unknown>]>([
		['a list stored as a string', { filters: { assets: 'kn026' } }],
		['a list with a number in it', { filters: { assets: ['kn026', 7] } }],
		['a date stored as a number', { filters: { from: 2021 } }],
		['a flag stored as text', { mechanisms: { highlightDifferences: 'yes' } }],
		['a count stored as text', { mechanisms: { shownColumns: '48' } }],
		['a reference stored as a number', { mechanisms: { reference: 5 } }],
		['a section stored as a list', { timeline: ['indication'] }],
		['a section stored as null', { efficacy: null }],
		['a pin stored as a number', { pin: 3 }]
	])('%s falls back to its default', (_name, raw) => {
		expect(coerceViewState(raw)).toEqual(defaultViewState());
	});

	test('unknown sections and keys are dropped', () => {
		const raw = { filters: { assets: ['a'], colour: 'red' }, layout: { dense: true } };
		const out = coerceViewState(raw);
		expect(out).toEqual(state((s) => (s.filters.assets = ['a'])));
		expect(out.filters).not.toHaveProperty('colour');
		expect(out).not.toHaveProperty('layout');
	});

	test('a stored pin is kept', () => {
		expect(coerceViewState({ pin: 'ms:m-1' })).toEqual(state((s) => (s.pin = 'ms:m-1')));
	});

	test('lists are copied, so the stored record and the state never share an array', () => {
		const raw = { filters: { assets: ['kn026'] } };
		const out = coerceViewState(raw);
		raw.filters.assets.push('zanidatamab');
		expect(out.filters.assets).toEqual(['kn026']);
	});
});

describe('sanitizeStoredState: stored state checked against today’s dataset', () => {
	const known: KnownIds = {
		assets: ['kn026', 'zanidatamab'],
		indications: ['gastric', 'breast'],
		regions: ['China', 'US']
	};

	test('a state that fits today’s dataset comes back as it was', () => {
		const saved = state((s) => {
			s.filters.assets = ['kn026'];
			s.filters.regions = ['China'];
			s.filters.from = '2021';
			s.timeline.groupBy = 'indication';
			s.efficacy.families = ['hazard', 'response'];
		});
		const out = sanitizeStoredState(structuredClone(saved), known);
		expect(out.filters).toEqual(saved.filters);
		expect(out.timeline).toEqual(saved.timeline);
		expect(new Set(out.efficacy.families)).toEqual(new Set(saved.efficacy.families));
	});

	test('ids the dataset no longer has are dropped, the others kept', () => {
		const out = sanitizeStoredState(
			{ filters: { assets: ['kn026', 'retired-asset'], regions: ['Mars', 'US'] } },
			known
		);
		expect(out.filters.assets).toEqual(['kn026']);
		expect(out.filters.regions).toEqual(['US']);
	});

	test.each<[string, Record<string, unknown>, (s: ViewState) => unknown, unknown]>([
		[
			'an unknown grouping',
			{ timeline: { groupBy: 'swimlane' } },
			(s) => s.timeline.groupBy,
			'asset'
		],
		['an unknown sort', { efficacy: { sort: 'random' } }, (s) => s.efficacy.sort, 'group'],
		[
			'an unknown family',
			{ efficacy: { families: ['vibes'] } },
			(s) => s.efficacy.families,
			['response']
		],
		['a date that is not one', { filters: { from: 'soon' } }, (s) => s.filters.from, null],
		['an impossible day', { filters: { to: '2025-02-30' } }, (s) => s.filters.to, null]
	])('%s is put back to its default', (_name, raw, read, expected) => {
		expect(read(sanitizeStoredState(raw, known))).toEqual(expected);
	});

	test('a damaged record never throws and gives a usable state', () => {
		for (const raw of [null, 'x', { filters: 'x' }, { efficacy: { shownRows: 'all' } }]) {
			expect(() => sanitizeStoredState(raw, known)).not.toThrow();
		}
		expect(
			sanitizeStoredState({ efficacy: { shownRows: 'all' } }, known).efficacy.shownRows
		).toEqual(defaultViewState().efficacy.shownRows);
	});
});

test('hasActiveFilters: any chosen value or either end of a date range', () => {
	const filters = (patch: (s: ViewState) => void) => state(patch).filters;
	expect(hasActiveFilters(filters(() => {}))).toBe(false);
	expect(hasActiveFilters(filters((s) => (s.filters.assets = ['kn026'])))).toBe(true);
	expect(hasActiveFilters(filters((s) => (s.filters.milestoneTypes = ['approval'])))).toBe(true);
	expect(hasActiveFilters(filters((s) => (s.filters.from = '2021')))).toBe(true);
	expect(hasActiveFilters(filters((s) => (s.filters.to = '2026')))).toBe(true);
});
