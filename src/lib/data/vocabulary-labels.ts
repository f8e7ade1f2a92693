/**
 * The words people read for each vocabulary value, one answer per value: the filter menu, the
 * timeline legend and tooltips, the forest plot's panels and the exports all take them from here.
 * Typed Record<Union, …>, so a value added to vocabulary.ts without a label does not compile.
 */
import type { AssetAttributeKey } from './schema';
import type { Designation, Endpoint, EndpointFamily, MilestoneType } from './vocabulary';

/** Milestone types. Where the filter menu and the legend differed, the legend's fuller words won. */
export const MILESTONE_TYPE_LABELS: Record<MilestoneType, string> = {
	ind: 'IND',
	'trial-start': 'Trial start',
	'phase-transition': 'Phase transition',
	designation: 'Designation',
	submission: 'Submission',
	acceptance: 'Filing accepted',
	approval: 'Approval',
	deal: 'Deal / licence',
	'data-presentation': 'Data presentation',
	topline: 'Topline result',
	other: 'Other'
};

export const DESIGNATION_LABELS: Record<Designation, string> = {
	'breakthrough-therapy': 'Breakthrough therapy',
	'fast-track': 'Fast track',
	'orphan-drug': 'Orphan drug',
	'priority-review': 'Priority review'
};

export const ENDPOINT_FAMILY: Record<Endpoint, EndpointFamily> = {
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

export const ENDPOINT_LABELS: Record<Endpoint, string> = {
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

export const ENDPOINT_FAMILY_LABELS: Record<EndpointFamily, string> = {
	response: 'Response rates',
	median: 'Medians',
	hazard: 'Hazard ratios',
	landmark: 'Landmark rates'
};

/** Asset attributes, in the order the Data view and the matrix list them. */
export const ASSET_ATTRIBUTE_LABELS: Record<AssetAttributeKey, string> = {
	target: 'Target',
	modality: 'Modality',
	format: 'Format',
	domains: 'HER2 domains',
	biparatopic: 'Biparatopic',
	effector: 'Effector function',
	platform: 'Platform',
	payload: 'Payload',
	linker: 'Linker',
	dar: 'DAR',
	conjugation: 'Conjugation',
	originator: 'Originator'
};

export const ASSET_ATTRIBUTE_KEYS = Object.keys(ASSET_ATTRIBUTE_LABELS) as AssetAttributeKey[];
