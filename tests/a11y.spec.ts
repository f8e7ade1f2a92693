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
	for (const path of [...ROUTES, ...EMBEDS]) {
		test(`on ${path}`, async ({ page }) => {
			await ready(page, path);
			expect(await axeViolations(page)).toEqual([]);
		});
	}

	// One test per Data table: axe over a table of a few hundred rows takes seconds, and side by
	// side they share the workers instead of one test running out of time.
	test('the Data tabs are the ones checked here', async ({ page }) => {
		await ready(page, '/data');
		const ids = await page.getByRole('tab').evaluateAll((tabs) => tabs.map((t) => t.id));
		expect(ids).toEqual(DATA_TABS.map((tab) => `tab-${tab}`));
	});

	for (const tab of DATA_TABS) {
		test(`on the Data tab ${tab}`, async ({ page }) => {
			// A table of a few hundred rows: axe alone can take 10 s of a busy two-core machine.
			test.slow();
			await ready(page, `/data#${tab}`);
			await expect(page.locator(`#tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
			// With its first row expanded (its details and sources), where the table has such rows.
			const toggle = page.locator('[role=tabpanel]:not([hidden]) button.toggle').first();
			if (await toggle.count()) {
				await toggle.click();
				await expect(toggle).toHaveAttribute('aria-expanded', 'true');
			}
			expect(await axeViolations(page)).toEqual([]);
		});
	}

	for (const path of CHART_ROUTES) {
		test(`on ${path} with a filter menu open`, async ({ page }) => {
			await ready(page, path);
			const trigger = page.getByRole('region', { name: 'Filters' }).getByRole('button').first();
			await trigger.click();
			await expect(trigger).toHaveAttribute('aria-expanded', 'true');
			expect(await axeViolations(page)).toEqual([]);
		});

		test(`on ${path} with the share menu open`, async ({ page }) => {
			await ready(page, path);
			const share = page.getByRole('button', { name: /share|export/i }).first();
			await share.click();
			// The panel loads on first open: check it, not the page before it arrives.
			await expect(page.getByRole('region', { name: 'Share and export' })).toBeVisible();
			expect(await axeViolations(page)).toEqual([]);
		});
	}
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
