/**
 * Security and robustness in the browser: a dataset is untrusted input. Every free-text field of
 * a valid dataset gets an XSS payload; every route must render it as inert text (no dialog, no
 * injected element, no console error or CSP violation — the fixture fails the test on those),
 * render only http(s) links, and never contact another origin. Broken datasets must show the
 * error panel naming a path, never a blank page. The tests visit each route generically (wait for
 * its main landmark and h1, hover what is focusable), so they cover the charts as they land.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Page, Request } from '@playwright/test';
import { test, expect, nextFrame, serveFixture, type PageProblems } from './fixtures';
import { validateDataset } from '../src/lib/data/validate';
import { FIRST_PAINT_GUARD } from '../src/lib/server/prerendered-page';

// ---------------------------------------------------------------------------------------------
// Datasets
// ---------------------------------------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** The real dataset when it has content, otherwise the small fictional base fixture. */
function baseDataset(): JsonObject {
	const her2 = JSON.parse(readFileSync('static/data/her2.json', 'utf8')) as JsonObject;
	if (Array.isArray(her2.assets) && her2.assets.length > 0) return her2;
	return JSON.parse(readFileSync('tests/fixtures/xss-base.json', 'utf8')) as JsonObject;
}

const PAYLOADS = [
	'<img src=x onerror=alert(1)>',
	'<script>alert(1)</script>',
	'"><svg onload=alert(1)>',
	"'><iframe src=javascript:alert(1)>",
	'{@html "<img src=x onerror=alert(1)>"}',
	'</title><script>alert(1)</script>',
	'javascript:alert(1)',
	'<a href="javascript:alert(1)">click</a>',
	'${alert(1)}{{constructor.constructor("alert(1)")()}}',
	'<style>*{display:none}</style><b style="x">'
];
const TITLE_PAYLOAD = '<img src=x onerror=alert(1)></title><script>alert(1)</script> XSS title';
const LONG_KEYS = new Set(['description', 'note', 'resolution']);

type Key = string | number;
type Leaf = { path: Key[]; value: string };

function stringLeaves(value: Json, path: Key[] = [], out: Leaf[] = []): Leaf[] {
	if (typeof value === 'string') out.push({ path, value });
	else if (Array.isArray(value)) value.forEach((item, i) => stringLeaves(item, [...path, i], out));
	else if (value !== null && typeof value === 'object') {
		for (const [key, item] of Object.entries(value)) stringLeaves(item, [...path, key], out);
	}
	return out;
}

function setAt(root: Json, path: Key[], value: Json): void {
	let current = root as Record<Key, Json>;
	for (const key of path.slice(0, -1)) current = current[key] as Record<Key, Json>;
	current[path.at(-1) as Key] = value;
}

/** Same notation as the loader's problem paths: readouts[3].ci.low. */
function formatPath(path: Key[]): string {
	return path
		.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`))
		.join('');
}

/**
 * A valid dataset with a payload in every string the schema lets carry one: each leaf gets a
 * payload, then leaves the loader rejects (ids, enums, dates, URLs, length limits) get their
 * original value back, until the whole passes schema and QA.
 */
function xssDataset(): JsonObject {
	const original = baseDataset();
	const dataset = structuredClone(original);
	const leaves = stringLeaves(dataset);
	leaves.forEach((leaf, i) => {
		const key = String(leaf.path.at(-1));
		const payload = PAYLOADS[i % PAYLOADS.length] as string;
		const value = LONG_KEYS.has(key) ? payload.repeat(40).slice(0, 1990) : payload;
		setAt(dataset, leaf.path, value);
	});
	setAt(dataset, ['meta', 'title'], TITLE_PAYLOAD);
	const byPath = new Map(leaves.map((leaf) => [formatPath(leaf.path), leaf]));
	for (let round = 0; round < 10; round++) {
		const result = validateDataset(structuredClone(dataset), 'xss');
		if (result.ok) return dataset;
		let reverted = 0;
		for (const problem of result.problems) {
			// A problem may sit on the leaf itself or on its container (e.g. a CI or a whole source).
			for (const [path, leaf] of byPath) {
				if (path === problem.path || path.startsWith(`${problem.path}.`)) {
					setAt(dataset, leaf.path, leaf.value);
					byPath.delete(path);
					reverted++;
				}
			}
		}
		if (reverted === 0) {
			throw new Error(`xss dataset stays invalid: ${JSON.stringify(result.problems.slice(0, 5))}`);
		}
	}
	throw new Error('xss dataset did not converge');
}

/** The dataset with every source link pointing at another site (and a payload in its DOI). */
function withForeignLinks(dataset: JsonObject): JsonObject {
	for (const [i, source] of (dataset.sources as JsonObject[]).entries()) {
		source.url = `https://evil.example/track/${i}?q="><img src=x onerror=alert(1)>`;
		source.doi = `10.1000/<img src=x onerror=alert(${i})>`;
	}
	return dataset;
}

