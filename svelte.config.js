import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * SvelteKit's route announcer (the live region that tells screen readers about navigation) carries
 * an inline style attribute. Rather than allow every inline style ('unsafe-inline'), the policy
 * allows exactly that one by its hash, read from the installed SvelteKit so an upgrade stays right.
 */
function announcerStyleHash() {
	const require = createRequire(import.meta.url);
	const kit = dirname(require.resolve('@sveltejs/kit/package.json'));
	const root = join(kit, 'src/core/sync/write_root.js');
	const match = /id="svelte-announcer"[^>]*style="([^"]+)"/.exec(readFileSync(root, 'utf8'));
	if (!match) throw new Error('svelte.config.js: SvelteKit route announcer style not found');
	return `sha256-${createHash('sha256').update(match[1]).digest('base64')}`;
}

/**
 * Hosting under a sub-path (e.g. https://intranet.example.com/landscape/): build with
 * BASE_PATH=/landscape npm run build. Paths must start with "/" and have no trailing slash.
 */
const base = process.env.BASE_PATH ?? '';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// One version per build, however often the build loads this file: the client and the
		// prerendered pages name the same start-up global (__sveltekit_<hash of the version>). With
		// the default, Date.now() at each load, a slow machine once built pages whose scripts
		// looked for another global and failed to start. `npm test` sets it once for the build and
		// the unit run together (both write the generated files that carry it).
		version: { name: (process.env.LANDSCAPE_BUILD_VERSION ??= Date.now().toString()) },
		// A static site: each view prerendered, any other path falls back to 200.html. `precompress`
		// writes a .gz and a .br beside each file so a host can send them as they are (see README).
		adapter: adapter({
			pages: 'build',
			assets: 'build',
			fallback: '200.html',
			precompress: true,
			strict: true
		}),
		paths: { base, relative: false },
		// Each page carries its stylesheets (allowed by hash): a prerendered chart is painted as
		// the page is read, not after seven stylesheet requests.
		inlineStyleThreshold: Infinity,
		prerender: {
			// The Data view's links to a record (/data#readouts/<id>) name a tab and a row the
			// browser opens from the hash; the prerendered page shows the first tab, without them.
			handleMissingId: 'ignore'
		},
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-hashes', announcerStyleHash()],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self', 'data:'],
				'connect-src': ['self'],
				'worker-src': ['self', 'blob:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-src': ['none']
			}
		}
	}
};

export default config;
