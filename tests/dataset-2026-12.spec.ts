/**
 * The December 2026 HER2 landscape as a strategy lead reads it: comparator ADCs are described in
 * the mechanism matrix beside the focus ADC.
 */
import { test, expect } from './fixtures';

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
