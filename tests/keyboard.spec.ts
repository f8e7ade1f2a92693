/**
 * Keyboard-only journeys: Tab to the filter bar, change a filter with Enter/Space, Tab into the
 * chart, arrows move focus between marks, Enter opens details, Escape closes them.
 */
import { test, expect, appRunning } from './fixtures';
import type { Page } from '@playwright/test';

const VIEWS = [
	{
		path: '/timeline',
		chart: '[data-testid="timeline-chart"]',
		details: '[aria-label^="Details:"]'
	},
	{
		path: '/mechanisms',
		chart: 'table[role="grid"]',
		details: '[aria-labelledby="mechanism-source-title"]'
	},
	{ path: '/efficacy', chart: '.forest .panels', details: 'aside[aria-label="Readout details"]' }
];

/** Presses Tab until `test` holds for the focused element; fails after `max` presses. */
async function tabUntil(page: Page, test: string, max = 120) {
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		if (await page.evaluate((sel) => !!document.activeElement?.closest(sel), test)) return;
	}
	throw new Error(`Tab never reached ${test}`);
}

const focusKey = (page: Page) =>
	page.evaluate(() => {
		const el = document.activeElement;
		return el
			? `${el.tagName}|${el.getAttribute('aria-label') ?? ''}|${el.textContent?.slice(0, 40)}`
			: '';
	});

for (const view of VIEWS) {
	test(`${view.path}: a keyboard-only journey`, async ({ page }) => {
		await page.goto(view.path);
		await expect(page.locator(view.chart).first()).toBeVisible();
		await appRunning(page);
		const search = page.url();

		// Filter bar: open the first menu with Enter, tick a value with Space, Escape closes.
		await tabUntil(page, 'section[aria-label="Filters"] button');
		await page.keyboard.press('Enter');
		await tabUntil(page, 'section[aria-label="Filters"] input[type="checkbox"]', 5);
		await page.keyboard.press('Space');
		await expect.poll(() => page.url()).not.toBe(search);
		await page.keyboard.press('Escape');
		await expect(
			page.locator('section[aria-label="Filters"] button[aria-expanded="true"]')
		).toHaveCount(0);
		// Back to everything, by keyboard too.
		await page.keyboard.press('Enter');
		await tabUntil(page, 'section[aria-label="Filters"] input[type="checkbox"]:checked', 30);
		await page.keyboard.press('Space');
		await page.keyboard.press('Escape');

		// Into the chart: one tab stop, arrows move inside.
		await tabUntil(page, view.chart);
		const first = await focusKey(page);
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowRight');
		const moved = await focusKey(page);
		expect(moved).not.toBe(first);
		expect(await page.evaluate((sel) => !!document.activeElement?.closest(sel), view.chart)).toBe(
			true
		);

		await page.keyboard.press('Enter');
		await expect(page.locator(view.details).first()).toBeVisible();
		await page.keyboard.press('Escape');
		await expect(page.locator(view.details)).toHaveCount(0);
	});
}
