/**
 * The December 2026 HER2 landscape as a strategy lead reads it: the standard of care has its own
 * timeline section with its approvals, an approval whose indication the sources do not give says
 * so, comparator ADCs are described in the matrix, and comparator readouts sit in the same
 * forest-plot group as the focus assets of their setting.
 */
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

const timeline = (page: Page) => page.locator('[data-chart="timeline"]');

async function openTimeline(page: Page, url = '/timeline') {
	await page.goto(url);
	await expect(page.getByRole('heading', { level: 1, name: 'Timeline' })).toBeVisible();
	await expect(timeline(page)).toHaveAttribute('data-chart-ready', /.+/);
}

async function openEfficacy(page: Page, url: string, family: RegExp) {
	await page.goto(url);
	await expect(page.getByRole('heading', { level: 1, name: 'Efficacy' })).toBeVisible();
	await page.getByRole('checkbox', { name: family }).check();
	await expect(page.locator('[data-row-key]').first()).toBeVisible();
}

/** The group header ("Gastric · 1L") a forest-plot row is drawn under, read from the SVG. */
async function groupOfRow(page: Page, readoutId: string): Promise<string> {
	const row = page.locator(`svg [data-row-key="${readoutId}"]`).first();
	await expect(row).toBeAttached();
	return row.evaluate((el) => {
		const y = Number(/translate\(0,\s*([\d.]+)\)/.exec(el.getAttribute('transform') ?? '')?.[1]);
		let best = { y: -Infinity, label: '' };
		for (const t of el.closest('svg')!.querySelectorAll('text[font-weight="600"]')) {
			const ty = Number(t.getAttribute('y'));
			if (ty <= y && ty > best.y) best = { y: ty, label: t.textContent ?? '' };
		}
		return best.label;
	});
}

test('comparator lanes have their own section below the focus assets, with approvals', async ({
	page
}) => {
	await openTimeline(page);
	await expect(timeline(page).getByText('Comparators', { exact: true })).toBeAttached();
	const order = await timeline(page)
		.locator('svg [data-lane]')
		.evaluateAll((lanes) => lanes.map((l) => l.getAttribute('data-lane')));
	const focusLanes = ['lane:zanidatamab-gea-1l-us', 'lane:kn026-gastric-2l-china'];
	const comparatorLanes = [
		'lane:tdxd-breast-1l-us',
		'lane:pembrolizumab-gastric-1l-us',
		'lane:tucatinib-breast-1l-maintenance',
		'lane:dv-breast-liver-mets-china'
	];
	const lastFocus = Math.max(...focusLanes.map((l) => order.indexOf(l)));
	for (const lane of comparatorLanes) expect(order.indexOf(lane), lane).toBeGreaterThan(lastFocus);
	await expect(
		timeline(page).locator('[data-mark="ms:tdxd-fda-approval-breast-1l"]')
	).toHaveAttribute(
		'aria-label',
		'T-DXd · Breast cancer 1L US · FDA approval with pertuzumab (1L HER2+ MBC) · 15 Dec 2025'
	);
	await expect(
		timeline(page).locator('[data-mark="ms:pembrolizumab-fda-traditional-gastric-1l"]')
	).toHaveAttribute('aria-label', /FDA traditional approval \(PD-L1 CPS ≥1\) · 19 Mar 2025$/);
});

test('comparators can be filtered like any asset', async ({ page }) => {
	await openTimeline(page, '/timeline?v=1&assets=trastuzumab-deruxtecan');
	const lanes = await timeline(page)
		.locator('svg [data-lane]')
		.evaluateAll((ls) => ls.map((l) => l.getAttribute('data-lane')));
	expect(lanes).toEqual(
		expect.arrayContaining([
			'lane:tdxd-breast-3l-us',
			'lane:tdxd-breast-2l-us',
			'lane:tdxd-breast-1l-us',
			'lane:tdxd-gastric-2l-us'
		])
	);
	expect(lanes.every((l) => l?.includes('tdxd') || l?.includes('trastuzumab-deruxtecan'))).toBe(
		true
	);
});

test('the zanidatamab 1L GEA approval says its indication is not in the sources', async ({
	page
}) => {
	await openTimeline(page);
	const mark = timeline(page).locator('[data-mark="ms:zanidatamab-fda-supplemental-approval-gea"]');
	await expect(mark).toHaveAttribute('aria-label', /indication not in the sources/);
	await mark.hover();
	const tip = page.getByTestId('timeline-tooltip');
	await expect(tip).toBeVisible();
	await expect(tip).toContainText('Indication not in the sources.');
});

test('HERIZON-GEA-01 is drawn from its 2022 design paper, not from 2026', async ({ page }) => {
	await openTimeline(page);
	const bar = timeline(page).locator('[data-lane="lane:zanidatamab-gea-1l-global"]');
	await expect(bar).toBeAttached();
	await expect(
		timeline(page).locator('[data-mark="bar:zanidatamab-gea-1l-global:1"]')
	).toHaveAttribute('aria-label', /Phase 3 · .*2022/);
});

test('the mechanism matrix describes the comparator ADCs', async ({ page }) => {
	await page.goto('/mechanisms?assets=jskn003,trastuzumab-deruxtecan,trastuzumab-emtansine');
	const payload = page.locator('tr[data-row="payload"]');
	await expect(payload).toContainText('DXd (topoisomerase I inhibitor)');
	await expect(payload).toContainText('DM1 (microtubule-disrupting agent)');
	await expect(page.locator('tr[data-row="linker"]')).toContainText(
		'Non-cleavable thioether linker (SMCC)'
	);
	await expect(page.locator('tr[data-row="dar"]')).toContainText('3.5');
});

test('KEYNOTE-811 sits beside HERIZON-GEA-01 in first-line gastric', async ({ page }) => {
	await openEfficacy(page, '/efficacy?v=1&assets=zanidatamab,pembrolizumab', /^Hazard ratios/);
	const zani = await groupOfRow(page, 'herizon-gea-01-hr-os-triplet');
	expect(zani).toBe('Gastric · 1L');
	expect(await groupOfRow(page, 'keynote-811-hr-os')).toBe(zani);
});

test('DESTINY-Breast09 and HER2CLIMB-05 sit beside KN026 in first-line breast', async ({
	page
}) => {
	await openEfficacy(
		page,
		'/efficacy?v=1&assets=kn026,trastuzumab-deruxtecan,tucatinib',
		/^Medians/
	);
	const kn026 = await groupOfRow(page, 'kn026-mbc1l-ph2-mpfs');
	expect(kn026).toBe('Breast · 1L');
	expect(await groupOfRow(page, 'db09-mpfs-tdxd-p')).toBe(kn026);
	expect(await groupOfRow(page, 'her2climb-05-mpfs-tucatinib')).toBe(kn026);
	// DESTINY-Breast03 now has its line: later-line breast, not "line not stated"
	expect(await groupOfRow(page, 'db03-updated-mpfs-tdxd')).toBe('Breast · 2L+');
});

test('DESTINY-Gastric01 reads confirmed ORR 42.9%, and its overall 51.3% on 119 patients', async ({
	page
}) => {
	await openEfficacy(page, '/efficacy?v=1&assets=trastuzumab-deruxtecan', /^Response rates/);
	await expect(page.locator('svg [data-row-key="dg01-corr-tdxd"]').first()).toContainText('42.9');
	const orr = page.locator('svg [data-row-key="dg01-final-orr-tdxd"]').first();
	await expect(orr).toContainText('51.3');
	await expect(orr).toContainText('119');
});
