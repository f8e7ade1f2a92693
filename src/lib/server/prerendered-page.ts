/**
 * What a prerendered page needs besides SvelteKit's own output (used by hooks.server.ts, at build
 * time only: the app has no server).
 *
 * - Style attributes. A prerendered chart carries a few inline `style="…"` attributes (a reserved
 *   height, a legend swatch's colour). The policy allows no inline style in general; it allows
 *   exactly these, by their hashes ('unsafe-hashes' limits hashes to attributes). Once the app
 *   runs, it sets styles through the DOM, which the policy does not restrict.
 * - The first-paint guard. A view's page holds the built-in dataset's default view, drawn for a
 *   wide window. When the browser will show another view (the link carries view state or names a
 *   dataset, this browser keeps a saved view or imported datasets, or the window is too narrow
 *   for that drawing), a small script in the head hides the app's root until the app has drawn
 *   the right one, as before prerendering, so the default chart never flashes first. It also
 *   marks the page as run by scripts (html.js), which hides a prerendered chart in a column
 *   narrower than it was drawn for until the app has redrawn it (app.css). The script is allowed
 *   by its hash.
 * - A first paint that waits for no request: the page carries its stylesheets and the interface
 *   font (svelte.config.js, vite.config.ts); here the font is preloaded and the app's scripts are
 *   put behind the page.
 */
import { createHash } from 'node:crypto';

/**
 * Keys the app keeps in localStorage (db/hints.ts): a saved view other than the default, and
 * imported datasets. Either may change what a bare visit shows.
 */
const HINT_KEYS = ['landscape:has-saved-state', 'landscape:has-imports'];

/**
 * Below this window width the charts are drawn in another arrangement than the prerendered one
 * (the forest plot's rows stacked, the timeline scrolling sideways with its labels kept in view:
 * a phone, 400 % zoom, a narrow embed), so the app draws them as before, in the browser.
 */
export const PRERENDERED_MIN_WIDTH = 720;

/**
 * Until the app runs the page (html[data-app-ready], set by the root layout), a key pressed in one
 * of its controls would change it natively (an arrow key moves a radio choice, a letter goes into a
 * field) and the app, taking over, would put it back: the reader's choice silently lost. Such keys
 * do nothing meanwhile, as clicks do (app.css). Tab, Escape, function keys and shortcuts with
 * Ctrl, Alt or Cmd pass (the browser's own: reload, find); links still work.
 */
const KEYS_WAIT_FOR_APP = `function w(e){var t=e.target;if(!('appReady' in d.dataset)&&!e.ctrlKey&&!e.metaKey&&!e.altKey&&!/^(Tab|Escape|F\\d+)$/.test(e.key)&&t&&t.closest&&t.closest('input,select,textarea,button,summary'))e.preventDefault()}document.addEventListener('keydown',w,true);document.addEventListener('beforeinput',w,true);`;

/**
 * The prerendered drawing writes its x positions as `calc(a% + b px)` in SVG attributes
 * (charts/shared/fluid.ts), glyphs and spans placed by nested `<svg>` elements. Chromium honours
 * that everywhere the drawing uses it. Firefox (ESR 153 checked) does on a rect but not on a
 * nested `<svg>`: its glyphs fall to the chart's left edge and its whiskers span the whole width.
 * The guard places a nested svg at calc(50% + 1px) in a 100 px box, off screen for the moment it
 * takes (nothing is painted yet), and where it does not land at 51 px marks the page
 * html.no-fluid-svg, which hides the drawing until the app has drawn it in pixels (app.css).
 */
const FLUID_SVG_CHECK = `try{var n='http://www.w3.org/2000/svg',o=document.createElementNS(n,'svg'),i=document.createElementNS(n,'svg'),r=document.createElementNS(n,'rect');o.setAttribute('width','100');o.setAttribute('height','1');o.style.position='absolute';i.setAttribute('x','calc(50% + 1px)');r.setAttribute('width','1');r.setAttribute('height','1');i.appendChild(r);o.appendChild(i);d.appendChild(o);var x=-1;try{x=Math.round(r.getBoundingClientRect().left-o.getBoundingClientRect().left)}catch(e){}d.removeChild(o);if(x!==51)d.classList.add('no-fluid-svg')}catch(e){d.classList.add('no-fluid-svg')}`;

