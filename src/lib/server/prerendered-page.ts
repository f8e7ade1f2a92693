/**
 * What a prerendered page needs besides SvelteKit's own output (used by hooks.server.ts, at build
 * time only: the app has no server).
 *
 * - Style attributes. A prerendered chart carries a few inline `style="…"` attributes (a reserved
 *   height, a legend swatch's colour). The policy allows no inline style in general; it allows
 *   exactly these, by their hashes ('unsafe-hashes' limits hashes to attributes). Once the app
 *   runs, it sets styles through the DOM, which the policy does not restrict.
 * - The first-paint guard. A view's page holds the built-in dataset's default view, drawn for a
 *   few column widths. When the browser will show another view (the link carries view state or
 *   names a dataset, this browser keeps a saved view or imported datasets), a small script in
 *   the head hides the app's root until the app has drawn the right one, as before
 *   prerendering, so the default chart never flashes first. The script is allowed by its hash.
 * - A first paint that waits for no request: the page carries its stylesheets and the interface
 *   font (svelte.config.js, vite.config.ts); here the font is preloaded and the app's scripts are
 *   put behind the page.
 * - A first paint that shares the machine with nothing: where the page shows its drawing, the
 *   app's scripts are requested once that paint is on screen, not while it is being made.
 */
import { createHash } from 'node:crypto';
import { PRERENDER_WIDTH } from '../charts/shared/prerender-width';

/**
 * Keys the app keeps in localStorage (db/hints.ts): a saved view other than the default, and
 * imported datasets. Either may change what a bare visit shows.
 */
const HINT_KEYS = ['landscape:has-saved-state', 'landscape:has-imports'];

/**
 * Until the app runs the page (html[data-app-ready], set by the root layout), a key pressed in one
 * of its controls would change it natively (an arrow key moves a radio choice, a letter goes into a
 * field) and the app, taking over, would put it back: the reader's choice silently lost. Such keys
 * do nothing meanwhile, as clicks do (app.css). Tab, Escape, function keys and shortcuts with
 * Ctrl, Alt or Cmd pass (the browser's own: reload, find); links still work.
 */
const KEYS_WAIT_FOR_APP = `function w(e){var t=e.target;if(!('appReady' in d.dataset)&&!e.ctrlKey&&!e.metaKey&&!e.altKey&&!/^(Tab|Escape|F\\d+)$/.test(e.key)&&t&&t.closest&&t.closest('input,select,textarea,button,summary'))e.preventDefault()}document.addEventListener('keydown',w,true);document.addEventListener('beforeinput',w,true);`;

/**
 * The prerendered drawing writes its x positions as `calc(a% + b px)` where SVG takes it as CSS
 * (charts/shared/fluid.ts): the x and width of its rects. Chromium, Firefox (ESR 153) and WebKit
 * (WebKitGTK 2.50) do; a browser that does not would draw every bar and whisker at the chart's
 * left edge. The guard places a rect at calc(50% + 1px) in a 100 px svg, off screen for the moment
 * it takes (nothing is painted yet), and where it does not land at 51 px marks the page
 * html.no-fluid-svg, which hides the drawing until the app has drawn it in pixels (app.css). So
 * too in a browser without container queries, which pick the drawing for the column's width.
 */
const FLUID_SVG_CHECK = `try{var n='http://www.w3.org/2000/svg',o=document.createElementNS(n,'svg'),r=document.createElementNS(n,'rect');o.setAttribute('width','100');o.setAttribute('height','1');o.style.position='absolute';r.setAttribute('x','calc(50% + 1px)');r.setAttribute('width','1');r.setAttribute('height','1');o.appendChild(r);d.appendChild(o);var x=-1;try{x=Math.round(r.getBoundingClientRect().left-o.getBoundingClientRect().left)}catch(e){}d.removeChild(o);if(x!==51||!CSS.supports('container-type:inline-size'))d.classList.add('no-fluid-svg')}catch(e){d.classList.add('no-fluid-svg')}`;

