import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
	Dataset,
	type Asset,
	type Deal,
	type Milestone,
	type Program,
	type Readout
} from '$lib/data/schema';
import { buildCell, indexByAsset } from './mechanisms.cells';
import type { MatrixInput } from './mechanisms.types';
import type { RowId } from './mechanisms.rows';

const dataset = Dataset.parse(
	JSON.parse(readFileSync('tests/fixtures/mechanisms-her2.json', 'utf8'))
);
const byId = <T extends { id: string }>(list: readonly T[], id: string): T => {
	const found = list.find((x) => x.id === id);
	if (!found) throw new Error(`no ${id} in the fixture`);
	return found;
};

/** KN026 (originator Alphamab Oncology) with some attributes replaced. */
const kn026 = (patch: Partial<Asset> = {}): Asset => ({
	...byId(dataset.assets, 'kn026'),
	...patch
});
const source = { id: 's-kn026', quote: 'fixture quote' };
/** A sourced attribute: known unless `approximate`, applicable unless said otherwise. */
const attr = <T>(value: T | null, patch: Partial<Omit<Asset['target'], 'value'>> = {}) => ({
	value,
	applicable: true,
	approximate: false,
	sources: [source],
	...patch
});

const records = (patch: Partial<MatrixInput> = {}) =>
	indexByAsset({
		assets: [],
		programs: [],
		milestones: [],
		readouts: [],
		deals: [],
		trials: dataset.trials,
		...patch
	});
const build = (rowId: RowId, asset: Asset = kn026(), patch: Partial<MatrixInput> = {}) =>
	buildCell(rowId, asset, records(patch));

describe('a cell', () => {
	it('is named by its row and asset, starts as not differing, with no details', () => {
		const c = build('target');
		expect(c).toMatchObject({ id: 'target:kn026', rowId: 'target', assetId: 'kn026' });
		expect(c.differs).toBe(false);
		expect(c.details).toEqual([]);
		expect(build('partners').id).toBe('partners:kn026');
	});
});

