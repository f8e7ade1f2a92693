import {
	test,
	expect,
	appRunning,
	axeViolations,
	markCentres,
	marksUnderPointer,
	namesAndBoxes
} from './fixtures';
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
	await appRunning(page);
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
	await expect(page.getByTestId('cross-trial-note')).toContainText(
		'Cross-trial comparison — not head-to-head. Trials differ in design, population and follow-up.'
	);
	// Its disappearing for a single trial is checked on a fixture (efficacy-cases.spec.ts).
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

test('an asset filter taken off again draws the same rows in the same places; removed rows are out of sight and reach', async ({
	page
}) => {
	const panel = page.locator('figure[data-family="response"]');
	const picture = () => namesAndBoxes(panel.locator('[data-row-key]'));
	const before = await picture();
	const removed = (await markCentres(panel.locator('[data-row-key]'))).filter(
		(row) => !row.name.startsWith('Zanidatamab')
	);
	expect(removed.length).toBeGreaterThan(1);
	await page.getByRole('button', { name: /^Assets/ }).click();
	await page.getByRole('checkbox', { name: /^Zanidatamab \d/ }).check();
	await page.keyboard.press('Escape');
	await expect(page).toHaveURL(/[?&]assets=zanidatamab(&|$)/);
	await expect.poll(async () => (await picture()).length).toBeLessThan(before.length);
	const filtered = await picture();
	expect(filtered.length).toBeGreaterThan(0);
	for (const row of filtered) expect(row).toMatch(/^Zanidatamab/);
	// Where the removed rows were, a pointer reaches no row of theirs (they stay in the page, hidden).
	const reached = await marksUnderPointer(page, removed, 'g.row');
	expect(reached.filter((name) => !name.startsWith('Zanidatamab'))).toEqual([]);
	await expect(panel.locator('g.row:visible')).toHaveCount(filtered.length);
	// The keyboard reaches the last shown row, not one the filter removed.
	await panel.locator('[data-row-key][tabindex="0"]').focus();
	await page.keyboard.press('End');
	await expect(panel.locator('[data-row-key]').last()).toBeFocused();

	await page.getByRole('button', { name: /^Assets/ }).click();
	await page.getByRole('checkbox', { name: /^Zanidatamab \d/ }).uncheck();
	await page.keyboard.press('Escape');
	await expect(page).not.toHaveURL(/assets=/);
	await expect.poll(picture).toEqual(before);
	await expect(panel.locator('g.row:visible')).toHaveCount(before.length);
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
