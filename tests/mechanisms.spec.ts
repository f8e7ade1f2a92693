import { test, expect, serveFixture, axeViolations } from './fixtures';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { Dataset } from '../src/lib/data/schema';
import { synthesize } from '../scripts/synth-dataset';

/**
 * The mechanism matrix as a user sees it, on a synthetic HER2-shaped fixture served as ?data=, so
 * an edit of the shipped dataset cannot turn a check into a silent pass. Expectations are read
 * from the fixture.
 */
interface Attr<T> {
	value: T | null;
	applicable?: boolean;
	approximate?: boolean;
	sources?: { id: string; quote: string }[];
}
interface AssetJson {
	id: string;
	shortName: string;
	domains: Attr<string[]>;
	payload: Attr<string>;
	dar: Attr<number>;
	originator: Attr<string>;
	[key: string]: unknown;
}
// The tests state their data: a synthetic HER2-shaped fixture with the cases they check (an
// unknown binding, a payload that does not apply), whatever the shipped dataset holds today.
const data = JSON.parse(readFileSync('tests/fixtures/mechanisms-her2.json', 'utf8'));
const assets: AssetJson[] = data.assets;
const byId = (id: string) => {
	const asset = assets.find((a) => a.id === id);
	if (!asset) throw new Error(`${id} is not in the dataset`);
	return asset;
};
const ROMAN = ['I', 'II', 'III', 'IV'];
const domainsLabel = (domains: string[]) => {
	const sorted = ROMAN.filter((d) => domains.includes(d));
	return sorted.length === 1
		? `Binds HER2 domain ${sorted[0]}`
		: `Binds HER2 domains ${sorted.slice(0, -1).join(', ')} and ${sorted.at(-1)}`;
};

async function open(page: Page, search = '') {
	const path = await serveFixture(page, 'mechanisms-her2.json');
	await page.goto(`/mechanisms${search ? `${search}&` : '?'}data=${path}`);
	await expect(page.getByRole('heading', { level: 1, name: 'Mechanisms' })).toBeVisible();
	await expect(page.getByRole('grid')).toBeVisible();
}

const grid = (page: Page) => page.getByRole('grid');
const cell = (page: Page, rowId: string, assetId: string) =>
	page.locator(`[data-cell="${rowId}:${assetId}"]`);
const columnIds = (page: Page) =>
	page.locator('thead th[data-column]').evaluateAll((ths) => ths.map((th) => th.dataset.column));

async function compare(page: Page, ids: string[]) {
	await page.getByText('Compare assets').click();
	for (const id of ids) {
		await page
			.getByRole('group', { name: 'Assets to compare' })
			.getByRole('checkbox', { name: new RegExp(`^${byId(id).shortName}\\b`) })
			.check();
	}
	await expect(page.locator('thead th[data-column]')).toHaveCount(ids.length);
}

test('one column per asset, one row header per attribute, in groups', async ({ page }) => {
	await open(page);
	await expect(page.locator('thead th[scope="col"][data-column]')).toHaveCount(assets.length);
	for (const group of ['Target and binding', 'Molecule', 'Payload (ADCs)', 'Development']) {
		await expect(grid(page).getByRole('rowheader', { name: group })).toBeVisible();
	}
	await expect(grid(page).getByRole('rowheader', { name: 'HER2 domains' })).toBeVisible();
	await expect(grid(page).getByRole('rowheader', { name: 'Headline readout' })).toBeVisible();
});

test('the values shown match the data: domains, payload, DAR', async ({ page }) => {
	await open(page);
	const kn026 = byId('kn026');
	expect(kn026.domains.value).not.toBeNull();
	const glyph = cell(page, 'domains', 'kn026').getByRole('img');
	await expect(glyph).toHaveAccessibleName(domainsLabel(kn026.domains.value ?? []));
	await expect(cell(page, 'domains', 'kn026')).toContainText(
		ROMAN.filter((d) => kn026.domains.value?.includes(d)).join(' and ')
	);

	const jskn003 = byId('jskn003');
	const payload = jskn003.payload.value ?? '';
	await expect(cell(page, 'payload', 'jskn003')).toContainText(
		payload.charAt(0).toUpperCase() + payload.slice(1)
	);
	await expect(cell(page, 'dar', 'jskn003')).toHaveText(
		`${jskn003.dar.approximate ? '≈' : ''}${jskn003.dar.value}`
	);
	await expect(cell(page, 'dar', 'jskn003')).toHaveAttribute(
		'data-state',
		jskn003.dar.approximate ? 'approximate' : 'known'
	);
});

