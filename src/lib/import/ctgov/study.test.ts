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

describe('readStudy: every fact with its quote and path', () => {
	/** A fictional record with one of everything the landscape reads, and some it leaves out. */
	const full = {
		protocolSection: {
			identificationModule: {
				nctId: 'NCT00000042',
				briefTitle: '  Study of Examplimab  ',
				officialTitle: 'A Phase 1/2 Study of Examplimab in Solid Tumours',
				acronym: 'EX1'
			},
			statusModule: {
				overallStatus: 'ACTIVE_NOT_RECRUITING',
				startDateStruct: { date: '2024-02-10' },
				primaryCompletionDateStruct: { date: '2025-03-01' },
				completionDateStruct: { date: '2026-01', type: 'ESTIMATED' },
				lastUpdatePostDateStruct: { date: '2025-03-01', type: 'ACTUAL' }
			},
			sponsorCollaboratorsModule: {
				leadSponsor: { name: 'Example Pharma', class: 'INDUSTRY' },
				collaborators: [{ name: 'Example Network' }, { class: 'OTHER' }, { name: 'Example U' }]
			},
			conditionsModule: { conditions: ['Solid Tumour', 'NSCLC'] },
			designModule: {
				phases: ['PHASE1', 'PHASE2'],
				designInfo: { interventionModel: 'SINGLE_GROUP', maskingInfo: { masking: 'NONE' } },
				enrollmentInfo: { count: 24 }
			},
			armsInterventionsModule: {
				armGroups: [
					{ label: 'Examplimab', type: 'EXPERIMENTAL' },
					{ label: 'Best supportive care', type: 'ACTIVE_COMPARATOR' },
					{ type: 'PLACEBO_COMPARATOR' },
					{ label: 'Sham', type: 'SHAM_COMPARATOR' },
					{ label: 'No type' }
				],
				interventions: [
					{ type: 'BIOLOGICAL', name: 'Examplimab', otherNames: ['EX-1', ' '] },
					{ type: 'DRUG' },
					{ name: 'Docetaxel' }
				]
			},
			contactsLocationsModule: {
				locations: [{ country: 'Peru' }, { city: 'Nowhere' }, { country: 'Chile' }]
			},
			outcomesModule: {
				primaryOutcomes: [{ measure: 'Dose-limiting toxicities' }, { timeFrame: '28 days' }]
			}
		},
		resultsSection: {}
	};
	const P = 'protocolSection';

	it('reads each fact, quoting the field as the record gives it', () => {
		const read = readStudy(full);
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		expect(read.study).toEqual({
			nctId: 'NCT00000042',
			briefTitle: {
				value: 'Study of Examplimab',
				quote: 'Study of Examplimab',
				path: `${P}.identificationModule.briefTitle`
			},
			officialTitle: {
				value: 'A Phase 1/2 Study of Examplimab in Solid Tumours',
				quote: 'A Phase 1/2 Study of Examplimab in Solid Tumours',
				path: `${P}.identificationModule.officialTitle`
			},
			acronym: {
				value: 'EX1',
				quote: '"acronym": "EX1"',
				path: `${P}.identificationModule.acronym`
			},
			phase: {
				value: 'phase 1/2',
				quote: 'PHASE1, PHASE2',
				path: `${P}.designModule.phases`
			},
			status: {
				value: 'active',
				quote: 'ACTIVE_NOT_RECRUITING',
				path: `${P}.statusModule.overallStatus`
			},
			// No type: on or before the last update, it happened.
			start: {
				value: { date: '2024-02-10', precision: 'day', status: 'actual' },
				quote: '2024-02-10',
				path: `${P}.statusModule.startDateStruct`
			},
			primaryCompletion: {
				value: { date: '2025-03-01', precision: 'day', status: 'actual' },
				quote: '2025-03-01',
				path: `${P}.statusModule.primaryCompletionDateStruct`
			},
			completion: {
				value: { date: '2026-01', precision: 'month', status: 'expected' },
				quote: '2026-01 (ESTIMATED)',
				path: `${P}.statusModule.completionDateStruct`
			},
			lastUpdatePosted: '2025-03-01',
			enrollment: {
				value: { count: 24, kind: 'planned' },
				quote: '"count": 24',
				path: `${P}.designModule.enrollmentInfo.count`
			},
			sponsor: {
				value: 'Example Pharma',
				quote: 'Example Pharma',
				path: `${P}.sponsorCollaboratorsModule.leadSponsor.name`
			},
			collaborators: [
				{
					value: 'Example Network',
					quote: 'Example Network',
					path: `${P}.sponsorCollaboratorsModule.collaborators[0].name`
				},
				{
					value: 'Example U',
					quote: 'Example U',
					path: `${P}.sponsorCollaboratorsModule.collaborators[2].name`
				}
			],
			conditions: [
				{
					value: 'Solid Tumour',
					quote: 'Solid Tumour',
					path: `${P}.conditionsModule.conditions[0]`
				},
				{ value: 'NSCLC', quote: 'NSCLC', path: `${P}.conditionsModule.conditions[1]` }
			],
			interventions: [
				{
					name: 'Examplimab',
					type: 'BIOLOGICAL',
					otherNames: ['EX-1'],
					path: `${P}.armsInterventionsModule.interventions[0]`
				},
				{
					name: 'Docetaxel',
					type: null,
					otherNames: [],
					path: `${P}.armsInterventionsModule.interventions[2]`
				}
			],
			comparatorArms: [
				{
					value: 'Best supportive care',
					quote: 'Best supportive care',
					path: `${P}.armsInterventionsModule.armGroups[1].label`
				},
				{
					value: 'Sham',
					quote: 'Sham',
					path: `${P}.armsInterventionsModule.armGroups[3].label`
				}
			],
			design: {
				value: 'single-arm',
				quote: 'SINGLE_GROUP',
				path: `${P}.designModule.designInfo.interventionModel`
			},
			blinding: {
				value: 'open-label',
				quote: 'NONE',
				path: `${P}.designModule.designInfo.maskingInfo.masking`
			},
			region: {
				value: 'Chile and Peru',
				quote: 'Peru, Chile',
				path: `${P}.contactsLocationsModule.locations[].country`
			},
			primaryOutcomes: [
				{
					value: 'Dose-limiting toxicities',
					quote: 'Dose-limiting toxicities',
					path: `${P}.outcomesModule.primaryOutcomes[0].measure`
				}
			],
			hasResults: true
		});
	});

	it('a record with nothing but its NCT number reads as nothing known', () => {
		expect(readStudy(record())).toEqual({
			ok: true,
			study: {
				nctId: 'NCT99990009',
				briefTitle: null,
				officialTitle: null,
				acronym: null,
				phase: null,
				status: null,
				start: null,
				primaryCompletion: null,
				completion: null,
				lastUpdatePosted: null,
				enrollment: null,
				sponsor: null,
				collaborators: [],
				conditions: [],
				interventions: [],
				comparatorArms: [],
				design: null,
				blinding: null,
				region: null,
				primaryOutcomes: [],
				hasResults: false
			}
		});
	});

	it('one site country is quoted as the record prints it; posted results by the flag alone', () => {
		const study = read(
			{ contactsLocationsModule: { locations: [{ country: 'US' }, { country: 'US' }] } },
			{ hasResults: true }
		);
		expect(study.region).toEqual({
			value: 'US',
			quote: '"country": "US"',
			path: 'protocolSection.contactsLocationsModule.locations[].country'
		});
		expect(study.hasResults).toBe(true);
		expect(read({}, { hasResults: false }).hasResults).toBe(false);
	});

	it('a condition or comparator arm shorter than a quote is quoted as its JSON member', () => {
		const study = read({
			conditionsModule: { conditions: ['HIV'] },
			armsInterventionsModule: { armGroups: [{ label: 'SOC', type: 'ACTIVE_COMPARATOR' }] }
		});
		expect(study.conditions.map((c) => c.quote)).toEqual(['"conditions": "HIV"']);
		expect(study.comparatorArms.map((a) => a.quote)).toEqual(['"label": "SOC"']);
	});

	it('an allocation is quoted and pathed itself; a masking or phase of two letters as JSON', () => {
		const study = read({
			designModule: {
				phases: ['NA'],
				designInfo: {
					allocation: 'RANDOMIZED',
					interventionModel: 'PARALLEL',
					maskingInfo: { masking: 'TRIPLE' }
				}
			}
		});
		expect(study.design).toEqual({
			value: 'randomised',
			quote: 'RANDOMIZED',
			path: 'protocolSection.designModule.designInfo.allocation'
		});
		expect(study.phase).toEqual({
			value: null,
			quote: '"phases": "NA"',
			path: 'protocolSection.designModule.phases'
		});
		expect(study.blinding?.quote).toBe('TRIPLE');
	});

	it('dates without a type: after the last update expected, without a readable last update actual', () => {
		const dates = (lastUpdate: string | undefined) =>
			read({
				statusModule: {
					startDateStruct: { date: '2025-03-01' },
					primaryCompletionDateStruct: { date: '2025-03-02' },
					...(lastUpdate ? { lastUpdatePostDateStruct: { date: lastUpdate } } : {})
				}
			});
		const onTheDay = dates('2025-03-01');
		expect([onTheDay.start?.value.status, onTheDay.primaryCompletion?.value.status]).toEqual([
			'actual',
			'expected'
		]);
		const unreadable = dates('March 2025');
		expect(unreadable.lastUpdatePosted).toBeNull();
		expect([unreadable.start?.value.status, unreadable.primaryCompletion?.value.status]).toEqual([
			'actual',
			'actual'
		]);
		expect(dates(undefined).primaryCompletion?.value.status).toBe('actual');
	});
});