/**
 * The dataset every route is toured with: payloads in its free text, and every source linking to
 * another site. One visit per route checks both that no payload runs and that nothing the page
 * shows makes it contact another origin.
 */
const XSS = withForeignLinks(xssDataset());
const XSS_TEXT = JSON.stringify(XSS);

// ---------------------------------------------------------------------------------------------
// Touring the routes
// ---------------------------------------------------------------------------------------------

const APP_ROUTES = ['/', '/timeline', '/mechanisms', '/efficacy', '/data'];
const EMBED_ROUTES = ['/embed/timeline', '/embed/mechanisms', '/embed/efficacy'];
const ROUTES = [...APP_ROUTES, ...EMBED_ROUTES];

/** Routes that draw a chart (it sets data-chart-ready once its marks are drawn). */
const CHART_ROUTES = ROUTES.filter((route) => route !== '/' && route !== '/data');

async function visit(page: Page, route: string, dataPath: string): Promise<void> {
	await page.goto(`${route}?data=${dataPath}`);
	await expect(page.locator('main')).toBeVisible();
	if (APP_ROUTES.includes(route)) await expect(page.locator('h1')).toBeVisible();
	// The payloads are only exercised once the chart has drawn them: wait for it, however long a
	// loaded runner takes, then hover each focusable thing (a hover that fails fails the test).
	if (CHART_ROUTES.includes(route))
		await expect(page.locator('[data-chart-ready]').first()).toBeAttached();
	const focusable = page.locator('main [tabindex], main button, main summary');
	const count = Math.min(await focusable.count(), 15);
	expect(count, 'focusable elements to hover').toBeGreaterThan(0);
	for (let i = 0; i < count; i++) {
		const target = focusable.nth(i);
		if (!(await target.isVisible())) continue;
		// As a reader does: leave the last mark first. Its tooltip stays while the pointer is on it
		// (WCAG 1.4.13), and it may lie over the next mark; away from it, it closes.
		await page.mouse.move(0, 0);
		await target.hover();
	}
	// Any injected onerror/onload fires once its image has loaded or failed, before the next frame.
	await page.waitForFunction(() => [...document.images].every((image) => image.complete));
	await nextFrame(page);
}

interface DomReport {
	injectedImages: number;
	inlineHandlers: string[];
	foreignScripts: string[];
	javascriptLinks: number;
	nonHttpLinks: string[];
	iframes: number;
}

