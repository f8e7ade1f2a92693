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
 *
 * Written with `zod/mini`, the functional API of zod 4 (`z.nullable(x)` for `x.nullable()`,
 * `x.check(z.maxLength(n))` for `x.max(n)`): the dataset is validated on every page load, so this
 * file is on the critical path, and mini's functions tree-shake where the classic API's methods do
 * not (about 9 KB gzip instead of 27 KB). The checks, issues and JSON Schema are zod's core ones,
 * identical to the classic API's.
 */
import * as z from 'zod/mini';
import {
	AGENCIES,
	DESIGNATIONS,
	ENDPOINTS,
	HER2_DOMAINS,
	MILESTONE_TYPES,
	MODALITIES,
	PARTIAL_DATE_PATTERN,
	PHASES,
	ROLES,
	SOURCE_KINDS
} from './vocabulary';

// Re-exported for code that loads the schema anyway; runtime code that only needs a vocabulary
// imports vocabulary.ts.
export * from './vocabulary';

// No code generation at run time: the app runs under a CSP without 'unsafe-eval'.
z.config({ jitless: true });

/**
 * The schema with a description (shown by editors through the JSON Schema): a described copy,
 * exactly like the classic `.describe()`, so a shared schema such as `id` is not described
 * everywhere it is used.
 */
function describe<T extends z.ZodMiniType>(schema: T, description: string): T {
	const described = schema.clone();
	z.globalRegistry.add(described, { description });
	return described;
}

/** Text of at most `max` characters (`z.string().max(max)`). */
function text(max: number) {
	return z.string().check(z.maxLength(max));
}

/** Text of 1 to `max` characters (`z.string().min(1).max(max)`). */
function nonEmptyText(max: number) {
	return z.string().check(z.minLength(1), z.maxLength(max));
}

const nonNegativeInt = () => z.number().check(z.int(), z.nonnegative());

const id = z
	.string()
	.check(
		z.regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and dashes, e.g. "kn026"'),
		z.maxLength(80)
	);

/**
 * A date as precise as its source: "2025-09-11" (day), "2025-09" (month), "2025-Q3" (quarter),
 * "2025-H2" (half-year) or "2025" (year). A source that says "May 2025" gives "2025-05", never a day.
 */
export const PartialDate = z
	.string()
	.check(
		z.regex(
			PARTIAL_DATE_PATTERN,
			'a date is "YYYY-MM-DD", "YYYY-MM", "YYYY-Qn", "YYYY-Hn" or "YYYY"'
		)
	);

export const SourceRef = z.strictObject({
	id: describe(id, 'The id of an entry in `sources`.'),
	quote: describe(
		z.string().check(z.minLength(4), z.maxLength(2000)),
		'A short excerpt copied exactly from the source that contains the fact.'
	),
	note: describe(z.optional(text(1000)), 'Where in the source, or how the value was read.')
});

const sourced = z.array(SourceRef);

/** An attribute of an asset with its own provenance. `value: null` means unknown. */
function attribute<T extends z.ZodMiniType>(value: T) {
	return z.strictObject({
		value: describe(z.nullable(value), 'null = unknown (the sources do not say).'),
		applicable: describe(
			z._default(z.boolean(), true),
			'false = does not apply to this asset (e.g. payload of an unconjugated antibody).'
		),
		approximate: z._default(z.boolean(), false),
		note: z.optional(text(2000)),
		sources: z._default(sourced, [])
	});
}

export const Source = z.strictObject({
	id,
	kind: z.enum(SOURCE_KINDS),
	title: nonEmptyText(500),
	publisher: z.nullable(text(300)),
	date: describe(z.nullable(PartialDate), 'Publication or announcement date; null when undated.'),
	url: describe(
		z._default(z.nullable(z.url({ protocol: /^https?$/ })), null),
		'Only http(s) links; the underlying publication, not a mirror.'
	),
	doi: z._default(z.nullable(text(200)), null),
	registryIds: z._default(z.array(text(40)), []),
	note: z.optional(text(2000))
});

export const Asset = z.strictObject({
	id,
	name: describe(nonEmptyText(120), 'Display name, e.g. "KN026 (anbenitamab)".'),
	shortName: describe(nonEmptyText(40), 'Compact label for charts, e.g. "KN026".'),
	aliases: z._default(z.array(text(120)), []),
	role: z.enum(ROLES),
	target: attribute(text(120)),
	modality: attribute(z.enum(MODALITIES)),
	format: attribute(text(300)),
	domains: describe(
		attribute(z.array(z.enum(HER2_DOMAINS)).check(z.minLength(1))),
		'HER2 extracellular domains bound (I-IV).'
	),
	biparatopic: attribute(z.boolean()),
	effector: describe(attribute(text(500)), 'Fc / effector-function notes.'),
	platform: attribute(text(200)),
	payload: attribute(text(200)),
	linker: attribute(text(300)),
	dar: describe(
		attribute(z.number().check(z.positive(), z.maximum(20))),
		'Drug-to-antibody ratio.'
	),
	conjugation: attribute(text(300)),
	originator: attribute(text(200)),
	sources: z._default(describe(sourced, 'Sources for the asset as a whole (identity, names).'), [])
});

