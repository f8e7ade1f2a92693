/**
 * The embed route: a chart alone with its title and footer (no navigation, no filter bar), the
 * same marks as the view, no IndexedDB writes, and a host page that pastes the snippet from the
 * share menu and gets its iframe resized to the chart: on a same-origin path, and on another
 * origin (localhost vs 127.0.0.1) where messages that do not come from the embed are ignored.
 */
import { test, expect } from './fixtures';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

test('the efficacy embed shows only the chart, its title and footer, with the view’s rows', async ({
	page
}) => {
	await page.goto('/efficacy?v=1&assets=kn026,zanidatamab');
	await expect(page.locator('[data-chart-ready]')).toBeAttached();
	const rows = await page.locator('[data-row-key]').count();
	expect(rows).toBeGreaterThan(0);

	await page.goto('/embed/efficacy?v=1&assets=kn026,zanidatamab');
	await expect(page.locator('[data-chart-ready]')).toBeAttached();
	await expect(page.locator('[data-row-key]')).toHaveCount(rows);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		/^Efficacy: response rates — KN026, Zanidatamab/
	);
	await expect(page.getByRole('navigation')).toHaveCount(0);
	await expect(page.getByTestId('filter-summary')).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Share / export' })).toHaveCount(0);
	const footer = page.locator('footer');
	await expect(footer).toContainText('Data as of');
	await expect(footer).toContainText('Sources:');
	await expect(footer).toContainText('Cross-trial comparison — not head-to-head');
	await expect(footer.getByRole('link', { name: 'Open the live view' })).toHaveAttribute(
		'href',
		/\/efficacy\?v=1&assets=kn026,zanidatamab$/
	);
});

test('the mechanisms and timeline embeds show the same marks as their views', async ({ page }) => {
	await page.goto('/mechanisms');
	await expect(page.locator('td[data-cell]').first()).toBeVisible();
	const cells = await page.locator('td[data-cell]').count();
	await page.goto('/embed/mechanisms');
	await expect(page.locator('td[data-cell]')).toHaveCount(cells);
	await expect(page.getByRole('navigation')).toHaveCount(0);

	await page.goto('/timeline');
	await expect(page.locator('[data-testid="timeline-chart"] svg').first()).toBeVisible();
	const lanes = await page.locator('[data-testid="timeline-chart"] [data-lane]').count();
	await page.goto('/embed/timeline');
	await expect(page.locator('[data-testid="timeline-chart"] [data-lane]')).toHaveCount(lanes);
	await expect(page.getByRole('navigation')).toHaveCount(0);
	await expect(page.locator('footer')).toContainText('Data as of');
});

test('an embed never writes IndexedDB (the same view in the app does)', async ({
	page,
	browser
}) => {
	// The app page with the same state, opened alongside in a browser of its own, is the clock:
	// once it has written its state, the embed, which loaded as far, must not have.
	const context = await browser.newContext();
	const app = await context.newPage();
	await Promise.all([
		page.goto('/embed/efficacy?v=1&assets=kn026'),
		app.goto('/efficacy?v=1&assets=kn026')
	]);
	await expect(page.locator('[data-chart-ready]')).toBeAttached();
	await expect(app.locator('[data-chart-ready]')).toBeAttached();
	await expect
		.poll(() => app.evaluate(async () => (await indexedDB.databases()).length))
		.toBeGreaterThan(0);
	await context.close();
	const databases = await page.evaluate(async () =>
		(await indexedDB.databases()).map((d) => d.name)
	);
	expect(databases).toEqual([]);
});

