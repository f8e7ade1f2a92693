import { test, expect, axeViolations } from './fixtures';
import { readFileSync } from 'node:fs';

interface R {
	id: string;
	trial: string;
	asset: string | null;
	endpoint: string;
	line: string | null;
	indicationGroup: string;
	n: number | null;
	sources: { id: string; quote: string }[];
}
const her2 = JSON.parse(readFileSync('static/data/her2.json', 'utf8')) as { readouts: R[] };
const HAZARD = ['HR-PFS', 'HR-OS'];
const RESPONSE = ['ORR', 'cORR', 'DCR', 'CBR', 'pCR', 'tpCR'];

const kn026Orr = her2.readouts.find(
	(r) =>
		r.asset === 'kn026' && r.endpoint === 'ORR' && r.line === '1L' && r.indicationGroup === 'breast'
)!;

test.beforeEach(async ({ page }) => {
	await page.goto('/efficacy');
	await expect(page.getByRole('heading', { level: 1, name: 'Efficacy' })).toBeVisible();
	await expect(page.locator('[data-row-key]').first()).toBeVisible();
});

test('the KN026 first-line breast ORR row reads as in the source, with n 55', async ({ page }) => {
	const row = page.locator(`[data-row-key="${kn026Orr.id}"]`);
	await expect(row).toContainText('76.4% (63.0–86.8)');
	await expect(row).toContainText('55');
	await expect(row).toHaveAttribute(
		'aria-label',
		/^KN026 \+ docetaxel, 1L HER2\+ .*breast cancer, phase 2, n 55: ORR 76\.4%, 95% CI 63\.0 to 86\.8/
	);
});

/** Rows a panel draws before "Show more" (DEFAULT_ROW_LIMIT in efficacy.layout.ts). */
const ROW_LIMIT = 50;
const MEDIAN = ['mPFS', 'mOS', 'mDOR'];

test('response rates by default: one row per response readout on a 0–100 axis', async ({
	page
}) => {
	const expected = Math.min(
		ROW_LIMIT,
		her2.readouts.filter((r) => RESPONSE.includes(r.endpoint)).length
	);
	const panel = page.locator('figure[data-family="response"]');
	await expect(panel.locator('[data-row-key]')).toHaveCount(expected);
	await expect(panel.locator('text', { hasText: /^100$/ }).first()).toBeVisible();
});

test('switching to hazard ratios shows a log axis 0.25…4 and the HR rows', async ({ page }) => {
	await page.getByRole('checkbox', { name: /Hazard ratios/ }).check();
	await page.getByRole('checkbox', { name: /Response rates/ }).uncheck();
	await expect(page.locator('figure[data-family="response"]')).toHaveCount(0);
	const panel = page.locator('figure[data-family="hazard"]');
	const expected = Math.min(
		ROW_LIMIT,
		her2.readouts.filter((r) => HAZARD.includes(r.endpoint)).length
	);
	await expect(panel.locator('[data-row-key]')).toHaveCount(expected);
	const ticks = await panel
		.locator('svg text')
		.evaluateAll((nodes) => nodes.map((n) => n.textContent?.trim() ?? ''));
	for (const tick of ['0.25', '0.5', '1', '2', '4']) expect(ticks).toContain(tick);
	expect(ticks.some((t) => t.startsWith('← favours'))).toBe(true);
	expect(ticks.some((t) => t.includes('favours') && t.endsWith('→'))).toBe(true);
});

test('the cross-trial note appears when rows come from more than one trial', async ({ page }) => {
	const note = page.getByTestId('cross-trial-note');
	await expect(note).toContainText(
		'Cross-trial comparison — not head-to-head. Trials differ in design, population and follow-up.'
	);
	// An endpoint that only one trial reports: the note goes away.
	const single = RESPONSE.find(
		(e) => new Set(her2.readouts.filter((r) => r.endpoint === e).map((r) => r.trial)).size === 1
	);
	test.skip(!single, 'every response endpoint comes from several trials');
	await page.getByRole('checkbox', { name: single!, exact: true }).check();
	await expect(note).toHaveCount(0);
});

