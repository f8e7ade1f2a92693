/**
 * Embedding a chart in an intranet page: the iframe snippet and the height message the embed
 * route posts to its host so the host can size the iframe to the chart.
 */
export const EMBED_MESSAGE_TYPE = 'landscape:resize';

export interface EmbedResizeMessage {
	type: typeof EMBED_MESSAGE_TYPE;
	view: string;
	height: number;
}

export function isEmbedResizeMessage(data: unknown): data is EmbedResizeMessage {
	if (typeof data !== 'object' || data === null) return false;
	const message = data as Record<string, unknown>;
	return (
		message.type === EMBED_MESSAGE_TYPE &&
		typeof message.view === 'string' &&
		typeof message.height === 'number' &&
		Number.isFinite(message.height)
	);
}

function escapeAttribute(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * The HTML a user pastes into a page: a lazy, titled iframe, and a few lines that resize it when
 * the chart reports its height (only messages from the embed's own origin are believed).
 */
export function embedSnippet(options: { url: string; title: string; height?: number }): string {
	const url = new URL(options.url);
	const id = `landscape-${Math.abs(hash(url.href)).toString(36)}`;
	const height = Math.round(options.height ?? 480);
	return [
		`<iframe id="${id}" src="${escapeAttribute(url.href)}" title="${escapeAttribute(options.title)}" loading="lazy" width="100%" height="${height}" style="border:0"></iframe>`,
		`<script>addEventListener('message',function(e){if(e.origin!==${JSON.stringify(url.origin)}||!e.data||e.data.type!=='${EMBED_MESSAGE_TYPE}')return;var f=document.getElementById('${id}');if(f&&e.source===f.contentWindow)f.style.height=e.data.height+'px'});</script>`
	].join('\n');
}

/** A small stable string hash (djb2) for element ids. */
function hash(text: string): number {
	let h = 5381;
	for (let i = 0; i < text.length; i++) h = (h * 33) ^ text.charCodeAt(i);
	return h | 0;
}

/** The embed URL for a view, carrying the same state query as the page it came from. */
export function embedUrl(pageUrl: URL, base: string, view: string): string {
	const url = new URL(`${base}/embed/${view}`, pageUrl.origin);
	url.search = pageUrl.search;
	return url.href;
}
