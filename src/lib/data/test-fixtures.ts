/**
 * Small hand-built records for the data folder's unit tests (parsed by the schema, so defaults are
 * filled in as for real data). Not real data.
 */
import { Program, Readout, type Phase } from './schema';

export const SRC = [{ id: 's1', quote: 'a quote from the source' }];

/** Every asset attribute unknown: spread into an asset record, then override what a test needs. */
export const UNKNOWN_ATTRIBUTES = {
	target: { value: null },
	modality: { value: null },
	format: { value: null },
	domains: { value: null },
	biparatopic: { value: null },
	effector: { value: null },
	platform: { value: null },
	payload: { value: null },
	linker: { value: null },
	dar: { value: null },
	conjugation: { value: null },
	originator: { value: null }
};

/** An ORR of 50 % in 10 patients of trial t1 (asset a1, 2L gastric); `over` changes the rest. */
export function readout(over: Partial<Readout> & { id: string }): Readout {
	return Readout.parse({
		trial: 't1',
		asset: 'a1',
		arm: 'A1 mono',
		armRole: 'investigational',
		indication: 'Gastric',
		indicationGroup: 'gastric',
		line: '2L',
		biomarker: 'HER2+',
		population: 'efficacy-evaluable',
		endpoint: 'ORR',
		value: 50,
		unit: '%',
		ci: null,
		n: 10,
		maturity: 'primary',
		dataCut: '2024-01',
		sources: SRC,
		...over
	});
}

/** A gastric program of `asset` in `region`, its phases as [phase, status, start?]. */
export function program(
	id: string,
	region: string,
	phases: [Phase, 'actual' | 'expected', string?][],
	asset = 'a1'
): Program {
	return Program.parse({
		id,
		asset,
		indication: 'Gastric',
		indicationGroup: 'gastric',
		line: null,
		biomarker: null,
		region,
		phases: phases.map(([phase, status, start]) => ({
			phase,
			status,
			start: start ?? null,
			sources: SRC
		})),
		sources: SRC
	});
}
