/**
 * Bring your own landscape: import a dataset (JSON, CSV zip, dropped files), keep it across
 * reloads, switch back to the built-in one, delete it; a broken import changes nothing; a link to a
 * dataset this browser does not have says so.
 */
import { test, expect, fixturePath, axeViolations } from './fixtures';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { Dataset } from '../src/lib/data/schema';
import { csvExample, EXAMPLE_DATASET } from '../src/lib/import/example';
import { strToU8, zipSync } from 'fflate';

/** A zip of CSV files, as a spreadsheet user would make it (src/lib/import/zip.ts needs $app). */
const zipCsvFiles = (files: { name: string; text: string }[]) =>
	zipSync(Object.fromEntries(files.map((f) => [f.name, strToU8(f.text)])));

const her2 = Dataset.parse(JSON.parse(readFileSync('static/data/her2.json', 'utf8')));
const tinyText = readFileSync(fixturePath('import-tiny.json'), 'utf8');
const tiny = Dataset.parse(JSON.parse(tinyText));

async function importFiles(
	page: Page,
	files: { name: string; mimeType: string; buffer: Buffer }[]
) {
	await page.getByTestId('manage-datasets').locator('summary').click();
	await page.getByTestId('import-input').setInputFiles(files);
}

const headerTitle = (page: Page) => page.locator('.app-header .dataset-title');

test('a JSON dataset is imported, shown in every view, and survives a reload', async ({ page }) => {
	await page.goto('/data');
	await expect(headerTitle(page)).toHaveText(her2.meta.title);
	await importFiles(page, [
		{ name: 'import-tiny.json', mimeType: 'application/json', buffer: Buffer.from(tinyText) }
	]);
	await expect(page).toHaveURL(new RegExp(`/data\\?dataset=${tiny.meta.id}$`));
	await expect(headerTitle(page)).toHaveText(tiny.meta.title);
	await expect(page.getByTestId('import-success')).toContainText(`Imported “${tiny.meta.title}”`);
	expect(await axeViolations(page), 'import panel, switcher and header select').toEqual([]);
	await expect(page.getByTestId('entity-counts').locator('[data-entity=assets]')).toContainText(
		String(tiny.assets.length)
	);
	// The views show it, and links between views keep it.
	await page
		.getByRole('navigation', { name: 'Views' })
		.getByRole('link', { name: 'Overview' })
		.click();
	await expect(page).toHaveURL(new RegExp(`\\?dataset=${tiny.meta.id}`));
	await expect(page.getByTestId('asset-card')).toHaveCount(
		tiny.assets.filter((a) => a.role === 'focus').length
	);
	await page.reload();
	await expect(headerTitle(page)).toHaveText(tiny.meta.title);
	// A bare visit reopens the dataset last switched to — with its id in the address bar.
	await page.goto('/timeline');
	await expect(page).toHaveURL(new RegExp(`/timeline\\?dataset=${tiny.meta.id}$`));
	await expect(headerTitle(page)).toHaveText(tiny.meta.title);
});

test('a CSV zip built from the example imports; switching back and deleting work', async ({
	page
}) => {
	const zip = Buffer.from(zipCsvFiles(csvExample()));
	await page.goto('/data#assets');
	await importFiles(page, [{ name: 'example.zip', mimeType: 'application/zip', buffer: zip }]);
	await expect(headerTitle(page)).toHaveText(EXAMPLE_DATASET.meta.title);
	await expect(page).toHaveURL(new RegExp(`\\?dataset=${EXAMPLE_DATASET.meta.id}#assets$`));
	await expect(page.getByTestId('panel-assets').locator('tbody tr.row')).toHaveCount(
		EXAMPLE_DATASET.assets.length
	);

	// The header switcher goes back to the built-in dataset, on the same page.
	await page.getByTestId('dataset-select').selectOption('');
	await expect(headerTitle(page)).toHaveText(her2.meta.title);
	await expect(page).toHaveURL(/\/data#assets$/);
	await page.reload();
	await expect(headerTitle(page)).toHaveText(her2.meta.title);

	// Delete the imported one, after confirming.
	await page.getByTestId('manage-datasets').locator('summary').click();
	const switcher = page.getByTestId('dataset-switcher');
	const row = switcher.locator(`li[data-dataset="${EXAMPLE_DATASET.meta.id}"]`);
	await expect(row).toBeVisible();
	page.once('dialog', (dialog) => dialog.dismiss());
	await row.getByRole('button', { name: /^Delete/ }).click();
	await expect(row).toBeVisible();
	page.once('dialog', (dialog) => dialog.accept());
	await row.getByRole('button', { name: /^Delete/ }).click();
	await expect(row).toHaveCount(0);
	await expect(page.getByTestId('dataset-select').locator('option')).toHaveCount(1);
});

test('dropped files import too', async ({ page }) => {
	await page.goto('/data');
	await page.getByTestId('manage-datasets').locator('summary').click();
	await page.evaluate(async (text) => {
		const transfer = new DataTransfer();
		transfer.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
		const zone = document.querySelector('[data-testid=drop-zone]')!;
		zone.dispatchEvent(
			new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true })
		);
		zone.dispatchEvent(
			new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true })
		);
	}, tinyText);
	await expect(headerTitle(page)).toHaveText(tiny.meta.title);
});

test('a broken CSV set lists file, row and column, and leaves the dataset shown untouched', async ({
	page
}) => {
	const files = csvExample().map((f) => {
		if (f.name !== 'assets.csv') return f;
		const rows = Papa.parse<string[]>(f.text.trimEnd(), { header: false }).data;
		rows[1]![rows[0]!.indexOf('role')] = 'bogus-role';
		return { name: f.name, text: Papa.unparse(rows) };
	});
	await page.goto('/data');
	await importFiles(
		page,
		files.map((f) => ({ name: f.name, mimeType: 'text/csv', buffer: Buffer.from(f.text) }))
	);
	const errors = page.getByTestId('import-errors');
	await expect(errors).toContainText('Nothing was imported');
	const problem = errors.locator('tbody tr').filter({ hasText: 'assets.csv' }).first();
	await expect(problem).toContainText('row 2');
	await expect(problem).toContainText('role');
	await expect(headerTitle(page)).toHaveText(her2.meta.title);
	await expect(page).toHaveURL(/\/data$/);
	await expect(page.getByTestId('dataset-select').locator('option')).toHaveCount(1);
	// Invalid JSON: named by line and column, nothing stored either.
	await page.getByTestId('import-input').setInputFiles([
		{
			name: 'cut.json',
			mimeType: 'application/json',
			buffer: Buffer.from(tinyText.slice(0, 200))
		}
	]);
	await expect(errors.locator('tbody tr').first()).toContainText('cut.json');
	await expect(errors).toContainText(/line \d+, column \d+/);
	await expect(headerTitle(page)).toHaveText(her2.meta.title);
});

test('a link to a dataset this browser does not have says so, and offers the built-in one', async ({
	page
}) => {
	await page.goto('/efficacy?dataset=nope');
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('does not have');
	await expect(alert).toContainText('stored only in the browser that imported them');
	await page.getByRole('button', { name: 'Open the built-in dataset' }).click();
	await expect(page).toHaveURL(/\/efficacy$/);
	await expect(headerTitle(page)).toHaveText(her2.meta.title);
});
