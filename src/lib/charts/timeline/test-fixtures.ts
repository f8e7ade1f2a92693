/**
 * Small hand-built assets, programs and milestones for the timeline's unit tests (parsed by the
 * schema, so defaults are filled in as for real data). Not real data.
 */
import { Asset, Milestone, Program } from '$lib/data/schema';
import { UNKNOWN_ATTRIBUTES } from '$lib/data/test-fixtures';

export function asset(id: string, role: 'focus' | 'comparator' = 'focus', name = id.toUpperCase()) {
	return Asset.parse({
		id,
		name,
		shortName: id.toUpperCase(),
		role,
		...UNKNOWN_ATTRIBUTES,
		target: { value: 'HER2' }
	});
}

export type PhaseIn = {
	phase: string;
	start: string | null;
	knownBy?: string;
	end?: string;
	status?: string;
};

export function program(
	id: string,
	assetId: string,
	phases: PhaseIn[],
	extra: Partial<{
		indicationGroup: string;
		indication: string;
		status: string;
		line: string | null;
		biomarker: string | null;
		region: string;
	}> = {}
) {
	const group = extra.indicationGroup ?? 'gastric';
	return Program.parse({
		id,
		asset: assetId,
		indication: extra.indication ?? `${group} cancer`,
		indicationGroup: group,
		line: extra.line === undefined ? '2L' : extra.line,
		biomarker: extra.biomarker === undefined ? 'HER2+' : extra.biomarker,
		region: extra.region ?? 'China',
		status: extra.status ?? 'active',
		phases: phases.map((p) => ({ ...p, sources: [] })),
		sources: []
	});
}

export function milestone(
	id: string,
	assetId: string,
	programId: string | null,
	date: string,
	extra: Partial<Record<string, unknown>> = {}
) {
	return Milestone.parse({
		id,
		asset: assetId,
		program: programId,
		type: 'other',
		agency: null,
		region: null,
		date,
		status: 'actual',
		label: `Milestone ${id}`,
		description: '',
		sources: [],
		...extra
	});
}
