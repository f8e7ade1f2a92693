/**
 * Readable on every screen, usable by every reader: at phone, tablet, laptop and 400 % zoom sizes
 * the page never scrolls sideways, no chart text renders under 11 px, every popover stays inside
 * the viewport and on phones the chart starts on the first screen; tooltips can be reached by
 * pointer and keyboard and dismissed with Escape (WCAG 1.4.13); pinned details open by their mark
 * and Escape returns focus to it; a printed timeline says which filters it shows.
 */
import { inflateSync } from 'node:zlib';
import { test, expect } from './fixtures';
import type { Locator, Page } from '@playwright/test';

const SIZES = [
	{ name: '360×740 phone', width: 360, height: 740, scale: 1, phone: true },
	{ name: '390×844 phone', width: 390, height: 844, scale: 1, phone: true },
	{ name: '768×1024 tablet', width: 768, height: 1024, scale: 1, phone: false },
	{ name: '1440×900 laptop', width: 1440, height: 900, scale: 1, phone: false },
	// 1280×720 at 400 % zoom: 320×180 CSS px, four device pixels each.
	{ name: '1280×720 at 400 %', width: 320, height: 180, scale: 4, phone: false }
] as const;
const VIEWS = ['timeline', 'mechanisms', 'efficacy'] as const;
const MIN_TEXT_PX = 11;

async function openView(page: Page, path: string) {
	await page.goto(path);
	// The chart is ready once the app runs it (a prerendered chart is visible before that).
	await expect(page.locator('[data-chart-ready]').first()).toBeAttached();
	await expect(page.locator('h1').first()).toBeVisible();
	// Charts measure their frame after the first frame.
	await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
}

/** The smallest size any chart text renders at, in CSS px: font size × the SVG's scale. */
function smallestChartText(page: Page) {
	return page.evaluate(() => {
		let smallest = { size: Infinity, text: '' };
		for (const el of document.querySelectorAll<SVGTextElement>('main svg text')) {
			if (!el.textContent?.trim() || el.getClientRects().length === 0) continue;
			const m = el.getScreenCTM();
			if (!m) continue;
			const size = parseFloat(getComputedStyle(el).fontSize) * Math.hypot(m.a, m.b);
			if (size < smallest.size) smallest = { size, text: el.textContent.trim() };
		}
		return smallest;
	});
}

const pageScroll = (page: Page) =>
	page.evaluate(() => ({
		scrollWidth: document.documentElement.scrollWidth,
		clientWidth: document.documentElement.clientWidth
	}));

/**
 * The box of a popover, and whether it lies within the viewport (sheets: fully; others: sideways),
 * once placed: a popover whose content arrives after it opens (the saved views) is placed again
 * in the next frame.
 */
async function expectInViewport(popover: Locator, label: string) {
	await expect(popover, label).toBeVisible();
	await expect(popover.locator('button, input, a, li').first(), label).toBeVisible();
	await popover.evaluate(
		() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
	);
	const fits = await popover.evaluate((el) => {
		const box = el.getBoundingClientRect();
		const vw = document.documentElement.clientWidth;
		const vh = window.innerHeight;
		const sheet = el.classList.contains('popover-sheet');
		const inside =
			box.left >= -0.5 &&
			box.right <= vw + 0.5 &&
			(!sheet || (box.top >= -0.5 && box.bottom <= vh + 0.5));
		return { inside, box: [box.left, box.right, box.top, box.bottom].map(Math.round), vw, vh };
	});
	expect(fits.inside, `${label} at ${JSON.stringify(fits)}`).toBe(true);
}

