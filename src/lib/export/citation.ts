/** Short source citations for chart footers: "Cancer Communications, 2025: Efficacy and safety of…". */
import type { Source } from '$lib/data/schema';

export function shortCitation(source: Source, maxTitle = 70): string {
	const year = source.date?.slice(0, 4);
	const title =
		source.title.length > maxTitle
			? `${source.title.slice(0, maxTitle - 1).trimEnd()}…`
			: source.title;
	const origin = [source.publisher, year].filter(Boolean).join(', ');
	return origin ? `${origin}: ${title}` : title;
}

/** Unique citations, in the order first cited. */
export function citationsFor(
	ids: readonly string[],
	sourcesById: ReadonlyMap<string, Source>
): string[] {
	const seen = new Set<string>();
	const out: string[] = [];
	for (const id of ids) {
		if (seen.has(id)) continue;
		seen.add(id);
		const source = sourcesById.get(id);
		if (source) out.push(shortCitation(source));
	}
	return out;
}
