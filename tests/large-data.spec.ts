/**
 * A large landscape (over ~1 MB) is read in a Web Worker, opened from a link or imported: the page
 * says which step it is on while the dataset is read, and the chart or the import result follows.
 * The fixture is the HER2 dataset grown 4× by the bench's synthesizer (about 1.6 MB).
 */
import { test, expect, serveFixture } from './fixtures';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { Dataset } from '../src/lib/data/schema';
import { synthesize } from '../scripts/synth-dataset';

const base = Dataset.parse(JSON.parse(readFileSync('static/data/her2.json', 'utf8')));
let body: string | null = null;
const large = () => (body ??= JSON.stringify(synthesize(base, { scale: 4, seed: 1 })));

/** Every text the load-status line shows, in order (recorded from the first byte of the page). */
async function recordLoadStatus(page: Page) {
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { loadStatusSeen: string[] }).loadStatusSeen = seen;
		new MutationObserver(() => {
			const line = document.getElementById('load-status');
			// Counted only when a reader can see it (the prerendered page hides the app's root,
			// never this line).
			const shown = line && !line.hidden && line.checkVisibility({ visibilityProperty: true });
			const text = shown ? (line.textContent ?? '') : '';
			if (text && seen.at(-1) !== text) seen.push(text);
		}).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
	});
}

test('a large dataset from a link is read in a worker, the page naming each step', async ({
	page
}) => {
	expect(large().length).toBeGreaterThan(1024 * 1024);
	const path = await serveFixture(page, 'large.json', large());
	await recordLoadStatus(page);
	const worker = page.waitForEvent('worker');
	await page.goto(`/timeline?data=${path}`);
	expect((await worker).url()).toMatch(/parse\.worker/);
	await expect(page.getByTestId('timeline-chart')).toBeVisible({ timeout: 30_000 });
	const seen = await page.evaluate(
		() => (window as unknown as { loadStatusSeen: string[] }).loadStatusSeen
	);
	expect(seen).toEqual([
		'Reading the dataset (step 1 of 3)…',
		'Checking the dataset against its schema (step 2 of 3)…',
		'Running the quality checks (step 3 of 3)…'
	]);
	await expect(page.locator('#load-status')).toBeHidden();
});

test('a large dataset file is imported in a worker; the result is the same as for a small one', async ({
	page
}) => {
	await page.goto('/data');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await page.getByTestId('manage-datasets').locator('summary').click();
	const worker = page.waitForEvent('worker');
	await page
		.getByTestId('import-input')
		.setInputFiles([
			{ name: 'large.json', mimeType: 'application/json', buffer: Buffer.from(large()) }
		]);
	expect((await worker).url()).toMatch(/import\.worker/);
	const imported = Dataset.parse(JSON.parse(large()));
	await expect(page.getByTestId('import-success')).toContainText(
		`Imported “${imported.meta.title}” from large.json: ${imported.assets.length} assets`,
		{ timeout: 30_000 }
	);
});