describe('attribute cells', () => {
	it('a known value: its text, sources and note, no marker or glyph on a plain text row', () => {
		const c = build('target', kn026({ target: attr('HER2', { note: 'Per the label.' }) }));
		expect(c.state).toBe('known');
		expect(c.text).toBe('HER2');
		expect(c.items).toEqual([{ text: 'HER2', sources: [source], note: 'Per the label.' }]);
		expect(c.note).toBe('Per the label.');
		expect(c.marker).toBeNull();
		expect(c.glyph).toBeNull();
	});

	it('a value without a note has no note, on the cell or its item', () => {
		const c = build('target', kn026({ target: attr('HER2') }));
		expect(c.note).toBeNull();
		expect(c.items).toEqual([{ text: 'HER2', sources: [source] }]);
	});

	it('an approximate value is printed with ≈', () => {
		const c = build('dar', kn026({ dar: attr(4, { approximate: true }) }));
		expect(c.state).toBe('approximate');
		expect(c.text).toBe('≈4');
		expect(build('dar', kn026({ dar: attr(8) }))).toMatchObject({ state: 'known', text: '8' });
	});

	it('a value the sources do not give is Unknown, with the sources that were read', () => {
		const c = build('effector', kn026({ effector: attr(null, { note: 'Not in the abstract.' }) }));
		expect(c.state).toBe('unknown');
		expect(c.text).toBe('Unknown');
		expect(c.items).toEqual([{ text: 'Unknown', sources: [source], note: 'Not in the abstract.' }]);
		expect(c.note).toBe('Not in the abstract.');
		expect(c.glyph).toBeNull();
		expect(c.marker).toBeNull();
	});

	it('an attribute that does not apply is n/a, with its reason', () => {
		const c = build(
			'payload',
			kn026({ payload: attr(null, { applicable: false, note: 'Unconjugated antibody.' }) })
		);
		expect(c.state).toBe('na');
		expect(c.text).toBe('n/a');
		expect(c.items).toEqual([{ text: 'n/a', sources: [source], note: 'Unconjugated antibody.' }]);
		expect(c.note).toBe('Unconjugated antibody.');
		expect(c.glyph).toBeNull();
		const plain = build('payload', kn026({ payload: attr(null, { applicable: false }) }));
		expect(plain.items).toEqual([{ text: 'n/a', sources: [source] }]);
	});

	it('unknown and n/a are different from every value and from each other', () => {
		const unknown = build('linker', kn026({ linker: attr(null) })).compareKey;
		const na = build('linker', kn026({ linker: attr(null, { applicable: false }) })).compareKey;
		const known = build('linker', kn026({ linker: attr('cleavable') })).compareKey;
		expect(new Set([unknown, na, known]).size).toBe(3);
	});

	it('the domains row draws the glyph: bound domains, unknown or n/a', () => {
		const known = build('domains', kn026({ domains: attr(['IV', 'II']) }));
		expect(known.text).toBe('II and IV');
		expect(known.glyph?.status).toBe('known');
		expect(known.glyph?.boxes.filter((b) => b.bound).map((b) => b.domain)).toEqual(['II', 'IV']);
		expect(known.marker).toBeNull();
		expect(build('domains', kn026({ domains: attr(null) })).glyph?.status).toBe('unknown');
		expect(
			build('domains', kn026({ domains: attr(null, { applicable: false }) })).glyph?.status
		).toBe('na');
	});

	it('domains compare as a set, whatever order the source lists them in', () => {
		const a = build('domains', kn026({ domains: attr(['IV', 'II']) })).compareKey;
		const b = build('domains', kn026({ domains: attr(['II', 'IV']) })).compareKey;
		const c = build('domains', kn026({ domains: attr(['IV']) })).compareKey;
		expect(a).toBe(b);
		expect(a).not.toBe(c);
		// Domains I and II are not domain III, though their names run together.
		const oneAndTwo = build('domains', kn026({ domains: attr(['I', 'II']) })).compareKey;
		const three = build('domains', kn026({ domains: attr(['III']) })).compareKey;
		expect(oneAndTwo).not.toBe(three);
	});

	it('biparatopic is Yes or No, with a marker, compared as yes or no', () => {
		const yes = build('biparatopic', kn026({ biparatopic: attr(true) }));
		const no = build('biparatopic', kn026({ biparatopic: attr(false) }));
		expect(yes.text).toBe('Yes');
		expect(no.text).toBe('No');
		expect(yes.marker?.key).toBe('yes');
		expect(no.marker?.key).toBe('no');
		expect(yes.glyph).toBeNull();
		expect(yes.compareKey).not.toBe(no.compareKey);
	});

	it('modality is printed in words, with its marker, compared on the modality', () => {
		type Modality = NonNullable<Asset['modality']['value']>;
		const cell = (m: Modality) => build('modality', kn026({ modality: attr(m) }));
		const adc = cell('antibody-drug conjugate');
		expect(adc.text).toBe('Antibody–drug conjugate');
		expect(adc.marker).toMatchObject({ key: 'antibody-drug conjugate', shape: 'triangle' });
		expect(adc.glyph).toBeNull();
		expect(adc.compareKey).not.toBe(cell('bispecific antibody').compareKey);
		expect(cell('bispecific antibody').compareKey).toBe(cell('bispecific antibody').compareKey);
	});

	it('payload is capitalised and compared on its class', () => {
		const cell = (p: string) => build('payload', kn026({ payload: attr(p) }));
		expect(cell('topoisomerase I inhibitor').text).toBe('Topoisomerase I inhibitor');
		expect(cell('deruxtecan (DXd)').compareKey).toBe(cell('exatecan derivative').compareKey);
		expect(cell('deruxtecan (DXd)').compareKey).not.toBe(cell('MMAE').compareKey);
	});

	it.each<[RowId, keyof Asset, string, string, boolean]>([
		// [row, attribute, one text, another, same category?]
		['target', 'target', 'HER2 (ERBB2)', 'her2', true],
		['target', 'target', 'HER2', 'HER3', false],
		['format', 'format', 'Bispecific IgG1 antibody', 'bispecific antibody (biparatopic)', true],
		['format', 'format', 'Bispecific IgG1 antibody', 'Humanised monoclonal antibody', false],
		['platform', 'platform', 'CRIB (Alphamab proprietary)', 'crib', true],
		['platform', 'platform', 'CRIB', 'Azymetric', false],
		['linker', 'linker', 'Cleavable tetrapeptide', 'enzyme-cleavable', true],
		['linker', 'linker', 'Cleavable', 'Non-cleavable thioether', false],
		['conjugation', 'conjugation', 'Glycan-specific (site-specific)', 'Site specific', true],
		['conjugation', 'conjugation', 'Site-specific', 'Stochastic lysine', false],
		[
			'originator',
			'originator',
			'Alphamab Oncology; co-developed with JMT-Bio',
			'JMT-Bio; Alphamab Oncology',
			true
		],
		['originator', 'originator', 'Alphamab Oncology', 'Zymeworks', false]
	])('%s: "%s" and "%s" are the same category: %s', (rowId, key, a, b, same) => {
		const cell = (v: string) => build(rowId, kn026({ [key]: attr(v) }));
		expect(cell(a).text).toBe(a);
		expect(cell(a).compareKey === cell(b).compareKey).toBe(same);
	});

	it('DAR compares on the ratio', () => {
		const cell = (v: number) => build('dar', kn026({ dar: attr(v) }));
		expect(cell(8).compareKey).toBe(cell(8).compareKey);
		expect(cell(8).compareKey).not.toBe(cell(4).compareKey);
		expect(cell(8).compareKey).not.toBe(build('dar', kn026({ dar: attr(null) })).compareKey);
	});

	it('effector, free text, is not compared', () => {
		const cell = (v: string) => build('effector', kn026({ effector: attr(v) }));
		expect(cell('Enhanced ADCC').text).toBe('Enhanced ADCC');
		expect(cell('Enhanced ADCC').compareKey).toBe(cell('Silenced Fc').compareKey);
		expect(cell('Enhanced ADCC').compareKey).toBe('');
	});
});

