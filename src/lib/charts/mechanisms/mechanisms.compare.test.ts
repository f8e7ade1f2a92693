import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Dataset, type Milestone } from '$lib/data/schema';
import { phaseRank } from '$lib/data/derive';
import { DEFAULT_VIEW_STATE } from '$lib/state/view-state';
import {
	approvalsKey,
	categoryKey,
	classKey,
	companiesKey,
	conjugationClass,
	differenceSummary,
	formatClass,
	isCompared,
	linkerClass,
	notComparedNote,
	payloadClass,
	phasesKey,
	ROW_COMPARISON,
	stripAsides
} from './mechanisms.compare';
import { layoutMatrix, ROWS, type MatrixOptions, type RowId } from './mechanisms.layout';

describe('which rows are compared', () => {
	it.each<[RowId, boolean]>([
		['target', true],
		['domains', true],
		['biparatopic', true],
		['modality', true],
		['format', true],
		['effector', false],
		['platform', true],
		['payload', true],
		['linker', true],
		['dar', true],
		['conjugation', true],
		['originator', true],
		['partners', false],
		['phases', true],
		['approvals', true],
		['readouts', false],
		['headline', false]
	])('%s compared: %s', (row, compared) => {
		expect(isCompared(row)).toBe(compared);
	});

	it('has a rule for every row', () => {
		expect(Object.keys(ROW_COMPARISON).sort()).toEqual(ROWS.map((r) => r.id).sort());
	});
});

describe('normalising a named category', () => {
	it.each([
		['Azymetric (Zymeworks)', 'azymetric'],
		['CRIB (Alphamab proprietary)', 'crib'],
		['  HER2 ', 'her2'],
		['A (b (c) d) e', 'a e'],
		['Non‑cleavable  linker.', 'non-cleavable linker'],
		['Antibody–drug conjugate', 'antibody-drug conjugate'],
		['Azymetric.;', 'azymetric']
	])('categoryKey(%j) = %j', (text, key) => {
		expect(categoryKey(text)).toBe(key);
	});

	it('strips nested asides', () => {
		expect(stripAsides('X (from Y (Z)) W')).toBe('X  W');
	});
});

describe('classifiers', () => {
	it.each([
		['Recombinant humanized bispecific antibody', 'bispecific antibody'],
		['Humanized bispecific IgG1-like antibody', 'bispecific antibody'],
		['Fc-based heterodimeric IgG1-like bispecific', 'bispecific antibody'],
		['Biparatopic antibody conjugated to a cytotoxic payload', 'bispecific antibody conjugate'],
		[
			'ADC built on the recombinant humanized anti-HER2 bispecific antibody KN026',
			'bispecific antibody conjugate'
		],
		['Recombinant humanized IgG1κ monoclonal antibody', 'monoclonal antibody'],
		['Humanised IgG1', 'monoclonal antibody'],
		['Humanized IgG1 (trastuzumab) conjugated to DM1', 'monoclonal antibody conjugate'],
		['Oral tyrosine kinase inhibitor', null],
		// conjugated, but to what is not said: no class
		['Site-specific ADC', null]
	])('formatClass(%j) = %j', (text, expected) => {
		expect(formatClass(text)).toBe(expected);
	});

	it.each([
		['Topoisomerase I inhibitor', 'topoisomerase I inhibitor'],
		['DXd (topoisomerase I inhibitor)', 'topoisomerase I inhibitor'],
		['Deruxtecan', 'topoisomerase I inhibitor'],
		['DM1 (microtubule-disrupting agent)', 'microtubule inhibitor'],
		['Monomethyl auristatin E (MMAE)', 'microtubule inhibitor'],
		['PBD dimer', 'DNA-damaging agent'],
		['A novel payload', null]
	])('payloadClass(%j) = %j', (text, expected) => {
		expect(payloadClass(text)).toBe(expected);
	});

	it.each([
		['Cleavable linker', 'cleavable'],
		['Tetrapeptide-based cleavable linker (maleimide GGFG peptide)', 'cleavable'],
		['Non-cleavable thioether linker (SMCC)', 'non-cleavable'],
		['Noncleavable', 'non-cleavable'],
		['Non cleavable maleimide', 'non-cleavable'],
		// A peptide linker is not assumed to be cleavable: the text does not say.
		['Dibenzocyclooctyne tetrapeptide linker', null]
	])('linkerClass(%j) = %j', (text, expected) => {
		expect(linkerClass(text)).toBe(expected);
	});

	it.each([
		['Site specific', 'site-specific'],
		['Site-specific, glycan-specific conjugation at the N-glycosylation site', 'site-specific'],
		['Glycan-specific (site-specific)', 'site-specific'],
		['Stochastic lysine conjugation', 'stochastic'],
		['Via engineered cysteines', null]
	])('conjugationClass(%j) = %j', (text, expected) => {
		expect(conjugationClass(text)).toBe(expected);
	});

	it('compares unclassified text as written, normalised', () => {
		expect(classKey('Dibenzocyclooctyne  tetrapeptide linker', linkerClass)).toBe(
			'dibenzocyclooctyne tetrapeptide linker'
		);
		expect(classKey('Cleavable linker', linkerClass)).toBe('cleavable');
	});

	it.each([
		[
			'Alphamab Oncology (Jiangsu Alphamab Biopharmaceuticals); co-developed with JMT-Bio (CSPC)',
			'alphamab oncology|jmt-bio'
		],
		['Alphamab Oncology; co-developed with JMT-Bio (CSPC)', 'alphamab oncology|jmt-bio'],
		['Zymeworks', 'zymeworks'],
		['Chia Tai Tianqing (CTTQ)', 'chia tai tianqing'],
		// the names as a set: any order, an empty part or a repeat names no one else
		['JMT-Bio; Alphamab Oncology;', 'alphamab oncology|jmt-bio'],
		['Zymeworks; Zymeworks (Vancouver)', 'zymeworks'],
		['co-developed with JMT-Bio; Alphamab Oncology', 'alphamab oncology|jmt-bio'],
		['Alphamab Oncology; partnered  with JMT-Bio', 'alphamab oncology|jmt-bio'],
		// only a leading "developed with" is dropped: it is not a company's name
		['Zymeworks partnered with Jazz', 'zymeworks partnered with jazz']
	])('companiesKey(%j) = %j', (text, key) => {
		expect(companiesKey(text)).toBe(key);
	});

	it('compares the furthest phase, not the regions', () => {
		expect(phasesKey(['phase 1', 'approved', 'phase 3'], phaseRank)).toBe('approved');
		expect(phasesKey([], phaseRank)).toBe('');
	});

	it('compares the approving agencies as a set, expected apart', () => {
		const m = (agency: Milestone['agency'], status: Milestone['status'] = 'actual') => ({
			agency,
			region: null,
			status
		});
		expect(approvalsKey([m('FDA'), m('NMPA'), m('FDA')])).toBe('fda|nmpa');
		expect(approvalsKey([m('NMPA'), m('FDA')])).toBe('fda|nmpa');
		expect(approvalsKey([m('NMPA', 'expected')])).toBe('nmpa (expected)');
	});
});

