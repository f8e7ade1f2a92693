/**
 * One ClinicalTrials.gov study record (API v2 JSON) → the facts the landscape can hold, each with
 * the exact text it came from and the path of its field. Pure: no dataset, no DOM. A record with
 * a field of the wrong type is refused as a whole (its problems name every such field), so nothing
 * half-read reaches the review.
 */
import type { Phase } from '../../data/schema';
import type { DatePrecision } from '../../data/dates';
import {
	ALLOCATION_CODES,
	DATE_TYPES,
	MASKING,
	MASKING_CODES,
	PHASE_CODES,
	STATUS_CODES,
	designFrom,
	phaseFromCodes,
	regionFromCountries,
	registryDatePrecision,
	type TrialBlinding,
	type TrialDesign,
	type TrialStatus
} from './codes';
import { FieldReader, isObject, type FieldProblem } from './fields';

/** A value read from the record, with the record's own text for it and where it was found. */
export interface Sourced<T> {
	value: T;
	/** The field's exact text (see `quoteOf`). */
	quote: string;
	/** The field's path in the record, e.g. "protocolSection.statusModule.overallStatus". */
	path: string;
}

export interface RegistryDate {
	/** "2026-11" or "2026-11-15", as the registry gives it. */
	date: string;
	precision: DatePrecision;
	/** ACTUAL → actual, ESTIMATED → expected. */
	status: 'actual' | 'expected';
}

export interface RegistryIntervention {
	name: string;
	type: string | null;
	otherNames: string[];
	path: string;
}

export interface RegistryStudy {
	nctId: string;
	briefTitle: Sourced<string> | null;
	officialTitle: Sourced<string> | null;
	acronym: Sourced<string> | null;
	phase: Sourced<Phase | null> | null;
	status: Sourced<TrialStatus> | null;
	start: Sourced<RegistryDate> | null;
	primaryCompletion: Sourced<RegistryDate> | null;
	completion: Sourced<RegistryDate> | null;
	/** The last-update-posted date: the date of the record as a source. */
	lastUpdatePosted: string | null;
	enrollment: Sourced<{ count: number; kind: 'actual' | 'planned' }> | null;
	sponsor: Sourced<string> | null;
	collaborators: Sourced<string>[];
	conditions: Sourced<string>[];
	interventions: RegistryIntervention[];
	/** Labels of comparator arms (ACTIVE_COMPARATOR, PLACEBO_COMPARATOR, SHAM_COMPARATOR). */
	comparatorArms: Sourced<string>[];
	design: Sourced<TrialDesign> | null;
	blinding: Sourced<TrialBlinding> | null;
	region: Sourced<string> | null;
	primaryOutcomes: Sourced<string>[];
	/** The record carries posted results (resultsSection / hasResults). */
	hasResults: boolean;
}

export type StudyRead =
	{ ok: true; study: RegistryStudy } | { ok: false; problems: FieldProblem[] };

const NCT_ID = /^NCT\d{8}$/;

/**
 * The exact text of a field for a quote: the value itself when it is text of at least four
 * characters (a quote's minimum), else the JSON member as the registry's download prints it
 * (`"count": 57`).
 */
export function quoteOf(key: string, value: string | number): string {
	if (typeof value === 'number' || value.length < 4) return `"${key}": ${JSON.stringify(value)}`;
	return value;
}