test('unknown and not applicable read differently', async ({ page }) => {
	await open(page);
	const unknown = assets.find((a) => a.domains.value === null && a.domains.applicable !== false);
	expect(unknown, 'an asset whose HER2 domains are unknown').toBeDefined();
	const u = cell(page, 'domains', unknown!.id);
	await expect(u).toHaveAttribute('data-state', 'unknown');
	await expect(u).toContainText('Unknown');
	await expect(u.getByRole('img')).toHaveAccessibleName('HER2 domains bound: unknown');
	const na = assets.find((a) => a.payload.applicable === false);
	expect(na, 'an asset whose payload does not apply').toBeDefined();
	const c = cell(page, 'payload', na?.id ?? '');
	await expect(c).toHaveAttribute('data-state', 'na');
	await expect(c).toContainText('n/a');
	// Greyed n/a and hatched italic unknown are styled apart.
	const style = (id: string, row: string) =>
		cell(page, row, id).evaluate((el) => {
			const s = getComputedStyle(el);
			return `${s.fontStyle}|${s.backgroundImage !== 'none'}`;
		});
	expect(await style(unknown!.id, 'domains')).toBe('italic|true');
	expect(await style(na?.id ?? '', 'payload')).toBe('normal|false');
});

test("a cell's source opens with its quote, and closes back to the cell", async ({ page }) => {
	await open(page);
	const kn026 = byId('kn026');
	await cell(page, 'domains', 'kn026').click();
	const panel = page.getByRole('region', { name: /KN026.*HER2 domains/ });
	await expect(panel).toBeVisible();
	await expect(panel).toContainText(kn026.domains.sources?.[0]?.quote ?? '');
	await expect(panel.getByRole('heading', { level: 2 })).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(panel).toHaveCount(0);
	await expect(cell(page, 'domains', 'kn026')).toBeFocused();
});

test('highlight differences marks rows that differ; hide identical drops the rest', async ({
	page
}) => {
	await open(page);
	const ids = ['kn026', 'zanidatamab'].filter((id) => assets.some((a) => a.id === id));
	await compare(page, ids);
	const same = (key: 'domains' | 'originator') =>
		JSON.stringify(byId(ids[0] ?? '')[key].value) === JSON.stringify(byId(ids[1] ?? '')[key].value);

	await page.getByRole('checkbox', { name: 'Highlight differences' }).check();
	const badge = (row: string) => page.locator(`tr[data-row="${row}"] [data-testid="differs"]`);
	await expect(badge('domains')).toHaveCount(same('domains') ? 0 : 1);
	await expect(badge('originator')).toHaveCount(same('originator') ? 0 : 1);

	await page.getByRole('checkbox', { name: 'Hide identical rows' }).check();
	await expect(page.locator('tr[data-row="domains"]')).toHaveCount(same('domains') ? 0 : 1);
	await expect(page.locator('tr[data-row="partners"]')).toHaveCount(1);
	await expect(page.getByText(/identical rows? hidden/)).toBeVisible();
});

test('highlight differences compares categories and says how many rows differ', async ({
	page
}) => {
	await open(page);
	await compare(page, ['kn026', 'zanidatamab']);
	await page.getByRole('checkbox', { name: 'Highlight differences' }).check();
	const count = page.getByRole('status').filter({ hasText: /compared rows/ });
	const flagged = () =>
		page
			.locator('tr[data-row]:has([data-testid="differs"])')
			.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row')));
	// The fixture's two bispecifics: the same format class in different words, the same domains;
	// a different platform, originator, furthest phase and approvals.
	expect(byId('kn026').format).not.toEqual(byId('zanidatamab').format);
	await expect(count).toHaveText('4 of 13 compared rows differ.');
	await expect.poll(flagged).toEqual(['platform', 'originator', 'phases', 'approvals']);
	// Marked in words, not colour alone; free text and counts say they are not compared.
	await expect(page.locator('tr[data-row="platform"] th')).toContainText('differs');
	await expect(page.locator('tr[data-row="readouts"] th')).toContainText('not compared');
	await expect(page.getByText(/^Not compared: Fc \/ effector \(free text\)/)).toBeVisible();

	await page.getByLabel('Reference column').selectOption('zanidatamab');
	await expect(count).toHaveText('4 of 13 compared rows differ from Zanidatamab.');
});

