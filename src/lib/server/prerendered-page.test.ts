import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	APP_SCRIPTS_META,
	FIRST_PAINT_GUARD,
	finishPrerenderedPage,
	pageKind,
	unmarkNarrowerDrawings
} from './prerendered-page';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const policy =
	"default-src 'self'; script-src 'self' 'sha256-start='; style-src 'self' 'unsafe-hashes' 'sha256-announcer='; base-uri 'self'";
const page = (body: string) =>
	`<!doctype html><html><head><meta http-equiv="content-security-policy" content="${policy}"><title>t</title></head><body>${body}</body></html>`;
const policyOf = (html: string) =>
	/content-security-policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
const directive = (html: string, name: string) =>
	policyOf(html)
		.split('; ')
		.find((d) => d.startsWith(`${name} `)) ?? '';

/** SvelteKit's start-up script as it writes it, and as the page runs it once finished. */
const BOOT = `
				{
					__sveltekit_abc123 = {
						base: ""
					};

					const element = document.currentScript.parentElement;

					Promise.all([
						import("/_app/immutable/entry/start.js"),
						import("/_app/immutable/entry/app.js")
					]).then(([kit, app]) => {
						kit.start(app, element, { node_ids: [0, 2] });
					});
				}
			`;
const startedBoot = `
				{
					__sveltekit_abc123 = {
						base: ""
					};

					const element = document.currentScript.parentElement;

					window.__startAfterFirstPaint(() => Promise.all([
						import("/_app/immutable/entry/start.js"),
						import("/_app/immutable/entry/app.js")
					]).then(([kit, app]) => {
						kit.start(app, element, { node_ids: [0, 2] });
					}));
				}
			`;
/** A view's page as SvelteKit writes it: its scripts preloaded in the head, started in the body. */
const viewPage = (body: string) =>
	page(`${body}<script>${BOOT}</script>`)
		.replace("'sha256-start='", hash(BOOT))
		.replace(
			'<title>',
			'<link href="/_app/immutable/entry/start.js" rel="modulepreload"><link href="/_app/chunks/a.js" rel="modulepreload"><title>'
		);

