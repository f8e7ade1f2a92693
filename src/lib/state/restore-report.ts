/**
 * What became of a stored view when it was restored: the state to show, and in words what of it
 * could not be kept (a setting an older version stored in another form, an asset or indication
 * the dataset no longer has). The user is told, so a view that comes back different never looks
 * like the one they left. Pure.
 */
import { coerceViewState, defaultViewState, isRecord, type ViewState } from './view-state';
import { decode, encode, type KnownIds } from './url-codec';

export interface RestoreReport {
	state: ViewState;
	/** One sentence per setting that was dropped or reset; empty when all of it came back. */
	notes: string[];
	/** Nothing of the stored record could be read: the default view is shown instead. */
	discarded: boolean;
}

const SECTIONS = ['filters', 'timeline', 'mechanisms', 'efficacy'] as const;
const SECTION_NAMES: Record<(typeof SECTIONS)[number], string> = {
	filters: 'Filter',
	timeline: 'Timeline',
	mechanisms: 'Mechanisms',
	efficacy: 'Efficacy'
};

/** "milestoneTypes" → "milestone types": field names as a reader says them. */
const words = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** Same value, arrays compared as sets (the codec may reorder them). */
function same(a: unknown, b: unknown): boolean {
	if (Array.isArray(a) && Array.isArray(b)) {
		const set = new Set(b.map(String));
		return a.length === b.length && a.every((x) => set.has(String(x)));
	}
	return JSON.stringify(a) === JSON.stringify(b);
}

/** Stored state checked against today's dataset: unknown ids dropped, damaged fields defaulted. */
export function sanitizeStoredState(raw: unknown, known: KnownIds): ViewState {
	return decode(encode(coerceViewState(raw)), known).state;
}

export function restoreReport(raw: unknown, known: KnownIds): RestoreReport {
	if (!isRecord(raw) || !SECTIONS.some((s) => isRecord(raw[s])))
		return {
			state: defaultViewState(),
			notes: ['It was stored in a form this version cannot read, so the default view is shown.'],
			discarded: true
		};
	const coerced = coerceViewState(raw);
	const state = decode(encode(coerced), known).state;
	const notes: string[] = [];
	for (const section of SECTIONS) {
		const stored = raw[section];
		if (!isRecord(stored)) continue;
		const read = coerced[section] as unknown as Record<string, unknown>;
		const kept = state[section] as unknown as Record<string, unknown>;
		for (const key of Object.keys(read)) {
			if (stored[key] === undefined) continue; // a field added since: its default, nothing lost
			const name = `${SECTION_NAMES[section]} “${words(key)}”`;
			if (!same(stored[key], read[key])) {
				notes.push(`${name} was stored in a form this version cannot read: reset.`);
				continue;
			}
			if (same(read[key], kept[key])) continue;
			if (Array.isArray(read[key]) && Array.isArray(kept[key])) {
				const still = new Set((kept[key] as unknown[]).map(String));
				const gone = (read[key] as unknown[]).map(String).filter((x) => !still.has(x));
				notes.push(
					`${name}: ${gone.join(', ')} ${gone.length === 1 ? 'is' : 'are'} not in this dataset, so ${gone.length === 1 ? 'it was' : 'they were'} left out.`
				);
			} else
				notes.push(
					`${name}: “${String(read[key])}” does not apply to this dataset, so it was reset.`
				);
		}
	}
	return { state, notes, discarded: false };
}
