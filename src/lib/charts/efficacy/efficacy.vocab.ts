/**
 * The forest plot's vocabulary: endpoint families and names, arm roles and their shapes.
 */
import type { Endpoint } from '$lib/data/schema';
import type { EndpointFamily } from '$lib/state/view-state';

export const FAMILY_OF_ENDPOINT: Record<Endpoint, EndpointFamily> = {
	ORR: 'response',
	cORR: 'response',
	DCR: 'response',
	CBR: 'response',
	pCR: 'response',
	tpCR: 'response',
	mPFS: 'median',
	mOS: 'median',
	mDOR: 'median',
	'HR-PFS': 'hazard',
	'HR-OS': 'hazard',
	'PFS-rate': 'landmark',
	'OS-rate': 'landmark',
	'DOR-rate': 'landmark'
};

/** Endpoints in display order, per family. */
export const ENDPOINT_ORDER: readonly Endpoint[] = [
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
];

export const ENDPOINT_NAMES: Record<Endpoint, string> = {
	ORR: 'Objective response rate',
	cORR: 'Confirmed objective response rate',
	DCR: 'Disease control rate',
	CBR: 'Clinical benefit rate',
	pCR: 'Pathological complete response',
	tpCR: 'Total pathological complete response',
	mPFS: 'Median progression-free survival',
	mOS: 'Median overall survival',
	mDOR: 'Median duration of response',
	'HR-PFS': 'Hazard ratio, progression-free survival',
	'HR-OS': 'Hazard ratio, overall survival',
	'PFS-rate': 'Progression-free survival rate',
	'OS-rate': 'Overall survival rate',
	'DOR-rate': 'Duration-of-response rate'
};

export const FAMILY_TITLES: Record<EndpointFamily, string> = {
	response: 'Response rates',
	median: 'Medians',
	hazard: 'Hazard ratios',
	landmark: 'Landmark rates'
};

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