export const ProgramPhase = z.strictObject({
	phase: z.enum(PHASES),
	start: describe(z.nullable(PartialDate), 'When the phase began; null when no source says.'),
	knownBy: describe(
		z._default(z.nullable(PartialDate), null),
		'Earliest dated evidence that the phase was under way, when `start` is unknown.'
	),
	end: describe(
		z._default(z.nullable(PartialDate), null),
		'null = ongoing (or ended by the next phase).'
	),
	status: z._default(z.enum(['actual', 'expected']), 'actual'),
	note: z.optional(text(1000)),
	sources: sourced
});

export const Program = z.strictObject({
	id,
	asset: id,
	indication: describe(nonEmptyText(200), 'e.g. "Gastric/GEJ adenocarcinoma".'),
	indicationGroup: describe(
		nonEmptyText(60),
		'Grouping key for filters, e.g. "gastric", "breast", "biliary", "ovarian".'
	),
	line: describe(z.nullable(text(60)), 'e.g. "1L", "2L", "2L+", "neoadjuvant".'),
	biomarker: describe(z.nullable(text(120)), 'e.g. "HER2+", "HER2 IHC 3+", "HER2-low".'),
	region: describe(nonEmptyText(60), 'e.g. "China", "US", "EU", "Global".'),
	regimen: z._default(z.nullable(text(200)), null),
	status: z._default(z.enum(['active', 'approved', 'discontinued', 'unknown']), 'active'),
	phases: z.array(ProgramPhase),
	note: z.optional(text(2000)),
	sources: sourced
});

export const Milestone = z.strictObject({
	id,
	asset: id,
	program: describe(z.nullable(id), 'The program (asset x indication) it belongs to, if any.'),
	trial: z._default(z.nullable(id), null),
	type: z.enum(MILESTONE_TYPES),
	designation: z._default(z.nullable(z.enum(DESIGNATIONS)), null),
	approvalKind: z._default(z.nullable(z.enum(['full', 'accelerated', 'conditional'])), null),
	agency: z.nullable(z.enum(AGENCIES)),
	region: z.nullable(text(60)),
	date: PartialDate,
	dateEnd: describe(
		z._default(z.nullable(PartialDate), null),
		'For an expected window: the latest date of the window.'
	),
	status: z.enum(['actual', 'expected']),
	label: describe(nonEmptyText(120), 'Short label, e.g. "NDA accepted by NMPA".'),
	description: text(2000),
	sources: sourced
});

export const Trial = z.strictObject({
	id,
	name: describe(nonEmptyText(200), 'Acronym or short name, e.g. "KC-WISE".'),
	title: z.nullable(text(500)),
	registryIds: describe(z.array(text(40)), 'e.g. ["NCT05427383"]; only ids a source gives.'),
	assets: describe(
		z.array(id),
		'The assets tested; empty = linked to no asset of this landscape (e.g. a registry record of another drug).'
	),
	programs: z._default(z.array(id), []),
	phase: z.nullable(z.enum(PHASES)),
	design: describe(
		z.enum(['single-arm', 'randomised', 'pooled', 'non-randomised multi-arm', 'unknown']),
		'single-arm, randomised, or a pooled analysis of several trials.'
	),
	blinding: z._default(z.enum(['open-label', 'double-blind', 'unknown']), 'unknown'),
	comparator: z.nullable(text(300)),
	indication: text(200),
	line: z.nullable(text(60)),
	biomarker: z.nullable(text(120)),
	region: z.nullable(text(120)),
	sponsor: z.nullable(text(200)),
	enrolment: z.strictObject({
		planned: z.nullable(nonNegativeInt()),
		actual: z.nullable(nonNegativeInt())
	}),
	start: z.nullable(PartialDate),
	end: z.nullable(PartialDate),
	status: z._default(
		z.enum(['planned', 'recruiting', 'active', 'completed', 'terminated', 'unknown']),
		'unknown'
	),
	primaryEndpoints: z._default(z.array(text(200)), []),
	note: z.optional(text(2000)),
	sources: sourced
});

/** A confidence-interval bound: a number, or "NR" (not reached / not estimable). */
const Bound = z.union([z.number(), z.literal('NR')]);