describe('the count a reader sees', () => {
	it.each([
		[{ differingRows: 5, comparedRows: 13, columns: 4 }, null, '5 of 13 compared rows differ.'],
		[
			{ differingRows: 1, comparedRows: 13, columns: 2 },
			'KN026',
			'1 of 13 compared rows differs from KN026.'
		],
		[{ differingRows: 0, comparedRows: 13, columns: 2 }, null, 'All 13 compared rows agree.'],
		[
			{ differingRows: 0, comparedRows: 2, columns: 2 },
			'KN026',
			'All 2 compared rows agree with KN026.'
		],
		[{ differingRows: 1, comparedRows: 1, columns: 2 }, null, '1 of 1 compared row differs.'],
		[{ differingRows: 0, comparedRows: 1, columns: 2 }, null, 'All 1 compared row agree.'],
		[{ differingRows: 0, comparedRows: 13, columns: 1 }, null, null],
		[{ differingRows: 0, comparedRows: 0, columns: 3 }, null, null]
	])('%j, reference %s: %j', (counts, reference, expected) => {
		expect(differenceSummary(counts, reference)).toBe(expected);
	});

	it('names the rows shown that are not compared, with why', () => {
		expect(
			notComparedNote([
				{ id: 'modality', label: 'Modality' },
				{ id: 'effector', label: 'Fc / effector' },
				{ id: 'readouts', label: 'Readouts' }
			])
		).toBe('Not compared: Fc / effector (free text), Readouts (a count).');
		expect(notComparedNote([{ id: 'modality', label: 'Modality' }])).toBeNull();
	});
});

describe('differences on real data', () => {
	const options = (patch: Partial<MatrixOptions> = {}): MatrixOptions => ({
		...structuredClone(DEFAULT_VIEW_STATE.mechanisms),
		...patch
	});
	const load = (path: string) => Dataset.parse(JSON.parse(readFileSync(path, 'utf8')));
	const only = (dataset: Dataset, ids: string[]) => ({
		...dataset,
		assets: dataset.assets.filter((a) => ids.includes(a.id))
	});
	const differing = (dataset: Dataset, ids: string[]) =>
		layoutMatrix(only(dataset, ids), options())
			.rows.filter((r) => r.differs)
			.map((r) => r.id);

	it('KN026 and zanidatamab (built-in): two wordings of one format do not differ', () => {
		const her2 = load('static/data/her2.json');
		const rows = differing(her2, ['kn026', 'zanidatamab']);
		expect(rows).not.toContain('format');
		expect(rows).not.toContain('readouts');
		expect(rows).not.toContain('headline');
		expect(rows).toEqual(expect.arrayContaining(['platform', 'originator']));
	});

	it('T-DXd and JSKN003 (built-in): one payload class, stated in different words', () => {
		const her2 = load('static/data/her2.json');
		const rows = differing(her2, ['trastuzumab-deruxtecan', 'jskn003']);
		expect(rows).not.toContain('payload');
		expect(rows).toContain('format');
	});

	it('the fixture: originator aliases agree; every compared row counts once', () => {
		const fixture = load('tests/fixtures/mechanisms-her2.json');
		const layout = layoutMatrix(only(fixture, ['trastuzumab', 'pertuzumab']), options());
		expect(layout.comparedRows).toBe(13);
		expect(layout.rows.filter((r) => r.differs).map((r) => r.id)).toEqual(
			layout.rows.filter((r) => r.compared && r.differs).map((r) => r.id)
		);
		expect(layout.rows.find((r) => r.id === 'originator')?.differs).toBe(false);
	});
});