describe('readStudy: what a refusal says', () => {
	const problems = (value: unknown, where?: string) => {
		const result = readStudy(value, where);
		return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
	};
	const P = 'protocolSection';

	it('not an object, or no NCT number: the file or the study is not a record', () => {
		expect(problems('NCT00000001', 'studies[4].')).toEqual(['studies[4].: not a study record']);
		expect(problems(null)).toEqual(['(file): not a study record']);
		expect(problems({}, '[1].')).toEqual([
			`[1].${P}.identificationModule.nctId: missing: this is not a ClinicalTrials.gov study record (no NCT number)`
		]);
		expect(problems({ protocolSection: { identificationModule: {} } })).toEqual([
			`${P}.identificationModule.nctId: missing: this is not a ClinicalTrials.gov study record (no NCT number)`
		]);
		// A section of the wrong type is named rather than called missing.
		expect(problems({ protocolSection: [] })).toEqual([`${P}: expected an object, got a list`]);
		expect(problems({ protocolSection: { identificationModule: 'NCT00000001' } })).toEqual([
			`${P}.identificationModule: expected an object, got text`
		]);
	});

	it.each(['NCT0000001', 'NCT000000011', 'xNCT00000001', 'NCT00000001x', 'nct00000001'])(
		'%s is not an NCT number',
		(nctId) =>
			expect(problems(record({ identificationModule: { nctId } }))).toEqual([
				`${P}.identificationModule.nctId: "${nctId}" is not an NCT number (NCT and 8 digits)`
			])
	);

	it('long values are quoted shortened', () => {
		const nctId = `NCT${'9'.repeat(50)}`;
		expect(problems(record({ identificationModule: { nctId } }))).toEqual([
			`${P}.identificationModule.nctId: "${nctId.slice(0, 40)}" is not an NCT number (NCT and 8 digits)`
		]);
		const date = `2025-01-01 ${'x'.repeat(50)}`;
		expect(problems(record({ statusModule: { startDateStruct: { date } } }))).toEqual([
			`${P}.statusModule.startDateStruct.date: "${date.slice(0, 40)}" is not a registry date (YYYY-MM or YYYY-MM-DD)`
		]);
	});

	it('codes the registry does not have are listed with the ones it has', () => {
		expect(
			problems(
				record({
					statusModule: {
						startDateStruct: { date: '2025-01', type: 'PLANNED' },
						completionDateStruct: { date: '2026-01', type: 'PLANNED' }
					},
					designModule: {
						phases: ['PHASE2', 'PHASE5'],
						designInfo: { allocation: 'RANDOM', maskingInfo: { masking: 'BLIND' } },
						enrollmentInfo: { count: 10, type: 'GUESSED' }
					}
				}),
				'studies[0].'
			)
		).toEqual([
			`studies[0].${P}.statusModule.startDateStruct.type: "PLANNED" is not one of the registry's values (ACTUAL, ESTIMATED)`,
			`studies[0].${P}.statusModule.completionDateStruct.type: "PLANNED" is not one of the registry's values (ACTUAL, ESTIMATED)`,
			`studies[0].${P}.designModule.phases: "PHASE5" is not one of the registry's values (NA, EARLY_PHASE1, PHASE1, PHASE2, PHASE3, PHASE4)`,
			`studies[0].${P}.designModule.designInfo.allocation: "RANDOM" is not one of the registry's values (RANDOMIZED, NON_RANDOMIZED, NA)`,
			`studies[0].${P}.designModule.designInfo.maskingInfo.masking: "BLIND" is not one of the registry's values (NONE, SINGLE, DOUBLE, TRIPLE, QUADRUPLE)`,
			`studies[0].${P}.designModule.enrollmentInfo.type: "GUESSED" is not one of the registry's values (ACTUAL, ESTIMATED)`
		]);
		expect(problems(record({ statusModule: { overallStatus: 'PAUSED' } }))).toEqual([
			`${P}.statusModule.overallStatus: "PAUSED" is not one of the registry's values (${Object.keys(STATUS_CODES).join(', ')})`
		]);
	});

	it('every field of the wrong type is named, with the study prefix', () => {
		const bad = {
			protocolSection: {
				identificationModule: { nctId: 'NCT00000001', acronym: 1, officialTitle: [] },
				statusModule: {
					lastUpdatePostDateStruct: { date: 20250301 },
					primaryCompletionDateStruct: { date: 2025, type: 1 }
				},
				sponsorCollaboratorsModule: { leadSponsor: { name: {} }, collaborators: [{ name: 2 }] },
				conditionsModule: 'cancer',
				designModule: {
					designInfo: { interventionModel: 3, maskingInfo: [] },
					enrollmentInfo: { type: false }
				},
				armsInterventionsModule: {
					armGroups: [{ label: 1, type: 2 }],
					interventions: [{ name: 1, type: 2, otherNames: 'x' }]
				},
				contactsLocationsModule: { locations: [{ country: 5 }] },
				outcomesModule: { primaryOutcomes: [{ measure: 6 }] }
			},
			resultsSection: 'none'
		};
		const w = 'studies[9].';
		expect(problems(bad, w)).toEqual([
			`${w}${P}.conditionsModule: expected an object, got text`,
			`${w}${P}.statusModule.lastUpdatePostDateStruct.date: expected text, got a number`,
			`${w}${P}.statusModule.primaryCompletionDateStruct.date: expected text, got a number`,
			`${w}${P}.statusModule.primaryCompletionDateStruct.type: expected text, got a number`,
			`${w}${P}.designModule.designInfo.interventionModel: expected text, got a number`,
			`${w}${P}.designModule.designInfo.maskingInfo: expected an object, got a list`,
			`${w}${P}.designModule.enrollmentInfo.type: expected text, got a boolean`,
			`${w}${P}.sponsorCollaboratorsModule.leadSponsor.name: expected text, got an object`,
			`${w}${P}.sponsorCollaboratorsModule.collaborators[0].name: expected text, got a number`,
			`${w}${P}.armsInterventionsModule.interventions[0].name: expected text, got a number`,
			`${w}${P}.armsInterventionsModule.interventions[0].type: expected text, got a number`,
			`${w}${P}.armsInterventionsModule.interventions[0].otherNames: expected a list, got text`,
			`${w}${P}.armsInterventionsModule.armGroups[0].label: expected text, got a number`,
			`${w}${P}.armsInterventionsModule.armGroups[0].type: expected text, got a number`,
			`${w}${P}.contactsLocationsModule.locations[0].country: expected text, got a number`,
			`${w}${P}.outcomesModule.primaryOutcomes[0].measure: expected text, got a number`,
			`${w}resultsSection: expected an object, got text`,
			`${w}${P}.identificationModule.officialTitle: expected text, got a list`,
			`${w}${P}.identificationModule.acronym: expected text, got a number`
		]);
	});

	it('each module of the wrong type is named', () => {
		const modules = [
			'statusModule',
			'designModule',
			'sponsorCollaboratorsModule',
			'armsInterventionsModule',
			'contactsLocationsModule',
			'outcomesModule'
		];
		expect(problems(record(Object.fromEntries(modules.map((m) => [m, 1]))))).toEqual(
			modules.map((m) => `${P}.${m}: expected an object, got a number`)
		);
		expect(
			problems(
				record({
					statusModule: { startDateStruct: 1 },
					designModule: { designInfo: 1, enrollmentInfo: 1 },
					sponsorCollaboratorsModule: { leadSponsor: 1 }
				})
			)
		).toEqual([
			`${P}.statusModule.startDateStruct: expected an object, got a number`,
			`${P}.designModule.designInfo: expected an object, got a number`,
			`${P}.designModule.enrollmentInfo: expected an object, got a number`,
			`${P}.sponsorCollaboratorsModule.leadSponsor: expected an object, got a number`
		]);
	});
});
