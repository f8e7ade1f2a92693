import { describe, expect, it } from 'vitest';
import { buildAxis, formatTick, hazardDomain, sizeLegendValues } from './efficacy.axis';
import { readout } from './test-fixtures';

const months = (value: number | null, patch: Parameters<typeof readout>[1] = {}) =>
	readout(`m${value}`, { unit: 'months', endpoint: 'mPFS', value, ci: null, ...patch });

describe('hazard ratio axis', () => {
	it('a ratio exactly at a power of two needs no wider axis', () => {
		expect(hazardDomain([8])).toEqual([0.125, 8]);
		expect(hazardDomain([0.125])).toEqual([0.125, 8]);
		expect(hazardDomain([8.5])).toEqual([0.0625, 16]);
	});

	it('a value that is not a finite number does not widen the axis', () => {
		const hr = (value: number | null) => readout('h', { unit: 'ratio', endpoint: 'HR-OS', value });
		expect(buildAxis('hazard', [hr(Infinity), hr(null), hr(0.5)], 0, 400).domain).toEqual([
			0.25, 4
		]);
	});

	it('the readouts’ ratios widen the axis: 0.1 needs 1/16 to 16', () => {
		const hr = (value: number) => readout('h', { unit: 'ratio', endpoint: 'HR-OS', value });
		expect(buildAxis('hazard', [hr(0.1), hr(0.7)], 0, 400).domain).toEqual([0.0625, 16]);
	});

	it('tick labels: powers of two as few digits as they need, at most three significant', () => {
		expect(['1', '2', '64', '0.5', '0.25', '0.125'].map(Number).map(formatTick)).toEqual([
			'1',
			'2',
			'64',
			'0.5',
			'0.25',
			'0.125'
		]);
		expect(formatTick(1 / 32)).toBe('0.0313');
		expect(formatTick(1 / 64)).toBe('0.0156');
		// Whole numbers keep every digit.
		expect(formatTick(1024)).toBe('1024');
	});
});

describe('median axis', () => {
	it('is a linear scale from 0 to a nice maximum, mapping onto the plot’s width', () => {
		const axis = buildAxis('median', [months(12)], 100, 500);
		expect(axis.kind).toBe('linear');
		expect(axis.domain).toEqual([0, 12]);
		expect(axis.scale(0)).toBe(100);
		expect(axis.scale(12)).toBe(500);
		expect(axis.scale(6)).toBe(300);
		expect(axis.d3(12)).toBe(500);
		expect(axis.reference).toBeNull();
	});

	it('reaches the high end of a reported range', () => {
		const axis = buildAxis('median', [months(null, { range: { low: 20, high: 40 } })], 0, 400);
		expect(axis.domain).toEqual([0, 40]);
	});

	it('an upper bound not reached does not count, whichever row comes first', () => {
		const axis = buildAxis(
			'median',
			[
				months(null, { notReached: true, ci: { level: 0.95, low: 8, high: 'NR', method: null } }),
				months(12)
			],
			0,
			400
		);
		expect(axis.domain).toEqual([0, 12]);
	});

	it('a value that is not a finite number is left out', () => {
		expect(buildAxis('median', [months(Infinity), months(12)], 0, 400).domain).toEqual([0, 12]);
	});
});

describe('size legend values', () => {
	it.each([
		{ maxN: 1, values: [1] },
		{ maxN: 5, values: [1, 5] },
		{ maxN: 10, values: [1, 2, 10] },
		{ maxN: 20, values: [2, 5, 20] },
		{ maxN: 300, values: [20, 50, 200] },
		{ maxN: -3, values: [] },
		{ maxN: NaN, values: [] }
	])('max n $maxN → $values', ({ maxN, values }) => {
		expect(sizeLegendValues(maxN)).toEqual(values);
	});
});
