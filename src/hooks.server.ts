import type { Handle } from '@sveltejs/kit';

/**
 * Runs when the build writes each page's HTML shell (the app has no server). Besides the scripts
 * and stylesheets SvelteKit preloads by default, the shell preloads the interface font (its
 * woff2 files; browsers that need the woff fallback find it through the stylesheet). Found only
 * through the stylesheet, the font was requested when the first text was laid out — after the
 * scripts had run — so the first screen drew in a fallback font and reflowed a moment later.
 */
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		preload: ({ type, path }) =>
			type === 'js' || type === 'css' || (type === 'font' && path.endsWith('.woff2'))
	});