/**
 * How long the app waits for the first paint at most: a page painted later (a slow machine, a tab
 * opened in the background and shown later) starts its app anyway.
 */
const FIRST_PAINT_WAIT_MS = 1500;

/** The head's list of the app's scripts, for the guard, which comes next (space-separated). */
export const APP_SCRIPTS_META = 'app-scripts';

/**
 * When the page shows its drawing, the app starts once the first paint is on screen. Its scripts,
 * requested with the page (SvelteKit preloads them in the head), were fetched and compiled on the
 * browser's other threads while the page was being laid out, painted and rastered, and that paint
 * came 35 ms later on a 2-core machine (/timeline, median of 9 traced loads: 208 → 173 ms). The
 * scripts are now requested when the starter runs (preloaded then, all at once, not one import
 * after another). Where the drawing is hidden (another view will be drawn, the browser misplaces
 * it, the tab is in the background) the app is what the reader waits for: the guard requests its
 * scripts at once, from the head (the list the page's head holds, APP_SCRIPTS_META), so they
 * arrive while the body is read, and the starter starts the app as soon as it runs. Asked for
 * from the starter, at the end of the body, they came only once the whole page was read: 112–281
 * ms after navigation on /efficacy's 730 KB with view state (32–62 ms from the head).
 */
const START_AFTER_FIRST_PAINT = `var m=document.querySelector('meta[name="${APP_SCRIPTS_META}"]'),u=m&&m.content?m.content.split(' '):[],p=0;function pre(){if(p)return;p=1;u.forEach(function(h){var l=document.createElement('link');l.rel='modulepreload';l.href=h;document.head.appendChild(l)})}function now(){return d.classList.contains('client-render')||d.classList.contains('no-fluid-svg')||document.visibilityState!=='visible'}window.__startAfterFirstPaint=function(s){var g=0;function go(){if(g)return;g=1;pre();s()}if(now())return go();try{new PerformanceObserver(go).observe({type:'paint',buffered:true})}catch(e){return go()}setTimeout(go,${FIRST_PAINT_WAIT_MS})};if(now())pre();`;

/**
 * Hides the app's root (app.css: html.client-render) when the browser will draw another view,
 * marks the page as one whose browser would misplace the drawing (html.no-fluid-svg), holds keys
 * in its controls until the app runs, and defines when the app starts (after the first paint,
 * where that paint holds the drawing).
 *
 * Whatever the window's width: every view's HTML is what the app draws in any column. The
 * charts hold a drawing for each width the app lays them out at, down to the narrowest column
 * (prerender-width.ts), the timeline's narrowest scrolling sideways as the app's does (app.css);
 * the matrix is a table the browser lays out; the stylesheet folds a view's introduction and
 * options on a phone as the app does (NarrowCollapse.svelte).
 */
export const FIRST_PAINT_GUARD = `(function(){var d=document.documentElement;${KEYS_WAIT_FOR_APP}${FLUID_SVG_CHECK}try{if(location.search.length>1||location.hash.length>1||${JSON.stringify(
	HINT_KEYS
)}.some(function(k){return localStorage.getItem(k)==='1'}))d.classList.add('client-render')}catch(e){d.classList.add('client-render')}${START_AFTER_FIRST_PAINT}})()`;

/** What a prerendered page is: a view's or an embed's, or the single-page fallback (no view). */
export type PageKind = 'view' | 'fallback';

/** The kind of page a route's is (its SvelteKit route id; null: the single-page fallback). */
export function pageKind(route: string | null): PageKind {
	return route === null ? 'fallback' : 'view';
}

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

/** SvelteKit's start-up script: it names the app's global, then imports and starts the app. */
const BOOT_SCRIPT = /<script>(\s*\{\s*__sveltekit_[a-z0-9]+ = [\s\S]*?)<\/script>/;
const MODULE_PRELOAD = /<link href="([^"]+)" rel="modulepreload"[^>]*>/g;