describe('a prerendered page', () => {
	it('keeps no hydration markers in the drawings for narrower columns, which the app drops', () => {
		const body =
			'<div class="frame"><!--[--><div class="chart" data-layout-width="1200"><svg><!--[--><g></g><!--]--></svg></div>' +
			'<!--[--><div class="chart" data-layout-width="936" style="height: 9px;"><div class="f"><!----><svg><text>a<!---->b</text></svg></div><div><!--]--></div></div>' +
			'<div class="chart" data-layout-width="708"><svg><!--[!--><g></g></svg></div><!--]--><!--]--></div><p>after<!----></p>';
		expect(unmarkNarrowerDrawings(body)).toBe(
			'<div class="frame"><!--[--><div class="chart" data-layout-width="1200"><svg><!--[--><g></g><!--]--></svg></div>' +
				'<!--[--><div class="chart" data-layout-width="936" style="height: 9px;"><div class="f"><svg><text>ab</text></svg></div><div></div></div>' +
				'<div class="chart" data-layout-width="708"><svg><g></g></svg></div><!--]--><!--]--></div><p>after<!----></p>'
		);
		expect(finishPrerenderedPage(page(body), 'fallback')).toContain('<text>ab</text>');
	});

	it('allows each distinct style attribute of its body by hash, and no other', () => {
		const html = finishPrerenderedPage(
			page(
				'<div style="height: 2440px;"></div><span style="background-color: #0d3b66;"></span><i style="height: 2440px;"></i>'
			),
			'fallback'
		);
		const styles = directive(html, 'style-src');
		expect(styles).toBe(
			`style-src 'self' 'unsafe-hashes' 'sha256-announcer=' ${hash('height: 2440px;')} ${hash('background-color: #0d3b66;')}`
		);
		// Nothing else in the policy changes.
		expect(directive(html, 'script-src')).toBe("script-src 'self' 'sha256-start='");
	});

	it('hashes a style as the browser reads it, entities decoded', () => {
		const html = finishPrerenderedPage(
			page('<div style="font-family: &quot;A &amp; B&quot;;"></div>'),
			'fallback'
		);
		expect(directive(html, 'style-src')).toContain(hash('font-family: "A & B";'));
	});

	it('leaves the single-page fallback, without style attributes, as it was', () => {
		const html = page('<div id="svelte"></div>');
		expect(finishPrerenderedPage(html, 'fallback')).toBe(html);
	});

	it('puts the first-paint guard first in the head of a view’s page, allowed by its hash', () => {
		const html = finishPrerenderedPage(viewPage('<main><h1>Efficacy</h1></main>'), 'view');
		// After the list of the app's scripts, which it reads.
		expect(html).toContain(
			`<head><meta name="${APP_SCRIPTS_META}" content="/_app/immutable/entry/start.js /_app/chunks/a.js"><script>${FIRST_PAINT_GUARD}</script><meta http-equiv`
		);
		expect(directive(html, 'script-src')).toBe(
			`script-src 'self' ${hash(startedBoot)} ${hash(FIRST_PAINT_GUARD)}`
		);
	});

	it('tells the kind of page by its route: every view and embed, or the fallback', () => {
		for (const route of [
			'/(app)/efficacy',
			'/embed/efficacy',
			'/(app)/timeline',
			'/embed/timeline',
			'/(app)/mechanisms',
			'/embed/mechanisms',
			'/(app)',
			'/(app)/data',
			'/embed/[view]'
		])
			expect(pageKind(route), route).toBe('view');
		expect(pageKind(null)).toBe('fallback');
	});

	it('has a view’s page start its app through the guard’s starter, which preloads its scripts then', () => {
		const html = finishPrerenderedPage(viewPage('<main><h1>Efficacy</h1></main>'), 'view');
		// No script is requested with the page: the starter asks for them all at once.
		expect(html).not.toMatch(/<link[^>]*modulepreload/);
		expect(html).toContain(`<script>${startedBoot}</script>`);
		// SvelteKit's own script is no longer allowed; the one that runs is.
		expect(directive(html, 'script-src')).not.toContain(hash(BOOT));
		expect(directive(html, 'script-src')).toContain(hash(startedBoot));
	});

	it('refuses a view’s page whose start-up script is not SvelteKit’s as expected', () => {
		expect(() => finishPrerenderedPage(page('<main></main>'), 'view')).toThrow(/start-up script/);
		const unhashed = viewPage('<main></main>').replace(hash(BOOT), "'sha256-other='");
		expect(() => finishPrerenderedPage(unhashed, 'view')).toThrow(/start-up script/);
	});

	it('preloads each font its stylesheets carry as data, once, by the same URL, last first, not in CORS mode (Safari then fails the font)', () => {
		const regular = 'data:font/woff2;base64,d09GMgABAAAAAD00+/=';
		const bold = 'data:font/woff2;base64,d09GMgABAAAAAD1Q';
		const face = (url: string) => `@font-face{font-family:'F';src:url(${url}) format('woff2')}`;
		const html = page('<p>text</p>').replace(
			'<title>',
			`<style>${face(regular)}${face(bold)}${face(regular)}</style><title>`
		);
		const links = [
			...finishPrerenderedPage(html, 'fallback').matchAll(/<link rel="preload"[^>]*>/g)
		];
		expect(links.map((l) => l[0])).toEqual([
			`<link rel="preload" as="font" type="font/woff2" href="${bold}">`,
			`<link rel="preload" as="font" type="font/woff2" href="${regular}">`
		]);
	});

	it('preloads the app’s scripts at low priority', () => {
		const html = page('').replace(
			'<title>',
			'<link href="/_app/a.js" rel="modulepreload"><link href="/_app/b.js" rel="modulepreload"><title>'
		);
		const out = finishPrerenderedPage(html, 'fallback');
		expect(out.match(/<link[^>]*>/g)).toEqual([
			'<link href="/_app/a.js" rel="modulepreload" fetchpriority="low">',
			'<link href="/_app/b.js" rel="modulepreload" fetchpriority="low">'
		]);
	});

	it('refuses a page whose policy lacks the directive it must extend', () => {
		const html = page('<div style="color: red;"></div>').replace(/style-src[^;]*; /, '');
		expect(() => finishPrerenderedPage(html, 'fallback')).toThrow(/no style-src/);
	});
});

