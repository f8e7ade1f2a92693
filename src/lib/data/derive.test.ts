/**
 * One answer everywhere: the Overview card and the mechanism matrix name the same key readout,
 * in the same words, for every asset of the built-in dataset and of a synthetic landscape; and
 * the highest phase the matrix prints is the one the Overview and the filters use.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Dataset, Readout, Trial, type Phase } from './schema';
import { program, readout } from './test-fixtures';
import {
	evidenceDate,
	formatCi,
	formatReadoutLine,
	formatReadoutValue,
	highestPhase,
	highestPhaseByRegion,
	keyReadout,
	phaseLabel,
	phaseRank,
	programHighestPhase,
	programsHighestPhase,
	reachedPhase as reachedPhaseOf,
	readoutDecimals,
	sameCompany
} from './derive';
import { summarizeAsset } from './summary';
import { reachedPhase } from '$lib/query/filter';
import { layoutMatrix } from '$lib/charts/mechanisms/mechanisms.layout';
import { DEFAULT_VIEW_STATE, MECHANISM_GROUPS } from '$lib/state/view-state';
import { phaseChip } from '$lib/charts/mechanisms/encoding';
import { synthesize } from '../../../scripts/synth-dataset';

const builtIn = Dataset.parse(JSON.parse(readFileSync('static/data/her2.json', 'utf8')));
const synthetic = synthesize(builtIn, { scale: 3, seed: 7 });

describe.each([
	['the built-in dataset', builtIn],
	['a synthetic 3× landscape', synthetic]
])('Overview and matrix agree on %s', (_, dataset) => {
	const matrix = layoutMatrix(dataset, {
		...DEFAULT_VIEW_STATE.mechanisms,
		groups: [...MECHANISM_GROUPS]
	});
	const headline = matrix.rows.find((row) => row.id === 'headline');

	it('has a headline row and a column per asset', () => {
		expect(headline).toBeDefined();
		expect(matrix.columns).toHaveLength(dataset.assets.length);
	});

	it.each(dataset.assets.map((a) => [a.id, a] as const))('%s: the same key readout', (_, asset) => {
		const summary = summarizeAsset(dataset, asset);
		const cell = headline!.cells.find((c) => c.assetId === asset.id)!;
		if (summary.keyReadout === null) {
			expect(cell.state).toBe('none');
		} else {
			const trial = summary.keyTrial ?? undefined;
			expect(cell.text).toBe(formatReadoutLine(summary.keyReadout, trial));
		}
	});

	it.each(dataset.assets.map((a) => [a.id, a] as const))(
		'%s: the same highest phase',
		(_, asset) => {
			const programs = dataset.programs.filter((p) => p.asset === asset.id);
			const phase = highestPhase(dataset.programs, asset.id);
			expect(programsHighestPhase(programs)).toBe(phase);
			const column = matrix.columns.find((c) => c.assetId === asset.id)!;
			expect(column.highestPhase?.label ?? null).toBe(phase ? phaseChip(phase).label : null);
			const reached = programs.map(reachedPhase).filter(Boolean);
			expect(reached.includes(phase) || phase === null).toBe(true);
		}
	);
});

describe('sameCompany', () => {
	it.each([
		['Alphamab Oncology', 'Alphamab Oncology', true],
		['Alphamab Oncology (Jiangsu Alphamab Biopharmaceuticals)', 'Alphamab Oncology', true],
		['alphamab  oncology', 'Alphamab Oncology Ltd', true],
		['Alphamab', 'Alphabet', false],
		['', 'Alphamab', false],
		[null, 'Alphamab', false]
	])('sameCompany(%s, %s) = %s', (a, b, expected) => {
		expect(sameCompany(a, b)).toBe(expected);
	});
});

// ---------------------------------------------------------------------------------------------
// The rules themselves, on small records
// ---------------------------------------------------------------------------------------------

const ci = (low: number | 'NR' | null, high: number | 'NR' | null, level = 0.95) => ({
	level,
	low,
	high,
	method: null
});

describe('the headline figure of a readout', () => {
	it.each<[string, Partial<Readout>, number | undefined, string]>([
		['a rate as given', { value: 76.4 }, undefined, '76.4%'],
		['a rate to the decimals asked for', { value: 63 }, 1, '63.0%'],
		[
			'a median in months, approximate',
			{ value: 12, unit: 'months', approximate: true },
			0,
			'≈ 12 months'
		],
		['a ratio without a unit', { value: 0.56, unit: 'ratio' }, undefined, '0.56'],
		[
			'a median not reached',
			{ value: null, unit: 'months', notReached: true, approximate: true },
			undefined,
			'NR'
		],
		['a range only', { value: null, range: { low: 10, high: 15 } }, undefined, '10–15%'],
		[
			'an approximate range',
			{ value: null, range: { low: 10, high: 15 }, approximate: true },
			undefined,
			'≈ 10–15%'
		],
		['no figure at all', { value: null }, undefined, 'Unknown']
	])('%s', (_, over, decimals, text) => {
		expect(formatReadoutValue(readout({ id: 'r', ...over }), decimals)).toBe(text);
	});
});

describe('the confidence interval of a readout', () => {
	it.each<[string, Partial<Readout>, number | undefined, string]>([
		['none given', { ci: null }, undefined, ''],
		['neither bound known', { ci: ci(null, null) }, undefined, ''],
		[
			'bounds padded to the value’s precision',
			{ value: 76.4, ci: ci(63, 86.8) },
			undefined,
			'95% CI 63.0–86.8'
		],
		[
			'bounds padded to the finest bound',
			{ value: 12, ci: ci(9.75, 14) },
			undefined,
			'95% CI 9.75–14.00'
		],
		[
			'at most four decimals',
			{ value: 0.123456, ci: ci(0.1, 0.2) },
			undefined,
			'95% CI 0.1000–0.2000'
		],
		['to the decimals asked for', { value: 76.4, ci: ci(63, 86.8) }, 2, '95% CI 63.00–86.80'],
		['an unknown upper bound', { value: 12, ci: ci(9.7, null) }, undefined, '95% CI 9.7–?'],
		['an unknown lower bound', { value: 12, ci: ci(null, 15.5) }, undefined, '95% CI ?–15.5'],
		[
			'an open upper bound',
			{ value: null, notReached: true, ci: ci(9.7, 'NR') },
			undefined,
			'95% CI 9.7–NR'
		],
		['a 90% level', { value: 0.56, ci: ci(0.4, 0.78, 0.9) }, undefined, '90% CI 0.40–0.78'],
		['a 97.5% level', { value: 0.56, ci: ci(0.4, 0.78, 0.975) }, undefined, '97.5% CI 0.40–0.78']
	])('%s', (_, over, decimals, text) => {
		expect(formatCi(readout({ id: 'r', ...over }), decimals)).toBe(text);
	});

	it('one precision for the value and its bounds: the finest of them, at most four decimals', () => {
		expect(readoutDecimals(readout({ id: 'r', value: 76.4, ci: ci(63, 86.85) }))).toBe(2);
		expect(readoutDecimals(readout({ id: 'r', value: 12 }))).toBe(0);
		expect(readoutDecimals(readout({ id: 'r', value: null, notReached: true }))).toBe(0);
		expect(readoutDecimals(readout({ id: 'r', value: 0.123456 }))).toBe(4);
	});

	it('a landmark rate names its time point', () => {
		const rate = readout({
			id: 'r',
			endpoint: 'PFS-rate',
			landmarkMonths: 12,
			value: 45.2,
			n: null
		});
		expect(formatReadoutLine(rate, null)).toBe('PFS-rate at 12 months 45.2%');
	});
});

describe('which readout an asset’s card shows', () => {
	it('a median not reached and a range-only rate are figures; the evidence date falls back to the presentation', () => {
		const nr = readout({
			id: 'nr',
			endpoint: 'mDOR',
			unit: 'months',
			value: null,
			notReached: true
		});
		expect(keyReadout([readout({ id: 'none', value: null }), nr], 'a1')?.id).toBe('nr');
		const range = readout({ id: 'range', value: null, range: { low: 10, high: 15 } });
		expect(keyReadout([range], 'a1')?.id).toBe('range');

		const presented = readout({
			id: 'p',
			dataCut: null,
			presentedAt: { venue: 'ESMO', date: '2024-09' }
		});
		expect(evidenceDate(presented)).toBe('2024-09');
		expect(evidenceDate(readout({ id: 'c', dataCut: '2024-03' }))).toBe('2024-03');
		expect(evidenceDate(readout({ id: 'u', dataCut: null }))).toBeNull();
	});

	it('the order readouts are listed in decides only a full tie', () => {
		const trials = [
			Trial.parse({ ...builtIn.trials[0]!, id: 'p1', phase: 'phase 1' }),
			Trial.parse({ ...builtIn.trials[0]!, id: 'p3', phase: 'phase 3' })
		];
		const pick = (...readouts: Readout[]) => keyReadout(readouts, 'a1', trials)?.id;
		// A higher phase listed first is not displaced by a later, lower-phase one.
		expect(
			pick(readout({ id: 'ph3', trial: 'p3', n: 5 }), readout({ id: 'ph1', trial: 'p1', n: 500 }))
		).toBe('ph3');
		// A dated readout listed first is not displaced by an undated one with more patients.
		expect(
			pick(readout({ id: 'dated', n: 5 }), readout({ id: 'undated', dataCut: null, n: 500 }))
		).toBe('dated');
		// Two undated readouts: the larger n, whichever comes first.
		expect(
			pick(
				readout({ id: 'big', dataCut: null, n: 50 }),
				readout({ id: 'small', dataCut: null, n: 10 })
			)
		).toBe('big');
		expect(
			pick(
				readout({ id: 'small', dataCut: null, n: 10 }),
				readout({ id: 'big', dataCut: null, n: 50 })
			)
		).toBe('big');
	});

	it('takes the trials as a list or as a lookup by id, alike', () => {
		const trials = builtIn.trials;
		for (const asset of builtIn.assets.slice(0, 10)) {
			const byList = keyReadout(builtIn.readouts, asset.id, trials);
			const byMap = keyReadout(builtIn.readouts, asset.id, new Map(trials.map((t) => [t.id, t])));
			expect(byMap).toBe(byList);
		}
	});
});

describe('phases', () => {
	it('a phase the vocabulary does not know ranks below every known one', () => {
		expect(phaseRank('phase 9' as Phase)).toBeLessThan(phaseRank('preclinical'));
		expect(phaseRank('preclinical')).toBeLessThan(phaseRank('phase 1'));
	});

	it('prints a phase with a capital', () => {
		expect(phaseLabel('phase 1/2')).toBe('Phase 1/2');
		expect(phaseLabel('filed')).toBe('Filed');
	});

	it('names every program that reached a region’s highest phase, once', () => {
		const phases = highestPhaseByRegion(
			[
				program('early', 'US', [['phase 1', 'actual']]),
				program('p1', 'US', [
					['phase 2', 'actual'],
					['phase 2', 'actual']
				]),
				program('p2', 'US', [['phase 2', 'actual']]),
				program('planned', 'US', [['phase 2', 'expected']])
			],
			'a1'
		);
		expect(phases).toEqual([{ region: 'US', phase: 'phase 2', programs: ['p1', 'p2'] }]);
		// A program of a lower phase listed after the region's highest is not named.
		expect(
			highestPhaseByRegion(
				[
					program('solo', 'EU', [['phase 3', 'actual']]),
					program('behind', 'EU', [['phase 1', 'actual']])
				],
				'a1'
			)
		).toEqual([{ region: 'EU', phase: 'phase 3', programs: ['solo'] }]);
	});

	it('a program’s furthest actual phase, whatever the order it lists them in', () => {
		const p = program('p', 'US', [
			['phase 2', 'actual', '2021-03'],
			['phase 1', 'actual', '2019-05'],
			['phase 3', 'expected', '2026']
		]);
		expect(programHighestPhase(p)).toMatchObject({ phase: 'phase 2', start: '2021-03' });
		expect(reachedPhaseOf(p)).toBe('phase 2');
		expect(programHighestPhase(program('q', 'US', [['phase 3', 'expected']]))).toBeNull();
		// A phase listed twice: its first entry (and its start date) stands.
		const twice = program('t', 'US', [
			['phase 2', 'actual', '2021-03'],
			['phase 2', 'actual', '2022-01']
		]);
		expect(programHighestPhase(twice)?.start).toBe('2021-03');
		expect(reachedPhaseOf(program('q', 'US', [['phase 3', 'expected']]))).toBeNull();
	});

	it('the furthest actual phase across programs, null when none', () => {
		const early = program('a', 'US', [['phase 1', 'actual']]);
		const late = program('b', 'EU', [['phase 3', 'actual']]);
		const planned = program('c', 'JP', [['approved', 'expected']]);
		expect(programsHighestPhase([early, late, planned])).toBe('phase 3');
		expect(programsHighestPhase([late, early])).toBe('phase 3');
		expect(programsHighestPhase([planned])).toBeNull();
		expect(programsHighestPhase([])).toBeNull();
	});
});

describe('sameCompany, more', () => {
	it.each([
		['(Jiangsu Alphamab)', '(Alphamab)', false],
		['Alphamab', 'Alphamab Oncology', true],
		['Alphamab', 'Alphamabx', false],
		['Alphamab\tOncology', 'alphamab oncology', true],
		['Alphamab (Jiangsu) Oncology', 'Alphamab Oncology', true],
		['Alphamab Oncology (Jiangsu)', 'Alphamab Oncology Ltd', true],
		['(Jiangsu)', 'Alphamab', false],
		['Alphamab', '(Jiangsu)', false],
		['Alphamab Oncology Ltd', 'Alphamab', true]
	])('sameCompany(%s, %s) = %s', (a, b, expected) => {
		expect(sameCompany(a, b)).toBe(expected);
	});
});