describe('partners', () => {
	const deal = (patch: Partial<Deal>): Deal => ({ ...byId(dataset.deals, 'kn026-cspc'), ...patch });

	it('lists the deals, earliest first, each with party, kind, territory, date and terms', () => {
		const c = build('partners', kn026(), {
			deals: [
				deal({ id: 'b', licensee: 'BeiGene', date: '2023-05', note: 'Option exercised.' }),
				deal({ id: 'a', date: '2021-08-16' })
			]
		});
		expect(c).toMatchObject({ id: 'partners:kn026', rowId: 'partners', state: 'known' });
		expect(c.items.map((i) => i.text)).toEqual([
			'CSPC Pharmaceutical — licence, Mainland China, 16 Aug 2021, RMB 1 billion',
			'BeiGene — licence, Mainland China, May 2023, RMB 1 billion'
		]);
		expect(c.text).toBe(c.items.map((i) => i.text).join('; '));
		expect(c.items[1]?.note).toBe('Option exercised.');
		expect(c.items[0]).not.toHaveProperty('note');
		expect(c.items[0]?.sources).toEqual(byId(dataset.deals, 'kn026-cspc').sources);
		expect(c.compareKey).toBe('');
	});

	it('says what a deal does not disclose', () => {
		const c = build('partners', kn026(), {
			deals: [deal({ territory: null, date: null, value: null })]
		});
		expect(c.text).toBe(
			'CSPC Pharmaceutical — licence, territory not disclosed, undated, terms not disclosed'
		);
	});

	it('names the other party, seen from the originator', () => {
		const party = (licensor: string, licensee: string) =>
			build('partners', kn026(), { deals: [deal({ licensor, licensee })] }).text.split(' — ')[0];
		// KN026's originator is Alphamab Oncology.
		expect(party('Alphamab Oncology', 'CSPC Pharmaceutical')).toBe('CSPC Pharmaceutical');
		expect(party('CSPC Pharmaceutical', 'Alphamab Oncology Ltd')).toBe('CSPC Pharmaceutical');
		expect(party('Jiangsu Holdings', 'CSPC Pharmaceutical')).toBe(
			'CSPC Pharmaceutical (from Jiangsu Holdings)'
		);
	});

	it('a deal covering two assets shows under both', () => {
		const shared = deal({ asset: ['kn026', 'zanidatamab'] });
		const zani = byId(dataset.assets, 'zanidatamab');
		expect(build('partners', kn026(), { deals: [shared] }).items).toHaveLength(1);
		expect(build('partners', zani, { deals: [shared] }).items).toHaveLength(1);
	});

	it('no deal: "No deals recorded", a cell of its row', () => {
		const c = build('partners', kn026(), { deals: [deal({ asset: ['zanidatamab'] })] });
		expect(c).toMatchObject({ id: 'partners:kn026', rowId: 'partners', state: 'none' });
		expect(c.text).toBe('No deals recorded');
		expect(c.items).toEqual([{ text: 'No deals recorded', sources: [] }]);
		expect(c.marker).toBeNull();
		expect(c.glyph).toBeNull();
		expect(c.note).toBeNull();
	});
});

