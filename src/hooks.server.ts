import type { Handle } from '@sveltejs/kit';
import { building } from '$app/environment';
import { finishPrerenderedPage, pageKind } from '$lib/server/prerendered-page';

/**
 * Runs when the build writes each page's HTML (the app has no server): each prerendered page
 * gets what its first paint needs (see prerendered-page.ts). The page carries its stylesheets and
 * the interface font (svelte.config.js, vite.config.ts), so SvelteKit's default preloads (its
 * scripts) are all it asks for besides.
 */
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		transformPageChunk: ({ html, done }) => {
			if (!building || !done) return html;
			// The single-page fallback (200.html) matches no route: it holds no view to guard.
			return finishPrerenderedPage(html, pageKind(event.route.id));
		}
	});
