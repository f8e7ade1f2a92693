/**
 * What a chart slide says besides its marks: the footer (caveats, short sources, as-of) kept to a
 * few legible lines, and the speaker notes holding every source in full with the exact quotes
 * that back the slide's marks. Pure.
 */
import type { Source } from '$lib/data/schema';
import { shortCitation } from '../citation';
import type { ExportFrame } from '../frame';
import type { Citation } from './scene';

/** "Publisher (2025-03). Title. https://… " — a reader can find the publication from it. */
export function fullCitation(source: Source): string {
	const where = source.url ?? (source.doi ? `https://doi.org/${source.doi}` : null);
	const date = source.date ? ` (${source.date})` : '';
	return [`${source.publisher ?? source.kind}${date}`, source.title, where]
		.filter(Boolean)
		.join('. ');
}

/** Unique source ids in the order first cited. */
export function citedIds(citations: readonly Citation[]): string[] {
	return [...new Set(citations.map((c) => c.sourceId))];
}

/** Footer lines for a slide: caveats, the sources in short (up to `maxSources`), as-of. */
export function footerText(
	frame: ExportFrame,
	notes: readonly string[],
	sourceIds: readonly string[],
	sourcesById: ReadonlyMap<string, Source>,
	maxSources = 3
): string[] {
	const names = sourceIds
		.map((id) => sourcesById.get(id))
		.filter((s): s is Source => s !== undefined)
		.map((s) => shortCitation(s, 48));
	const shown = names.slice(0, maxSources);
	const more = names.length - shown.length;
	const sources = names.length
		? `Sources: ${shown.join('; ')}${more > 0 ? `; +${more} more` : ''} (full citations and quotes in the notes)`
		: 'Sources: none in view';
	return [...new Set([...frame.notes, ...notes])].concat(sources, `Data as of ${frame.asOf}.`);
}

/** Speaker notes: what the slide shows, its caveats, and each source with the quotes used. */
export function speakerNotesWithQuotes(
	frame: ExportFrame,
	subtitle: string,
	notes: readonly string[],
	citations: readonly Citation[],
	sourcesById: ReadonlyMap<string, Source>
): string {
	const lines = [frame.title, subtitle, ...new Set([...frame.notes, ...notes]), '', 'Sources:'];
	const byId = new Map<string, Citation[]>();
	for (const c of citations) {
		const list = byId.get(c.sourceId);
		if (list) list.push(c);
		else byId.set(c.sourceId, [c]);
	}
	let n = 0;
	for (const [id, cited] of byId) {
		const source = sourcesById.get(id);
		n++;
		lines.push(`${n}. ${source ? fullCitation(source) : id}`);
		const seen = new Set<string>();
		for (const c of cited) {
			const key = `${c.quote}\u0000${c.fact}`;
			if (seen.has(key)) continue;
			seen.add(key);
			lines.push(`   – “${c.quote}” (${c.fact})`);
		}
	}
	if (n === 0) lines.push('none in view');
	lines.push('', `Data as of ${frame.asOf}.`, `Live view: ${frame.link}`);
	return lines.join('\n');
}
