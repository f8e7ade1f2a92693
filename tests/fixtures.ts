/**
 * Shared Playwright fixtures: every test collects console errors, uncaught exceptions and CSP
 * violations, and fails if any appeared — a user would see a broken page.
 * `serveFixture` answers a same-origin path with a file from tests/fixtures, so broken or
 * synthetic datasets never ship in the build.
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';

export interface PageProblems {
	errors: string[];
	/** Messages that are expected in this test (e.g. a 404 for a missing dataset). */
	allow(pattern: RegExp): void;
}

export const test = base.extend<{ problems: PageProblems; permissionsCleared: void }>({
	// The context is reused between tests (playwright.config.ts) and its reset keeps permissions:
	// a clipboard a test granted must not be granted to the next one.
	permissionsCleared: [
		async ({ context }, use) => {
			await context.clearPermissions();
			await use();
		},
		{ auto: true }
	],
	problems: [
		async ({ page }, use) => {
			const errors: string[] = [];
			const allowed: RegExp[] = [];
			page.on('console', (message) => {
				if (message.type() === 'error') errors.push(`console: ${message.text()}`);
			});
			page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
			await page.addInitScript(() => {
				document.addEventListener('securitypolicyviolation', (event) => {
					console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
				});
			});
			await use({ errors, allow: (pattern) => allowed.push(pattern) });
			const unexpected = errors.filter((e) => !allowed.some((p) => p.test(e)));
			expect(unexpected, 'console errors, uncaught exceptions or CSP violations').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };

export function fixturePath(name: string): string {
	return fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
}

/** Serves tests/fixtures/<name> at /fixtures/<name> for this page. */
export async function serveFixture(page: Page, name: string, body?: string): Promise<string> {
	const path = `/fixtures/${name}`;
	const content = body ?? readFileSync(fixturePath(name), 'utf8');
	await page.route(
		(url) => url.pathname === path,
		(route) => route.fulfill({ status: 200, contentType: 'application/json', body: content })
	);
	return path;
}

/**
 * Each element's accessible name and its box on screen, in document (paint) order: what a reader
 * sees and a screen reader reads of a chart's marks. Two equal lists are the same picture.
 */
export function namesAndBoxes(marks: Locator): Promise<string[]> {
	return marks.evaluateAll((elements) =>
		elements.map((element) => {
			const r = element.getBoundingClientRect();
			const box = [r.x, r.y, r.width, r.height].map(Math.round).join(',');
			return `${element.getAttribute('aria-label')} @ ${box}`;
		})
	);
}

/** The centres (viewport px) and names of the marks that lie in the viewport. */
export function markCentres(marks: Locator): Promise<{ name: string; x: number; y: number }[]> {
	return marks.evaluateAll((elements) =>
		elements
			.map((element) => {
				const r = element.getBoundingClientRect();
				const name = element.getAttribute('aria-label') ?? '';
				return { name, x: r.x + r.width / 2, y: r.y + r.height / 2 };
			})
			.filter((c) => c.y > 0 && c.y < innerHeight && c.x > 0 && c.x < innerWidth)
	);
}

/**
 * The names of the marks (`selector`) a pointer could reach at the points: every mark hit there,
 * also one under another (elementsFromPoint), each once.
 */
export function marksUnderPointer(
	page: Page,
	points: readonly { x: number; y: number }[],
	selector: string
): Promise<string[]> {
	return page.evaluate(
		({ points, selector }) => {
			const marks = points.flatMap(({ x, y }) =>
				document.elementsFromPoint(x, y).map((element) => element.closest(selector))
			);
			return [...new Set(marks)].flatMap((mark) => mark?.getAttribute('aria-label') ?? []);
		},
		{ points, selector }
	);
}

/**
 * Waits until the app runs the page (html[data-app-ready], set by the root layout). A prerendered
 * page shows its chart and controls before that, but a key pressed in them does nothing yet (the
 * first-paint guard holds it; a chart mark has no handler): a keyboard test starts after this.
 */
export function appRunning(page: Page): Promise<void> {
	return expect(page.locator('html')).toHaveAttribute('data-app-ready');
}

/** Waits for the next frame and the task after it: effects a change set off have run by then. */
export function nextFrame(page: Page): Promise<unknown> {
	return page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
}

/**
 * The page's URL once the app has written its last change into it. The app writes the view state
 * a frame after the change (url-sync.svelte.ts), so just after a click the URL can still show the
 * state before it: waits until two frames pass with the URL unchanged.
 */
export function settledUrl(page: Page): Promise<string> {
	return page.evaluate(async () => {
		const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
		let last = '';
		while (last !== location.href) {
			last = location.href;
			await frame();
			await frame();
		}
		return last;
	});
}

/**
 * The Share / export panel's status line (what the last action did). Scoped to the panel: views
 * have live regions of their own (e.g. the matrix's count of differing rows).
 */
export function exportStatus(page: Page) {
	return page.getByRole('region', { name: 'Share and export' }).getByRole('status');
}

/**
 * Runs axe with the WCAG 2.2 A/AA rules and returns the violations (empty is the goal).
 *
 * Same rules, faster: axe runs in the page itself ("legacy mode") and reports only violations.
 * The default mode also opens a blank page per call to merge results across frames, which took
 * 5–15 s of each pass on this project's pages (axe's own audit: 1–2 s). A page with frames
 * (none of the app's views has one) still gets the default mode, so no frame goes unchecked.
 */
export async function axeViolations(page: Page) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.options({ resultTypes: ['violations'] })
		.setLegacyMode(page.frames().length === 1)
		.analyze();
	return results.violations.map((v) => ({
		id: v.id,
		impact: v.impact,
		help: v.help,
		nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' '))
	}));
}