test('hovering a row shows a tooltip with the source quote', async ({ page }) => {
	const row = page.locator(`[data-row-key="${kn026Orr.id}"]`);
	await row.scrollIntoViewIfNeeded();
	await row.hover();
	const tooltip = page.getByRole('tooltip');
	await expect(tooltip).toBeVisible();
	await expect(tooltip).toContainText(kn026Orr.sources[0]!.quote.slice(0, 40));
	await expect(tooltip).toContainText('single-arm');
});

test('keyboard: one tab stop, arrows move between rows, Enter pins details, Escape closes', async ({
	page
}) => {
	const rows = page.locator('figure[data-family="response"] [data-row-key]');
	await page.getByRole('button', { name: 'Show as table' }).focus();
	await page.keyboard.press('Tab');
	await expect(rows.nth(0)).toBeFocused();
	await page.keyboard.press('ArrowDown');
	await expect(rows.nth(1)).toBeFocused();
	await expect(rows.nth(1)).toHaveAttribute('tabindex', '0');
	await expect(rows.nth(0)).toHaveAttribute('tabindex', '-1');
	await page.keyboard.press('End');
	await expect(rows.last()).toBeFocused();
	await page.keyboard.press('Enter');
	const details = page.getByRole('complementary', { name: 'Readout details' });
	await expect(details).toBeVisible();
	await expect(details.locator('blockquote').first()).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(details).toHaveCount(0);
	await expect(rows.last()).toBeFocused();
});

test('Show as table gives a real table with the same rows', async ({ page }) => {
	const count = await page.locator('[data-row-key]').count();
	await page.getByRole('button', { name: 'Show as table' }).click();
	const table = page.getByRole('table');
	await expect(table.locator('tbody tr')).toHaveCount(count);
	await expect(table).toContainText('76.4% (63.0–86.8)');
});

test('axe finds nothing on the chart with pinned details', async ({ page }) => {
	test.setTimeout(60_000);
	expect(await axeViolations(page)).toEqual([]);
	await page.locator(`[data-row-key="${kn026Orr.id}"]`).click();
	await expect(page.getByRole('complementary', { name: 'Readout details' })).toBeVisible();
	expect(await axeViolations(page)).toEqual([]);
});

test('axe finds nothing with every family shown, as chart and as table', async ({ page }) => {
	test.setTimeout(120_000);
	for (const name of [/Medians/, /Hazard ratios/, /Landmark rates/]) {
		await page.getByRole('checkbox', { name }).check();
	}
	expect(await axeViolations(page)).toEqual([]);
	await page.getByRole('button', { name: 'Show as table' }).click();
	await expect(page.getByRole('table').first()).toBeVisible();
	expect(await axeViolations(page)).toEqual([]);
});

test('a long panel draws its first rows, says how many of how many, and shows more from the keyboard', async ({
	page
}) => {
	const total = her2.readouts.filter((r) => MEDIAN.includes(r.endpoint)).length;
	test.skip(total <= ROW_LIMIT, 'the medians fit in one panel');
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
	await expect(panel.locator('[data-row-key]')).toHaveCount(Math.min(total, 2 * ROW_LIMIT));
	await expect(notice.getByRole('button').first()).toBeFocused();
	// The rows shown are part of the link: a reload (or a colleague) gets the same panel.
	await expect(page).toHaveURL(new RegExp(`nrows=median(:|%3A)${Math.min(total, 2 * ROW_LIMIT)}`));
	await page.reload();
	await expect(panel.locator('[data-row-key]')).toHaveCount(Math.min(total, 2 * ROW_LIMIT));
	// The table shows the same rows.
	await page.getByRole('button', { name: 'Show as table' }).click();
	await expect(page.getByRole('table').locator('tbody tr')).toHaveCount(
		Math.min(total, 2 * ROW_LIMIT)
	);
});