test('a host page with the menu’s snippet gets its iframe resized to the chart', async ({
	page,
	context
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('/efficacy?v=1&assets=kn026');
	await expect(page.locator('[data-chart-ready]')).toBeAttached();
	await page.getByRole('button', { name: 'Share / export' }).click();
	await page.getByRole('button', { name: 'Copy embed code' }).click();
	const snippet = await page.getByRole('textbox', { name: 'Embed code' }).inputValue();
	expect(snippet).toMatch(/^<iframe /);

	const host = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Intranet page</title></head>
<body><h1>Quarterly review</h1><p>Before the chart.</p>${snippet}<p>After the chart.</p></body></html>`;
	await page.route(
		(url) => url.pathname === '/fixtures/host.html',
		(route) => route.fulfill({ status: 200, contentType: 'text/html', body: host })
	);
	await page.goto('/fixtures/host.html');
	const iframe = page.locator('iframe');
	await expect(iframe).toHaveAttribute('title', /^Efficacy: response rates — KN026/);
	const frame = page.frameLocator('iframe');
	await expect(frame.locator('[data-chart-ready]')).toBeAttached();
	await expect(frame.locator('footer')).toContainText('Data as of');
	// The frame reports its content height and the host's listener applies it.
	await expect
		.poll(async () => {
			const inner = await frame
				.locator('main')
				.evaluate((m) => Math.ceil(m.getBoundingClientRect().height));
			const outer = await iframe.evaluate((f) => Math.round(f.getBoundingClientRect().height));
			return Math.abs(inner - outer) <= 1 && outer !== 480;
		})
		.toBe(true);
	// The whole chart is visible without scrolling inside the frame.
	const scrolls = await frame
		.locator('html')
		.evaluate((html) => html.scrollHeight > html.clientHeight + 1);
	expect(scrolls).toBe(false);
});

test('a host page on another origin gets heights from the embed and ignores other senders', async ({
	page,
	context
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('/efficacy?v=1&assets=kn026');
	await expect(page.locator('[data-chart-ready]')).toBeAttached();
	await page.getByRole('button', { name: 'Share / export' }).click();
	await page.getByRole('button', { name: 'Copy embed code' }).click();
	const snippet = await page.getByRole('textbox', { name: 'Embed code' }).inputValue();
	const embedOrigin = new URL(page.url()).origin;
	expect(snippet).toContain(`src="${embedOrigin}/embed/efficacy?`);

	// The host page is served by a server of its own, reached as localhost (another origin than
	// the app's 127.0.0.1; a real loopback server, as Chromium lets only local pages frame local
	// ones). It also frames a page from a third origin (the same server as 127.0.0.1) that posts
	// a resize message of its own, and it posts one to itself; a recorder listener (added after
	// the snippet's, so it runs after it) notes what arrived.
	const forged = (height: number) => `{type:'landscape:resize',view:'efficacy',height:${height}}`;
	const server = createServer((request, response) => {
		const html = (body: string) =>
			response
				.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
				.end(
					`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body>${body}</body></html>`
				);
		if (request.url === '/other.html')
			html(`<script>parent.postMessage(${forged(7777)}, '*');</script>`);
		else html(hostBody);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	const hostOrigin = `http://localhost:${port}`;
	const thirdOrigin = `http://127.0.0.1:${port}`;
	const hostBody = `<h1>Quarterly review</h1>${snippet}
<iframe id="other" src="${thirdOrigin}/other.html" title="Other widget"></iframe>
<script>
window.received = [];
addEventListener('message', function (e) { received.push({ origin: e.origin, height: e.data && e.data.height }); });
document.getElementById('other').addEventListener('load', function () { postMessage(${forged(6666)}, '*'); });
</script>`;
	await page.goto(`${hostOrigin}/host.html`);
	const iframe = page.locator('iframe[src*="/embed/efficacy"]');
	const frame = page.frameLocator('iframe[src*="/embed/efficacy"]');
	// A frame from another origin starts a renderer process of its own: give it the test's time.
	await expect(frame.locator('[data-chart-ready]')).toBeAttached({ timeout: 60_000 });

	// Heights arrive from the embed's origin and are applied.
	const fromEmbed = () =>
		page.evaluate(
			(origin) =>
				(window as unknown as { received: { origin: string; height: number }[] }).received.filter(
					(m) => m.origin === origin
				),
			embedOrigin
		);
	await expect.poll(async () => (await fromEmbed()).length).toBeGreaterThan(0);
	await expect
		.poll(async () => {
			const inner = await frame
				.locator('main')
				.evaluate((m) => Math.ceil(m.getBoundingClientRect().height));
			const outer = await iframe.evaluate((f) => Math.round(f.getBoundingClientRect().height));
			return Math.abs(inner - outer) <= 1 && outer !== 480;
		})
		.toBe(true);

	// Both forged messages were delivered to the host, and neither resized the frame: its height
	// is the last one the embed sent (read in one task, so no message lands in between).
	await expect
		.poll(() =>
			page.evaluate(() =>
				(window as unknown as { received: { origin: string; height: number }[] }).received
					.filter((m) => m.height === 6666 || m.height === 7777)
					.map((m) => m.origin)
					.sort()
			)
		)
		.toEqual([hostOrigin, thirdOrigin].sort());
	const { applied, lastFromEmbed } = await page.evaluate((origin) => {
		const received = (window as unknown as { received: { origin: string; height: number }[] })
			.received;
		const frame = document.querySelector<HTMLIFrameElement>('iframe[src*="/embed/efficacy"]')!;
		return {
			applied: frame.style.height,
			lastFromEmbed: received.filter((m) => m.origin === origin).at(-1)!.height
		};
	}, embedOrigin);
	expect(applied).toBe(`${lastFromEmbed}px`);
	server.close();
});