/**
 * Hides the app's root (app.css: html.client-render) when the browser will draw another view,
 * marks the page as run by scripts (html.js) and one whose browser would misplace the drawing
 * (html.no-fluid-svg), and holds keys in its controls until the app runs.
 */
export const FIRST_PAINT_GUARD = `(function(){var d=document.documentElement;d.classList.add('js');${KEYS_WAIT_FOR_APP}${FLUID_SVG_CHECK}try{if(innerWidth<${PRERENDERED_MIN_WIDTH}||location.search.length>1||location.hash.length>1||${JSON.stringify(
	HINT_KEYS
)}.some(function(k){return localStorage.getItem(k)==='1'}))d.classList.add('client-render')}catch(e){d.classList.add('client-render')}})()`;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** An attribute value as the browser reads it (the entities Svelte writes in attributes). */
function attributeText(raw: string): string {
	return raw
		.replaceAll('&quot;', '"')
		.replaceAll('&#39;', "'")
		.replaceAll('&lt;', '<')
		.replaceAll('&gt;', '>')
		.replaceAll('&amp;', '&');
}

/** Adds `sources` to one directive of the page's content-security-policy meta tag. */
function allowIn(html: string, directive: string, sources: string[]): string {
	if (sources.length === 0) return html;
	const pattern = new RegExp(
		`(<meta http-equiv="content-security-policy" content="[^"]*\\b${directive} [^;"]*)`
	);
	if (!pattern.test(html))
		throw new Error(`prerendered page: no ${directive} in its content-security-policy`);
	return html.replace(pattern, (policy) => `${policy} ${sources.join(' ')}`);
}

/**
 * Preloads of the fonts the page's stylesheets carry as data (the interface font: app.css).
 * Chromium holds the first paint for a preloaded font, so that paint is drawn in it; as data it
 * comes without a request, in time even in a busy browser. Each link names the same URL as the
 * stylesheet, so the stylesheet finds the font preloaded. The links go just before the
 * stylesheet, whose first rules are those fonts, and in reverse order: gzip, which looks back only
 * 32 KB, then sends the first font's second copy as a reference to its first (brotli, which looks
 * back further, both).
 *
 * No `crossorigin` on them, though a font is fetched in CORS mode: WebKit (Safari) fails a font
 * whose data URL was preloaded in CORS mode, and then draws the whole visit in a fallback font,
 * wider than the one the chart's labels were fitted to (measured in WebKitGTK 2.50: both faces
 * "error" with it, "loaded" without). Chromium still holds the first paint for the preload and
 * draws in the font (the shell tests check it); it warns in the console that the preload goes
 * unused, because its mode differs from the font's.
 */
function preloadInlineFonts(html: string): string {
	const style = html.indexOf('<style');
	const head = html.slice(0, html.indexOf('</head>'));
	if (style < 0 || style > head.length) return html;
	const fonts = new Set(head.match(/data:font\/woff2;base64,[A-Za-z0-9+/=]+/g));
	const links = [...fonts]
		.reverse()
		.map((url) => `<link rel="preload" as="font" type="font/woff2" href="${url}">`);
	return html.slice(0, style) + links.join('') + html.slice(style);
}

/**
 * The app's scripts are preloaded at low priority: still requested at once, but no longer ahead
 * of the page itself, which holds the first chart.
 */
const lowPriorityScripts = (html: string) =>
	html.replaceAll('rel="modulepreload"', 'rel="modulepreload" fetchpriority="low"');

/**
 * The page's HTML with its style attributes allowed, its fonts preloaded, its scripts at low
 * priority and, for a view's page (`guard`; not the single-page fallback, which holds no view),
 * the first-paint guard.
 */
export function finishPrerenderedPage(html: string, guard: boolean): string {
	const styles = new Set<string>();
	const body = html.slice(html.indexOf('<body'));
	for (const match of body.matchAll(/\sstyle="([^"]*)"/g))
		styles.add(attributeText(match[1] ?? ''));
	let page = allowIn(html, 'style-src', [...styles].map(sha256));
	page = lowPriorityScripts(preloadInlineFonts(page));
	if (guard) {
		page = allowIn(page, 'script-src', [sha256(FIRST_PAINT_GUARD)]);
		page = page.replace('<head>', `<head><script>${FIRST_PAINT_GUARD}</script>`);
	}
	return page;
}
