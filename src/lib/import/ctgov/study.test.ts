import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { phaseFromCodes, regionFromCountries, registryDatePrecision, STATUS_CODES } from './codes';
import { quoteOf, readStudy } from './study';

const fixture = (name: string) =>
	JSON.parse(readFileSync(`tests/fixtures/ctgov/${name}`, 'utf8')) as Record<string, unknown>;

/** A minimal record with `modules` merged into its protocolSection. */
const record = (modules: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
	protocolSection: { identificationModule: { nctId: 'NCT99990009' }, ...modules },
	...extra
});

const read = (modules: Record<string, unknown>, extra?: Record<string, unknown>) => {
	const result = readStudy(record(modules, extra));
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return result.study;
};

describe('registry codes', () => {
	it.each([
		[['PHASE1'], 'phase 1'],
		[['EARLY_PHASE1'], 'phase 1'],
		[['PHASE1', 'PHASE2'], 'phase 1/2'],
		[['PHASE2'], 'phase 2'],
		[['PHASE2', 'PHASE3'], 'phase 2/3'],
		[['PHASE3'], 'phase 3'],
		[['PHASE4'], null],
		[['NA'], null],
		[[], null]
	])('phases %j → %s', (codes, phase) => expect(phaseFromCodes(codes)).toBe(phase));

	it.each([
		['NOT_YET_RECRUITING', 'planned'],
		['RECRUITING', 'recruiting'],
		['ENROLLING_BY_INVITATION', 'recruiting'],
		['ACTIVE_NOT_RECRUITING', 'active'],
		['SUSPENDED', 'unknown'],
		['COMPLETED', 'completed'],
		['TERMINATED', 'terminated'],
		['WITHDRAWN', 'terminated'],
		['UNKNOWN', 'unknown']
	])('status %s → %s', (code, status) => {
		expect(STATUS_CODES[code]).toBe(status);
		expect(read({ statusModule: { overallStatus: code } }).status?.value).toBe(status);
	});

	it.each([
		['2026-11', 'month'],
		['2026-11-15', 'day'],
		['2026-02-30', null],
		['2026', null],
		['Nov 2026', null]
	])('registry date %s has precision %s', (text, precision) =>
		expect(registryDatePrecision(text)).toBe(precision)
	);

	it.each([
		[[], null],
		[['China', 'China'], 'China'],
		[['United States'], 'US'],
		[['China', 'Australia'], 'Australia and China'],
		[['Spain', 'France', 'United States', 'Australia'], 'Multinational (4 countries)']
	])('countries %j → region %s', (countries, region) =>
		expect(regionFromCountries(countries)).toBe(region)
	);
});

