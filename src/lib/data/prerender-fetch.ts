/**
 * The build's fetch for prerendering: reads a file of static/ from disk. Through SvelteKit's own
 * fetch the built-in dataset (about 550 KB) would be written into every prerendered page for the
 * browser to reuse; read this way it is not, and the browser fetches (and caches) it once.
 * Imported only on the server, at build time (see routes/+layout.ts).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { base } from '$app/paths';

export const prerenderFetch: typeof fetch = async (input) => {
	const path = new URL(String(input), 'http://build.invalid').pathname.slice(base.length);
	try {
		return new Response(await readFile(join('static', decodeURIComponent(path)), 'utf8'), {
			headers: { 'content-type': 'application/json' }
		});
	} catch {
		return new Response(null, { status: 404 });
	}
};