/** Reads one study object; `where` prefixes paths for a study inside a page ("studies[3]."). */
export function readStudy(record: unknown, where = ''): StudyRead {
	const r = new FieldReader();
	const at = (path: string) => `${where}${path}`;
	if (!isObject(record)) {
		return { ok: false, problems: [{ path: where || '(file)', message: 'not a study record' }] };
	}
	const protocol = r.object(record, 'protocolSection', at('protocolSection'));
	const P = 'protocolSection';
	const ident = r.object(protocol, 'identificationModule', at(`${P}.identificationModule`));
	const nctPath = `${P}.identificationModule.nctId`;
	const nctId = r.text(ident, 'nctId', at(nctPath));
	// An NCT number read means both sections above are objects.
	if (nctId === undefined) {
		if (r.problems.length > 0) return { ok: false, problems: r.problems };
		return {
			ok: false,
			problems: [
				{
					path: at(nctPath),
					message: 'missing: this is not a ClinicalTrials.gov study record (no NCT number)'
				}
			]
		};
	}
	if (!NCT_ID.test(nctId)) {
		r.problems.push({
			path: at(nctPath),
			message: `"${nctId.slice(0, 40)}" is not an NCT number (NCT and 8 digits)`
		});
	}

	const sourcedText = (parent: unknown, key: string, path: string): Sourced<string> | null => {
		const value = r.text(parent, key, at(path));
		return value === undefined ? null : { value, quote: quoteOf(key, value), path };
	};

	const M = (name: string) => `${P}.${name}`;
	const status = r.object(protocol, 'statusModule', at(M('statusModule')));
	const design = r.object(protocol, 'designModule', at(M('designModule')));
	const sponsors = r.object(
		protocol,
		'sponsorCollaboratorsModule',
		at(M('sponsorCollaboratorsModule'))
	);
	const conditions = r.object(protocol, 'conditionsModule', at(M('conditionsModule')));
	const arms = r.object(protocol, 'armsInterventionsModule', at(M('armsInterventionsModule')));
	const locations = r.object(protocol, 'contactsLocationsModule', at(M('contactsLocationsModule')));
	const outcomes = r.object(protocol, 'outcomesModule', at(M('outcomesModule')));

	// Status and dates.
	const statusPath = M('statusModule.overallStatus');
	const statusCode = r.text(status, 'overallStatus', at(statusPath));
	let trialStatus: Sourced<TrialStatus> | null = null;
	if (statusCode !== undefined) {
		const mapped = STATUS_CODES[statusCode];
		if (mapped === undefined) r.unknownCode(at(statusPath), statusCode, Object.keys(STATUS_CODES));
		else
			trialStatus = {
				value: mapped,
				// Every status code is long enough to be its own quote, like masking codes and dates.
				quote: statusCode,
				path: statusPath
			};
	}

	const lastUpdatePath = M('statusModule.lastUpdatePostDateStruct');
	const lastUpdateText = r.text(
		r.object(status, 'lastUpdatePostDateStruct', at(lastUpdatePath)),
		'date',
		at(`${lastUpdatePath}.date`)
	);
	const lastUpdatePosted =
		// Stryker disable next-line ConditionalExpression: no date reads from undefined either (the check is for TypeScript)
		lastUpdateText !== undefined && registryDatePrecision(lastUpdateText) ? lastUpdateText : null;

	const readDate = (key: string): Sourced<RegistryDate> | null => {
		const path = M(`statusModule.${key}`);
		const struct = r.object(status, key, at(path));
		const date = r.text(struct, 'date', at(`${path}.date`));
		const type = r.text(struct, 'type', at(`${path}.type`));
		if (date === undefined) return null;
		const precision = registryDatePrecision(date);
		if (precision === null) {
			r.problems.push({
				path: at(`${path}.date`),
				message: `"${date.slice(0, 40)}" is not a registry date (YYYY-MM or YYYY-MM-DD)`
			});
			return null;
		}
		if (type !== undefined && !(DATE_TYPES as readonly string[]).includes(type)) {
			r.unknownCode(at(`${path}.type`), type, DATE_TYPES);
			return null;
		}
		// Older records carry no type: a date after the record's last update cannot have happened.
		const lastUpdate = lastUpdatePosted ?? undefined;
		const actual =
			type === undefined ? lastUpdate === undefined || date <= lastUpdate : type === 'ACTUAL';
		return {
			value: { date, precision, status: actual ? 'actual' : 'expected' },
			quote: type === undefined ? date : `${date} (${type})`,
			path
		};
	};
	const start = readDate('startDateStruct');
	const primaryCompletion = readDate('primaryCompletionDateStruct');
	const completion = readDate('completionDateStruct');

	// Design.
	const phasePath = M('designModule.phases');
	const phaseCodes = r.list(design, 'phases', at(phasePath), r.textItem);
	for (const code of phaseCodes) {
		if (!(PHASE_CODES as readonly string[]).includes(code))
			r.unknownCode(at(phasePath), code, PHASE_CODES);
	}
	const phase: Sourced<Phase | null> | null =
		phaseCodes.length === 0
			? null
			: {
					value: phaseFromCodes(phaseCodes),
					quote: quoteOf('phases', phaseCodes.join(', ')),
					path: phasePath
				};

	const designInfo = r.object(design, 'designInfo', at(M('designModule.designInfo')));
	const allocationPath = M('designModule.designInfo.allocation');
	const allocation = r.text(designInfo, 'allocation', at(allocationPath));
	if (allocation !== undefined && !(ALLOCATION_CODES as readonly string[]).includes(allocation)) {
		r.unknownCode(at(allocationPath), allocation, ALLOCATION_CODES);
	}
	const model = r.text(
		designInfo,
		'interventionModel',
		at(M('designModule.designInfo.interventionModel'))
	);
	// Quoted from the allocation when there is one ("NA" too: single-arm records carry it).
	const designField =
		allocation !== undefined
			? { key: 'allocation', text: allocation }
			: model !== undefined
				? { key: 'interventionModel', text: model }
				: null;
	const trialDesign: Sourced<TrialDesign> | null =
		designField === null
			? null
			: {
					value: designFrom(allocation, model),
					quote: quoteOf(designField.key, designField.text),
					path: M(`designModule.designInfo.${designField.key}`)
				};
	const maskingPath = M('designModule.designInfo.maskingInfo.masking');
	const masking = r.text(
		r.object(designInfo, 'maskingInfo', at(M('designModule.designInfo.maskingInfo'))),
		'masking',
		at(maskingPath)
	);
	let blinding: Sourced<TrialBlinding> | null = null;
	if (masking !== undefined) {
		if (!(MASKING_CODES as readonly string[]).includes(masking))
			r.unknownCode(at(maskingPath), masking, MASKING_CODES);
		else
			blinding = {
				value: MASKING[masking as keyof typeof MASKING],
				quote: masking,
				path: maskingPath
			};
	}

	const enrollmentPath = M('designModule.enrollmentInfo');
	const enrollmentInfo = r.object(design, 'enrollmentInfo', at(enrollmentPath));
	const count = r.wholeNumber(enrollmentInfo, 'count', at(`${enrollmentPath}.count`));
	const enrollmentType = r.text(enrollmentInfo, 'type', at(`${enrollmentPath}.type`));
	if (enrollmentType !== undefined && !(DATE_TYPES as readonly string[]).includes(enrollmentType)) {
		r.unknownCode(at(`${enrollmentPath}.type`), enrollmentType, DATE_TYPES);
	}
	const enrollment =
		count === undefined
			? null
			: {
					value: {
						count,
						kind: enrollmentType === 'ACTUAL' ? ('actual' as const) : ('planned' as const)
					},
					quote: `"count": ${count}` + (enrollmentType ? `, "type": "${enrollmentType}"` : ''),
					path: `${enrollmentPath}.count`
				};

	// Sponsor, conditions, arms and interventions, locations, outcomes.
	const lead = r.object(sponsors, 'leadSponsor', at(M('sponsorCollaboratorsModule.leadSponsor')));
	const sponsor = sourcedText(lead, 'name', M('sponsorCollaboratorsModule.leadSponsor.name'));
	const collabPath = M('sponsorCollaboratorsModule.collaborators');
	const collaborators = r
		.list(sponsors, 'collaborators', at(collabPath), r.objectItem)
		.flatMap((c, i) => sourcedText(c, 'name', `${collabPath}[${i}].name`) ?? []);
	const condPath = M('conditionsModule.conditions');
	const conditionList = r
		.list(conditions, 'conditions', at(condPath), r.textItem)
		.map((value, i) => ({ value, quote: quoteOf('conditions', value), path: `${condPath}[${i}]` }));

	const intPath = M('armsInterventionsModule.interventions');
	const interventions = r
		.list(arms, 'interventions', at(intPath), r.objectItem)
		.flatMap((item, i): RegistryIntervention[] => {
			const path = `${intPath}[${i}]`;
			const name = r.text(item, 'name', at(`${path}.name`));
			const type = r.text(item, 'type', at(`${path}.type`)) ?? null;
			const otherNames = r.list(item, 'otherNames', at(`${path}.otherNames`), r.textItem);
			return name === undefined ? [] : [{ name, type, otherNames, path }];
		});
	const armPath = M('armsInterventionsModule.armGroups');
	const comparatorArms = r.list(arms, 'armGroups', at(armPath), r.objectItem).flatMap((arm, i) => {
		const path = `${armPath}[${i}]`;
		const label = r.text(arm, 'label', at(`${path}.label`));
		const type = r.text(arm, 'type', at(`${path}.type`));
		if (label === undefined || !type?.endsWith('_COMPARATOR')) return [];
		return [{ value: label, quote: quoteOf('label', label), path: `${path}.label` }];
	});

	const locPath = M('contactsLocationsModule.locations');
	const countries = r
		.list(locations, 'locations', at(locPath), r.objectItem)
		.flatMap((loc, i) => r.text(loc, 'country', at(`${locPath}[${i}].country`)) ?? []);
	const regionValue = regionFromCountries(countries);
	const distinct = [...new Set(countries)];
	const region: Sourced<string> | null =
		regionValue === null
			? null
			: {
					value: regionValue,
					quote: distinct.length === 1 ? quoteOf('country', distinct[0]!) : distinct.join(', '),
					path: `${locPath}[].country`
				};

	const outPath = M('outcomesModule.primaryOutcomes');
	const primaryOutcomes = r
		.list(outcomes, 'primaryOutcomes', at(outPath), r.objectItem)
		.flatMap((o, i) => sourcedText(o, 'measure', `${outPath}[${i}].measure`) ?? []);

	const hasResultsFlag = r.boolean(record, 'hasResults', at('hasResults'));
	const results = r.object(record, 'resultsSection', at('resultsSection'));

	const briefTitle = sourcedText(ident, 'briefTitle', `${P}.identificationModule.briefTitle`);
	const officialTitle = sourcedText(
		ident,
		'officialTitle',
		`${P}.identificationModule.officialTitle`
	);
	const acronym = sourcedText(ident, 'acronym', `${P}.identificationModule.acronym`);

	if (r.problems.length > 0) return { ok: false, problems: r.problems };
	return {
		ok: true,
		study: {
			nctId,
			briefTitle,
			officialTitle,
			acronym,
			phase,
			status: trialStatus,
			start,
			primaryCompletion,
			completion,
			lastUpdatePosted,
			enrollment,
			sponsor,
			collaborators,
			conditions: conditionList,
			interventions,
			comparatorArms,
			design: trialDesign,
			blinding,
			region,
			primaryOutcomes,
			hasResults: hasResultsFlag === true || results !== undefined
		}
	};
}