test('the shipped dataset: far fewer rows differ than wording would flag', async ({ page }) => {
	await page.goto('/mechanisms?assets=kn026,zanidatamab&diff=1');
	await expect(grid(page)).toBeVisible();
	await expect(page.getByRole('checkbox', { name: 'Highlight differences' })).toBeChecked();
	const count = page.getByRole('status').filter({ hasText: /compared rows/ });
	await expect(count).toHaveText(/^\d+ of \d+ compared rows differ\.$/);
	const [, differ, of] = /^(\d+) of (\d+)/.exec((await count.textContent()) ?? '') ?? [];
	const rows = await page.locator('tr[data-row]').count();
	const notCompared = await page.locator('[data-testid="not-compared"]').count();
	expect(Number(of)).toBe(rows - notCompared);
	await expect(page.locator('tr[data-row] [data-testid="differs"]')).toHaveCount(Number(differ));
	expect(Number(differ)).toBeLessThan(Number(of));
	// Both are bispecific antibodies, described in different words.
	await expect(page.locator('tr[data-row="format"] [data-testid="differs"]')).toHaveCount(0);
	await expect(page.locator('tr[data-row="modality"] [data-testid="differs"]')).toHaveCount(0);
});

test('ordering: by name, a pinned reference, the column menu and dragging', async ({ page }) => {
	await open(page);
	await page.getByLabel('Order columns by').selectOption('name');
	const names = [...assets]
		.sort((a, b) => a.shortName.localeCompare(b.shortName, 'en', { sensitivity: 'base' }))
		.map((a) => a.id);
	await expect.poll(() => columnIds(page)).toEqual(names);

	await page.getByLabel('Reference column').selectOption('trastuzumab');
	const first = page.locator('thead th[data-column]').first();
	await expect(first).toHaveAttribute('data-column', 'trastuzumab');
	await expect(first).toContainText('Reference');
	await expect
		.poll(() => columnIds(page))
		.toEqual(['trastuzumab', ...names.filter((id) => id !== 'trastuzumab')]);

	// Move the second column right with its menu: the order becomes custom.
	const before = await columnIds(page);
	const second = before[1] ?? '';
	await page.getByRole('button', { name: `Column options for ${byId(second).shortName}` }).click();
	await page.getByRole('button', { name: 'Move right' }).click();
	await expect
		.poll(() => columnIds(page))
		.toEqual([before[0], before[2], second, ...before.slice(3)]);
	await expect(page.getByLabel('Order columns by')).toHaveValue('custom');
	await expect(page.getByRole('button', { name: 'Move right' })).toBeFocused();
	await page.keyboard.press('Escape');

	// Drag the last column onto the second place (four columns, so all are in view).
	await page.getByLabel('Order columns by').selectOption('phase');
	await compare(page, ['trastuzumab', 'kn026', 'zanidatamab', 'jskn003']);
	const now = await columnIds(page);
	const last = now.at(-1) ?? '';
	await page
		.locator(`thead th[data-column="${last}"] .short-name`)
		.dragTo(page.locator(`thead th[data-column="${now[1]}"] .short-name`));
	await expect.poll(async () => (await columnIds(page))[1]).toBe(last);
	await expect(first).toHaveAttribute('data-column', 'trastuzumab');
});

test('keyboard: one tab stop, arrows, Home/End, Enter opens the source', async ({ page }) => {
	await open(page, '');
	await page.getByLabel('Reference column').focus();
	await page.keyboard.press('Tab');
	const focused = () =>
		page.evaluate(() => {
			const el = document.activeElement as HTMLElement | null;
			return el?.dataset.cell ?? el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '';
		});
	const ids = await columnIds(page);
	expect(await focused()).toBe(`target:${ids[0]}`);
	await page.keyboard.press('ArrowRight');
	expect(await focused()).toBe(`target:${ids[1]}`);
	await page.keyboard.press('ArrowDown');
	expect(await focused()).toBe(`domains:${ids[1]}`);
	await page.keyboard.press('End');
	expect(await focused()).toBe(`domains:${ids.at(-1)}`);
	await page.keyboard.press('Home');
	expect(await focused()).toBe('HER2 domains');
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowUp');
	await page.keyboard.press('ArrowUp');
	expect(await focused()).toBe(`Column options for ${byId(ids[0] ?? '').shortName}`);
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('source-panel')).toBeVisible();
	await page.keyboard.press('Escape');
	expect(await focused()).toBe(`domains:${ids[0]}`);
	// Tab leaves the grid in one step.
	await page.keyboard.press('Tab');
	expect(await page.evaluate(() => !!document.activeElement?.closest('table'))).toBe(false);
});

