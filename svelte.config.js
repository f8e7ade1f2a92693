import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * Hosting under a sub-path (e.g. https://intranet.example.com/landscape/): build with
 * BASE_PATH=/landscape npm run build. Paths must start with "/" and have no trailing slash.
 */
const base = process.env.BASE_PATH ?? '';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// A client-only single-page app: every route falls back to 200.html.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: '200.html', strict: true }),
		paths: { base, relative: false },
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
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