describe('readStudy: record fragments → facts', () => {
	it.each([
		[
			{ date: '2026-03', type: 'ACTUAL' },
			{ date: '2026-03', precision: 'month', status: 'actual' }
		],
		[
			{ date: '2027-06-30', type: 'ESTIMATED' },
			{ date: '2027-06-30', precision: 'day', status: 'expected' }
		],
		// No type (older records): after the last update it cannot have happened yet.
		[{ date: '2027-01' }, { date: '2027-01', precision: 'month', status: 'expected' }],
		[{ date: '2025-01' }, { date: '2025-01', precision: 'month', status: 'actual' }]
	])('start date %j → %j', (struct, expected) => {
		const study = read({
			statusModule: {
				startDateStruct: struct,
				lastUpdatePostDateStruct: { date: '2026-05-01', type: 'ACTUAL' }
			}
		});
		expect(study.start?.value).toEqual(expected);
		expect(study.start?.path).toBe('protocolSection.statusModule.startDateStruct');
	});

	it.each([
		[{ allocation: 'RANDOMIZED' }, 'randomised'],
		[{ allocation: 'NON_RANDOMIZED' }, 'non-randomised multi-arm'],
		[{ allocation: 'NA', interventionModel: 'SINGLE_GROUP' }, 'single-arm'],
		[{ interventionModel: 'SINGLE_GROUP' }, 'single-arm'],
		[{ allocation: 'NA' }, 'unknown']
	])('design %j → %s', (designInfo, design) =>
		expect(read({ designModule: { designInfo } }).design?.value).toBe(design)
	);

	it.each([
		['NONE', 'open-label'],
		['SINGLE', 'unknown'],
		['DOUBLE', 'double-blind'],
		['QUADRUPLE', 'double-blind']
	])('masking %s → %s', (masking, blinding) =>
		expect(
			read({ designModule: { designInfo: { maskingInfo: { masking } } } }).blinding?.value
		).toBe(blinding)
	);

	it.each([
		[
			{ count: 286, type: 'ESTIMATED' },
			{ count: 286, kind: 'planned' }
		],
		[
			{ count: 57, type: 'ACTUAL' },
			{ count: 57, kind: 'actual' }
		]
	])('enrollment %j → %j, quoted as the record prints it', (info, expected) => {
		const study = read({ designModule: { enrollmentInfo: info } });
		expect(study.enrollment?.value).toEqual(expected);
		expect(study.enrollment?.quote).toBe(`"count": ${info.count}, "type": "${info.type}"`);
	});

	it('quotes are the field text, or the JSON member when shorter than a quote may be', () => {
		expect(quoteOf('overallStatus', 'RECRUITING')).toBe('RECRUITING');
		expect(quoteOf('phases', 'NA')).toBe('"phases": "NA"');
		expect(quoteOf('count', 57)).toBe('"count": 57');
	});

	it('reads a full record: titles, sponsor, collaborators, conditions, arms, countries, outcomes', () => {
		const result = readStudy(fixture('NCT99990001.json'));
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const s = result.study;
		expect(s.nctId).toBe('NCT99990001');
		expect(s.acronym?.value).toBe('EXAMPLE-01');
		expect(s.phase?.value).toBe('phase 2/3');
		expect(s.phase?.quote).toBe('PHASE2, PHASE3');
		expect(s.status).toEqual({
			value: 'recruiting',
			quote: 'RECRUITING',
			path: 'protocolSection.statusModule.overallStatus'
		});
		expect(s.primaryCompletion?.value).toEqual({
			date: '2027-06',
			precision: 'month',
			status: 'expected'
		});
		expect(s.primaryCompletion?.quote).toBe('2027-06 (ESTIMATED)');
		expect(s.lastUpdatePosted).toBe('2026-10-15');
		expect(s.sponsor?.value).toBe('Example Biopharma Co., Ltd.');
		expect(s.collaborators.map((c) => c.value)).toEqual(['Example Research Network']);
		expect(s.conditions).toHaveLength(2);
		expect(s.interventions.map((i) => [i.name, i.otherNames])).toEqual([
			['Anbenitamab', ['KN026']],
			['Docetaxel', []]
		]);
		expect(s.comparatorArms.map((a) => a.value)).toEqual(['Placebo + docetaxel']);
		expect(s.region?.value).toBe('China');
		expect(s.primaryOutcomes.map((o) => o.value)).toEqual([
			'Progression-free survival (PFS)',
			'Overall survival (OS)'
		]);
		expect(s.hasResults).toBe(false);
	});

	it('notices posted results', () => {
		const result = readStudy(fixture('NCT99990005-results.json'));
		expect(result.ok && result.study.hasResults).toBe(true);
	});
});

describe('readStudy: refusals name the field', () => {
	it.each([
		[
			record({ designModule: { enrollmentInfo: { count: '320' } } }),
			'protocolSection.designModule.enrollmentInfo.count',
			'expected a whole number, got text'
		],
		[
			record({ statusModule: { overallStatus: 3 } }),
			'protocolSection.statusModule.overallStatus',
			'expected text, got a number'
		],
		[
			record({ statusModule: { overallStatus: 'RUNNING' } }),
			'protocolSection.statusModule.overallStatus',
			'is not one of the registry'
		],
		[
			record({ designModule: { phases: 'PHASE2' } }),
			'protocolSection.designModule.phases',
			'expected a list, got text'
		],
		[
			record({ designModule: { phases: ['PHASE9'] } }),
			'protocolSection.designModule.phases',
			'is not one of the registry'
		],
		[
			record({ statusModule: { startDateStruct: { date: '03/2026', type: 'ACTUAL' } } }),
			'protocolSection.statusModule.startDateStruct.date',
			'not a registry date'
		],
		[
			record({ statusModule: { startDateStruct: { date: '2026-03', type: 'ANTICIPATED' } } }),
			'protocolSection.statusModule.startDateStruct.type',
			'is not one of the registry'
		],
		[
			record({ conditionsModule: { conditions: ['ok', 7] } }),
			'protocolSection.conditionsModule.conditions[1]',
			'expected text'
		],
		[
			record({ identificationModule: { nctId: 'NCT123' } }),
			'protocolSection.identificationModule.nctId',
			'not an NCT number'
		],
		[
			record({ identificationModule: { nctId: 'NCT99990009', briefTitle: { text: 'x' } } }),
			'protocolSection.identificationModule.briefTitle',
			'expected text, got an object'
		],
		[{ protocolSection: {} }, 'protocolSection.identificationModule.nctId', 'no NCT number'],
		[[1, 2], '(file)', 'not a study record'],
		[record({}, { hasResults: 'yes' }), 'hasResults', 'expected true or false']
	])('%#: %s', (value, path, message) => {
		const result = readStudy(value);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems.map((p) => p.path)).toContain(path);
		expect(result.problems.find((p) => p.path === path)?.message).toContain(message);
	});

	it('prefixes paths of studies inside a page', () => {
		const result = readStudy(record({ statusModule: { overallStatus: 1 } }), 'studies[2].');
		expect(!result.ok && result.problems[0]!.path).toBe(
			'studies[2].protocolSection.statusModule.overallStatus'
		);
	});
});