test("keyboard journey: a cell's tooltip, its source link, Escape, the sources and back", async ({
	page
}) => {
	await open(page);
	const kn026 = byId('kn026');
	await page.getByLabel('Reference column').selectOption('kn026');
	await page.getByLabel('Reference column').focus();
	await page.keyboard.press('Tab');
	const target = cell(page, 'target', 'kn026');
	await expect(target).toBeFocused();
	// Focus shows the cell's tooltip, which describes it.
	const tip = page.getByRole('tooltip');
	await expect(tip).toContainText(`${kn026.shortName} · Target`);
	const tipId = await tip.getAttribute('id');
	await expect(target).toHaveAttribute('aria-describedby', tipId ?? '');
	// Escape hides it; focus stays.
	await page.keyboard.press('Escape');
	await expect(tip).toHaveCount(0);
	await expect(target).toBeFocused();

	// The next cell shows its own; Tab moves into it, to its source link, and back.
	await page.keyboard.press('ArrowDown');
	const domains = cell(page, 'domains', 'kn026');
	await expect(domains).toBeFocused();
	await expect(tip).toContainText(`${kn026.shortName} · HER2 domains`);
	expect(await axeViolations(page)).toEqual([]);
	await page.keyboard.press('Tab');
	const link = tip.getByRole('link');
	await expect(link).toBeFocused();
	await page.keyboard.press('Shift+Tab');
	await expect(domains).toBeFocused();
	await expect(tip).toBeVisible();

	// Enter opens every source and quote (the tooltip makes way); Escape closes back to the cell.
	await page.keyboard.press('Enter');
	const panel = page.getByTestId('source-panel');
	await expect(panel).toContainText(kn026.domains.sources?.[0]?.quote ?? '');
	await expect(tip).toHaveCount(0);
	await page.keyboard.press('Escape');
	await expect(panel).toHaveCount(0);
	await expect(domains).toBeFocused();
});

test('pointer journey: the tooltip waits for the pointer, keeps its link clickable, and Escape hides it', async ({
	page
}) => {
	await page.clock.install();
	await open(page);
	const kn026 = byId('kn026');
	await cell(page, 'domains', 'kn026').hover();
	const tip = page.getByRole('tooltip');
	await expect(tip).toContainText(`${kn026.shortName} · HER2 domains`);
	// Onto the tooltip: well past the grace time it stays, and its link takes the pointer.
	await tip.getByRole('link').hover();
	await page.clock.runFor(2000);
	await expect(tip).toBeVisible();
	await expect(tip.getByRole('link')).toHaveAttribute('href', /^https:/);
	// Escape hides it with the pointer still where it was (the cell now under it may show its own).
	await page.keyboard.press('Escape');
	await expect(page.getByRole('tooltip').filter({ hasText: 'HER2 domains' })).toHaveCount(0);

	// Hover another cell, then leave the matrix: it goes after the grace time.
	await cell(page, 'target', 'kn026').hover();
	await expect(tip).toContainText(`${kn026.shortName} · Target`);
	await page.getByRole('heading', { level: 1, name: 'Mechanisms' }).hover();
	await page.clock.runFor(2000);
	await expect(tip).toHaveCount(0);
});

test('compare 2–4 assets through the shared asset filter, and back to the same matrix', async ({
	page
}) => {
	await open(page);
	// What a reader sees: each row's shown cells, in order (a hidden cell has no box).
	const picture = () =>
		grid(page)
			.locator('tr')
			.evaluateAll((rows) =>
				rows.map((row) =>
					[...row.children]
						.filter((c) => c.getClientRects().length > 0)
						.map((c) => c.textContent?.replace(/\s+/g, ' ').trim())
						.join(' | ')
				)
			);
	const before = await picture();
	const ids = assets.slice(0, 4).map((a) => a.id);
	await compare(page, ids);
	const group = page.getByRole('group', { name: 'Assets to compare' });
	await expect(group.getByRole('checkbox', { disabled: true })).toHaveCount(assets.length - 4);
	await expect(group).toContainText('Comparing 4 assets');
	await expect(grid(page).getByRole('columnheader')).toHaveCount(5);
	for (const row of await picture()) expect(row.split(' | ').length).toBeLessThanOrEqual(5);
	await page.getByRole('button', { name: 'Show all assets' }).click();
	await expect(page.locator('thead th[data-column]')).toHaveCount(assets.length);
	await expect.poll(picture).toEqual(before);
});

test('axe finds nothing: the matrix, with a panel, a menu and differences', async ({ page }) => {
	await open(page);
	expect(await axeViolations(page)).toEqual([]);
	await page.getByRole('checkbox', { name: 'Highlight differences' }).check();
	await page.getByLabel('Reference column').selectOption('trastuzumab');
	await cell(page, 'domains', 'kn026').click();
	await page
		.getByRole('button', { name: /^Column options for/ })
		.first()
		.click();
	await page.getByText('Compare assets').click();
	expect(await axeViolations(page)).toEqual([]);
});

