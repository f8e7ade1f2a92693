import type { Handle } from '@sveltejs/kit';
import { building } from '$app/environment';
import { finishPrerenderedPage } from '$lib/server/prerendered-page';

/**
 * Runs when the build writes each page's HTML (the app has no server).
 *
 * Besides the scripts and stylesheets SvelteKit preloads by default, the page preloads the
 * interface font (its woff2 files; browsers that need the woff fallback find it through the
 * stylesheet). Found only through the stylesheet, the font was requested when the first text was
 * laid out — after the scripts had run — so the first screen drew in a fallback font and reflowed
 * a moment later.
 *
 * Each prerendered page then gets what its first paint needs (see prerendered-page.ts).
 */
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		preload: ({ type, path }) =>
			type === 'js' || type === 'css' || (type === 'font' && path.endsWith('.woff2')),
		transformPageChunk: ({ html, done }) => {
			if (!building || !done) return html;
			// The single-page fallback (200.html) matches no route: it holds no view to guard.
			return finishPrerenderedPage(html, event.route.id !== null);
		}
	});