describe('phases', () => {
	const program = (
		id: string,
		region: string,
		phases: Program['phases'],
		patch: Partial<Program> = {}
	): Program => ({
		...byId(dataset.programs, 'kn026-gc-cn'),
		id,
		region,
		phases,
		...patch
	});
	type Phase = Program['phases'][number];
	const phase = (p: Phase['phase'], patch: Partial<Phase> = {}): Phase => ({
		phase: p,
		start: null,
		knownBy: null,
		end: null,
		status: 'actual',
		sources: [source],
		...patch
	});

	it('one item a region, the furthest phase first, then regions by name', () => {
		const c = build('phases', kn026(), {
			programs: [
				program('p-eu', 'EU', [phase('phase 3')]),
				program('p-us', 'US', [phase('phase 2'), phase('approved')]),
				program('p-cn', 'China', [phase('phase 3')]),
				program('p-jp', 'Japan', [phase('phase 1')])
			]
		});
		expect(c).toMatchObject({ rowId: 'phases', id: 'phases:kn026', state: 'known' });
		expect(c.text).toBe('US: Approved; China: Phase 3; EU: Phase 3; Japan: Phase 1');
		expect(c.items.map((i) => i.chip?.label)).toEqual([
			'Approved',
			'Phase 3',
			'Phase 3',
			'Phase 1'
		]);
		expect(c.items[0]?.sources).toEqual([source]);
	});

	it("a region's furthest phase over all its programs; on a tie, the program listed first", () => {
		const c = build('phases', kn026(), {
			programs: [
				program('p-1', 'China', [phase('phase 2')], { indication: 'Breast cancer' }),
				program('p-2', 'China', [phase('phase 3')], { indication: 'Gastric cancer' }),
				program('p-3', 'China', [phase('phase 3')], { indication: 'Ovarian cancer' }),
				program('p-4', 'China', [phase('phase 1')], { indication: 'Lung cancer' })
			]
		});
		expect(c.text).toBe('China: Phase 3');
		expect(c.items[0]?.note).toMatch(/^Phase 3 in Gastric cancer/);
	});

	it('the note says where, since when, and the phase note', () => {
		const c = build('phases', kn026(), {
			programs: [
				program(
					'p-1',
					'China',
					[phase('phase 3', { start: '2023-05', note: 'Enrolment complete.' })],
					{
						indication: 'Gastric cancer',
						line: '1L'
					}
				),
				program('p-2', 'US', [phase('phase 2')], { indication: 'Breast cancer', line: null })
			]
		});
		expect(c.items.map((i) => i.note)).toEqual([
			'Phase 3 in Gastric cancer, 1L since May 2023. Enrolment complete.',
			'Phase 2 in Breast cancer.'
		]);
	});

	it('compares on the furthest phase reached in any region', () => {
		const key = (...phases: Program['phases'][number]['phase'][]) =>
			build('phases', kn026(), {
				programs: phases.map((p, i) => program(`p-${i}`, `R${i}`, [phase(p)]))
			}).compareKey;
		expect(key('phase 3', 'phase 1')).toBe(key('phase 1', 'phase 3'));
		expect(key('phase 3', 'phase 1')).toBe(key('phase 3'));
		expect(key('phase 3')).not.toBe(key('phase 2'));
	});

	it('no program in view, or none with a phase: "No programs in view"', () => {
		for (const programs of [[], [program('p', 'China', [])]]) {
			const c = build('phases', kn026(), { programs });
			expect(c).toMatchObject({ state: 'none', text: 'No programs in view', rowId: 'phases' });
		}
	});
});

