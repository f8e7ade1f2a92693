import { test, expect, serveFixture } from './fixtures';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

const her2 = JSON.parse(readFileSync('static/data/her2.json', 'utf8'));

const ROUTES = [
	{ path: '/', heading: 'Overview', chart: false },
	{ path: '/timeline', heading: 'Timeline', chart: true },
	{ path: '/mechanisms', heading: 'Mechanisms', chart: true },
	{ path: '/efficacy', heading: 'Efficacy', chart: true },
	{ path: '/data', heading: 'Data', chart: false }
];

test('the shell names the dataset and its as-of date', async ({ page }) => {
	await page.goto('/');
	const header = page.getByRole('banner');
	await expect(header).toContainText('Landscape');
	await expect(header).toContainText(her2.meta.title);
	await expect(page.getByTestId('as-of')).toContainText(/^Data as of \S/);
});

for (const route of ROUTES) {
	test(`${route.path} renders with its heading and no console errors, and nothing moves while it loads`, async ({
		page
	}) => {
		// What the browser reports as layout shifts (the sum CLS is made of), from the first paint.
		await page.addInitScript(() => {
			const w = window as unknown as { __shift: number };
			w.__shift = 0;
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries() as (PerformanceEntry & {
					value: number;
					hadRecentInput: boolean;
				})[]) {
					if (!entry.hadRecentInput) w.__shift += entry.value;
				}
			}).observe({ type: 'layout-shift', buffered: true });
		});
		await page.goto(route.path);
		await expect(page.getByRole('heading', { level: 1, name: route.heading })).toBeVisible();
		await expect(page.getByRole('link', { name: route.heading, exact: true })).toHaveAttribute(
			'aria-current',
			'page'
		);
		if (route.chart) await expect(page.locator('[data-chart-ready]').first()).toBeAttached();
		// Once the interface font is in: a font that arrived after the first screen was drawn
		// reflowed every line of it (0.65–0.82 here before the pages preloaded it).
		const shift = await page.evaluate(async () => {
			await document.fonts.ready;
			await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
			return (window as unknown as { __shift: number }).__shift;
		});
		expect(shift, 'layout shift while the page loaded').toBeLessThan(0.1);
		// The font is used only if it was ready for the first paint (font-display: optional): a
		// page that missed it would show the fallback for the whole visit.
		expect(await fontsDrawn(page, 'h1'), 'the heading').toEqual(['Source Sans 3']);
		if (route.chart)
			expect(await fontsDrawn(page, '[data-chart] svg text'), 'a chart label').toEqual([
				'Source Sans 3'
			]);
	});
}

/** The font families Chromium drew an element's text in, as it reports them. */
async function fontsDrawn(page: Page, selector: string): Promise<string[]> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('DOM.enable');
	await cdp.send('CSS.enable');
	const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
	const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
	const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
	await cdp.detach();
	// A variable font names its instance ("Source Sans 3 SemiBold"): the family is what matters.
	return [
		...new Set(
			fonts.map((f) =>
				f.isCustomFont ? f.familyName.replace(/^(Source Sans 3).*/, '$1') : f.familyName
			)
		)
	];
}

test('navigation moves between views and Back returns', async ({ page }) => {
	await page.goto('/');
	await page
		.getByRole('navigation', { name: 'Views', exact: true })
		.getByRole('link', { name: 'Efficacy' })
		.click();
	await expect(page).toHaveURL(/\/efficacy$/);
	await page.goBack();
	await expect(page).toHaveURL(/\/$/);
});

test('every embeddable chart has a chrome-free route', async ({ page }) => {
	for (const view of ['timeline', 'mechanisms', 'efficacy']) {
		await page.goto(`/embed/${view}`);
		await expect(page.getByRole('navigation')).toHaveCount(0);
		await expect(page.locator('main')).toBeVisible();
	}
});

test('an unknown embed says so instead of a blank page', async ({ page, problems }) => {
	problems.allow(/404/);
	await page.goto('/embed/nonsense');
	await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
	await expect(page.getByText('There is no chart called "nonsense" to embed')).toBeVisible();
});

test('a broken dataset shows the error panel naming each bad path', async ({ page }) => {
	const path = await serveFixture(page, 'broken-dataset.json');
	await page.goto(`/?data=${path}`);
	const panel = page.getByRole('alert');
	await expect(panel).toContainText('This dataset does not follow the schema');
	await expect(panel).toContainText('readouts[0].ci.low');
	await expect(panel).toContainText('"63,0"');
	await expect(panel).toContainText('readouts[0].dataCut');
	await expect(page.getByRole('link', { name: 'Open the built-in dataset instead' })).toBeVisible();
});

test('a dataset that is not JSON is reported, not a blank page', async ({ page }) => {
	const path = await serveFixture(page, 'not-json.json', '{"meta": {"id": "x", ');
	await page.goto(`/timeline?data=${path}`);
	await expect(page.getByRole('alert')).toContainText('This dataset is not valid JSON');
});

test('a link to a dataset on another site is refused', async ({ page }) => {
	await page.goto('/?data=https://example.org/evil.json');
	await expect(page.getByRole('alert')).toContainText('will not load');
	await expect(page.getByRole('alert')).toContainText('?data');
});

// axe over the shell: a11y.spec.ts scans / (the Overview in the shell) in the same state.

test('the CSP is strict: no eval, no inline script without a hash', async ({ page }) => {
	await page.goto('/');
	const csp = await page
		.locator('meta[http-equiv="content-security-policy"]')
		.getAttribute('content');
	expect(csp).toContain("default-src 'self'");
	expect(csp).toContain("connect-src 'self'");
	expect(csp).not.toContain('unsafe-eval');
	expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
});
