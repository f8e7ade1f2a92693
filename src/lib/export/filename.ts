/**
 * File names that say what they contain: dataset, view, the main filters and the date, e.g.
 * "her2-efficacy-kn026-zanidatamab-response-2026-11-22.png".
 */
export function exportFilename(parts: {
	dataset: string;
	view: string;
	details: readonly string[];
	date: Date;
	extension: string;
}): string {
	const slug = (text: string) =>
		text
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '');
	const details = parts.details.map(slug).filter(Boolean).slice(0, 4);
	const stem = [slug(parts.dataset), slug(parts.view), ...details].filter(Boolean).join('-');
	const day = parts.date.toISOString().slice(0, 10);
	return `${stem.slice(0, 100)}-${day}.${parts.extension.replace(/^\./, '')}`;
}