test('works at 768 px: the table scrolls sideways with the first column sticky', async ({
	page
}) => {
	await page.setViewportSize({ width: 768, height: 900 });
	await open(page);
	const scroller = page.locator('.scroll');
	const overflow = await scroller.evaluate((el) => el.scrollWidth > el.clientWidth);
	expect(overflow).toBe(true);
	await scroller.evaluate((el) => (el.scrollLeft = 400));
	const header = grid(page).getByRole('rowheader', { name: 'HER2 domains' });
	const box = await header.boundingBox();
	const area = await scroller.boundingBox();
	expect(box && area && Math.abs(box.x - area.x) < 4).toBe(true);
});

// 40× keeps this journey quick; the import limit (32 MB) would take 50×.
test.describe('a large landscape (synthetic, 40× the real dataset)', () => {
	const SCALE = 40;
	const STEP = 24;
	// Built once per worker from the dataset the page shows, the way scripts/bench.mjs builds it.
	let body: string | null = null;
	const large = () =>
		(body ??= JSON.stringify(synthesize(Dataset.parse(data), { scale: SCALE, seed: 1 })));
	const total = assets.length * SCALE;

	async function openLarge(page: Page) {
		const path = await serveFixture(page, 'mechanisms-large.json', large());
		await page.goto(`/mechanisms?data=${path}`);
		await expect(grid(page)).toBeVisible({ timeout: 20_000 });
	}
	const columns = (page: Page) => page.locator('thead th[scope="col"][data-column]');
	const notice = (page: Page) => page.getByTestId('column-cap');

	test('shows the first 24 columns with a notice, and more in steps from the keyboard', async ({
		page
	}) => {
		test.slow();
		await openLarge(page);
		await expect(columns(page)).toHaveCount(STEP);
		await expect(notice(page).getByRole('status')).toHaveText(
			`Showing ${STEP} of ${total} assets (sorted by highest phase). Narrow with the filters or pick assets to compare.`
		);
		// Every row has one cell per shown column, no more.
		await expect(page.locator('tr[data-row="domains"] td')).toHaveCount(STEP);
		expect(await axeViolations(page)).toEqual([]);

		const more = notice(page).getByRole('button', { name: `Show ${STEP} more assets` });
		await more.focus();
		await page.keyboard.press('Enter');
		await expect(columns(page)).toHaveCount(2 * STEP);
		await expect(notice(page).getByRole('status')).toContainText(
			`Showing ${2 * STEP} of ${total} assets`
		);
		await expect(more).toBeFocused();
		// The columns shown are part of the link.
		await expect(page).toHaveURL(new RegExp(`ncols=${2 * STEP}`));

		await notice(page)
			.getByRole('button', { name: `Show the first ${STEP} only` })
			.press('Enter');
		await expect(columns(page)).toHaveCount(STEP);
	});

	test('a pinned reference and chosen assets are always among the shown columns', async ({
		page
	}) => {
		test.slow();
		await openLarge(page);
		await expect(columns(page)).toHaveCount(STEP);
		// The last asset of the last replica sorts last by phase or name: far outside the first 24.
		const last = `${assets.at(-1)?.id}-s${SCALE}`;
		await expect(page.locator(`thead th[data-column="${last}"]`)).toHaveCount(0);
		const picked = await page.locator('thead th[data-column]').nth(1).getAttribute('data-column');
		await page.getByLabel('Reference column').selectOption(picked ?? '');
		await expect(columns(page).first()).toHaveAttribute('data-column', picked ?? '');
		await expect(columns(page)).toHaveCount(STEP);

		// Choosing two assets to compare narrows the matrix to them: no notice any more.
		await page.getByText('Compare assets').click();
		const group = page.getByRole('group', { name: 'Assets to compare' });
		await group.getByRole('checkbox').first().check();
		await group.getByRole('checkbox').nth(1).check();
		await expect(columns(page)).toHaveCount(2);
		await expect(notice(page)).toHaveCount(0);
	});

	test('the embed (the export adapter) says how many of how many assets it shows', async ({
		page
	}) => {
		test.slow();
		const path = await serveFixture(page, 'mechanisms-large.json', large());
		await page.goto(`/embed/mechanisms?data=${path}`);
		await expect(grid(page)).toBeVisible({ timeout: 20_000 });
		await expect(columns(page)).toHaveCount(STEP);
		await expect(page.locator('.subtitle')).toContainText(`${STEP} of ${total} assets ×`);
		await expect(page.locator('footer')).toContainText(
			`Showing ${STEP} of ${total} assets (sorted by highest phase). The other ${total - STEP} are not shown.`
		);
	});
});