describe('approvals', () => {
	const approval = (patch: Partial<Milestone>): Milestone => ({
		...byId(dataset.milestones, 'zani-fda-approval'),
		asset: 'kn026',
		...patch
	});

	it('lists the approvals only, earliest first: agency, kind, date, expected', () => {
		const c = build('approvals', kn026(), {
			milestones: [
				approval({
					id: 'c',
					agency: 'NMPA',
					approvalKind: null,
					date: '2026-H2',
					status: 'expected'
				}),
				approval({ id: 'a', agency: 'FDA', approvalKind: 'accelerated', date: '2024-11-20' }),
				approval({ id: 't', type: 'trial-start', date: '2020-01' }),
				approval({
					id: 'b',
					agency: null,
					region: 'EU',
					approvalKind: 'conditional',
					date: '2025-03',
					label: 'EU conditional approval'
				})
			]
		});
		expect(c).toMatchObject({ id: 'approvals:kn026', rowId: 'approvals', state: 'known' });
		expect(c.items.map((i) => i.text)).toEqual([
			'FDA (accelerated), 20 Nov 2024',
			'EU (conditional), Mar 2025',
			'NMPA, H2 2026, expected'
		]);
		expect(c.items[1]?.note).toBe('EU conditional approval');
		expect(c.items[0]?.sources).toEqual(approval({}).sources);
	});

	it('an approval with neither agency nor region says so', () => {
		const c = build('approvals', kn026(), {
			milestones: [approval({ agency: null, region: null, approvalKind: null, date: '2024' })]
		});
		expect(c.text).toBe('Agency not given, 2024');
	});

	it('compares on the agencies, an expected approval apart', () => {
		const key = (...ms: Partial<Milestone>[]) =>
			build('approvals', kn026(), { milestones: ms.map((m, i) => approval({ id: `m${i}`, ...m })) })
				.compareKey;
		expect(key({ agency: 'FDA', date: '2020' })).toBe(key({ agency: 'FDA', date: '2024' }));
		expect(key({ agency: 'FDA' })).not.toBe(key({ agency: 'FDA', status: 'expected' }));
		expect(key({ agency: 'FDA' })).not.toBe(key({ agency: 'EMA' }));
	});

	it('no approval among the milestones: "No approvals recorded"', () => {
		const c = build('approvals', kn026(), {
			milestones: [approval({ type: 'trial-start' })]
		});
		expect(c).toMatchObject({ state: 'none', text: 'No approvals recorded', rowId: 'approvals' });
	});
});

