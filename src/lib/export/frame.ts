/**
 * What every exported chart carries besides its marks: a title, a subtitle, and a footer with
 * short source citations, "data as of" and, for cross-trial efficacy charts, the not-head-to-head
 * note. Pure: the share menu builds it from the view and its filters; SVG, PNG and PPTX read it.
 */
export interface ExportFrame {
	title: string;
	subtitle: string;
	/** Short citations, e.g. "Ma J et al. Cancer Commun 2025". */
	sources: string[];
	asOf: string;
	notes: string[];
	/** A link to the live view, for the PPTX notes and the footer. */
	link: string;
}

/** Footer lines, wrapped to about `maxChars` characters each. */
export function footerLines(frame: ExportFrame, maxChars = 160): string[] {
	const lines: string[] = [...frame.notes];
	const sources = frame.sources.length
		? `Sources: ${frame.sources.join('; ')}`
		: 'Sources: none in view';
	lines.push(...wrapText(sources, maxChars));
	lines.push(`Data as of ${frame.asOf}. Made with Landscape.`);
	return lines;
}

/** Greedy word wrap; a single word longer than the limit gets its own line. */
export function wrapText(text: string, maxChars: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		if (line && line.length + 1 + word.length > maxChars) {
			lines.push(line);
			line = word;
		} else {
			line = line ? `${line} ${word}` : word;
		}
	}
	if (line) lines.push(line);
	return lines;
}
