/**
 * The matrix's rows: attribute groups and, per row, its label, group and what it reads.
 */
import type { MechanismGroup } from '$lib/state/view-state';
// ── Rows ────────────────────────────────────────────────────────────────────────────────────────

export const GROUP_LABELS: Record<MechanismGroup, string> = {
	binding: 'Target and binding',
	molecule: 'Molecule',
	payload: 'Payload (ADCs)',
	development: 'Development',
	evidence: 'Evidence'
};

export type RowId =
	| 'target'
	| 'domains'
	| 'biparatopic'
	| 'modality'
	| 'format'
	| 'effector'
	| 'platform'
	| 'payload'
	| 'linker'
	| 'dar'
	| 'conjugation'
	| 'originator'
	| 'partners'
	| 'phases'
	| 'approvals'
	| 'readouts'
	| 'headline';

export interface RowDef {
	id: RowId;
	group: MechanismGroup;
	label: string;
	description: string;
}

export const ROWS: readonly RowDef[] = [
	{ id: 'target', group: 'binding', label: 'Target', description: 'The antigen bound.' },
	{
		id: 'domains',
		group: 'binding',
		label: 'HER2 domains',
		description: 'Extracellular domains (I–IV) bound.'
	},
	{
		id: 'biparatopic',
		group: 'binding',
		label: 'Biparatopic',
		description: 'Binds two distinct epitopes of the target.'
	},
	{ id: 'modality', group: 'molecule', label: 'Modality', description: 'Kind of molecule.' },
	{ id: 'format', group: 'molecule', label: 'Format', description: 'Molecular format.' },
	{
		id: 'effector',
		group: 'molecule',
		label: 'Fc / effector',
		description: 'Fc and effector-function notes.'
	},
	{ id: 'platform', group: 'molecule', label: 'Platform', description: 'Technology platform.' },
	{ id: 'payload', group: 'payload', label: 'Payload class', description: 'Cytotoxic payload.' },
	{ id: 'linker', group: 'payload', label: 'Linker', description: 'Linker chemistry.' },
	{ id: 'dar', group: 'payload', label: 'DAR', description: 'Drug-to-antibody ratio.' },
	{
		id: 'conjugation',
		group: 'payload',
		label: 'Conjugation',
		description: 'How the payload is attached.'
	},
	{ id: 'originator', group: 'development', label: 'Originator', description: 'Who made it.' },
	{
		id: 'partners',
		group: 'development',
		label: 'Partners and licensees',
		description: 'Deals: counterparty, kind, territory, date and value.'
	},
	{
		id: 'phases',
		group: 'development',
		label: 'Highest phase by region',
		description: 'The furthest phase reached (actual, not planned) in each region.'
	},
	{
		id: 'approvals',
		group: 'development',
		label: 'Approvals',
		description: 'Approval milestones: agency, kind and date.'
	},
	{
		id: 'readouts',
		group: 'evidence',
		label: 'Readouts',
		description: 'Number of readouts in view.'
	},
	{
		id: 'headline',
		group: 'evidence',
		label: 'Headline readout',
		description:
			'The investigational ORR or cORR with the largest n; otherwise the first readout. With its CI.'
	}
];
