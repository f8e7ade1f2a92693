/**
 * The Overview as an executive sees it: one card per focus asset with its key readout, links into
 * the chart views filtered to that asset, comparators listed apart, axe clean.
 * Expected names and figures come from static/data/her2.json through the same summary functions.
 */
import { test, expect, axeViolations, fixturePath, serveFixture } from './fixtures';
import { readFileSync } from 'node:fs';
import { Dataset } from '../src/lib/data/schema';
import {
	formatPhasesByRegion,
	formatReadoutValue,
	readoutDecimals,
	summarizeAsset
} from '../src/lib/data/summary';

const her2 = Dataset.parse(JSON.parse(readFileSync('static/data/her2.json', 'utf8')));
const focus = her2.assets.filter((a) => a.role === 'focus');
const comparators = her2.assets.filter((a) => a.role === 'comparator');

test('one card per focus asset, with its name, phases and key readout', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
	const cards = page.getByTestId('asset-card');
	await expect(cards).toHaveCount(focus.length);
	for (const asset of focus) {
		const summary = summarizeAsset(her2, asset);
		const card = page.locator(`[data-testid=asset-card][data-asset="${asset.id}"]`);
		await expect(card.getByRole('heading', { level: 2 })).toHaveText(asset.name);
		const phases = formatPhasesByRegion(summary.phases);
		if (phases) await expect(card.getByTestId('phases')).toHaveText(phases);
		const readout = card.getByTestId('key-readout');
		if (summary.keyReadout) {
			const figure = formatReadoutValue(summary.keyReadout, readoutDecimals(summary.keyReadout));
			await expect(readout.locator('.figure')).toHaveText(figure);
			await expect(readout.locator('.endpoint')).toContainText(summary.keyReadout.endpoint);
			if (summary.keyTrial) await expect(readout).toContainText(summary.keyTrial.name);
			// The figure's source is one click away.
			await readout.getByText('Source', { exact: true }).click();
			await expect(readout).toContainText(summary.keyReadout.sources[0]!.quote);
		} else {
			await expect(readout).toContainText('No investigational readout');
		}
	}
});

test('the key readout is the most advanced evidence, not the largest phase 1 cohort', async ({
	page
}) => {
	// The sample plus a phase 1 first-in-human cohort for Alpha: more patients and a later data
	// cut than its phase 2 ORR, which must still win.
	const data = JSON.parse(readFileSync(fixturePath('dataview-sample.json'), 'utf8'));
	const phase2 = data.readouts.find((r: { id: string }) => r.id === 'alpha-orr');
	data.trials.push({
		...data.trials.find((t: { id: string }) => t.id === 'alpha-p2'),
		id: 'alpha-p1',
		name: 'ALPHA-FIH',
		phase: 'phase 1',
		design: 'single-arm'
	});
	data.readouts.push({
		...phase2,
		id: 'alpha-orr-fih',
		trial: 'alpha-p1',
		value: 60,
		ci: null,
		n: 300,
		responders: 180,
		dataCut: '2025-06'
	});
	const sample = Dataset.parse(data);
	const alpha = sample.assets.find((a) => a.id === 'alpha')!;
	const key = summarizeAsset(sample, alpha).keyReadout!;
	expect(key.id).toBe('alpha-orr');
	const path = await serveFixture(page, 'overview-key-readout.json', JSON.stringify(data));
	await page.goto(`/?data=${path}`);
	const card = page.locator('[data-testid=asset-card][data-asset="alpha"]');
	await expect(card.getByTestId('key-readout')).toContainText('ALPHA-2');
	await expect(card.getByTestId('key-readout')).not.toContainText('ALPHA-FIH');
	await expect(card.getByTestId('key-readout').locator('.figure')).toHaveText(
		formatReadoutValue(key, readoutDecimals(key))
	);
});

test('card links open the views filtered to that asset, in the shared link format', async ({
	page
}) => {
	await page.goto('/');
	for (const asset of focus) {
		const nav = page.getByRole('navigation', { name: `Open ${asset.shortName} in` });
		for (const [name, path] of [
			['Timeline', '/timeline'],
			['Mechanisms', '/mechanisms'],
			['Efficacy', '/efficacy']
		] as const) {
			await expect(nav.getByRole('link', { name })).toHaveAttribute(
				'href',
				`${path}?v=1&assets=${asset.id}`
			);
		}
	}
	const first = focus[0]!;
	await page
		.getByRole('navigation', { name: `Open ${first.shortName} in` })
		.getByRole('link', { name: 'Timeline' })
		.click();
	await expect(page).toHaveURL(new RegExp(`/timeline\\?v=1&assets=${first.id}$`));
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('comparators are listed apart from the focus assets', async ({ page }) => {
	await page.goto('/');
	const table = page.getByTestId('comparators');
	await expect(page.getByRole('heading', { level: 2, name: 'Comparators' })).toBeVisible();
	await expect(table.locator('tbody tr')).toHaveCount(comparators.length);
	for (const asset of comparators) {
		await expect(table.getByRole('rowheader', { name: asset.name, exact: true })).toBeVisible();
		await expect(page.locator(`[data-testid=asset-card][data-asset="${asset.id}"]`)).toHaveCount(0);
	}
});

test('axe finds no WCAG 2.2 AA violations on the Overview', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByTestId('asset-card').first()).toBeVisible();
	await page.getByTestId('key-readout').first().getByText('Source', { exact: true }).click();
	expect(await axeViolations(page)).toEqual([]);
});
