import { describe, expect, test } from 'vitest';
import { defaultViewState } from './view-state';
import { encode, decode, type KnownIds } from './url-codec';
import { restoreReport } from './restore-report';

const known: KnownIds = {
	assets: ['kn026', 'zanidatamab'],
	indications: ['gastric', 'breast'],
	regions: ['China', 'US']
};

describe('restoreReport: what of a stored view comes back, in words', () => {
	test('a view that fits today’s dataset comes back whole, with nothing to say', () => {
		const saved = defaultViewState();
		saved.filters.assets = ['zanidatamab', 'kn026'];
		saved.filters.from = '2021';
		saved.timeline.groupBy = 'indication';
		saved.efficacy.families = ['hazard', 'response'];
		const report = restoreReport(structuredClone(saved), known);
		expect(report.notes).toEqual([]);
		expect(report.discarded).toBe(false);
		expect(report.state.timeline.groupBy).toBe('indication');
	});

	test('every state a link can carry round-trips without a note', () => {
		// The codec's own output is what the app stores: it must never be reported as changed.
		for (const query of [
			'assets=kn026&indications=gastric,breast&from=2020',
			'lanes=indication&regions=China',
			'families=median,hazard&group=asset'
		]) {
			const { state } = decode(query, known);
			expect(restoreReport(structuredClone(state), known).notes, query).toEqual([]);
		}
	});

	test.each([
		['a string', 'assets=kn026'],
		['null', null],
		['an array', [1, 2]],
		['a record with none of the sections', { view: 'timeline', assets: ['kn026'] }]
	])('%s is discarded: the default view, and a note saying so', (_name, raw) => {
		const report = restoreReport(raw, known);
		expect(report.discarded).toBe(true);
		expect(report.state).toEqual(defaultViewState());
		expect(report.notes).toEqual([
			'It was stored in a form this version cannot read, so the default view is shown.'
		]);
	});

	test('ids the dataset no longer has are named and left out; the rest is kept', () => {
		const report = restoreReport(
			{ filters: { assets: ['kn026', 'old-1', 'old-2'], regions: ['Mars'] } },
			known
		);
		expect(report.state.filters.assets).toEqual(['kn026']);
		expect(report.notes).toEqual([
			'Filter “assets”: old-1, old-2 are not in this dataset, so they were left out.',
			'Filter “regions”: Mars is not in this dataset, so it was left out.'
		]);
	});

	test('a field stored in another form is reset and named in reader’s words', () => {
		const report = restoreReport(
			{ filters: { milestoneTypes: 'approval' }, timeline: { groupBy: 'indication' } },
			known
		);
		expect(report.state.filters.milestoneTypes).toEqual([]);
		expect(report.state.timeline.groupBy).toBe('indication');
		expect(report.notes).toEqual([
			'Filter “milestone types” was stored in a form this version cannot read: reset.'
		]);
	});

	test('a value of the right type that no longer applies is reset with its value named', () => {
		const report = restoreReport({ timeline: { groupBy: 'sponsor' } }, known);
		expect(report.state.timeline.groupBy).toBe('asset');
		expect(report.notes).toEqual([
			'Timeline “group by”: “sponsor” does not apply to this dataset, so it was reset.'
		]);
	});

	test('fields added since the view was stored take their defaults without a note', () => {
		const report = restoreReport({ filters: { assets: ['kn026'] } }, known);
		expect(report.notes).toEqual([]);
		expect(toQuery(report.state)).toBe('assets=kn026');
	});
});

function toQuery(state: ReturnType<typeof defaultViewState>): string {
	const params = encode(state);
	params.delete('v');
	return params.toString();
}