async function domReport(page: Page): Promise<DomReport> {
	return page.evaluate((firstPaintGuard) => {
		const all = [...document.querySelectorAll('*')];
		const inlineHandlers = all.flatMap((element) =>
			[...element.attributes]
				.filter((attribute) => /^on/i.test(attribute.name))
				.map((attribute) => `${element.tagName}[${attribute.name}]`)
		);
		const foreignScripts = [...document.scripts]
			.filter((script) => {
				if (script.src) return !new URL(script.src).pathname.includes('/_app/');
				// SvelteKit's own boot script (its hash is in the CSP) starts the app, and the
				// prerendered page's first-paint guard (also by hash) decides whether to hide
				// it until then; nothing else.
				if (script.text === firstPaintGuard) return false;
				return !script.textContent?.includes('__sveltekit_') || /alert\(/.test(script.text);
			})
			.map((script) => script.src || script.text.slice(0, 80));
		const links = [...document.querySelectorAll('a[href]')] as HTMLAnchorElement[];
		const nonHttpLinks = links
			.map((a) => a.href)
			.filter((href) => !/^https?:/i.test(href))
			.slice(0, 5);
		return {
			injectedImages: document.querySelectorAll('img[src="x"], img[src$="/x"]').length,
			inlineHandlers,
			foreignScripts,
			javascriptLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
			nonHttpLinks,
			iframes: document.querySelectorAll('iframe, object, embed').length
		};
	}, FIRST_PAINT_GUARD);
}

function watchDialogs(page: Page): string[] {
	const dialogs: string[] = [];
	page.on('dialog', (dialog) => {
		dialogs.push(`${dialog.type()}: ${dialog.message()}`);
		void dialog.dismiss().catch(() => undefined);
	});
	return dialogs;
}

/** Records every request; requests to other origins are recorded and then refused. */
async function watchRequests(page: Page, problems: PageProblems): Promise<string[]> {
	// A refused foreign request (there should be none) logs an error; expectSameOrigin names it.
	problems.allow(/ERR_BLOCKED_BY_CLIENT/);
	const requests: string[] = [];
	page.on('request', (request: Request) => requests.push(request.url()));
	await page.route(
		(url) => url.hostname !== '127.0.0.1',
		(route) => route.abort('blockedbyclient')
	);
	return requests;
}

/** Every recorded request stayed on the test server (data: and blob: URLs never leave the page). */
function expectSameOrigin(requests: string[]): void {
	expect(requests.length, 'requests recorded').toBeGreaterThan(0);
	const foreign = requests.filter((url) => {
		const { protocol, hostname } = new URL(url);
		return !(protocol === 'data:' || protocol === 'blob:' || hostname === '127.0.0.1');
	});
	expect(foreign, 'requests that left 127.0.0.1').toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// XSS
// ---------------------------------------------------------------------------------------------

test.describe('a dataset full of XSS payloads stays inert text', () => {
	test('the XSS dataset passes validation, so the views really render it', () => {
		const result = validateDataset(structuredClone(XSS), 'xss');
		expect(result.ok).toBe(true);
		const leaves = stringLeaves(XSS).filter((leaf) => PAYLOADS.some((p) => leaf.value.includes(p)));
		// Most free-text fields carry a payload (the rest are ids, enums, dates, links).
		expect(leaves.length).toBeGreaterThan(20);
		// And every source links to another site.
		const sources = XSS.sources as JsonObject[];
		expect(sources.length).toBeGreaterThan(0);
		for (const source of sources) expect(String(source.url)).toMatch(/^https:\/\/evil\.example\//);
	});

	for (const route of ROUTES) {
		test(`${route} renders payloads as text, runs none of them, contacts no other origin`, async ({
			page,
			problems
		}) => {
			const dialogs = watchDialogs(page);
			const requests = await watchRequests(page, problems);
			const path = await serveFixture(page, 'xss-dataset.json', XSS_TEXT);
			await visit(page, route, path);
			expectSameOrigin(requests);
			const report = await domReport(page);
			expect(dialogs, 'dialogs opened by payloads').toEqual([]);
			expect(report.injectedImages, 'img[src=x] elements').toBe(0);
			expect(report.inlineHandlers, 'inline on* attributes').toEqual([]);
			expect(report.foreignScripts, 'script elements the app did not ship').toEqual([]);
			expect(report.iframes, 'iframe/object/embed elements').toBe(0);
			expect(report.javascriptLinks, 'javascript: links').toBe(0);
			expect(report.nonHttpLinks, 'links that are not http(s)').toEqual([]);
			expect(await page.title()).not.toContain('<script>');
			if (APP_ROUTES.includes(route)) {
				// The payload is on screen, as the characters a curator typed.
				await expect(page.getByRole('banner')).toContainText(TITLE_PAYLOAD);
			}
		});
	}
});

test('a javascript: link in a source is rejected by validation with a clear message', async ({
	page
}) => {
	const dataset = structuredClone(baseDataset());
	const sources = dataset.sources as JsonObject[];
	(sources[0] as JsonObject).url = 'javascript:alert(1)';
	const result = validateDataset(structuredClone(dataset), 'js-url');
	expect(result.ok).toBe(false);
	if (!result.ok) {
		expect(result.problems).toContainEqual({
			path: 'sources[0].url',
			message: 'expected an http(s) link, got "javascript:alert(1)"'
		});
	}
	const dialogs = watchDialogs(page);
	const path = await serveFixture(page, 'js-url.json', JSON.stringify(dataset));
	await page.goto(`/?data=${path}`);
	const panel = page.getByRole('alert');
	await expect(panel).toContainText('sources[0].url');
	await expect(panel).toContainText('expected an http(s) link');
	expect((await domReport(page)).javascriptLinks).toBe(0);
	expect(dialogs).toEqual([]);
});

// ---------------------------------------------------------------------------------------------
// Content Security Policy
// ---------------------------------------------------------------------------------------------

test('the CSP forbids eval and inline script and keeps connections same-origin', async ({
	page,
	problems
}) => {
	await page.goto('/');
	const policy = await page
		.locator('meta[http-equiv="content-security-policy" i]')
		.getAttribute('content');
	expect(policy).not.toBeNull();
	const directives = new Map(
		(policy ?? '')
			.split(';')
			.map((part) => part.trim().split(/\s+/))
			.filter((parts) => parts[0])
			.map(([name, ...values]) => [name as string, values])
	);
	test.info().annotations.push({ type: 'csp', description: policy ?? '' });
	expect(policy).not.toContain('unsafe-eval');
	expect(directives.get('connect-src')).toEqual(["'self'"]);
	expect(directives.get('default-src')).toEqual(["'self'"]);
	expect(directives.get('object-src')).toEqual(["'none'"]);
	expect(directives.get('base-uri')).toEqual(["'self'"]);
	const scriptSrc = directives.get('script-src') ?? [];
	expect(scriptSrc).toContain("'self'");
	expect(scriptSrc).not.toContain("'unsafe-inline'");
	expect(scriptSrc.filter((v) => !/^'(self|sha256-[A-Za-z0-9+/=]+)'$/.test(v))).toEqual([]);
	expect(directives.get('style-src') ?? []).not.toContain("'unsafe-inline'");

	// The policy is enforced, not just declared. (page.evaluate itself runs through DevTools,
	// which CSP does not govern, so the probes are handed to the page: a string timer is eval,
	// an added <script> element is inline script.)
	problems.allow(/CSP violation|Content Security Policy/);
	// Both probes are judged once the browser has reported refusing them, not after a pause.
	const ran = await page.evaluate(async () => {
		const flags = window as unknown as Record<string, unknown>;
		const refused: string[] = [];
		const bothRefused = new Promise<void>((resolve) =>
			document.addEventListener('securitypolicyviolation', (event) => {
				refused.push(event.blockedURI);
				if (refused.length === 2) resolve();
			})
		);
		(setTimeout as unknown as (code: string, ms: number) => number)('window.__evalRan = 1', 0);
		const script = document.createElement('script');
		script.text = 'window.__inlineRan = 1';
		document.body.append(script);
		await bothRefused;
		return {
			eval: flags.__evalRan === 1,
			inline: flags.__inlineRan === 1,
			refused: refused.sort()
		};
	});
	expect(ran).toEqual({ eval: false, inline: false, refused: ['eval', 'inline'] });
});

// ---------------------------------------------------------------------------------------------
// Broken datasets
// ---------------------------------------------------------------------------------------------

function mutated(mutate: (dataset: JsonObject) => void): string {
	const dataset = structuredClone(baseDataset());
	mutate(dataset);
	return JSON.stringify(dataset, null, 2);
}
const first = (dataset: JsonObject, key: string) => (dataset[key] as JsonObject[])[0] as JsonObject;
const deep = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

const BROKEN: { name: string; body: () => string; path: string }[] = [
	{ name: 'truncated JSON', body: () => XSS_TEXT.slice(0, 500), path: '(file)' },
	{ name: 'empty file', body: () => '', path: '(file)' },
	{
		name: 'negative n',
		body: () => mutated((d) => (first(d, 'readouts').n = -5)),
		path: 'readouts[0].n'
	},
	{
		name: 'NaN literal',
		body: () => mutated(() => undefined).replace(/"value": [\d.]+/, '"value": NaN'),
		path: '(file)'
	},
	{
		name: 'dangling trial reference',
		body: () => mutated((d) => (first(d, 'readouts').trial = 'no-such-trial')),
		path: 'readouts[0].trial'
	},
	{
		name: 'duplicate asset id',
		body: () => mutated((d) => (d.assets as Json[]).push(structuredClone(first(d, 'assets')))),
		path: '.id'
	},
	{
		name: '1 MB title',
		body: () => mutated((d) => ((d.meta as JsonObject).title = 'x'.repeat(1024 * 1024))),
		path: 'meta.title'
	},
	{
		name: '10,000-deep nesting',
		body: () =>
			mutated((d) => (d.conflicts = [])).replace('"conflicts": []', `"conflicts": ${deep(10_000)}`),
		path: 'conflicts'
	},
	{
		name: 'prototype-pollution keys',
		body: () =>
			mutated(() => undefined).replace(
				'{',
				'{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}},'
			),
		path: '(root)'
	},
	{
		name: 'assets as an object',
		body: () => mutated((d) => (d.assets = { 0: first(d, 'assets') })),
		path: 'assets'
	},
	{
		name: 'unicode traps in an id',
		body: () => mutated((d) => (first(d, 'assets').id = 'alpha\u202E\u200B\uD800')),
		path: 'assets[0].id'
	},
	{ name: 'a JSON array', body: () => '[1, 2, 3]', path: '(root)' }
];

test.describe('broken datasets show the error panel, never a blank page', () => {
	for (const [i, broken] of BROKEN.entries()) {
		test(`${broken.name}`, async ({ page }) => {
			const path = await serveFixture(page, `broken-${i}.json`, broken.body());
			await page.goto(`/timeline?data=${path}`);
			const panel = page.getByRole('alert');
			await expect(panel).toBeVisible();
			await expect(panel.locator('h2')).not.toBeEmpty();
			await expect(panel.locator('code.path').first()).toBeVisible();
			await expect(panel).toContainText(broken.path);
			expect(await page.evaluate(() => Object.prototype.hasOwnProperty.call({}, 'polluted'))).toBe(
				false
			);
			await expect(
				page.getByRole('link', { name: 'Open the built-in dataset instead' })
			).toBeVisible();
		});
	}
});

test('a BOM-prefixed dataset loads (the browser strips the BOM when decoding)', async ({
	page
}) => {
	const path = await serveFixture(page, 'bom.json', `\uFEFF${JSON.stringify(baseDataset())}`);
	await page.goto(`/?data=${path}`);
	await expect(page.getByRole('alert')).toHaveCount(0);
	await expect(page.locator('h1')).toBeVisible();
});

test('the build ships no synthetic dataset', () => {
	// vite copies static/ into build/ wholesale: a generated static/data/synthetic-*.json (git-ignored)
	// would be deployed with the app unless the build leaves it out.
	const shipped = readdirSync('build/data').filter((name) => name.endsWith('.json'));
	const synthetic = shipped.filter((name) => {
		if (/^synthetic-/.test(name)) return true;
		const meta = (JSON.parse(readFileSync(`build/data/${name}`, 'utf8')) as { meta?: JsonObject })
			.meta;
		return meta?.synthetic === true;
	});
	expect(
		synthetic,
		'synthetic datasets in build/data (delete static/data/synthetic-*.json and rebuild)'
	).toEqual([]);
});
