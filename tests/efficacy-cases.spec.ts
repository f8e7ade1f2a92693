/**
 * Efficacy cases that need particular data, each on a fixture that holds the case (served as
 * ?data=), so an edit of the shipped dataset cannot turn them into silent passes.
 */
import { test, expect, fixturePath, serveFixture } from './fixtures';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

interface R {
	id: string;
	trial: string;
	endpoint: string;
	value: number | null;
}
const sampleText = readFileSync(fixturePath('dataview-sample.json'), 'utf8');
const sample = JSON.parse(sampleText) as { readouts: R[] };

/** Rows a panel draws before "Show more" (DEFAULT_ROW_LIMIT in efficacy.layout.ts). */
const ROW_LIMIT = 50;
const MEDIAN = ['mPFS', 'mOS', 'mDOR'];

async function open(page: Page, name: string, body?: string) {
	const path = await serveFixture(page, name, body);
	await page.goto(`/efficacy?data=${path}`);
	await expect(page.getByRole('heading', { level: 1, name: 'Efficacy' })).toBeVisible();
	await expect(page.locator('[data-row-key]').first()).toBeVisible();
}

test('the cross-trial note appears when rows come from more than one trial', async ({ page }) => {
	// In the sample, ORR comes from two trials and cORR from one (beta-p2) only.
	const trialsOf = (endpoint: string) =>
		new Set(sample.readouts.filter((r) => r.endpoint === endpoint).map((r) => r.trial)).size;
	expect(trialsOf('ORR')).toBeGreaterThan(1);
	expect(trialsOf('cORR')).toBe(1);
	await open(page, 'dataview-sample.json');
	const note = page.getByTestId('cross-trial-note');
	await expect(note).toContainText(
		'Cross-trial comparison — not head-to-head. Trials differ in design, population and follow-up.'
	);
	await page.getByRole('checkbox', { name: 'cORR', exact: true }).check();
	await expect(page.locator('figure[data-family="response"] [data-row-key]')).toHaveCount(1);
	await expect(note).toHaveCount(0);
});

test('a long panel draws its first rows, says how many of how many, and shows more from the keyboard', async ({
	page
}) => {
	// The sample with its median PFS readout copied 74 times: 75 medians, more than one panel.
	const long = JSON.parse(sampleText) as { readouts: R[] };
	long.readouts = long.readouts.filter((r) => !MEDIAN.includes(r.endpoint) || r.value !== null);
	const pfs = long.readouts.find((r) => r.endpoint === 'mPFS')!;
	for (let k = 1; k < 75; k++) long.readouts.push({ ...pfs, id: `${pfs.id}-copy${k}` });
	const total = long.readouts.filter((r) => MEDIAN.includes(r.endpoint)).length;
	expect(total).toBe(75);
	await open(page, 'efficacy-long.json', JSON.stringify(long));
	await page.getByRole('checkbox', { name: /Medians/ }).check();
	await page.getByRole('checkbox', { name: /Response rates/ }).uncheck();
	const panel = page.locator('figure[data-family="median"]');
	await expect(panel.locator('[data-row-key]')).toHaveCount(ROW_LIMIT);
	const notice = panel.locator('[data-shown-notice]');
	await expect(notice).toContainText(
		`Showing ${ROW_LIMIT} of ${total} median readouts, the first in the current order. Narrow with the filters or show more.`
	);
	// The SVG says it too, so an exported picture does not pass for the whole panel.
	await expect(
		panel.locator('svg text', { hasText: `Showing ${ROW_LIMIT} of ${total}` })
	).toHaveCount(1);
	const more = notice.getByRole('button', { name: /^Show \d+ more$/ });
	await more.focus();
	await page.keyboard.press('Enter');
	await expect(panel.locator('[data-row-key]')).toHaveCount(total);
	// The rows shown are part of the link: a reload (or a colleague) gets the same panel.
	await expect(page).toHaveURL(new RegExp(`nrows=median(:|%3A)${total}`));
	await page.reload();
	await expect(panel.locator('[data-row-key]')).toHaveCount(total);
	// The table shows the same rows.
	await page.getByRole('button', { name: 'Show as table' }).click();
	await expect(page.getByRole('table').locator('tbody tr')).toHaveCount(total);
});