/**
 * Hands SvelteKit's start (its `Promise.all([import(…), …]).then(…)`) to the guard's starter.
 * The scripts the head preloaded come out, their links gone: the guard or the starter preloads
 * them (from the list APP_SCRIPTS_META). The policy allows the script by its new hash instead of
 * SvelteKit's.
 */
function startAfterFirstPaint(html: string): { html: string; scripts: string[] } {
	const boot = BOOT_SCRIPT.exec(html);
	const script = boot?.[1] ?? '';
	const allowed = sha256(script);
	const from = script.indexOf('Promise.all([');
	const to = script.lastIndexOf('});') + 2;
	if (from < 0 || to < from || !html.includes(allowed))
		throw new Error('prerendered page: SvelteKit’s start-up script is not the one expected');
	const scripts = [...html.matchAll(MODULE_PRELOAD)].map((link) => link[1]!);
	const started = `${script.slice(0, from)}window.__startAfterFirstPaint(() => ${script.slice(from, to)})${script.slice(to)}`;
	return {
		html: html
			.replace(MODULE_PRELOAD, '')
			.replace(`<script>${script}</script>`, () => `<script>${started}</script>`)
			.replace(allowed, sha256(started)),
		scripts
	};
}

/** The opening tag of a drawing made for a narrower column than the widest (app.css). */
const NARROWER_DRAWING = new RegExp(
	`<div\\b[^>]*\\sdata-layout-width="(?!${PRERENDER_WIDTH}")\\d+"`,
	'g'
);

/**
 * The drawings made for narrower columns without the hydration markers Svelte writes in them:
 * comments, some 1,900 nodes in each of the timeline's, for the parser to make and hydration to
 * remove. The app never hydrates these drawings: it drops each whole (an each block empty in the
 * browser, whose own markers stay outside them) and draws the chart for the column in its place.
 * On a link with view state, which waits for the app, the timeline's chart came 16 ms sooner
 * without them (median of 16 alternating loads).
 */
export function unmarkNarrowerDrawings(html: string): string {
	let out = '';
	let from = 0;
	for (const open of html.matchAll(NARROWER_DRAWING)) {
		if (open.index < from) continue;
		const end = closingDiv(html, open.index);
		out += html.slice(from, open.index) + html.slice(open.index, end).replace(/<!--[^]*?-->/g, '');
		from = end;
	}
	return out + html.slice(from);
}

/** The index just past the `</div>` closing the div that opens at `start`. */
function closingDiv(html: string, start: number): number {
	const tags = /<(\/?)div\b/g;
	tags.lastIndex = start;
	let depth = 0;
	for (let tag = tags.exec(html); tag; tag = tags.exec(html)) {
		depth += tag[1] ? -1 : 1;
		if (depth === 0) return html.indexOf('>', tag.index) + 1;
	}
	throw new Error('prerendered page: a drawing’s <div> is not closed');
}

/**
 * The page's HTML with its style attributes allowed and its fonts preloaded; for a view's or an
 * embed's page, the first-paint guard, which starts the app; in the single-page fallback, which
 * holds no view, its scripts preloaded at low priority.
 */
export function finishPrerenderedPage(html: string, kind: PageKind): string {
	const styles = new Set<string>();
	const body = html.slice(html.indexOf('<body'));
	for (const match of body.matchAll(/\sstyle="([^"]*)"/g))
		styles.add(attributeText(match[1] ?? ''));
	let page = allowIn(unmarkNarrowerDrawings(html), 'style-src', [...styles].map(sha256));
	page = preloadInlineFonts(page);
	if (kind === 'fallback') return lowPriorityScripts(page);
	const started = startAfterFirstPaint(page);
	page = allowIn(started.html, 'script-src', [sha256(FIRST_PAINT_GUARD)]);
	// First in the head, after the list of scripts it reads: the guard decides before anything
	// is drawn.
	const scripts = `<meta name="${APP_SCRIPTS_META}" content="${started.scripts.join(' ')}">`;
	return page.replace('<head>', `<head>${scripts}<script>${FIRST_PAINT_GUARD}</script>`);
}
