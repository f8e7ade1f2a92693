/**
 * Where a user could lose work, in a real browser: two tabs of one browser sharing saved views,
 * a newer version of the app upgrading the stored data while an older tab holds it, and storage
 * that is full (QuotaExceededError) when saving a view or importing a dataset, and a last view an
 * older version stored, restored or discarded with a notice. Runs on the small
 * synthetic fixture dataset.
 */
import { test, expect, serveFixture, fixturePath } from './fixtures';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

const DATA = '/fixtures/state-dataset.json';
const withData = (path: string, query = '') => `${path}?data=${DATA}${query ? '&' + query : ''}`;

async function open(page: Page, url: string) {
	await serveFixture(page, 'state-dataset.json');
	await page.goto(url);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** Waits until the app has opened its database (it does when the page is idle). */
async function storageOpened(page: Page) {
	await expect
		.poll(() => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name)))
		.toContain('landscape');
}

/** Names of the saved views as stored, read straight from IndexedDB. */
function storedViewNames(page: Page): Promise<string[]> {
	return page.evaluate(
		() =>
			new Promise<string[]>((resolve, reject) => {
				const request = indexedDB.open('landscape');
				request.onerror = () => reject(request.error);
				request.onsuccess = () => {
					const db = request.result;
					const all = db.transaction('views').objectStore('views').getAll();
					all.onsuccess = () => {
						resolve((all.result as { name: string }[]).map((v) => v.name).sort());
						db.close();
					};
					all.onerror = () => reject(all.error);
				};
			})
	);
}

async function saveView(page: Page, name: string) {
	const menu = page.getByRole('button', { name: /^Saved views/ });
	if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
	await page.getByRole('textbox', { name: 'Save this view as' }).fill(name);
	await page.getByRole('button', { name: 'Save view' }).click();
}

/**
 * Makes this page's IndexedDB refuse writes to `store` as a full disk does: the request throws
 * QuotaExceededError inside the transaction, which aborts it. (Chromium's quota override does not
 * make small writes fail, so the refusal is put where the browser would raise it.) `null` lifts it.
 */
async function fillStorage(page: Page, store: string | null) {
	await page.evaluate((full) => {
		const w = window as unknown as { __fullStore?: string | null; __patched?: boolean };
		w.__fullStore = full;
		if (w.__patched) return;
		w.__patched = true;
		for (const method of ['add', 'put'] as const) {
			const original = IDBObjectStore.prototype[method];
			IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: unknown[]) {
				if (this.name === w.__fullStore)
					throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
				return (original as (...a: unknown[]) => IDBRequest).apply(this, args);
			} as typeof original;
		}
	}, store);
}

test('two tabs share saved views: saved in one, seen in the other; deleted in one, gone in both', async ({
	context
}) => {
	const first = await context.newPage();
	const second = await context.newPage();
	await open(first, withData('/timeline', 'v=1&regions=China'));
	await open(second, withData('/efficacy'));
	await storageOpened(first);

	await saveView(first, 'China milestones');
	await expect(first.getByRole('link', { name: 'China milestones' })).toBeVisible();
	// The other tab's list follows without a reload.
	await expect(second.getByRole('button', { name: /^Saved views \(1\)/ })).toBeVisible();
	await second.getByRole('button', { name: /^Saved views/ }).click();
	const link = second.getByRole('link', { name: 'China milestones' });
	await expect(link).toHaveAttribute(
		'href',
		new RegExp(`^/timeline\\?data=${DATA}&v=1&regions=China$`)
	);

	await second.getByRole('button', { name: 'Delete China milestones' }).click();
	await expect(link).toHaveCount(0);
	await expect(first.getByRole('link', { name: 'China milestones' })).toHaveCount(0);
	await expect(first.getByRole('button', { name: /^Saved views \(0\)/ })).toBeVisible();
	expect(await storedViewNames(first)).toEqual([]);
});

test('a newer version upgrading the stored data while a tab holds it: that tab is told, nothing is lost', async ({
	context
}) => {
	const old = await context.newPage();
	await open(old, withData('/timeline', 'v=1&regions=China'));
	await storageOpened(old);
	await saveView(old, 'Kept across the upgrade');
	await expect(old.getByRole('link', { name: 'Kept across the upgrade' })).toBeVisible();

	// Another tab opens the database at a higher version, as a newer release of the app would.
	const newer = await context.newPage();
	await newer.route('**/fixtures/blank.html', (route) =>
		route.fulfill({
			status: 200,
			contentType: 'text/html',
			body: '<!doctype html><title>b</title>'
		})
	);
	await newer.goto('/fixtures/blank.html');
	const upgrade = await newer.evaluate(
		() =>
			new Promise<{ blocked: boolean; views: string[] }>((resolve, reject) => {
				let blocked = false;
				const request = indexedDB.open('landscape', 1000);
				request.onblocked = () => (blocked = true);
				request.onerror = () => reject(request.error);
				request.onsuccess = () => {
					const db = request.result;
					const all = db.transaction('views').objectStore('views').getAll();
					all.onsuccess = () => {
						resolve({ blocked, views: (all.result as { name: string }[]).map((v) => v.name) });
						db.close();
					};
				};
			})
	);
	// The old tab let go at once (the upgrade was never blocked), and the saved view survived it.
	expect(upgrade).toEqual({ blocked: false, views: ['Kept across the upgrade'] });
	await expect(old.getByTestId('storage-note')).toContainText(
		'A newer version of Landscape opened in another tab'
	);
	await expect(old.getByTestId('storage-note')).toContainText('Nothing saved so far is lost');
	// The old tab's view is still what its address bar says.
	await expect(old).toHaveURL(/regions=China$/);
	await expect(old.getByRole('button', { name: 'Remove filter Region: China' })).toBeVisible();
});