for (const size of SIZES) {
	test.describe(`at ${size.name}`, () => {
		test.use({
			viewport: { width: size.width, height: size.height },
			deviceScaleFactor: size.scale
		});

		for (const view of VIEWS) {
			test(`${view}: no sideways page scroll, chart text ≥ 11 px${size.phone ? ', chart on the first screen' : ''}`, async ({
				page
			}) => {
				await openView(page, `/${view}`);
				const scroll = await pageScroll(page);
				expect(scroll.scrollWidth, 'page width').toBeLessThanOrEqual(scroll.clientWidth);
				const smallest = await smallestChartText(page);
				expect(smallest.size, `smallest chart text: "${smallest.text}"`).toBeGreaterThanOrEqual(
					MIN_TEXT_PX - 0.01
				);
				// The views' row scrolls sideways below 360 px: the current view is always in it, and
				// from 360 px up every view is, uncut.
				const views = await page
					.getByRole('navigation', { name: 'Views' })
					.getByRole('link')
					.evaluateAll((links) =>
						links.map((link) => {
							const row = link.closest('ul')!.getBoundingClientRect();
							const box = link.getBoundingClientRect();
							return {
								name: link.textContent!.trim(),
								current: link.getAttribute('aria-current') === 'page',
								inRow: box.left >= row.left - 0.5 && box.right <= row.right + 0.5
							};
						})
					);
				expect(views.find((v) => v.current)).toMatchObject({ inRow: true });
				if (size.width >= 360) expect(views.filter((v) => !v.inRow)).toEqual([]);
				if (size.phone) {
					const chart = page.locator('[data-chart]').first();
					const top = await chart.evaluate((el) => el.getBoundingClientRect().top);
					expect(top, 'the chart starts on the first screen').toBeLessThan(size.height * 0.9);
				}
			});
		}

		test('every popover stays inside the viewport', async ({ page }) => {
			test.setTimeout(90_000);
			await openView(page, '/timeline');
			const filterButtons = page
				.getByRole('region', { name: 'Filters' })
				.locator('button[aria-expanded]');
			const count = await filterButtons.count();
			expect(count).toBeGreaterThan(5);
			for (let i = 0; i < count; i++) {
				const button = filterButtons.nth(i);
				const label = (await button.innerText()).trim();
				await button.click();
				await expect(button).toHaveAttribute('aria-expanded', 'true');
				await expectInViewport(
					page.locator(`#${await button.getAttribute('aria-controls')}`),
					label
				);
				await page.keyboard.press('Escape');
				await expect(button).toHaveAttribute('aria-expanded', 'false');
			}

			const saved = page.getByRole('button', { name: /^Saved views/ });
			await saved.click();
			await expectInViewport(
				page.locator(`#${await saved.getAttribute('aria-controls')}`),
				'Saved views'
			);
			await page.keyboard.press('Escape');

			await page.getByRole('button', { name: 'Share / export' }).click();
			await expectInViewport(page.getByRole('region', { name: 'Share and export' }), 'Share panel');
			await page.keyboard.press('Escape');

			await openView(page, '/mechanisms');
			const menu = page.locator('.menu-button').first();
			await menu.click();
			await expectInViewport(
				page.locator(`#${await menu.getAttribute('aria-controls')}`),
				'column menu'
			);
		});
	});
}

test.describe('efficacy on phones and at 400 % zoom', () => {
	/** Every drawn value (95% CI) of the chart, its box in CSS px, and the viewport width. */
	const valueBoxes = (page: Page) =>
		page.evaluate(() => {
			const vw = document.documentElement.clientWidth;
			const boxes = [...document.querySelectorAll('[data-row-key] text.value')].map((el) => {
				const r = el.getBoundingClientRect();
				return { text: el.textContent ?? '', left: r.left, right: r.right };
			});
			return { vw, boxes };
		});

	for (const size of SIZES.filter((s) => s.width < 600)) {
		test(`${size.name}: stacked rows show every value and CI without sideways scroll`, async ({
			page
		}) => {
			test.setTimeout(60_000);
			await page.setViewportSize({ width: size.width, height: size.height });
			await openView(page, '/efficacy');
			await expect(page.getByRole('button', { name: 'Show in columns' })).toBeVisible();
			const frame = page.getByTestId('forest-frame').first();
			const overflow = await frame.evaluate((el) => el.scrollWidth - el.clientWidth);
			expect(overflow, 'the plot does not scroll sideways').toBeLessThanOrEqual(0);
			const { vw, boxes } = await valueBoxes(page);
			expect(boxes.length).toBeGreaterThan(10);
			for (const box of boxes) {
				expect(box.text).toMatch(/\d/);
				expect(box.left, `"${box.text}" starts on screen`).toBeGreaterThanOrEqual(0);
				expect(box.right, `"${box.text}" ends on screen`).toBeLessThanOrEqual(vw + 0.5);
			}
			const scroll = await pageScroll(page);
			expect(scroll.scrollWidth, 'page width').toBeLessThanOrEqual(scroll.clientWidth);
		});
	}

	test('390 px in columns: the plot scrolls in its frame, the value column stays in view', async ({
		page
	}) => {
		test.setTimeout(60_000);
		await page.setViewportSize({ width: 390, height: 844 });
		await openView(page, '/efficacy');
		await page.getByRole('button', { name: 'Show in columns' }).click();
		await expect(page.getByRole('button', { name: 'Show stacked' })).toHaveAttribute(
			'aria-pressed',
			'true'
		);
		const frame = page.getByTestId('forest-frame').first();
		const sticky = frame.locator('svg.sticky-right');
		const max = await frame.evaluate((el) => el.scrollWidth - el.clientWidth);
		expect(max, 'the columns scroll sideways').toBeGreaterThan(0);
		for (const left of [0, max]) {
			await frame.evaluate((el, x) => (el.scrollLeft = x), left);
			const box = await sticky.evaluate((el) => {
				const r = el.getBoundingClientRect();
				return { left: r.left, right: r.right, vw: document.documentElement.clientWidth };
			});
			expect(box.left, `value column at scroll ${left}`).toBeGreaterThanOrEqual(0);
			expect(box.right, `value column at scroll ${left}`).toBeLessThanOrEqual(box.vw + 0.5);
		}
		const scroll = await pageScroll(page);
		expect(scroll.scrollWidth, 'page width').toBeLessThanOrEqual(scroll.clientWidth);
	});
});

