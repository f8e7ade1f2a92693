/**
 * The dataset schema: the single source of truth for the dataset's TypeScript types and for its
 * runtime validation. `npm run data:schema` writes the JSON Schema generated from it into
 * static/data/schema.json; docs/data-model.md explains every entity with an example.
 *
 * Conventions that hold everywhere:
 * - Every fact carries `sources: [{ id, quote }]`: the id of an entry in `sources` and a short
 *   excerpt copied exactly from that source.
 * - Unknown stays unknown: `null`, never a guess. Approximate values say so (`approximate: true`).
 * - Dates keep the precision the source gives (see `PartialDate`).
 */
import * as z from 'zod';

// No code generation at run time: the app runs under a CSP without 'unsafe-eval'.
z.config({ jitless: true });

const id = z
	.string()
	.regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and dashes, e.g. "kn026"')
	.max(80);

/**
 * A date as precise as its source: "2025-09-11" (day), "2025-09" (month), "2025-Q3" (quarter),
 * "2025-H2" (half-year) or "2025" (year). A source that says "May 2025" gives "2025-05", never a day.
 */
export const PARTIAL_DATE_PATTERN =
	/^(\d{4})(?:-(?:(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?|Q([1-4])|H([12])))?$/;
export const PartialDate = z
	.string()
	.regex(PARTIAL_DATE_PATTERN, 'a date is "YYYY-MM-DD", "YYYY-MM", "YYYY-Qn", "YYYY-Hn" or "YYYY"');

export const SourceRef = z.strictObject({
	id: id.describe('The id of an entry in `sources`.'),
	quote: z
		.string()
		.min(4)
		.max(2000)
		.describe('A short excerpt copied exactly from the source that contains the fact.'),
	note: z.string().max(1000).optional().describe('Where in the source, or how the value was read.')
});

const sourced = z.array(SourceRef);

/** An attribute of an asset with its own provenance. `value: null` means unknown. */
function attribute<T extends z.ZodType>(value: T) {
	return z.strictObject({
		value: value.nullable().describe('null = unknown (the sources do not say).'),
		applicable: z
			.boolean()
			.default(true)
			.describe('false = does not apply to this asset (e.g. payload of an unconjugated antibody).'),
		approximate: z.boolean().default(false),
		note: z.string().max(2000).optional(),
		sources: sourced.default([])
	});
}

export const SOURCE_KINDS = [
	'peer-reviewed',
	'congress',
	'registry',
	'regulator',
	'company',
	'news'
] as const;

export const Source = z.strictObject({
	id,
	kind: z.enum(SOURCE_KINDS),
	title: z.string().min(1).max(500),
	publisher: z.string().max(300).nullable(),
	date: PartialDate.nullable().describe('Publication or announcement date; null when undated.'),
	url: z
		.url({ protocol: /^https?$/ })
		.nullable()
		.default(null)
		.describe('Only http(s) links; the underlying publication, not a mirror.'),
	doi: z.string().max(200).nullable().default(null),
	registryIds: z.array(z.string().max(40)).default([]),
	note: z.string().max(2000).optional()
});

export const ROLES = ['focus', 'comparator'] as const;
export const MODALITIES = [
	'bispecific antibody',
	'monoclonal antibody',
	'antibody-drug conjugate',
	'chemotherapy',
	'small molecule',
	'other'
] as const;
export const HER2_DOMAINS = ['I', 'II', 'III', 'IV'] as const;

export const Asset = z.strictObject({
	id,
	name: z.string().min(1).max(120).describe('Display name, e.g. "KN026 (anbenitamab)".'),
	shortName: z.string().min(1).max(40).describe('Compact label for charts, e.g. "KN026".'),
	aliases: z.array(z.string().max(120)).default([]),
	role: z.enum(ROLES),
	target: attribute(z.string().max(120)),
	modality: attribute(z.enum(MODALITIES)),
	format: attribute(z.string().max(300)),
	domains: attribute(z.array(z.enum(HER2_DOMAINS)).min(1)).describe(
		'HER2 extracellular domains bound (I-IV).'
	),
	biparatopic: attribute(z.boolean()),
	effector: attribute(z.string().max(500)).describe('Fc / effector-function notes.'),
	platform: attribute(z.string().max(200)),
	payload: attribute(z.string().max(200)),
	linker: attribute(z.string().max(300)),
	dar: attribute(z.number().positive().max(20)).describe('Drug-to-antibody ratio.'),
	conjugation: attribute(z.string().max(300)),
	originator: attribute(z.string().max(200)),
	sources: sourced.describe('Sources for the asset as a whole (identity, names).').default([])
});

export const PHASES = [
	'preclinical',
	'phase 1',
	'phase 1/2',
	'phase 2',
	'phase 2/3',
	'phase 3',
	'filed',
	'approved'
] as const;

export const ProgramPhase = z.strictObject({
	phase: z.enum(PHASES),
	start: PartialDate.nullable().describe('When the phase began; null when no source says.'),
	knownBy: PartialDate.nullable()
		.default(null)
		.describe('Earliest dated evidence that the phase was under way, when `start` is unknown.'),
	end: PartialDate.nullable()
		.default(null)
		.describe('null = ongoing (or ended by the next phase).'),
	status: z.enum(['actual', 'expected']).default('actual'),
	note: z.string().max(1000).optional(),
	sources: sourced
});

export const Program = z.strictObject({
	id,
	asset: id,
	indication: z.string().min(1).max(200).describe('e.g. "Gastric/GEJ adenocarcinoma".'),
	indicationGroup: z
		.string()
		.min(1)
		.max(60)
		.describe('Grouping key for filters, e.g. "gastric", "breast", "biliary", "ovarian".'),
	line: z.string().max(60).nullable().describe('e.g. "1L", "2L", "2L+", "neoadjuvant".'),
	biomarker: z.string().max(120).nullable().describe('e.g. "HER2+", "HER2 IHC 3+", "HER2-low".'),
	region: z.string().min(1).max(60).describe('e.g. "China", "US", "EU", "Global".'),
	regimen: z.string().max(200).nullable().default(null),
	status: z.enum(['active', 'approved', 'discontinued', 'unknown']).default('active'),
	phases: z.array(ProgramPhase),
	note: z.string().max(2000).optional(),
	sources: sourced
});

export const MILESTONE_TYPES = [
	'ind',
	'trial-start',
	'phase-transition',
	'designation',
	'submission',
	'acceptance',
	'approval',
	'deal',
	'data-presentation',
	'topline',
	'other'
] as const;
export const DESIGNATIONS = [
	'breakthrough-therapy',
	'fast-track',
	'orphan-drug',
	'priority-review'
] as const;
export const AGENCIES = ['FDA', 'EMA', 'EC', 'NMPA', 'CDE', 'TGA', 'PMDA', 'MHRA'] as const;

export const Milestone = z.strictObject({
	id,
	asset: id,
	program: id.nullable().describe('The program (asset x indication) it belongs to, if any.'),
	trial: id.nullable().default(null),
	type: z.enum(MILESTONE_TYPES),
	designation: z.enum(DESIGNATIONS).nullable().default(null),
	approvalKind: z.enum(['full', 'accelerated', 'conditional']).nullable().default(null),
	agency: z.enum(AGENCIES).nullable(),
	region: z.string().max(60).nullable(),
	date: PartialDate,
	dateEnd: PartialDate.nullable()
		.default(null)
		.describe('For an expected window: the latest date of the window.'),
	status: z.enum(['actual', 'expected']),
	label: z.string().min(1).max(120).describe('Short label, e.g. "NDA accepted by NMPA".'),
	description: z.string().max(2000),
	sources: sourced
});

export const Trial = z.strictObject({
	id,
	name: z.string().min(1).max(200).describe('Acronym or short name, e.g. "KC-WISE".'),
	title: z.string().max(500).nullable(),
	registryIds: z
		.array(z.string().max(40))
		.describe('e.g. ["NCT05427383"]; only ids a source gives.'),
	assets: z.array(id).min(1),
	programs: z.array(id).default([]),
	phase: z.enum(PHASES).nullable(),
	design: z
		.enum(['single-arm', 'randomised', 'pooled', 'non-randomised multi-arm', 'unknown'])
		.describe('single-arm, randomised, or a pooled analysis of several trials.'),
	blinding: z.enum(['open-label', 'double-blind', 'unknown']).default('unknown'),
	comparator: z.string().max(300).nullable(),
	indication: z.string().max(200),
	line: z.string().max(60).nullable(),
	biomarker: z.string().max(120).nullable(),
	region: z.string().max(120).nullable(),
	sponsor: z.string().max(200).nullable(),
	enrolment: z.strictObject({
		planned: z.number().int().nonnegative().nullable(),
		actual: z.number().int().nonnegative().nullable()
	}),
	start: PartialDate.nullable(),
	end: PartialDate.nullable(),
	status: z
		.enum(['planned', 'recruiting', 'active', 'completed', 'terminated', 'unknown'])
		.default('unknown'),
	primaryEndpoints: z.array(z.string().max(200)).default([]),
	note: z.string().max(2000).optional(),
	sources: sourced
});

export const ENDPOINTS = [
	'ORR',
	'cORR',
	'DCR',
	'CBR',
	'pCR',
	'tpCR',
	'mPFS',
	'mOS',
	'mDOR',
	'PFS-rate',
	'OS-rate',
	'DOR-rate',
	'HR-PFS',
	'HR-OS'
] as const;

/** A confidence-interval bound: a number, or "NR" (not reached / not estimable). */
const Bound = z.union([z.number(), z.literal('NR')]);

export const Readout = z.strictObject({
	id,
	trial: id,
	asset: id.nullable().describe('The asset of the arm; null for a pure standard-of-care arm.'),
	arm: z.string().min(1).max(200).describe('Regimen as printed, e.g. "KN026 + docetaxel".'),
	armRole: z
		.enum(['investigational', 'comparator', 'benchmark'])
		.describe('benchmark = a standard-of-care figure quoted as context, not a trial arm here.'),
	indication: z.string().max(200),
	indicationGroup: z.string().max(60),
	line: z.string().max(60).nullable(),
	biomarker: z.string().max(120).nullable(),
	population: z
		.string()
		.max(300)
		.describe('e.g. "efficacy-evaluable set", "cohort 1 (IHC 2+/3+)", "IHC 3+ subset".'),
	endpoint: z.enum(ENDPOINTS),
	landmarkMonths: z.number().positive().nullable().default(null).describe('For *-rate endpoints.'),
	assessment: z
		.string()
		.max(80)
		.nullable()
		.default(null)
		.describe('e.g. "IRC", "BICR", "investigator".'),
	value: z.number().nullable().describe('null when not reached or only a range is given.'),
	unit: z.enum(['%', 'months', 'ratio']),
	range: z
		.strictObject({ low: z.number(), high: z.number() })
		.nullable()
		.default(null)
		.describe('For values a source gives only as a range, e.g. ORR "10% to 15%".'),
	approximate: z.boolean().default(false),
	notReached: z.boolean().default(false).describe('A median not reached.'),
	ci: z
		.strictObject({
			level: z.number().gt(0).lt(1).default(0.95),
			low: Bound.nullable(),
			high: Bound.nullable(),
			method: z.string().max(80).nullable().default(null)
		})
		.nullable()
		.describe('As reported; null when the source gives none.'),
	n: z.number().int().nonnegative().nullable(),
	responders: z.number().int().nonnegative().nullable().default(null),
	events: z.number().int().nonnegative().nullable().default(null),
	comparatorArm: z
		.string()
		.max(200)
		.nullable()
		.default(null)
		.describe('For a hazard ratio: the arm it is measured against.'),
	pValue: z.string().max(40).nullable().default(null).describe('As printed, e.g. "<.0001".'),
	maturity: z.enum(['interim', 'primary', 'final', 'updated']).nullable(),
	dataCut: PartialDate.nullable(),
	presentedAt: z
		.strictObject({ venue: z.string().max(200), date: PartialDate.nullable() })
		.nullable()
		.default(null),
	note: z.string().max(2000).optional(),
	sources: sourced
});

export const Deal = z.strictObject({
	id,
	asset: z.array(id).min(1).describe('The assets covered.'),
	kind: z.enum(['licence', 'collaboration', 'option', 'co-development', 'acquisition']),
	licensor: z.string().max(200),
	licensee: z.string().max(200),
	territory: z.string().max(300).nullable(),
	scope: z.string().max(500).nullable().describe('Indications or rights covered.'),
	date: PartialDate.nullable(),
	value: z
		.strictObject({
			currency: z.string().max(8),
			upfront: z.number().nonnegative().nullable(),
			milestones: z.number().nonnegative().nullable(),
			total: z.number().nonnegative().nullable(),
			text: z.string().max(500).describe('As printed, e.g. "RMB 1 billion".')
		})
		.nullable()
		.describe('null = financial terms not disclosed or not found.'),
	note: z.string().max(2000).optional(),
	sources: sourced
});

export const Conflict = z.strictObject({
	id,
	about: z.array(id).min(1).describe('Ids of the entities concerned.'),
	description: z.string().max(2000),
	resolution: z.string().max(2000).describe('The choice made and why (or "both shown").'),
	sources: sourced
});

export const Meta = z.strictObject({
	id,
	title: z.string().min(1).max(200),
	target: z.string().min(1).max(60),
	asOf: PartialDate.describe('"Data as of": the latest date the dataset reflects.'),
	version: z.string().min(1).max(40),
	description: z.string().max(4000).optional(),
	synthetic: z.boolean().default(false).describe('true for generated test data, never real.')
});

export const Dataset = z.strictObject({
	$schema: z.string().optional(),
	meta: Meta,
	sources: z.array(Source),
	assets: z.array(Asset),
	programs: z.array(Program),
	milestones: z.array(Milestone),
	trials: z.array(Trial),
	readouts: z.array(Readout),
	deals: z.array(Deal).default([]),
	conflicts: z.array(Conflict).default([])
});

export type DatasetInput = z.input<typeof Dataset>;
export type Dataset = z.output<typeof Dataset>;
export type Meta = z.output<typeof Meta>;
export type Source = z.output<typeof Source>;
export type SourceRef = z.output<typeof SourceRef>;
export type Asset = z.output<typeof Asset>;
export type Program = z.output<typeof Program>;
export type ProgramPhase = z.output<typeof ProgramPhase>;
export type Milestone = z.output<typeof Milestone>;
export type Trial = z.output<typeof Trial>;
export type Readout = z.output<typeof Readout>;
export type Deal = z.output<typeof Deal>;
export type Conflict = z.output<typeof Conflict>;
export type Phase = (typeof PHASES)[number];
export type Endpoint = (typeof ENDPOINTS)[number];
export type MilestoneType = (typeof MILESTONE_TYPES)[number];
export type Agency = (typeof AGENCIES)[number];
export type AssetAttributeKey = {
	[K in keyof Asset]: Asset[K] extends { applicable: boolean } ? K : never;
}[keyof Asset];
