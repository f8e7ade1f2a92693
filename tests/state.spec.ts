/**
 * One view state for every chart: filters in the bar, the URL, IndexedDB and saved views, as a
 * user meets them. Runs on the small synthetic fixture dataset (tests/fixtures/state-dataset.json).
 */
import { test, expect, serveFixture, axeViolations, appRunning } from './fixtures';
import type { Page } from '@playwright/test';

const DATA = '/fixtures/state-dataset.json';
const withData = (path: string, query = '') => `${path}?data=${DATA}${query ? '&' + query : ''}`;

async function open(page: Page, url: string) {
	await serveFixture(page, 'state-dataset.json');
	await page.goto(url);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

async function choose(page: Page, menu: RegExp, value: string) {
	await page.getByRole('button', { name: menu }).click();
	const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	await page.getByRole('checkbox', { name: new RegExp(`^${escaped} \\d`) }).check();
	await page.keyboard.press('Escape');
}

const summary = (page: Page) => page.getByTestId('filter-summary');

test('filters set in the bar go into the URL and a fresh browser opens the same view', async ({
	page,
	browser
}) => {
	const datasetRequests: string[] = [];
	page.on('request', (r) => {
		if (new URL(r.url()).pathname === DATA) datasetRequests.push(r.url());
	});
	await open(page, withData('/efficacy'));
	await expect(summary(page)).toHaveText(/Showing 3 of 7 readouts/);
	const historyLength = await page.evaluate(() => history.length);

	await choose(page, /^Assets/, 'KN026');
	await expect(page).toHaveURL(/[?&]assets=kn026(&|$)/);
	await choose(page, /^Assets/, 'Trastuzumab');
	await choose(page, /^Indication/, 'Gastric');
	await expect(page).toHaveURL(
		new RegExp(`\\?data=${DATA}&v=1&assets=kn026,trastuzumab&indications=gastric$`)
	);
	const counts = await summary(page).textContent();
	expect(counts).toMatch(/Showing 1 of 7 readouts/);
	await expect(page.getByRole('button', { name: 'Remove filter Assets: KN026' })).toBeVisible();
	// Filter changes replace the history entry and never reload the dataset.
	expect(datasetRequests).toHaveLength(1);
	expect(await page.evaluate(() => history.length)).toBe(historyLength);

	const url = page.url();
	const context = await browser.newContext();
	const fresh = await context.newPage();
	await open(fresh, url);
	await expect(summary(fresh)).toHaveText(counts!);
	await expect(fresh.getByRole('button', { name: 'Remove filter Assets: KN026' })).toBeVisible();
	await expect(
		fresh.getByRole('button', { name: 'Remove filter Indication: Gastric' })
	).toBeVisible();
	await expect(fresh).toHaveURL(url);
	await context.close();

	await page.reload();
	await expect(summary(page)).toHaveText(counts!);
	await expect(page).toHaveURL(url);
});

test('filter clicks in quick succession write the URL once, with the last of them', async ({
	page
}) => {
	await page.addInitScript(() => {
		const replace = history.replaceState.bind(history);
		(window as unknown as { urlWrites: string[] }).urlWrites = [];
		history.replaceState = (data, unused, url) => {
			if (url) (window as unknown as { urlWrites: string[] }).urlWrites.push(String(url));
			return replace(data, unused, url);
		};
	});
	await open(page, withData('/efficacy'));
	await page.getByRole('button', { name: /^Assets/ }).click();
	await expect(page.locator('#filter-assets input[type=checkbox]').nth(2)).toBeVisible();
	await page.evaluate(() => {
		(window as unknown as { urlWrites: string[] }).urlWrites = [];
	});
	// Three clicks, each its own task, all before the page is next idle.
	await page.evaluate(async () => {
		const boxes = document.querySelectorAll<HTMLInputElement>(
			'#filter-assets input[type=checkbox]'
		);
		for (const i of [0, 1, 2]) {
			boxes[i]!.click();
			await new Promise((next) => setTimeout(next));
		}
	});
	await expect(page).toHaveURL(/[?&]assets=[^&]+,[^&]+,[^&]+(&|$)/);
	await expect(summary(page)).toHaveText(/Showing \d+ of 7 readouts/);
	const writes = await page.evaluate(
		() => (window as unknown as { urlWrites: string[] }).urlWrites
	);
	expect(writes).toHaveLength(1);
	expect(writes[0]).toMatch(/[?&]assets=[^&]+,[^&]+,[^&]+(&|$)/);
});

test('the state travels with view navigation and Back returns', async ({ page }) => {
	await open(page, withData('/timeline'));
	await choose(page, /^Agency/, 'NMPA');
	await expect(page).toHaveURL(/agencies=NMPA/);
	await page
		.getByRole('navigation', { name: 'Views' })
		.getByRole('link', { name: 'Efficacy' })
		.click();
	await expect(page).toHaveURL(new RegExp(`/efficacy\\?data=${DATA}&v=1&agencies=NMPA$`));
	await page.goBack();
	await expect(page).toHaveURL(new RegExp(`/timeline\\?data=${DATA}&v=1&agencies=NMPA$`));
	await expect(page.getByRole('button', { name: 'Remove filter Agency: NMPA' })).toBeVisible();
	await expect(summary(page)).toHaveText(/Showing 3 of 7 milestones/);
});

test('a view link followed while the restored view is written to the URL opens that view', async ({
	page
}) => {
	await open(page, withData('/timeline'));
	await choose(page, /^Agency/, 'NMPA');
	await page.waitForFunction(() =>
		performance
			.getEntriesByName('landscape:idb-write')
			.some((entry) =>
				String((entry as PerformanceMeasure).detail?.query ?? '').includes('agencies=NMPA')
			)
	);
	// Reopened without state, the app brings the last view back and writes it to the URL. A view
	// link followed as soon as the app runs is still under way when that write comes (the next
	// view's code comes late here). The write used to supersede the navigation: the reader stayed
	// on the timeline, the link seemingly dead.
	await page.route('**/_app/immutable/**', async (route) => {
		await new Promise((done) => setTimeout(done, 600));
		await route.continue();
	});
	// Observed from the document: this script runs before the page's root element exists.
	await page.addInitScript(() => {
		new MutationObserver((_, observer) => {
			if (!('appReady' in document.documentElement.dataset)) return;
			observer.disconnect();
			// A task later: the router has started by then, as for any click a person makes.
			setTimeout(() =>
				[...document.querySelectorAll<HTMLAnchorElement>('nav a')]
					.find((link) => link.textContent?.trim() === 'Efficacy')!
					.click()
			);
		}).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-app-ready'] });
	});
	await page.goto(withData('/timeline'));
	await expect(page).toHaveURL(new RegExp(`/efficacy\\?data=${DATA}`), { timeout: 10_000 });
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Efficacy');
});

test('a filter click is told by the summary, not read out as a navigation; a view link is', async ({
	page
}) => {
	await open(page, withData('/timeline'));
	await appRunning(page);
	// What SvelteKit's route announcer (an assertive live region) says: each new text it gets
	// while it is live.
	await page.evaluate(() => {
		const said: string[] = [];
		(window as unknown as { announced: string[] }).announced = said;
		let last = document.getElementById('svelte-announcer')?.textContent?.trim() ?? '';
		new MutationObserver(() => {
			const announcer = document.getElementById('svelte-announcer');
			const text = announcer?.textContent?.trim() ?? '';
			if (text === last) return;
			last = text;
			if (text && announcer?.getAttribute('aria-live') !== 'off') said.push(text);
		}).observe(document.body, { subtree: true, childList: true, characterData: true });
	});
	const announced = () =>
		page.evaluate(() => (window as unknown as { announced: string[] }).announced);

	await choose(page, /^Agency/, 'NMPA');
	await expect(page).toHaveURL(/agencies=NMPA/);
	await expect(page.getByRole('status').filter({ hasText: /^Showing/ })).toHaveText(
		/Showing 3 of 7 milestones/
	);
	// The URL write ends a frame after the click; give the announcer that and a little more.
	await page.waitForTimeout(300);
	expect(await announced()).toEqual([]);

	await page
		.getByRole('navigation', { name: 'Views' })
		.getByRole('link', { name: 'Efficacy' })
		.click();
	await expect(page.locator('#svelte-announcer')).toHaveText('Efficacy · Landscape');
	await expect(page.locator('#svelte-announcer')).toHaveAttribute('aria-live', 'assertive');
	expect(await announced()).toEqual(['Efficacy · Landscape']);
});

test('reopening the app with no state in the URL brings the last view back; a link wins', async ({
	page
}) => {
	await open(page, withData('/timeline'));
	await choose(page, /^Region/, 'China');
	await page.getByRole('button', { name: 'Dates' }).click();
	await page.locator('#filter-dates').getByRole('textbox', { name: 'From' }).fill('2021');
	await page.locator('#filter-dates').getByRole('textbox', { name: 'From' }).press('Enter');
	await expect(page).toHaveURL(/regions=China&from=2021$/);
	// The save is debounced: wait until this state has been written (the app's write measure).
	await page.waitForFunction(() =>
		performance.getEntriesByName('landscape:idb-write').some((entry) => {
			const query = String((entry as PerformanceMeasure).detail?.query ?? '');
			return query.includes('regions=China') && query.includes('from=2021');
		})
	);

	await page.goto(withData('/timeline'));
	await expect(page).toHaveURL(/regions=China&from=2021$/);
	await expect(page.getByRole('button', { name: 'Remove filter Region: China' })).toBeVisible();

	await page.goto(withData('/timeline', 'v=1&regions=US'));
	await expect(page.getByRole('button', { name: 'Remove filter Region: US' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Remove filter Region: China' })).toHaveCount(0);
});

test('a saved view survives reload and opens from its copied link', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await open(page, withData('/efficacy'));
	await choose(page, /^Line/, '2L');
	await page.getByRole('button', { name: /^Saved views/ }).click();
	await page.getByRole('textbox', { name: 'Save this view as' }).fill('Second line');
	await page.getByRole('button', { name: 'Save view' }).click();
	await expect(page.getByRole('link', { name: 'Second line' })).toBeVisible();
	// Reloaded only once the save is confirmed: the list can show the view a moment before its
	// write has committed (Dexie's live query updates optimistically), and a reload then can
	// abort the write. Seen once, under a full parallel run.
	await expect(page.getByRole('status').filter({ hasText: 'Saved “Second line”.' })).toBeVisible();

	await page.reload();
	await page.getByRole('button', { name: 'Remove filter Line: 2L' }).click();
	await expect(page).not.toHaveURL(/lines=/);
	await page.getByRole('button', { name: /^Saved views \(1\)/ }).click();
	await page.getByRole('button', { name: 'Copy link to Second line' }).click();
	const link = await page.evaluate(() => navigator.clipboard.readText());
	expect(link).toMatch(new RegExp(`/efficacy\\?data=${DATA}&v=1&lines=2L$`));

	await page.getByRole('button', { name: 'Rename Second line' }).click();
	await page.getByRole('textbox', { name: 'New name for Second line' }).fill('2L all tumours');
	await page.getByRole('button', { name: 'Save name' }).click();
	await expect(page.getByRole('link', { name: '2L all tumours' })).toBeVisible();

	await page.goto(link);
	await expect(page.getByRole('button', { name: 'Remove filter Line: 2L' })).toBeVisible();
	await expect(summary(page)).toHaveText(/Showing 3 of 7 readouts/);
});

test('a garbage link renders a working view with a warning', async ({ page }) => {
	await open(page, withData('/efficacy', 'v=1&assets=nope,kn026&zzz=1&families=%%%'));
	const warnings = page.getByTestId('link-warnings');
	await expect(warnings).toContainText('1 item in this link is not in this dataset: nope');
	await expect(warnings).toContainText('families="%%%"');
	await expect(warnings).toContainText('"zzz"');
	await expect(page.getByRole('button', { name: 'Remove filter Assets: KN026' })).toBeVisible();
	await expect(page).toHaveURL(new RegExp(`\\?data=${DATA}&v=1&assets=kn026$`));
	await page.getByRole('button', { name: 'Dismiss link warnings' }).click();
	await expect(warnings).toHaveCount(0);
	await choose(page, /^Assets/, 'JSKN003');
	await expect(page).toHaveURL(/assets=jskn003,kn026$/);
});

test('without IndexedDB the app still works and says storage is unavailable', async ({ page }) => {
	await page.addInitScript(() => {
		Object.defineProperty(window, 'indexedDB', { value: undefined });
	});
	await open(page, withData('/mechanisms'));
	await expect(page.getByTestId('storage-note')).toContainText('Storage is unavailable');
	await choose(page, /^Modality/, 'bispecific antibody');
	await expect(page).toHaveURL(/modalities=bispecific\+antibody$/);
	await expect(summary(page)).toHaveText('Showing 2 of 4 assets');
	await page.getByRole('button', { name: /^Saved views/ }).click();
	await page.getByRole('textbox', { name: 'Save this view as' }).fill('Bispecifics');
	await page.getByRole('button', { name: 'Save view' }).click();
	await expect(page.getByRole('link', { name: 'Bispecifics' })).toBeVisible();
});

test('the embed route reads the link but never writes IndexedDB', async ({ page, browser }) => {
	// The app page with the same link, opened alongside in a browser of its own, is the clock:
	// once it has written, the embed (as far along) must not have.
	const context = await browser.newContext();
	const app = await context.newPage();
	await serveFixture(page, 'state-dataset.json');
	await serveFixture(app, 'state-dataset.json');
	await Promise.all([
		page.goto(withData('/embed/efficacy', 'v=1&assets=kn026')),
		app.goto(withData('/efficacy', 'v=1&assets=kn026'))
	]);
	await expect(page.locator('[data-chart-ready]')).toBeAttached();
	await expect(page.locator('[data-row-key]').first()).toBeVisible();
	await expect
		.poll(() => app.evaluate(async () => (await indexedDB.databases()).map((d) => d.name)))
		.toContain('landscape');
	await context.close();
	const databases = await page.evaluate(async () =>
		(await indexedDB.databases()).map((d) => d.name)
	);
	expect(databases).not.toContain('landscape');
});

test('the filter bar works from the keyboard and passes axe', async ({ page }) => {
	// Two full axe passes over the timeline: 5–15 s each on two busy cores.
	test.slow();
	await open(page, withData('/timeline'));
	const trigger = page.getByRole('button', { name: /^Milestone type/ });
	await trigger.focus();
	await page.keyboard.press('Enter');
	await expect(trigger).toHaveAttribute('aria-expanded', 'true');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Space');
	await expect(page).toHaveURL(/milestones=/);
	expect(await axeViolations(page)).toEqual([]);
	await page.keyboard.press('Escape');
	await expect(trigger).toHaveAttribute('aria-expanded', 'false');
	await expect(trigger).toBeFocused();
	await page.getByRole('button', { name: 'Reset filters' }).click();
	await expect(page).not.toHaveURL(/milestones=/);
	expect(await axeViolations(page)).toEqual([]);
});