export const Readout = z.strictObject({
	id,
	trial: id,
	asset: describe(z.nullable(id), 'The asset of the arm; null for a pure standard-of-care arm.'),
	arm: describe(nonEmptyText(200), 'Regimen as printed, e.g. "KN026 + docetaxel".'),
	armRole: describe(
		z.enum(['investigational', 'comparator', 'benchmark']),
		'benchmark = a standard-of-care figure quoted as context, not a trial arm here.'
	),
	indication: text(200),
	indicationGroup: text(60),
	line: z.nullable(text(60)),
	biomarker: z.nullable(text(120)),
	population: describe(
		text(300),
		'e.g. "efficacy-evaluable set", "cohort 1 (IHC 2+/3+)", "IHC 3+ subset".'
	),
	endpoint: z.enum(ENDPOINTS),
	landmarkMonths: describe(
		z._default(z.nullable(z.number().check(z.positive())), null),
		'For *-rate endpoints.'
	),
	assessment: describe(
		z._default(z.nullable(text(80)), null),
		'e.g. "IRC", "BICR", "investigator".'
	),
	value: describe(z.nullable(z.number()), 'null when not reached or only a range is given.'),
	unit: z.enum(['%', 'months', 'ratio']),
	range: describe(
		z._default(z.nullable(z.strictObject({ low: z.number(), high: z.number() })), null),
		'For values a source gives only as a range, e.g. ORR "10% to 15%".'
	),
	approximate: z._default(z.boolean(), false),
	notReached: describe(z._default(z.boolean(), false), 'A median not reached.'),
	ci: describe(
		z.nullable(
			z.strictObject({
				level: z._default(z.number().check(z.gt(0), z.lt(1)), 0.95),
				low: z.nullable(Bound),
				high: z.nullable(Bound),
				method: z._default(z.nullable(text(80)), null)
			})
		),
		'As reported; null when the source gives none.'
	),
	n: z.nullable(nonNegativeInt()),
	responders: z._default(z.nullable(nonNegativeInt()), null),
	events: z._default(z.nullable(nonNegativeInt()), null),
	comparatorArm: describe(
		z._default(z.nullable(text(200)), null),
		'For a hazard ratio: the arm it is measured against.'
	),
	pValue: describe(z._default(z.nullable(text(40)), null), 'As printed, e.g. "<.0001".'),
	maturity: z.nullable(z.enum(['interim', 'primary', 'final', 'updated'])),
	dataCut: z.nullable(PartialDate),
	presentedAt: z._default(
		z.nullable(z.strictObject({ venue: text(200), date: z.nullable(PartialDate) })),
		null
	),
	note: z.optional(text(2000)),
	sources: sourced
});

export const Deal = z.strictObject({
	id,
	asset: describe(z.array(id).check(z.minLength(1)), 'The assets covered.'),
	kind: describe(
		z.enum([
			'licence',
			'collaboration',
			'option',
			'co-development',
			'acquisition',
			'royalty financing'
		]),
		'royalty financing = funding repaid from royalties (e.g. a royalty-backed note), no rights licensed.'
	),
	licensor: text(200),
	licensee: text(200),
	territory: z.nullable(text(300)),
	scope: describe(z.nullable(text(500)), 'Indications or rights covered.'),
	date: z.nullable(PartialDate),
	value: describe(
		z.nullable(
			z.strictObject({
				currency: text(8),
				upfront: z.nullable(z.number().check(z.nonnegative())),
				milestones: z.nullable(z.number().check(z.nonnegative())),
				total: z.nullable(z.number().check(z.nonnegative())),
				approximate: describe(
					z._default(z.boolean(), false),
					'true when a printed figure is rounded or does not add up (e.g. a total of "about RMB 3 billion" whose parts sum to RMB 3.08 billion).'
				),
				text: describe(text(500), 'As printed, e.g. "RMB 1 billion".')
			})
		),
		'null = financial terms not disclosed or not found.'
	),
	note: z.optional(text(2000)),
	sources: sourced
});

export const Conflict = z.strictObject({
	id,
	about: describe(z.array(id).check(z.minLength(1)), 'Ids of the entities concerned.'),
	description: text(2000),
	resolution: describe(text(2000), 'The choice made and why (or "both shown").'),
	sources: sourced
});

/** One release of a dataset and what changed in it, for readers comparing versions. */
export const ChangelogEntry = z.strictObject({
	version: nonEmptyText(40),
	date: describe(PartialDate, 'When the release was published.'),
	changes: describe(
		z.array(nonEmptyText(1000)).check(z.minLength(1)),
		'What changed since the previous release, one short sentence per change.'
	)
});

export const Meta = z.strictObject({
	id,
	title: nonEmptyText(200),
	target: nonEmptyText(60),
	asOf: describe(PartialDate, '"Data as of": the latest date the dataset reflects.'),
	version: nonEmptyText(40),
	description: z.optional(text(4000)),
	changelog: describe(
		z.optional(z.array(ChangelogEntry)),
		'Releases, newest first: what changed in the dataset in each version.'
	),
	synthetic: describe(z._default(z.boolean(), false), 'true for generated test data, never real.')
});

export const Dataset = z.strictObject({
	$schema: z.optional(z.string()),
	meta: Meta,
	sources: z.array(Source),
	assets: z.array(Asset),
	programs: z.array(Program),
	milestones: z.array(Milestone),
	trials: z.array(Trial),
	readouts: z.array(Readout),
	deals: z._default(z.array(Deal), []),
	conflicts: z._default(z.array(Conflict), [])
});

export type DatasetInput = z.input<typeof Dataset>;
export type Dataset = z.output<typeof Dataset>;
export type Meta = z.output<typeof Meta>;
export type ChangelogEntry = z.output<typeof ChangelogEntry>;
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