test('a full storage on saving a view: a clear message, nothing half-written, the name kept', async ({
	page
}) => {
	await open(page, withData('/timeline', 'v=1&regions=China'));
	await storageOpened(page);
	await saveView(page, 'Before it filled up');
	await expect(page.getByRole('link', { name: 'Before it filled up' })).toBeVisible();

	await fillStorage(page, 'views');
	await saveView(page, 'After it filled up');
	const status = page.locator('#saved-views').getByRole('status');
	await expect(status).toContainText('The view could not be saved');
	await expect(status).toContainText('storage for this site is full');
	await expect(page.getByRole('textbox', { name: 'Save this view as' })).toHaveValue(
		'After it filled up'
	);
	await expect(page.getByRole('link', { name: 'After it filled up' })).toHaveCount(0);
	expect(await storedViewNames(page)).toEqual(['Before it filled up']);

	// Space again: the same click saves it.
	await fillStorage(page, null);
	await page.getByRole('button', { name: 'Save view' }).click();
	await expect(page.getByRole('link', { name: 'After it filled up' })).toBeVisible();
	expect(await storedViewNames(page)).toEqual(['After it filled up', 'Before it filled up']);
});

test('a full storage on importing a dataset: a clear message, nothing half-written', async ({
	page
}) => {
	const tinyText = readFileSync(fixturePath('import-tiny.json'), 'utf8');
	await page.goto('/data');
	await expect(page.getByRole('heading', { level: 1, name: 'Data' })).toBeVisible();
	const title = await page.locator('.app-header .dataset-title').innerText();
	// The text is written first, then the entry is refused: the transaction must undo the text.
	await fillStorage(page, 'datasets');
	await page.getByTestId('manage-datasets').locator('summary').click();
	await page
		.getByTestId('import-input')
		.setInputFiles([
			{ name: 'import-tiny.json', mimeType: 'application/json', buffer: Buffer.from(tinyText) }
		]);
	const errors = page.getByTestId('import-errors');
	await expect(errors).toContainText('The dataset could not be stored in this browser');
	await expect(errors).toContainText('out of space');
	await expect(errors).toContainText('Nothing was imported; the dataset shown is unchanged.');
	await expect(page.locator('.app-header .dataset-title')).toHaveText(title);
	await expect(page).toHaveURL(/\/data$/);
	// Neither the dataset's entry nor its text was written.
	const stored = await page.evaluate(
		() =>
			new Promise<number[]>((resolve, reject) => {
				const request = indexedDB.open('landscape');
				request.onerror = () => reject(request.error);
				request.onsuccess = () => {
					const db = request.result;
					const tx = db.transaction(['datasets', 'datasetTexts']);
					const counts = [
						tx.objectStore('datasets').count(),
						tx.objectStore('datasetTexts').count()
					];
					tx.oncomplete = () => {
						resolve(counts.map((c) => c.result));
						db.close();
					};
				};
			})
	);
	expect(stored).toEqual([0, 0]);
});

/** Replaces the stored last view of the fixture dataset, as an older version might have left it. */
async function storeLastState(page: Page, state: unknown) {
	await page.evaluate(
		(state) =>
			new Promise<void>((resolve, reject) => {
				const request = indexedDB.open('landscape');
				request.onerror = () => reject(request.error);
				request.onsuccess = () => {
					const db = request.result;
					const tx = db.transaction('lastState', 'readwrite');
					tx.objectStore('lastState').put({ datasetId: 'state-fixture', state, updatedAt: 0 });
					tx.oncomplete = () => {
						db.close();
						resolve();
					};
					tx.onerror = () => reject(tx.error);
				};
			}),
		state
	);
}

/**
 * Opens the timeline once with a view other than the default, so the app stores it as the last
 * view and notes that it has one (a default view is stored but not noted: nothing to restore).
 */
async function visitOnce(page: Page) {
	await open(page, withData('/timeline', 'lanes=indication'));
	await storageOpened(page);
	await expect
		.poll(() =>
			page.evaluate(() => Object.keys(localStorage).some((k) => k.includes('saved-state')))
		)
		.toBe(true);
}

test('a last view stored by an older version comes back with a notice of what was left out', async ({
	page
}) => {
	await visitOnce(page);
	await storeLastState(page, {
		filters: { assets: ['kn026', 'retired-asset'], indications: 'gastric' },
		timeline: { groupBy: 'indication' }
	});
	await page.goto(withData('/timeline'));
	const notice = page.getByTestId('restore-notice');
	await expect(notice).toContainText('Your last view was restored, with changes');
	await expect(notice).toContainText(
		'Filter “assets”: retired-asset is not in this dataset, so it was left out.'
	);
	await expect(notice).toContainText(
		'Filter “indications” was stored in a form this version cannot read: reset.'
	);
	// What could be kept was: one asset, grouped by indication.
	await expect(page).toHaveURL(/assets=kn026(&|$)/);
	await expect(page).toHaveURL(/lanes=indication/);
	await notice.getByRole('button', { name: 'Dismiss restore notice' }).click();
	await expect(notice).toHaveCount(0);
});

test('a last view nothing of which can be read is discarded with a notice; the default view shows', async ({
	page
}) => {
	await visitOnce(page);
	await storeLastState(page, 'assets=kn026&v=0');
	await page.goto(withData('/timeline'));
	await expect(page.getByTestId('restore-notice')).toContainText(
		'Your last view could not be restored'
	);
	await expect(page.getByTestId('timeline-chart')).toBeVisible();
	expect(new URL(page.url()).searchParams.get('assets')).toBeNull();
});