test.describe('tooltips (WCAG 1.4.13)', () => {
	test('the pointer can move onto a timeline tooltip and click its source link; Escape hides it', async ({
		page,
		context
	}) => {
		await openView(page, '/timeline');
		const mark = page
			.locator('[data-mark]')
			.filter({ has: page.locator('path') })
			.first();
		const tooltip = page.getByTestId('timeline-tooltip');
		await mark.hover();
		await expect(tooltip).toBeVisible();

		// Travel from the mark onto the tooltip, through the gap between them.
		const from = (await mark.boundingBox())!;
		const to = (await tooltip.locator('a').first().boundingBox())!;
		await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
		await page.mouse.move(to.x + 4, to.y + to.height / 2, { steps: 12 });
		await expect(tooltip).toBeVisible();
		// Sources open in a new tab; answer it locally so nothing leaves the machine.
		await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) =>
			route.fulfill({ body: 'source', contentType: 'text/plain' })
		);
		const [popup] = await Promise.all([
			context.waitForEvent('page'),
			tooltip.locator('a').first().click()
		]);
		expect(popup.url()).toMatch(/^https?:/);
		await popup.close();

		// Escape hides it without moving the pointer.
		await page.bringToFront();
		await mark.hover();
		await expect(tooltip).toBeVisible();
		await page.keyboard.press('Escape');
		await expect(tooltip).toBeHidden();
	});

	test('keyboard: focus shows the tooltip, Tab reaches its link, Escape hides it', async ({
		page
	}) => {
		await openView(page, '/timeline');
		const mark = page.locator('[data-mark][tabindex="0"]');
		await mark.focus();
		const tooltip = page.getByTestId('timeline-tooltip');
		await expect(tooltip).toBeVisible();
		await expect(mark).toHaveAttribute('aria-describedby', /tip/);
		await page.keyboard.press('Tab');
		const link = tooltip.locator('a').first();
		await expect(link).toBeFocused();
		await expect(tooltip).toBeVisible();
		await page.keyboard.press('Escape');
		await expect(tooltip).toBeHidden();
	});

	test('forest plot: the tooltip stays while the pointer is on it', async ({ page }) => {
		test.setTimeout(60_000);
		await openView(page, '/efficacy');
		const row = page.locator('[data-row-key]').first();
		await row.hover({ position: { x: 40, y: 10 } });
		const tooltip = page.getByRole('tooltip');
		await expect(tooltip).toBeVisible();
		const box = (await tooltip.boundingBox())!;
		await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
		await expect(tooltip).toBeVisible();
		// Escape with the pointer back on the row (once hidden, the tooltip uncovers other rows,
		// and hovering one of those rightly shows its own).
		await row.hover({ position: { x: 40, y: 10 } });
		await expect(tooltip).toBeVisible();
		await page.keyboard.press('Escape');
		await expect(tooltip).toBeHidden();
	});
});

