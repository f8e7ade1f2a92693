/**
 * The dataset's closed vocabularies (roles, phases, endpoints, ...) and the partial-date pattern:
 * plain constants, kept apart from the zod schema (schema.ts builds its enums from them) so the
 * views, filters and URL codec use them without loading the schema library. Their words for
 * people are in vocabulary-labels.ts.
 */

/**
 * A date as precise as its source: "2025-09-11" (day), "2025-09" (month), "2025-Q3" (quarter),
 * "2025-H2" (half-year) or "2025" (year).
 */
export const PARTIAL_DATE_PATTERN =
	/^(\d{4})(?:-(?:(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?|Q([1-4])|H([12])))?$/;

export const SOURCE_KINDS = [
	'peer-reviewed',
	'congress',
	'registry',
	'regulator',
	'company',
	'news'
] as const;

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

/** Endpoint families, in the order the forest plot draws its panels. */
export const ENDPOINT_FAMILIES = ['response', 'median', 'hazard', 'landmark'] as const;

/**
 * Endpoints in their one display order: by family (as ENDPOINT_FAMILIES), then as the forest
 * plot lists them. The filter menu, the panels, link canonical order and the schema use it.
 */
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
	'HR-PFS',
	'HR-OS',
	'PFS-rate',
	'OS-rate',
	'DOR-rate'
] as const;

export type MilestoneType = (typeof MILESTONE_TYPES)[number];
export type Designation = (typeof DESIGNATIONS)[number];
export type Endpoint = (typeof ENDPOINTS)[number];
export type EndpointFamily = (typeof ENDPOINT_FAMILIES)[number];
