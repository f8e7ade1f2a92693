/**
 * Default export titles from the view and its filters, e.g.
 * "Efficacy: response rates — KN026, zanidatamab · gastric 2L". Pure: every view's adapter uses it,
 * so titles read the same way across views and in the embed.
 */
import type { Filters } from '$lib/state/view-state';

/** "KN026, zanidatamab · gastric 2L · FDA": the filters a reader needs to read the chart right. */
export function filterPhrase(
	filters: Filters,
	assetName: (id: string) => string,
	maxAssets = 4
): string {
	const parts: string[] = [];
	if (filters.assets.length > 0) {
		const names = filters.assets.map(assetName);
		const shown = names.slice(0, maxAssets);
		const more = names.length - shown.length;
		parts.push(shown.join(', ') + (more > 0 ? ` +${more}` : ''));
	}
	const setting = [
		...filters.indications,
		...filters.biomarkers,
		...filters.lines,
		...filters.modalities
	].join(' ');
	if (setting) parts.push(setting);
	const where = [...filters.regions, ...filters.agencies, ...filters.phases].join(', ');
	if (where) parts.push(where);
	if (filters.roles.length === 1)
		parts.push(filters.roles[0] === 'focus' ? 'focus' : 'comparators');
	if (filters.from || filters.to) parts.push(`${filters.from ?? '…'}–${filters.to ?? '…'}`);
	return parts.join(' · ');
}

/** "View: what — filters" (the dash part only when a filter is set). */
export function viewTitle(view: string, what: string, phrase: string): string {
	const head = what ? `${view}: ${what}` : view;
	return phrase ? `${head} — ${phrase}` : head;
}

/** Unique source ids, first cited first. */
export function collectSourceIds(
	items: Iterable<{ sources?: readonly { id: string }[] } | null | undefined>
): string[] {
	const seen = new Set<string>();
	for (const item of items) for (const ref of item?.sources ?? []) seen.add(ref.id);
	return [...seen];
}
