/**
 * Tests share one browser context per worker (playwright.config.ts, `reuseContext`), reset
 * between tests. These two run in this order in one worker: the first leaves behind what a test
 * here can leave (stored data, a route, an init script, a permission, print media, a viewport, a
 * second tab); the second checks that none of it reaches the next test, so no result depends on
 * which test ran before.
 */
import { test, expect } from './fixtures';

test.describe.configure({ mode: 'serial' });

const LEFTOVER = '/leftover.json';

test('a test leaves state behind', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.route(LEFTOVER, (route) =>
		route.fulfill({ contentType: 'application/json', body: '{}' })
	);
	await page.addInitScript(() => ((window as unknown as { leftover: boolean }).leftover = true));
	await page.goto('/');
	await expect(page.locator('h1')).toBeVisible();
	const stored = await page.evaluate(async (path) => {
		localStorage.setItem('leftover', '1');
		sessionStorage.setItem('leftover', '1');
		await new Promise<void>((resolve, reject) => {
			const request = indexedDB.open('leftover', 1);
			request.onupgradeneeded = () => request.result.createObjectStore('things');
			request.onsuccess = () => (request.result.close(), resolve());
			request.onerror = () => reject(request.error);
		});
		return {
			init: (window as unknown as { leftover?: boolean }).leftover ?? false,
			databases: (await indexedDB.databases()).map((db) => db.name),
			route: (await fetch(path)).status
		};
	}, LEFTOVER);
	expect(stored).toMatchObject({ init: true, databases: expect.arrayContaining(['leftover']) });
	expect(stored.route).toBe(200);
	await page.emulateMedia({ media: 'print' });
	await page.setViewportSize({ width: 400, height: 300 });
	await context.newPage();
});

test('the next test starts with none of it', async ({ page, context, problems }) => {
	problems.allow(/404/);
	expect(context.pages()).toHaveLength(1);
	expect(page.viewportSize()).toEqual({ width: 1440, height: 900 });
	await page.goto('/');
	await expect(page.locator('h1')).toBeVisible();
	const state = await page.evaluate(
		async (path) => ({
			init: (window as unknown as { leftover?: boolean }).leftover ?? false,
			local: localStorage.getItem('leftover'),
			session: sessionStorage.getItem('leftover'),
			leftoverDatabase: (await indexedDB.databases()).some((db) => db.name === 'leftover'),
			print: matchMedia('print').matches,
			clipboard: (await navigator.permissions.query({ name: 'clipboard-read' as PermissionName }))
				.state,
			route: (await fetch(path)).status
		}),
		LEFTOVER
	);
	expect(state).toEqual({
		init: false,
		local: null,
		session: null,
		leftoverDatabase: false,
		print: false,
		clipboard: 'prompt',
		route: 404
	});
});
