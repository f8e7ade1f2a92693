import { describe, expect, it } from 'vitest';
import { fitColumns, stackedColumns, textWidth, truncate } from './efficacy.columns';

/**
 * Column widths (px) with the 10 px gap after each: regimen 196, setting 168, population 150,
 * n 40, data cut 78, endpoint 84 — 776 in all; the value column takes 168 and the plot at least
 * 220, with a gap either side, so every column fits from 1184 px.
 */
describe('columns that fit a width', () => {
	it.each([
		{ width: 1184, keys: ['regimen', 'setting', 'population', 'n', 'dataCut', 'endpoint'] },
		{ width: 1183, keys: ['regimen', 'setting', 'population', 'n', 'endpoint'] },
		{ width: 1096, keys: ['regimen', 'setting', 'population', 'n', 'endpoint'] },
		{ width: 1095, keys: ['regimen', 'setting', 'n', 'endpoint'] },
		{ width: 936, keys: ['regimen', 'setting', 'n', 'endpoint'] },
		{ width: 935, keys: ['regimen', 'setting', 'endpoint'] },
		{ width: 886, keys: ['regimen', 'setting', 'endpoint'] },
		{ width: 885, keys: ['regimen', 'endpoint'] },
		{ width: 708, keys: ['regimen', 'endpoint'] },
		{ width: 707, keys: ['regimen'] },
		{ width: 200, keys: ['regimen'] }
	])('at $width px: $keys', ({ width, keys }) => {
		expect(fitColumns(width).columns.map((c) => c.key)).toEqual(keys);
	});

	it('places every column after the one before, right-aligned numbers anchored at their end', () => {
		const { columns, plotX0, plotX1, valueX } = fitColumns(1200);
		expect(columns).toEqual([
			{ key: 'regimen', title: 'Regimen · trial', x: 0, width: 196, align: 'start' },
			{ key: 'setting', title: 'Setting', x: 206, width: 168, align: 'start' },
			{ key: 'population', title: 'Population', x: 384, width: 150, align: 'start' },
			{ key: 'n', title: 'n', x: 584, width: 40, align: 'end' },
			{ key: 'dataCut', title: 'Data cut', x: 594, width: 78, align: 'start' },
			{ key: 'endpoint', title: 'Endpoint', x: 682, width: 84, align: 'start' }
		]);
		// The plot starts a gap and a point's radius after the last column (776 + 10 + 9) and
		// ends a gap, a radius and 6 px before the value column, which ends at the right edge.
		expect({ plotX0, plotX1, valueX }).toEqual({ plotX0: 795, plotX1: 1007, valueX: 1032 });
	});

	it('when even the regimen alone is too wide, the value column keeps half the plot width', () => {
		// Regimen only: the plot starts at 206 + 10 + 9 = 225; the value at least 110 px later.
		expect(fitColumns(300)).toMatchObject({ plotX0: 225, valueX: 335, plotX1: 310 });
		expect(fitColumns(707)).toMatchObject({ plotX0: 225, valueX: 539, plotX1: 514 });
	});

	it('stacked: one text column across the width, the plot inset by a point radius', () => {
		expect(stackedColumns(360)).toEqual({
			columns: [{ key: 'regimen', title: 'Regimen · trial', x: 6, width: 348, align: 'start' }],
			plotX0: 19,
			plotX1: 341,
			valueX: 354
		});
	});
});

describe('text width and truncation', () => {
	it('estimates about half an em per character, bold a little wider', () => {
		expect(textWidth('abcd')).toBeCloseTo(24.96);
		expect(textWidth('abcd', 11)).toBeCloseTo(22.88);
		expect(textWidth('abcd', 12, true)).toBeCloseTo(26.4576);
		expect(textWidth('')).toBe(0);
	});

	it.each([
		// 12 px text: 6.24 px a character.
		{ text: 'abcdefghij', width: 63, size: 12, out: 'abcdefghij' },
		{ text: 'abcdefghijk', width: 63, size: 12, out: 'abcdefghi…' },
		{ text: 'abcd efghijk', width: 38, size: 12, out: 'abcd…' },
		{ text: 'abcde', width: 23, size: 12, out: 'ab…' },
		// 11 px text: 5.72 px a character, so one more fits.
		{ text: 'abcde', width: 23, size: 11, out: 'abc…' },
		{ text: 'abc', width: 13, size: 12, out: 'a…' },
		{ text: 'abc', width: 12, size: 12, out: '…' },
		{ text: 'a', width: 12, size: 12, out: 'a' },
		{ text: 'abc', width: 0, size: 12, out: '…' }
	])('"$text" in $width px at $size px → "$out"', ({ text, width, size, out }) => {
		expect(truncate(text, width, size)).toBe(out);
	});
});

describe('the same columns for the same width', () => {
	it.each([
		{ name: 'columns', fit: fitColumns },
		{ name: 'stacked', fit: stackedColumns }
	])(
		'$name: the objects given for the width asked last, frozen; another width, new ones',
		({ fit }) => {
			const first = fit(1000);
			expect(fit(1000)).toBe(first);
			expect(fit(1000).columns[0]).toBe(first.columns[0]);
			expect(Object.isFrozen(first) && Object.isFrozen(first.columns)).toBe(true);
			expect(first.columns.every((column) => Object.isFrozen(column))).toBe(true);
			const other = fit(800);
			expect(other).not.toBe(first);
			expect(other.valueX).not.toBe(first.valueX);
			// Back to the first width: the same figures (a new answer: only the last width is kept).
			expect(fit(1000)).toEqual(first);
		}
	);
});
