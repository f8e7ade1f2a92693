/**
 * The forest plot's vocabulary: endpoint families and names, arm roles and their shapes.
 */
import { ENDPOINTS, type Endpoint, type EndpointFamily } from '$lib/data/vocabulary';
import {
	ENDPOINT_FAMILY,
	ENDPOINT_FAMILY_LABELS,
	ENDPOINT_LABELS
} from '$lib/data/vocabulary-labels';

/** The endpoint vocabulary's labels and one order live beside the vocabulary (lib/data). */
export const FAMILY_OF_ENDPOINT = ENDPOINT_FAMILY;
/** Endpoints in display order: the vocabulary's one order, family by family. */
export const ENDPOINT_ORDER: readonly Endpoint[] = ENDPOINTS;
export const ENDPOINT_NAMES = ENDPOINT_LABELS;
export const FAMILY_TITLES = ENDPOINT_FAMILY_LABELS;

export const FAMILY_AXIS_LABELS: Record<EndpointFamily, string> = {
	response: 'Rate (%)',
	median: 'Months',
	hazard: 'Hazard ratio (log scale)',
	landmark: 'Rate at landmark (%)'
};

export type MarkRole = 'investigational' | 'comparator' | 'benchmark';
export type MarkShape = 'circle' | 'square' | 'diamond';

export const ROLE_SHAPES: Record<MarkRole, MarkShape> = {
	investigational: 'circle',
	comparator: 'square',
	benchmark: 'diamond'
};

export const ROLE_LABELS: Record<MarkRole, string> = {
	investigational: 'Investigational arm',
	comparator: 'Comparator arm',
	benchmark: 'Standard-of-care benchmark'
};