test.describe('pinned details', () => {
	for (const size of [
		{ width: 1440, height: 900 },
		{ width: 390, height: 844 }
	]) {
		test(`timeline at ${size.width} px: open by the mark with focus, Escape from inside returns focus to the mark`, async ({
			page
		}) => {
			await page.setViewportSize(size);
			await openView(page, '/timeline');
			const mark = page.locator('[data-mark][tabindex="0"]');
			await mark.focus();
			await page.keyboard.press('Enter');
			const details = page.getByTestId('timeline-details');
			await expect(details).toBeFocused();
			await expectInViewport(details, 'details');
			const box = (await details.boundingBox())!;
			expect(box.y, 'details on screen').toBeLessThan(size.height);
			// Tab to a control inside, then Escape from there.
			await page.keyboard.press('Tab');
			await expect(details.getByRole('button', { name: 'Close details' })).toBeFocused();
			await page.keyboard.press('Escape');
			await expect(details).toBeHidden();
			await expect(mark).toBeFocused();
		});
	}

	test('forest plot: a clicked row opens its details just below it', async ({ page }) => {
		test.setTimeout(60_000);
		await openView(page, '/efficacy');
		const row = page.locator('[data-row-key]').nth(2);
		await row.click({ position: { x: 40, y: 10 } });
		const details = page.getByTestId('forest-details');
		await expect(details).toBeFocused();
		const rowBox = (await row.boundingBox())!;
		const box = (await details.boundingBox())!;
		expect(box.y - (rowBox.y + rowBox.height), 'gap between row and details').toBeLessThan(40);
		await details.getByRole('button', { name: 'Close' }).focus();
		await page.keyboard.press('Escape');
		await expect(details).toBeHidden();
		await expect(row).toBeFocused();
	});
});

test.describe('the pinned mark is in the link', () => {
	const pinInLink = (page: Page) => new URL(page.url()).searchParams.get('pin');
	/** True when the element's box is at least partly inside the viewport. */
	const onScreen = (el: Element) => {
		const r = el.getBoundingClientRect();
		return r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
	};

	for (const size of [
		{ width: 1440, height: 900 },
		{ width: 390, height: 844 }
	]) {
		test(`timeline at ${size.width} px: a copied link opens the same details by the same mark`, async ({
			page,
			context
		}) => {
			test.setTimeout(60_000);
			await page.setViewportSize(size);
			await openView(page, '/timeline');
			// A milestone far down the chart, so opening the link must bring it into view.
			const mark = page.locator('[data-mark^="ms:"]').last();
			const id = (await mark.getAttribute('data-mark'))!;
			await mark.focus();
			await page.keyboard.press('Enter');
			const details = page.getByTestId('timeline-details');
			await expect(details).toBeVisible();
			const heading = (await details.getByRole('heading').first().innerText()).trim();
			await expect.poll(() => pinInLink(page)).toBe(id);

			const other = await context.newPage();
			await other.setViewportSize(size);
			await openView(other, page.url());
			const again = other.getByTestId('timeline-details');
			await expect(again).toBeVisible();
			await expect(again.getByRole('heading').first()).toHaveText(heading);
			const pinned = other.locator(`[data-mark="${id}"]`);
			await expect(pinned).toHaveAttribute('aria-expanded', 'true');
			// Both on screen, the mark above its details (on a phone: above the sheet).
			await expect
				.poll(async () => {
					const m = (await pinned.boundingBox())!;
					const d = (await again.boundingBox())!;
					return m.y >= 0 && m.y + m.height <= d.y && d.y < size.height;
				}, 'the pinned mark and its details on screen')
				.toBe(true);

			// Closing the details takes the pin out of the link.
			await again.getByRole('button', { name: 'Close details' }).click();
			await expect(again).toBeHidden();
			await expect.poll(() => pinInLink(other)).toBeNull();
		});
	}

	test('forest plot: a copied link opens the same readout details', async ({ page, context }) => {
		test.setTimeout(60_000);
		await openView(page, '/efficacy');
		const row = page.locator('[data-row-key]').last();
		const key = (await row.getAttribute('data-row-key'))!;
		await row.focus();
		await page.keyboard.press('Enter');
		const details = page.getByTestId('forest-details');
		await expect(details).toBeVisible();
		const text = await details.innerText();
		await expect.poll(() => pinInLink(page)).toBe(key);

		const other = await context.newPage();
		await openView(other, page.url());
		const again = other.getByTestId('forest-details');
		await expect(again).toBeVisible();
		await expect(again).toHaveText(text);
		await expect.poll(() => again.evaluate(onScreen), 'details on screen').toBe(true);
		await again.getByRole('button', { name: 'Close' }).click();
		await expect(again).toBeHidden();
		await expect.poll(() => pinInLink(other)).toBeNull();
	});

	test('a pin the view does not have is ignored quietly', async ({ page }) => {
		// Another view's mark, a readout filtered out, and an id with characters CSS would choke on.
		await openView(page, '/efficacy?assets=kn026&pin=ms:nothing"]');
		await expect(page.locator('[data-row-key]').first()).toBeVisible();
		await expect(page.getByTestId('forest-details')).toHaveCount(0);
		await openView(page, '/timeline?pin=r-not-a-mark');
		await expect(page.locator('[data-mark]').first()).toBeVisible();
		await expect(page.getByTestId('timeline-details')).toHaveCount(0);
		await expect(page.getByTestId('link-warnings')).toHaveCount(0);
	});
});

