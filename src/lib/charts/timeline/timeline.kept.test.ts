import { describe, expect, it } from 'vitest';
import { keptLayout, keptPreparation } from './timeline.kept';
import { prepareTimeline, type PrepareOptions, type TimelineData } from './timeline.prepare';
import { layoutTimeline } from './timeline.geometry';
import { asset, milestone, program } from './test-fixtures';

const TODAY = new Date('2026-11-22T10:00:00Z');
const OPTIONS: PrepareOptions = { groupBy: 'asset', today: TODAY, asOf: '2026-11' };
const WINDOW = { start: Date.UTC(2020, 0, 1), end: Date.UTC(2027, 0, 1) };

function data(): TimelineData {
	return {
		assets: [asset('kn'), asset('tras', 'comparator')],
		programs: [
			program('kn-gc', 'kn', [{ phase: 'phase 3', start: '2021-03' }]),
			program('tras-gc', 'tras', [{ phase: 'approved', start: '2010-10' }])
		],
		milestones: [milestone('m1', 'kn', 'kn-gc', '2024-06-01')]
	};
}

describe('keptPreparation', () => {
	it('gives the preparation made before from the same arrays, in a new holder', () => {
		const whole = data();
		const first = keptPreparation(whole, OPTIONS);
		expect(first).toEqual(prepareTimeline(whole, OPTIONS));
		expect(keptPreparation({ ...whole }, { ...OPTIONS, today: new Date(TODAY) })).toBe(first);
	});

	it('prepares again when an array or an option differs', () => {
		const whole = data();
		const first = keptPreparation(whole, OPTIONS);
		const fewer = { ...whole, programs: whole.programs.slice(0, 1) };
		const narrowed = keptPreparation(fewer, OPTIONS);
		expect(narrowed).not.toBe(first);
		expect(narrowed.lanes.length).toBeLessThan(first.lanes.length);
		expect(keptPreparation(whole, { ...OPTIONS, groupBy: 'indication' })).not.toBe(first);
		expect(keptPreparation(whole, { ...OPTIONS, asOf: '2026-12' })).not.toBe(first);
		expect(keptPreparation(whole, { ...OPTIONS, today: new Date('2026-12-01') })).not.toBe(first);
		expect(keptPreparation({ ...whole, assets: [...whole.assets] }, OPTIONS)).not.toBe(first);
	});
});

describe('keptLayout', () => {
	it('gives the layout made before for the same preparation, width and window', () => {
		const prepared = prepareTimeline(data(), OPTIONS);
		const options = { width: 1000, window: WINDOW, fitWidth: 1200 };
		const first = keptLayout(prepared, options);
		expect(first).toEqual(layoutTimeline(prepared, options));
		expect(keptLayout(prepared, { ...options, window: { ...WINDOW } })).toBe(first);
	});

	it('lays out again for another width, window, label column or fit', () => {
		const prepared = prepareTimeline(data(), OPTIONS);
		const options = { width: 1000, window: WINDOW, fitWidth: 1200 };
		const first = keptLayout(prepared, options);
		const wider = keptLayout(prepared, { ...options, width: 1100 });
		expect(wider).not.toBe(first);
		expect(wider.width).toBe(1100);
		const later = { start: WINDOW.start + 86_400_000, end: WINDOW.end };
		expect(keptLayout(prepared, { ...options, window: later })).not.toBe(wider);
		expect(keptLayout(prepared, { ...options, labelWidth: 150 }).plotLeft).not.toBe(first.plotLeft);
		expect(keptLayout(prepared, { ...options, fitWidth: undefined })).not.toBe(first);
	});
});
