/**
 * Accessibility sweep: axe (WCAG 2.2 AA) on every route, each Data tab and each embed, also with
 * a filter menu and the share menu open where a page has them; usable at 200 % zoom; honours
 * prefers-reduced-motion.
 */
import { test, expect, axeViolations } from './fixtures';
import type { Page } from '@playwright/test';

const ROUTES = ['/', '/timeline', '/mechanisms', '/efficacy', '/data'];
const EMBEDS = ['/embed/timeline', '/embed/mechanisms', '/embed/efficacy'];
/** The Data view's tables, in their tab order. */
const DATA_TABS = [
	'assets',
	'programs',
	'milestones',
	'trials',
	'readouts',
	'deals',
	'conflicts',
	'sources',
	'quality'
];
/** The routes with a filter bar and a share menu. */
const CHART_ROUTES = ['/timeline', '/mechanisms', '/efficacy'];

async function ready(page: Page, path: string) {
	await page.goto(path);
	await expect(page.locator(path.startsWith('/embed') ? 'main' : 'h1').first()).toBeVisible();
	// Charts measure their width after the first frame.
	await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
}

test.describe('axe finds no WCAG 2.2 AA violations', () => {
	// The chart views are scanned below, with their menus.
	for (const path of [...ROUTES, ...EMBEDS].filter((p) => !CHART_ROUTES.includes(p))) {
		test(`on ${path}`, async ({ page }) => {
			await ready(page, path);
			expect(await axeViolations(page)).toEqual([]);
		});
	}

	// A chart view as it opens, then with a filter menu open, then with the share menu open: one
	// page load for the three states (a fresh page adds nothing between them).
	for (const path of CHART_ROUTES) {
		test(`on ${path}, with a filter menu open and with the share menu open`, async ({ page }) => {
			test.slow();
			await ready(page, path);
			expect(await axeViolations(page), 'as it opens').toEqual([]);

			const trigger = page.getByRole('region', { name: 'Filters' }).getByRole('button').first();
			await trigger.click();
			await expect(trigger).toHaveAttribute('aria-expanded', 'true');
			expect(await axeViolations(page), 'with a filter menu open').toEqual([]);
			await page.keyboard.press('Escape');
			await expect(trigger).toHaveAttribute('aria-expanded', 'false');

			const share = page.getByRole('button', { name: /share|export/i }).first();
			await share.click();
			// The panel loads on first open: check it, not the page before it arrives.
			await expect(page.getByRole('region', { name: 'Share and export' })).toBeVisible();
			expect(await axeViolations(page), 'with the share menu open').toEqual([]);
		});
	}

	// Every Data table in one page, tab after tab as a reader goes: a table is built when its tab
	// is first shown, so each tab is checked as it appears.
	test('on each Data tab, with its first row expanded', async ({ page }) => {
		// Nine tables of up to a few hundred rows: axe takes seconds on each.
		test.slow();
		await ready(page, '/data');
		const ids = await page.getByRole('tab').evaluateAll((tabs) => tabs.map((t) => t.id));
		expect(ids, "the tabs checked here are the Data view's tabs").toEqual(
			DATA_TABS.map((tab) => `tab-${tab}`)
		);
		for (const tab of DATA_TABS) {
			await page.locator(`#tab-${tab}`).click();
			await expect(page.locator(`#tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
			// With its first row expanded (its details and sources), where the table has such rows.
			const toggle = page.locator('[role=tabpanel]:not([hidden]) button.toggle').first();
			if (await toggle.count()) {
				await toggle.click();
				await expect(toggle).toHaveAttribute('aria-expanded', 'true');
			}
			expect(await axeViolations(page), `on the Data tab ${tab}`).toEqual([]);
		}
	});
});

test.describe('at 200 % zoom (640 × 450 CSS px)', () => {
	test.use({ viewport: { width: 640, height: 450 } });
	for (const path of ROUTES) {
		test(`${path}: no horizontal page scroll, main controls visible`, async ({ page }) => {
			await ready(page, path);
			const overflow = await page.evaluate(() => {
				const root = document.documentElement;
				return root.scrollWidth - root.clientWidth;
			});
			expect(
				overflow,
				'page scrolls sideways (wide tables/charts must scroll inside)'
			).toBeLessThanOrEqual(1);
			await expect(page.locator('h1')).toBeVisible();
			await expect(page.getByRole('navigation', { name: 'Views', exact: true })).toBeVisible();
			const filters = page.getByRole('region', { name: 'Filters' });
			if (CHART_ROUTES.includes(path))
				await expect(filters.getByRole('button').first()).toBeVisible();
			else await expect(filters).toHaveCount(0);
		});
	}
});

test.describe('prefers-reduced-motion: reduce', () => {
	test.use({ reducedMotion: 'reduce' });
	for (const path of ROUTES) {
		test(`${path}: no transition or animation runs`, async ({ page }) => {
			await ready(page, path);
			const moving = await page.evaluate(() => {
				const ms = (s: string) =>
					Math.max(
						...s
							.split(',')
							.map((part) => parseFloat(part) * (part.trim().endsWith('ms') ? 1 : 1000))
					);
				const out: string[] = [];
				for (const el of document.querySelectorAll('*')) {
					for (const pseudo of [null, '::before', '::after']) {
						const style = getComputedStyle(el, pseudo);
						const t = ms(style.transitionDuration);
						const a = style.animationName !== 'none' ? ms(style.animationDuration) : 0;
						if (t > 1 || a > 1)
							out.push(
								`${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}${pseudo ?? ''}: transition ${t} ms, animation ${a} ms`
							);
					}
				}
				return out.slice(0, 10);
			});
			expect(moving).toEqual([]);
		});
	}
});
