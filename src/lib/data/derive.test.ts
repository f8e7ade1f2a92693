/**
 * One answer everywhere: the Overview card and the mechanism matrix name the same key readout,
 * in the same words, for every asset of the built-in dataset and of a synthetic landscape; and
 * the highest phase the matrix prints is the one the Overview and the filters use.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Dataset } from './schema';
import { formatReadoutLine, programsHighestPhase, highestPhase, sameCompany } from './derive';
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