describe('readouts and the headline', () => {
	const readout = (id: string, patch: Partial<Readout> = {}): Readout => ({
		...byId(dataset.readouts, 'kn026-gc-orr'),
		id,
		...patch
	});

	it.each([
		[[readout('a')], '1 readout from 1 trial'],
		[[readout('a'), readout('b')], '2 readouts from 1 trial'],
		[[readout('a'), readout('b', { trial: 'kn026-bc' })], '2 readouts from 2 trials']
	])('counts readouts and trials: %#', (readouts, text) => {
		const c = build('readouts', kn026(), { readouts });
		expect(c).toMatchObject({ rowId: 'readouts', id: 'readouts:kn026', state: 'known', text });
		expect(c.items[0]?.sources).toEqual([]);
		expect(c.compareKey).toBe('');
	});

	it('names the endpoints once each, with their landmark', () => {
		const c = build('readouts', kn026(), {
			readouts: [
				readout('a'),
				readout('b', { endpoint: 'OS-rate', landmarkMonths: 12, unit: '%' }),
				readout('c')
			]
		});
		expect(c.items[0]?.note).toBe('Endpoints: ORR, OS-rate 12 mo.');
	});

	it('details each readout: its line, arm, and setting', () => {
		const c = build('readouts', kn026(), {
			readouts: [
				readout('a', { indication: 'gastric', line: '2L', population: 'HER2-high' }),
				readout('b', { indication: 'gastric', line: null, population: undefined })
			]
		});
		expect(c.details).toEqual([
			{
				text: 'ORR 76.4% (95% CI 63.0–86.8), n 55 — KN026-201 — kn026',
				sources: readout('a').sources,
				note: 'gastric · 2L · HER2-high'
			},
			{
				text: 'ORR 76.4% (95% CI 63.0–86.8), n 55 — KN026-201 — kn026',
				sources: readout('b').sources,
				note: 'gastric'
			}
		]);
	});

	it('readouts without an asset belong to none', () => {
		const c = build('readouts', kn026(), { readouts: [readout('a', { asset: null })] });
		expect(c.text).toBe('No readouts in view');
	});

	it('no readout: "No readouts in view" in both rows', () => {
		expect(build('readouts')).toMatchObject({
			state: 'none',
			text: 'No readouts in view',
			rowId: 'readouts'
		});
		expect(build('headline')).toMatchObject({
			state: 'none',
			text: 'No readouts in view',
			rowId: 'headline'
		});
	});

	it('the headline is the key readout, its setting and note in the item note', () => {
		const c = build('headline', kn026(), {
			readouts: [readout('a', { line: '2L', note: 'Investigator-assessed' })]
		});
		expect(c).toMatchObject({ rowId: 'headline', id: 'headline:kn026', state: 'known' });
		expect(c.text).toBe('ORR 76.4% (95% CI 63.0–86.8), n 55 — KN026-201');
		expect(c.items).toEqual([
			{
				text: c.text,
				sources: readout('a').sources,
				note: 'kn026 · gastric · 2L · efficacy-evaluable set. Investigator-assessed'
			}
		]);
		expect(c.compareKey).toBe('');
		const noNote = build('headline', kn026(), { readouts: [readout('a', { line: null })] });
		expect(noNote.items[0]?.note).toBe('kn026 · gastric · efficacy-evaluable set');
		const approximate = build('headline', kn026(), {
			readouts: [readout('a', { approximate: true })]
		});
		expect(approximate.state).toBe('approximate');
	});

	it('a headline without setting or note has no note', () => {
		const c = build('headline', kn026(), {
			readouts: [readout('a', { arm: '', indication: '', line: null, population: undefined })]
		});
		expect(c.items[0]).not.toHaveProperty('note');
	});

	it('only comparator arms: "No investigational result in view"', () => {
		const c = build('headline', kn026(), {
			readouts: [readout('a', { armRole: 'comparator' })]
		});
		expect(c).toMatchObject({ state: 'none', text: 'No investigational result in view' });
	});
});
