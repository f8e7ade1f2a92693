/**
 * Dataset text is never markup and a dataset URL is only a link when it is http(s): a
 * `javascript:` or `data:` URL in an imported dataset must never become clickable.
 */
export function safeHref(url: string | null | undefined): string | null {
	// Stryker disable next-line ConditionalExpression: new URL throws on '' and on null as well, which also gives null
	if (!url) return null;
	try {
		const parsed = new URL(url);
		return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
	} catch {
		return null;
	}
}

/** A DOI as an https link to its resolver. */
export function doiHref(doi: string | null | undefined): string | null {
	if (!doi) return null;
	const clean = doi.trim().replace(/^https?:\/\/(dx\.)?doi\.org\//i, '');
	return /^10\.\d{4,9}\/\S+$/.test(clean) ? `https://doi.org/${encodeURI(clean)}` : null;
}