describe('the first-paint guard', () => {
	interface GuardRun {
		/** The classes it put on the page's root element. */
		classes: Set<string>;
		/** The listeners it installed on the document, by event type. */
		listeners: Record<string, (event: unknown) => void>;
		/** Elements it added to the page and did not take out again. */
		probesLeft: number;
		/** The starter it defined (window.__startAfterFirstPaint). */
		starter?: (start: () => void) => void;
		/** Scripts the page was told to preload, in order. */
		preloaded: string[];
		/** The paint observer's callback, once one observes paints. */
		onPaint?: () => void;
		/** Timers set, by delay. */
		timers: { delay: number; run: () => void }[];
	}

	/**
	 * How the browser lays out a rect placed by calc(): as Chromium, Firefox and WebKit do, as a
	 * browser that ignores it would (at 0), or not at all (without getBoundingClientRect on SVG).
	 */
	type SvgLayout = 'places by calc()' | 'ignores calc()' | 'throws';

	interface FakeSvgElement {
		tag: string;
		attributes: Record<string, string>;
		parent: FakeSvgElement | null;
		style: Record<string, string>;
		setAttribute(name: string, value: string): void;
		appendChild(child: FakeSvgElement): void;
		getBoundingClientRect(): { left: number };
	}

	/** An SVG element whose box follows `layout` for an x of calc(50% + 1px) in a 100 px svg. */
	function fakeSvgElement(tag: string, layout: SvgLayout): FakeSvgElement {
		const element: FakeSvgElement = {
			tag,
			attributes: {},
			parent: null,
			style: {},
			setAttribute: (name, value) => (element.attributes[name] = value),
			appendChild: (child) => (child.parent = element),
			getBoundingClientRect: () => {
				if (layout === 'throws') throw new TypeError('not supported');
				const x = element.attributes.x;
				return { left: 200 + (x === 'calc(50% + 1px)' && layout === 'places by calc()' ? 51 : 0) };
			}
		};
		return element;
	}

	/** Runs the guard against a location, a storage, a window width and an app state. */
	function runGuard({
		search = '',
		hash = '',
		stored = {} as Record<string, string>,
		storageThrows = false,
		innerWidth = 1280,
		appReady = false,
		svg = 'places by calc()' as SvgLayout,
		visibilityState = 'visible',
		observesPaint = true,
		containerQueries = true,
		scripts = ['/_app/entry/start.js', '/_app/chunks/a.js']
	} = {}): GuardRun {
		const run: GuardRun = {
			classes: new Set(),
			listeners: {},
			probesLeft: 0,
			preloaded: [],
			timers: []
		};
		const documentElement = {
			classList: {
				add: (c: string) => run.classes.add(c),
				contains: (c: string) => run.classes.has(c)
			},
			dataset: appReady ? { appReady: '' } : {},
			appendChild: () => run.probesLeft++,
			removeChild: () => run.probesLeft--
		};
		const document = {
			documentElement,
			createElementNS: (_ns: string, tag: string) => fakeSvgElement(tag, svg),
			// The list of the app's scripts the page's head holds, before the guard.
			querySelector: (selector: string) =>
				selector === `meta[name="${APP_SCRIPTS_META}"]` ? { content: scripts.join(' ') } : null,
			addEventListener: (type: string, listener: (event: unknown) => void) =>
				(run.listeners[type] = listener),
			visibilityState,
			createElement: () => ({ rel: '', href: '' }),
			head: {
				appendChild: (link: { rel: string; href: string }) => {
					if (link.rel === 'modulepreload') run.preloaded.push(link.href);
				}
			}
		};
		const window: { __startAfterFirstPaint?: GuardRun['starter'] } = {};
		class PerformanceObserver {
			constructor(callback: () => void) {
				if (!observesPaint) throw new TypeError('PerformanceObserver is not a constructor');
				this.callback = callback;
			}
			callback: () => void;
			observe(options: { type: string; buffered: boolean }) {
				if (options.type === 'paint' && options.buffered) run.onPaint = this.callback;
			}
		}
		const setTimeout = (run_: () => void, delay: number) => run.timers.push({ delay, run: run_ });
		const localStorage = {
			getItem: (key: string) => {
				if (storageThrows) throw new Error('SecurityError');
				return stored[key] ?? null;
			}
		};
		new Function(
			'document',
			'location',
			'localStorage',
			'innerWidth',
			'window',
			'PerformanceObserver',
			'setTimeout',
			'CSS',
			FIRST_PAINT_GUARD
		)(
			document,
			{ search, hash },
			localStorage,
			innerWidth,
			window,
			PerformanceObserver,
			setTimeout,
			{ supports: (text: string) => containerQueries && text === 'container-type:inline-size' }
		);
		run.starter = window.__startAfterFirstPaint;
		return run;
	}

	/** Whether the guard hid the page. */
	/** How many times the app has started before the first paint, and after it. */
	function startsBeforeAndAfterPaint(innerWidth: number): [number, number] {
		const run = runGuard({ innerWidth });
		let starts = 0;
		run.starter!(() => starts++);
		const before = starts;
		run.onPaint!();
		return [before, starts];
	}

	function hides(
		search: string,
		hash: string,
		stored: Record<string, string> = {},
		storageThrows = false,
		innerWidth = 1280
	) {
		return runGuard({ search, hash, stored, storageThrows, innerWidth }).classes.has(
			'client-render'
		);
	}

	it('shows the prerendered page on a bare visit of a browser without saved views or imports', () => {
		expect(hides('', '')).toBe(false);
		expect(hides('?', '#')).toBe(false);
		expect(hides('', '', { 'landscape:has-saved-state': '0' })).toBe(false);
	});

	it('hides it when the link carries view state, a dataset or a record', () => {
		expect(hides('?assets=kn026', '')).toBe(true);
		expect(hides('?data=/data/other.json', '')).toBe(true);
		expect(hides('', '#readouts/db03')).toBe(true);
	});

	it('hides it when this browser keeps a saved view or imported datasets', () => {
		expect(hides('', '', { 'landscape:has-saved-state': '1' })).toBe(true);
		expect(hides('', '', { 'landscape:has-imports': '1' })).toBe(true);
	});

	it('shows the page at any width: a drawing serves every column (a phone, 400 % zoom)', () => {
		// A 320 px window (a 1280 px screen at 400 % zoom), phones, half of a 1366 px screen.
		for (const innerWidth of [320, 390, 640, 683, 1000])
			expect(hides('', '', {}, false, innerWidth), `${innerWidth} px`).toBe(false);
		// A link with view state still waits for the app's drawing of that view.
		expect(hides('?assets=kn026', '', {}, false, 390)).toBe(true);
		// And the app starts once the drawing is on screen.
		expect(startsBeforeAndAfterPaint(390)).toEqual([0, 1]);
		expect(startsBeforeAndAfterPaint(320)).toEqual([0, 1]);
	});

	it('marks the page only as the browser and the link call for', () => {
		expect([...runGuard().classes]).toEqual([]);
		expect([...runGuard({ search: '?assets=kn026' }).classes]).toEqual(['client-render']);
	});

	describe('keys in a control before the app runs', () => {
		/**
		 * Whether the guard cancels `event` on an element named by its tag (`null`: one in no
		 * control, a link or the page): the element answers `closest` as a browser would.
		 */
		function cancels(event: Record<string, unknown>, tag: string | null, appReady = false) {
			const { listeners } = runGuard({ appReady });
			let cancelled = false;
			listeners[event.type as string]!({
				...event,
				target: {
					closest: (css: string) =>
						tag !== null && css.split(',').some((s) => s.trim() === tag) ? { tag } : null
				},
				preventDefault: () => (cancelled = true)
			});
			return cancelled;
		}

		it('do nothing: an arrow on a radio, a letter or a paste into a field', () => {
			expect(cancels({ type: 'keydown', key: 'ArrowRight' }, 'input')).toBe(true);
			expect(cancels({ type: 'keydown', key: ' ' }, 'button')).toBe(true);
			expect(cancels({ type: 'keydown', key: 'Enter' }, 'summary')).toBe(true);
			expect(cancels({ type: 'keydown', key: 'a' }, 'textarea')).toBe(true);
			expect(cancels({ type: 'keydown', key: 'ArrowDown' }, 'select')).toBe(true);
			expect(cancels({ type: 'beforeinput', inputType: 'insertFromPaste' }, 'input')).toBe(true);
		});

		it('pass when they move the focus or are the browser’s, outside controls, and once the app runs', () => {
			expect(cancels({ type: 'keydown', key: 'Tab' }, 'input')).toBe(false);
			expect(cancels({ type: 'keydown', key: 'Escape' }, 'input')).toBe(false);
			expect(cancels({ type: 'keydown', key: 'F5' }, 'input')).toBe(false);
			expect(cancels({ type: 'keydown', key: 'r', ctrlKey: true }, 'input')).toBe(false);
			expect(cancels({ type: 'keydown', key: 'f', metaKey: true }, 'input')).toBe(false);
			expect(cancels({ type: 'keydown', key: 'Enter' }, null)).toBe(false);
			expect(cancels({ type: 'keydown', key: 'ArrowRight' }, 'input', true)).toBe(false);
		});
	});

	describe('a browser that misplaces the drawing', () => {
		it('is told by where a rect placed at calc(50% + 1px) of 100 px lands', () => {
			expect(runGuard({ svg: 'places by calc()' }).classes.has('no-fluid-svg')).toBe(false);
			expect(runGuard({ svg: 'ignores calc()' }).classes.has('no-fluid-svg')).toBe(true);
			expect(runGuard({ svg: 'throws' }).classes.has('no-fluid-svg')).toBe(true);
		});

		it('is also one without container queries, which pick the drawing for the column', () => {
			expect(runGuard({ containerQueries: false }).classes.has('no-fluid-svg')).toBe(true);
		});

		it('leaves nothing of the measurement in the page', () => {
			expect(runGuard({ svg: 'places by calc()' }).probesLeft).toBe(0);
			expect(runGuard({ svg: 'ignores calc()' }).probesLeft).toBe(0);
			expect(runGuard({ svg: 'throws' }).probesLeft).toBe(0);
		});
	});

	it('hides it when storage cannot be read (the app then decides)', () => {
		expect(hides('', '', {}, true)).toBe(true);
	});

	describe('when the app starts', () => {
		const SCRIPTS = ['/_app/entry/start.js', '/_app/chunks/a.js'];

		/** Runs the guard, then hands its starter the app's start; counts the starts. */
		function starting(options: Parameters<typeof runGuard>[0] = {}) {
			const run = runGuard({ innerWidth: 390, ...options });
			let starts = 0;
			run.starter!(() => {
				starts++;
				// The scripts are preloaded before the app imports its first.
				expect(run.preloaded).toEqual(SCRIPTS);
			});
			return { run, starts: () => starts };
		}

		it('waits for the first paint where the page shows its drawing, then starts once', () => {
			const { run, starts } = starting();
			expect(starts()).toBe(0);
			expect(run.preloaded).toEqual([]);
			run.onPaint!();
			expect(starts()).toBe(1);
			// The first contentful paint after the first paint, and the safety timer, start nothing.
			run.onPaint!();
			for (const timer of run.timers) timer.run();
			expect(starts()).toBe(1);
		});

		it('waits for the first paint too in a window that shows a narrower drawing', () => {
			for (const innerWidth of [320, 390, 500, 665, 720, 1000, 1264]) {
				const { run, starts } = starting({ innerWidth });
				expect(starts(), `${innerWidth} px`).toBe(0);
				run.onPaint!();
				expect(starts(), `${innerWidth} px`).toBe(1);
			}
		});

		it('starts after a wait should no paint be reported (a page painted late)', () => {
			const { run, starts } = starting();
			expect(run.timers.map((t) => t.delay)).toEqual([1500]);
			run.timers[0]!.run();
			expect(starts()).toBe(1);
			expect(run.preloaded).toEqual(SCRIPTS);
		});

		it('starts at once wherever the app is what the reader waits for', () => {
			// A link with view state (the drawing stays hidden), a browser that misplaces it, a tab
			// in the background, no paint timing.
			for (const options of [
				{ search: '?assets=kn026' },
				{ svg: 'ignores calc()' as SvgLayout },
				{ visibilityState: 'hidden' },
				{ observesPaint: false }
			]) {
				const { run, starts } = starting(options);
				expect(starts(), JSON.stringify(options)).toBe(1);
				expect(run.timers, JSON.stringify(options)).toEqual([]);
				expect(run.preloaded, JSON.stringify(options)).toEqual(SCRIPTS);
			}
		});

		it('asks for the scripts from the head where the drawing is hidden, before the body is read', () => {
			// The guard alone, in the head: the starter, at the end of the body, has not run.
			for (const options of [
				{ search: '?assets=kn026' },
				{ svg: 'ignores calc()' as SvgLayout },
				{ visibilityState: 'hidden' }
			])
				expect(runGuard(options).preloaded, JSON.stringify(options)).toEqual(SCRIPTS);
			// Where it shows, they wait for its first paint.
			expect(runGuard().preloaded).toEqual([]);
			// A page without the list (none written) asks for nothing and still starts.
			const bare = runGuard({ search: '?assets=kn026', scripts: [] });
			expect(bare.preloaded).toEqual([]);
			let started = 0;
			bare.starter!(() => started++);
			expect(started).toBe(1);
		});

		it('is what SvelteKit’s start-up script, once the page is finished, hands the start to', () => {
			const html = finishPrerenderedPage(viewPage('<main></main>'), 'view');
			const boot = /<script>(\s*\{\s*__sveltekit_[\s\S]*?)<\/script>/.exec(html)![1]!;
			const calls: unknown[] = [];
			new Function('window', 'document', boot)(
				{ __startAfterFirstPaint: (start: unknown) => calls.push(start) },
				{ currentScript: { parentElement: {} } }
			);
			expect(calls).toHaveLength(1);
			expect(typeof calls[0]).toBe('function');
		});
	});
});
