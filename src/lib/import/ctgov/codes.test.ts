import { describe, expect, it } from 'vitest';
import { designFrom, phaseFromCodes, regionFromCountries, registryDatePrecision } from './codes';

describe('registry phases → the landscape phase', () => {
	it.each([
		// Early phase 1 counts as phase 1, also next to phase 2.
		[['EARLY_PHASE1', 'PHASE2'], 'phase 1/2'],
		[['PHASE2', 'PHASE1'], 'phase 1/2'],
		[['PHASE3', 'PHASE2'], 'phase 2/3'],
		[['PHASE2', 'PHASE2'], 'phase 2'],
		// Post-marketing or "not applicable" anywhere in the list: no development phase.
		[['PHASE4'], null],
		[['PHASE2', 'PHASE3', 'PHASE4'], null],
		[['NA', 'PHASE1', 'PHASE2'], null],
		// Phases that are not neighbours, or codes the model has no phase for.
		[['PHASE1', 'PHASE3'], null],
		[['PHASE1', 'PHASE2', 'PHASE3'], 'phase 1/2'],
		[['PHASE9'], null]
	])('%j → %s', (codes, phase) => expect(phaseFromCodes(codes)).toBe(phase));
});

describe('registry allocation and model → the trial design', () => {
	it.each([
		['RANDOMIZED', 'SINGLE_GROUP', 'randomised'],
		['NON_RANDOMIZED', 'SINGLE_GROUP', 'non-randomised multi-arm'],
		['NA', 'PARALLEL', 'unknown'],
		[undefined, 'CROSSOVER', 'unknown'],
		[undefined, undefined, 'unknown']
	])('allocation %s, model %s → %s', (allocation, model, design) =>
		expect(designFrom(allocation, model)).toBe(design)
	);
});

describe('registry dates', () => {
	it.each([
		['2026-01', 'month'],
		['2026-09', 'month'],
		['2026-10', 'month'],
		['2026-12', 'month'],
		['2026-01-01', 'day'],
		['2026-09-09', 'day'],
		['2026-10-10', 'day'],
		['2026-12-19', 'day'],
		['2026-12-20', 'day'],
		['2026-12-29', 'day'],
		['2026-12-30', 'day'],
		['2026-12-31', 'day'],
		['2024-02-29', 'day']
	])('%s is a date to the %s', (text, precision) =>
		expect(registryDatePrecision(text)).toBe(precision)
	);

	it.each([
		'2026-00',
		'2026-13',
		'2026-1',
		'26-11',
		'12026-11',
		'x2026-11',
		'2026-11x',
		'2026-11-00',
		'2026-11-32',
		'2026-11-1',
		'2026-11-15x',
		'x2026-11-15',
		'12026-11-15',
		'2026-11-15-01',
		'2026-13-01',
		'abcd-11-15',
		// Days a month does not have.
		'2026-11-31',
		'2025-02-29',
		'2026-04-31'
	])('%s is refused', (text) => expect(registryDatePrecision(text)).toBeNull());
});

describe('site countries → the region', () => {
	it.each([
		[['United Kingdom'], 'UK'],
		[['Korea, Republic of'], 'South Korea'],
		[['Japan'], 'Japan'],
		// The same country under the registry's name and the landscape's counts once.
		[['United States', 'US'], 'US'],
		[['Spain', 'France'], 'France and Spain'],
		[['United States', 'Japan', 'China'], 'China, Japan and US'],
		[['Spain', 'France', 'Japan', 'Italy', 'China'], 'Multinational (5 countries)']
	])('%j → %s', (countries, region) => expect(regionFromCountries(countries)).toBe(region));
});