/** Text drawn in a Chromium PDF: its fonts' ToUnicode maps applied to the shown glyph strings. */
function pdfText(pdf: Buffer): string {
	const raw = pdf.toString('latin1');
	const streams: string[] = [];
	const re = /stream\r?\n/g;
	let m: RegExpExecArray | null;
	while ((m = re.exec(raw))) {
		const start = m.index + m[0].length;
		const end = raw.indexOf('endstream', start);
		try {
			streams.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
		} catch {
			// Not a deflated stream (an image, a font program).
		}
	}
	// One glyph → text map per ToUnicode CMap; glyph strings are decoded with every map and the
	// readable decodings kept (a check of words, not a full PDF reader).
	const maps = streams
		.filter((s) => s.includes('begincmap'))
		.map((cmap) => {
			const map = new Map<string, string>();
			// UTF-16 code units, four hex digits each (a ligature maps to several).
			const hex = (h: string) =>
				String.fromCharCode(...(h.match(/.{4}/g) ?? []).map((u) => parseInt(u, 16)));
			for (const [, block] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
				for (const [, g, u] of block!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
					map.set(g!.toUpperCase(), hex(u!));
			for (const [, block] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
				for (const [, a, b, u] of block!.matchAll(
					/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g
				)) {
					const first = parseInt(a!, 16);
					for (let g = first; g <= parseInt(b!, 16); g++)
						map.set(
							g.toString(16).toUpperCase().padStart(a!.length, '0'),
							hex((parseInt(u!, 16) + g - first).toString(16).padStart(u!.length, '0'))
						);
				}
			return map;
		});
	const out: string[] = [];
	for (const s of streams) {
		for (const [, hex] of s.matchAll(/<([0-9A-Fa-f]{4,})>/g)) {
			for (const map of maps) {
				let text = '';
				let ok = true;
				for (let i = 0; i < hex!.length; i += 4) {
					const ch = map.get(hex!.slice(i, i + 4).toUpperCase());
					if (ch === undefined) {
						ok = false;
						break;
					}
					text += ch;
				}
				if (ok) {
					// The first font whose map reads the whole string is taken.
					out.push(text);
					break;
				}
			}
		}
	}
	return out.join('');
}

test('a printed timeline says which filters it shows, without buttons', async ({ page }) => {
	await openView(page, '/timeline?indications=gastric&from=2021&to=2027');
	await page.emulateMedia({ media: 'print' });
	const summary = page.getByTestId('print-filters');
	await expect(summary).toBeVisible();
	await expect(summary).toHaveText('Filters: Indication: Gastric; Dates: from 2021 to 2027.');
	await expect(page.getByRole('button', { name: 'Zoom in' })).toBeHidden();
	await expect(page.getByRole('button', { name: 'Share / export' })).toBeHidden();
	await expect(page.getByRole('region', { name: 'Sources' })).toBeVisible();

	const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
	const text = pdfText(pdf).replace(/\s+/g, ' ');
	expect(text).toContain('Indication: Gastric');
	expect(text).toContain('from 2021 to 2027');
	expect(text).not.toContain('Zoom in');
});
