/**
 * The first paint: each chart view and each embed is prerendered with the built-in dataset, so
 * the page's HTML already holds the default chart; the app then takes it over in place. A link
 * that will show something else (view state, another dataset, a saved view) keeps the page
 * hidden until the app has drawn it, so the default chart never flashes first.
 */
import { test, expect, nextFrame } from './fixtures';
import type { Browser, Page } from '@playwright/test';
import {
	FOREST_STACKED_LAYOUT_WIDTHS,
	NARROWEST_LAYOUT_WIDTH
} from '../src/lib/charts/shared/prerender-width';

/** The narrowest drawing of the forest plot: its rows stacked, for the narrowest column. */
const NARROWEST_STACKED_WIDTH = Math.min(...FOREST_STACKED_LAYOUT_WIDTHS);

const TIMELINE_MARKS = '[data-testid="timeline-chart"] [data-mark]';
/** Each prerendered chart and the selector of its marks (one per lane mark, row or cell). */
const CHARTS = [
	{ path: '/timeline', marks: TIMELINE_MARKS },
	{ path: '/efficacy', marks: '.forest [data-row-key]' },
	{ path: '/mechanisms', marks: '[data-cell]' },
	{ path: '/embed/timeline', marks: TIMELINE_MARKS },
	{ path: '/embed/efficacy', marks: '.forest [data-row-key]' },
	{ path: '/embed/mechanisms', marks: '[data-cell]' }
];

/**
 * Installed before the page's scripts: at DOMContentLoaded (the HTML parsed, no app code run
 * yet) it tags every mark, notes whether the page is hidden and how many marks it holds; then
 * it counts the layout shifts. After the app has drawn, `takeover()` tells which marks are
 * still the ones the HTML held.
 */
function watchTakeover(marks: string) {
	const seen = {
		marksAtParse: -1,
		hiddenAtParse: null as boolean | null,
		shift: 0,
		/** What moved, for the failure message: element, box before → after, app running. */
		moved: [] as string[]
	};
	(window as unknown as { __takeover: typeof seen }).__takeover = seen;
	const box = (r: DOMRectReadOnly) => [r.x, r.y, r.width, r.height].map(Math.round).join(',');
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries() as (PerformanceEntry & {
			value: number;
			hadRecentInput: boolean;
			sources: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
		})[]) {
			if (entry.hadRecentInput) continue;
			seen.shift += entry.value;
			const running = document.documentElement.dataset.appReady !== undefined;
			for (const source of entry.sources ?? []) {
				const node = source.node as Element | undefined;
				const name = node ? `${node.nodeName}.${node.getAttribute?.('class') ?? ''}` : '?';
				seen.moved.push(
					`${name} ${box(source.previousRect)} → ${box(source.currentRect)}${running ? ' (app running)' : ''}`
				);
			}
		}
	}).observe({ type: 'layout-shift', buffered: true });
	document.addEventListener('DOMContentLoaded', () => {
		// The marks of the drawing the column shows (hidden or not): the page holds one per width.
		const found = [...document.querySelectorAll(marks)].filter((m) => {
			const drawing = m.closest('[data-layout-width]');
			return drawing === null || getComputedStyle(drawing).display !== 'none';
		});
		seen.marksAtParse = found.length;
		for (const mark of found) (mark as unknown as { __fromHtml: boolean }).__fromHtml = true;
		seen.hiddenAtParse =
			getComputedStyle(document.getElementById('svelte')!).visibility === 'hidden';
	});
}

async function takeover(page: Page, marks: string) {
	return page.evaluate((selector) => {
		const now = [...document.querySelectorAll(selector)];
		return {
			...(
				window as unknown as {
					__takeover: {
						marksAtParse: number;
						hiddenAtParse: boolean;
						shift: number;
						moved: string[];
					};
				}
			).__takeover,
			marksNow: now.length,
			keptFromHtml: now.filter((m) => (m as unknown as { __fromHtml?: boolean }).__fromHtml).length,
			hiddenNow: getComputedStyle(document.getElementById('svelte')!).visibility === 'hidden'
		};
	}, marks);
}

/** How many last views this browser's store holds (one per dataset). */
function lastStatesSaved(page: Page): Promise<number> {
	return page.evaluate(
		() =>
			new Promise<number>((resolve) => {
				const request = indexedDB.open('landscape');
				request.onerror = () => resolve(0);
				request.onsuccess = () => {
					const db = request.result;
					if (!db.objectStoreNames.contains('lastState')) {
						db.close();
						resolve(0);
						return;
					}
					const count = db.transaction('lastState').objectStore('lastState').count();
					count.onsuccess = () => {
						db.close();
						resolve(count.result);
					};
					count.onerror = () => resolve(0);
				};
			})
	);
}

/** Holds the app's start until the returned function is called: the page as its HTML shows it. */
async function holdAppBack(page: Page): Promise<() => void> {
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/entry/**', async (route) => {
		await held;
		await route.continue();
	});
	return release;
}

/** Opens `path` watching its marks from the HTML on, and reports once the app has taken over. */
async function openAndTakeOver(page: Page, path: string, marks: string) {
	await page.addInitScript(watchTakeover, marks);
	await page.goto(path);
	await expect(page.locator('[data-chart-ready]').first()).toBeAttached();
	return takeover(page, marks);
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	for (const [path, width, drawn] of [
		['/efficacy', 320, 296],
		['/efficacy', 390, 360],
		['/efficacy', 600, 480],
		['/embed/efficacy', 390, 360]
	] as const)
		test(`${path} in a ${width} px window: the forest plot's rows are stacked, the drawing the column's width`, async ({
			page
		}) => {
			// As the app draws it in a column under 600 px: the regimen over the trial and the
			// value, over a whisker the column's width, so nothing scrolls sideways.
			await page.setViewportSize({ width, height: 800 });
			await page.goto(path);
			const shown = page.locator('[data-prerendered] .panels').filter({ visible: true });
			await expect(shown).toHaveCount(1);
			expect(await shown.getAttribute('data-layout-width')).toBe(String(drawn));
			const sizes = await page.locator('[data-prerendered]').evaluate((el) => {
				const svg = [...el.querySelectorAll('.panels figure svg')].find((s) =>
					s.checkVisibility()
				)!;
				return {
					column: el.clientWidth,
					drawing: Math.round(svg.getBoundingClientRect().width),
					page: document.documentElement.scrollWidth - document.documentElement.clientWidth
				};
			});
			expect(sizes.drawing).toBe(sizes.column);
			expect(sizes.page, 'the page itself does not scroll sideways').toBe(0);
			await expect(page.getByRole('button', { name: 'Show in columns' })).toBeVisible();
			// A stacked row: the value on the trial's line, under the regimen.
			const row = shown.locator('[data-row-key]').first();
			const [regimen, value] = await Promise.all([
				row.locator('text').first().boundingBox(),
				row.locator('text.value').boundingBox()
			]);
			expect(value!.y).toBeGreaterThan(regimen!.y + regimen!.height / 2);
		});

	test('a wider column shows the forest plot in columns, without the stacked one’s button', async ({
		page
	}) => {
		await page.setViewportSize({ width: 720, height: 800 });
		await page.goto('/efficacy');
		await expect(
			page.locator('.forest [data-row-key]').filter({ visible: true }).first()
		).toBeVisible();
		await expect(page.getByRole('button', { name: 'Show in columns' })).toBeHidden();
		await expect(page.getByRole('button', { name: 'Show as table' })).toBeVisible();
	});

	test('the narrowest page leaves its column room for the narrowest drawing', async ({ page }) => {
		// The page is never narrower than 320 px (body's min-width). Its column, less the side
		// padding, must hold the forest plot's narrowest drawing, or that window would show it cut.
		for (const path of ['/efficacy', '/embed/efficacy']) {
			await page.setViewportSize({ width: 320, height: 900 });
			await page.goto(path);
			// The box whose width picks the drawing (app.css).
			const column = await page.locator('[data-prerendered]').evaluate((el) => el.clientWidth);
			expect(column, path).toBeGreaterThanOrEqual(NARROWEST_STACKED_WIDTH);
		}
	});

	for (const [path, width] of [
		['/timeline', 390],
		['/timeline', 600],
		['/embed/timeline', 320]
	] as const)
		test(`${path} in a ${width} px window: the drawing keeps 640 px and scrolls sideways, its lane labels in view`, async ({
			page
		}) => {
			// As the app draws the timeline in a column that narrow (its text never shrinks).
			await page.setViewportSize({ width, height: 800 });
			await page.goto(path);
			const frame = page.locator('[data-prerendered]');
			const sizes = await frame.evaluate((el) => ({
				column: el.clientWidth,
				content: el.scrollWidth,
				page: document.documentElement.scrollWidth - document.documentElement.clientWidth
			}));
			expect(sizes.column).toBeLessThan(NARROWEST_LAYOUT_WIDTH);
			expect(sizes.content).toBe(NARROWEST_LAYOUT_WIDTH);
			expect(sizes.page, 'the page itself does not scroll sideways').toBe(0);
			const labels = page.locator('.sticky-labels');
			await expect(labels).toHaveCount(1);
			await expect(labels).toBeVisible();
			await expect(labels.getByText('KN026 · Gastric/GEJ')).toBeVisible();
			const left = async () => (await labels.boundingBox())!.x;
			const before = await left();
			await frame.evaluate((el) => (el.scrollLeft = 200));
			expect(await left()).toBe(before);
		});

	test('a wider window does not show the lane labels’ copy', async ({ page }) => {
		await page.setViewportSize({ width: 720, height: 800 });
		await page.goto('/timeline');
		await expect(page.locator('.sticky-labels')).toBeHidden();
		await expect(page.getByText('About this chart and its options')).toBeHidden();
	});

	// Chromium reads calc() in any SVG geometry attribute; Firefox and WebKit only on a rect's x
	// and width and a circle's cx, and a nested svg's x only as a plain length or percentage. The
	// drawing uses what all three read (npm run check:firefox / check:webkit compare it there).
	for (const path of ['/timeline', '/efficacy', '/embed/timeline', '/embed/efficacy']) {
		test(`${path}: the drawing places its marks in ways Firefox and Safari read too`, async ({
			page
		}) => {
			await page.goto(path);
			const found = await page.evaluate(() => {
				const drawing = document.querySelector('[data-prerendered]')!;
				const fluid = (value: string) => /calc\(|%|max\(/.test(value);
				const misplaced: string[] = [];
				let placed = 0;
				for (const element of drawing.querySelectorAll('*')) {
					for (const { name, value } of element.attributes) {
						if (!fluid(value) || !['x', 'y', 'width', 'cx', 'x1', 'x2'].includes(name)) continue;
						placed++;
						const tag = element.localName;
						const read =
							(tag === 'rect' && (name === 'x' || name === 'width')) ||
							(tag === 'circle' && name === 'cx') ||
							(!/calc\(|max\(/.test(value) && /^-?[\d.]+%$/.test(value));
						if (!read) misplaced.push(`<${tag} ${name}="${value}">`);
					}
				}
				return { placed, misplaced: misplaced.slice(0, 5) };
			});
			expect(found.placed, 'positions that follow the width').toBeGreaterThan(100);
			expect(found.misplaced).toEqual([]);
		});
	}

	for (const { path, marks } of CHARTS) {
		test(`${path} holds its default chart in the HTML, styled as the app draws it`, async ({
			page
		}) => {
			await page.goto(path);
			await expect(page.locator(marks).first()).toBeVisible();
			expect(await page.locator(marks).count()).toBeGreaterThan(10);
			// The chart's inline sizes are allowed by the page's policy (a blocked style attribute
			// would leave the box at its content's height and log a violation).
			const frame = page.locator('[data-testid="timeline-chart"]');
			if (await frame.count()) {
				const { style, height } = await frame.evaluate((el) => ({
					style: el.getAttribute('style') ?? '',
					height: el.getBoundingClientRect().height
				}));
				expect(height).toBe(Number(/height: (\d+)px/.exec(style)?.[1]));
			}
		});
	}
});

test.describe('with JavaScript', () => {
	for (const { path, marks } of CHARTS) {
		test(`${path}: the app takes over the prerendered chart in place, without a shift`, async ({
			page
		}) => {
			const seen = await openAndTakeOver(page, path, marks);
			expect(seen.hiddenAtParse).toBe(false);
			expect(seen.marksAtParse).toBeGreaterThan(10);
			// Every mark on screen is one the HTML held: nothing was removed and drawn again.
			expect(seen.marksNow).toBe(seen.marksAtParse);
			expect(seen.keptFromHtml).toBe(seen.marksNow);
			expect(seen.shift, seen.moved.join('; ')).toBe(0);
		});
	}

	// A column narrower than 1,200 px shows a drawing laid out at 936, 708 or 640 px (the forest
	// plot's also at 600 px, and its rows stacked at 480, 360 and 296 px), which the app replaces
	// by its own, laid out at that same width: nothing may move. (720 px: half of a 1440 px
	// screen; 680 px about half of a 1366 px one; an embed's padding is narrower, so a 660 px frame
	// shows its 600 px drawing too; 600 px leaves a 552 px column, stacked; 414, 390 and 320 px:
	// phones and a 1280 px window at 400 % zoom.)
	// The timeline's drawing at 640 px serves narrower columns too, scrolling sideways: a phone
	// (390 px), half of a 1280 px screen (640 px), a 1280 px window at 400 % zoom (320 px). The
	// matrix is a table, which the browser lays out for any width.
	for (const [path, widths] of [
		['/timeline', [320, 390, 600, 640, 720, 800, 1000]],
		['/efficacy', [320, 390, 414, 500, 600, 680, 720, 800, 1000]],
		['/mechanisms', [320, 390, 700]],
		['/embed/timeline', [390, 690]],
		['/embed/efficacy', [320, 390, 660, 690]],
		['/embed/mechanisms', [390]]
	] as const)
		for (const width of widths)
			test(`${path} in a ${width} px window: the app takes over the narrower drawing without a shift`, async ({
				page
			}) => {
				await page.setViewportSize({ width, height: 900 });
				const marks = path.endsWith('/timeline')
					? '[data-chart="timeline"] [data-mark]'
					: path.endsWith('/mechanisms')
						? '[data-cell]'
						: '.forest [data-row-key]';
				const seen = await openAndTakeOver(page, path, marks);
				expect(seen.hiddenAtParse).toBe(false);
				expect(seen.marksAtParse).toBeGreaterThan(10);
				expect(seen.marksNow).toBe(seen.marksAtParse);
				expect(seen.shift, seen.moved.join('; ')).toBe(0);
			});

	/** Where a frame painted the chart's first mark (px), and whether the app ran by then. */
	interface PaintedMark {
		x: number;
		width: number;
		appReady: boolean;
	}

	/**
	 * Installed before the page's scripts: on every frame until the app has drawn, notes where the
	 * chart's first mark would be painted, when it is on screen (present and not hidden).
	 */
	function trackFirstMark(marks: string) {
		const frames: PaintedMark[] = [];
		(window as unknown as { __frames: PaintedMark[] }).__frames = frames;
		let after = 0;
		const everyFrame = () => {
			// The page holds a drawing per layout width and shows one: its first mark.
			const mark = [...document.querySelectorAll(marks)].find((m) =>
				m.checkVisibility({ visibilityProperty: true })
			);
			const appReady = document.documentElement.dataset.appReady !== undefined;
			if (mark) {
				const box = mark.getBoundingClientRect();
				frames.push({ x: Math.round(box.x), width: Math.round(box.width), appReady });
			}
			if (document.querySelector('[data-chart-ready]')) after++;
			if (after < 5) requestAnimationFrame(everyFrame);
		};
		requestAnimationFrame(everyFrame);
	}

	// A mark's shape, not its text: a label moves a little when the interface font arrives.
	const FIRST_SHAPES = [
		{ path: '/timeline', marks: '[data-chart="timeline"] [data-mark] :is(rect, circle, path)' },
		{ path: '/efficacy', marks: '.forest [data-row-key]' }
	];
	for (const { path, marks } of FIRST_SHAPES)
		// 1263 px: what a 1280 px window leaves its page beside a classic 17 px scrollbar; 1000,
		// 800 and 720 px show the drawings laid out at 936, 708 and 640 px; 700 and 680 px the
		// forest plot's at 600 px; 600, 390 and 320 px are narrower (the timeline's scrolls
		// sideways there, the forest plot's rows are stacked).
		for (const width of [320, 390, 600, 680, 700, 720, 800, 1000, 1024, 1263, 1280, 1440, 1920])
			test(`${path} in a ${width} px window: the chart appears once, where it stays`, async ({
				page
			}) => {
				await page.setViewportSize({ width, height: 900 });
				await page.addInitScript(trackFirstMark, marks);
				// The app's start is held back a little, so that frames before it are seen however
				// fast this machine runs it: a fast one could otherwise have it running by the first.
				await page.route('**/_app/immutable/entry/**', async (route) => {
					await new Promise((resolve) => setTimeout(resolve, 500));
					await route.continue();
				});
				await page.goto(path);
				await expect(page.locator('[data-chart-ready]')).toBeAttached();
				await page.waitForFunction(() => document.documentElement.dataset.appReady !== undefined);
				await nextFrame(page);
				// Where the app leaves the mark, measured now, not taken from the frames watched.
				const box = (await page.locator(marks).first().boundingBox())!;
				const final = { x: Math.round(box.x), width: Math.round(box.width) };
				const frames = await page.evaluate(
					() => (window as unknown as { __frames: PaintedMark[] }).__frames
				);
				expect(frames.length).toBeGreaterThan(0);
				// Every frame that showed the mark showed it there.
				for (const frame of frames)
					expect({ x: frame.x, width: frame.width }, JSON.stringify(frames)).toEqual(final);
				// Every window shows the chart before the app runs.
				expect(frames[0]!.appReady).toBe(false);
				// The app drew at the window's width (wider windows, wider marks), and at 640 px in a
				// narrower column, which scrolls.
				if (path === '/timeline') {
					const svg = page.locator('[data-testid="timeline-chart"] svg.marks');
					const frameWidth = await page
						.getByTestId('timeline-frame')
						.evaluate((el) => el.clientWidth);
					expect(Number(await svg.getAttribute('width'))).toBe(
						Math.max(NARROWEST_LAYOUT_WIDTH, frameWidth)
					);
				}
			});

	/**
	 * The box (x, y, width, height in px) of each of the chart's shapes and texts, in document
	 * order: as the HTML draws it (scripts off) or as the app leaves it.
	 */
	async function drawnBoxes(
		browser: Browser,
		path: string,
		shapes: string,
		width: number,
		js: boolean
	) {
		const context = await browser.newContext({
			viewport: { width, height: 900 },
			javaScriptEnabled: js
		});
		const page = await context.newPage();
		await page.goto(path);
		if (js) await expect(page.locator('[data-chart-ready]')).toBeAttached();
		await page.evaluate(() => document.fonts.ready);
		// The drawing shown: the page holds one per layout width (the others are not displayed).
		const boxes = await page.locator(shapes).evaluateAll((elements) =>
			elements
				.filter((e) => e.checkVisibility())
				.map((e) => {
					const r = e.getBoundingClientRect();
					const mark = e.closest('[data-mark], [data-row-key]');
					const name = mark?.getAttribute('data-mark') ?? mark?.getAttribute('data-row-key') ?? '';
					return {
						name: `${name} ${e.tagName} ${e.textContent}`,
						box: [r.x, r.y, r.width, r.height]
					};
				})
		);
		await context.close();
		return boxes;
	}

	// Every shape and text of the chart (a nested svg's box is its viewport, not what it draws).
	const DRAWINGS = [
		// 940 and 1150 px windows show the drawings laid out at 708 and 936 px, stretched over a
		// column where the forest plot, laid out for it, would have one column more; 720 px the
		// one laid out at 640 px; 390 px that one too, scrolling, with the lane labels' copy; 680
		// px the forest plot's laid out at 600 px; 600, 390 and 320 px its rows stacked, laid out
		// at 480, 360 and 296 px.
		{
			path: '/timeline',
			shapes: '[data-chart="timeline"] svg :is(rect, line, path, circle, text)',
			widths: [390, 720, 940, 1150, 1280, 1440, 1920]
		},
		{
			path: '/efficacy',
			shapes: '.forest svg :is(rect, line, path, circle, text)',
			widths: [320, 390, 600, 680, 720, 940, 1150, 1280, 1440, 1920]
		},
		// The embeds draw with the same components, in a column of their own (1,256 px here; 776 px
		// in an 800 px frame, the drawing laid out at 708 px; 696 px in a 720 px one, at 640 px).
		{
			path: '/embed/timeline',
			shapes: '[data-chart="timeline"] svg :is(rect, line, path, circle, text)',
			widths: [390, 720, 800, 1280]
		},
		{
			path: '/embed/efficacy',
			shapes: '.forest svg :is(rect, line, path, circle, text)',
			widths: [390, 660, 720, 800, 1280]
		}
	];
	for (const { path, shapes, widths } of DRAWINGS)
		test(`${path}: the HTML's drawing is the app's, shape for shape, in ${widths.join(', ')} px windows`, async ({
			browser
		}) => {
			for (const width of widths) {
				const html = await drawnBoxes(browser, path, shapes, width, false);
				const app = await drawnBoxes(browser, path, shapes, width, true);
				expect(html.length, `${width} px`).toBeGreaterThan(300);
				expect(app.map((m) => m.name)).toEqual(html.map((m) => m.name));
				html.forEach((shape, i) => {
					const off = Math.max(...shape.box.map((v, k) => Math.abs(v - app[i]!.box[k]!)));
					expect(off, `${width} px, ${shape.name}: ${shape.box} vs ${app[i]!.box}`).toBeLessThan(
						0.5
					);
				});
			}
		});

	test('a phone gets the forest plot stacked in the first paint, and can ask for columns', async ({
		page
	}) => {
		await page.setViewportSize({ width: 390, height: 844 });
		// The app held back: what the HTML and the stylesheet show on their own.
		const release = await holdAppBack(page);
		await page.addInitScript(watchTakeover, '.forest [data-row-key]');
		await page.goto('/efficacy');
		const inColumns = page.getByRole('button', { name: 'Show in columns' });
		await expect(
			page.locator('.forest [data-row-key]').filter({ visible: true }).first()
		).toBeVisible();
		await expect(inColumns).toBeVisible();
		// A keyboard reader reaches the button before the app runs: it keeps the focus.
		await inColumns.evaluate((button) => {
			(button as HTMLElement & { __fromHtml?: boolean }).__fromHtml = true;
			(button as HTMLElement).focus();
		});
		release();
		await page.waitForFunction(() => document.documentElement.dataset.appReady !== undefined);
		await nextFrame(page);
		const seen = await takeover(page, '.forest [data-row-key]');
		expect(seen.hiddenAtParse).toBe(false);
		expect(seen.shift, seen.moved.join('; ')).toBe(0);
		// The HTML's button, taken over by the app, focus kept: it lays the rows out in columns.
		await expect(inColumns).toBeFocused();
		expect(await inColumns.evaluate((b) => (b as { __fromHtml?: boolean }).__fromHtml)).toBe(true);
		await inColumns.click();
		await expect(page.getByRole('button', { name: 'Show stacked' })).toHaveAttribute(
			'aria-pressed',
			'true'
		);
		await expect(page.getByTestId('forest-frame').first()).toHaveCSS('overflow-x', 'auto');
	});

	test('a phone gets the overview in the first paint', async ({ page }) => {
		await page.setViewportSize({ width: 390, height: 844 });
		await page.addInitScript(watchTakeover, 'main h1');
		await page.goto('/');
		await page.waitForFunction(() => document.documentElement.dataset.appReady !== undefined);
		await nextFrame(page);
		const seen = await takeover(page, 'main h1');
		expect(seen.hiddenAtParse).toBe(false);
		expect(seen.marksAtParse).toBe(1);
		expect(seen.shift, seen.moved.join('; ')).toBe(0);
	});

	test('a phone gets the timeline in the first paint, its options folded as the app folds them', async ({
		page
	}) => {
		await page.setViewportSize({ width: 390, height: 844 });
		// The app held back: what the HTML and the stylesheet show on their own.
		const release = await holdAppBack(page);
		await page.goto('/timeline');
		const fold = page.getByText('About this chart and its options');
		const option = page.getByRole('radio', { name: 'Indication' });
		// The page holds a drawing per layout width and shows the narrowest here.
		await expect(
			page.locator('[data-chart="timeline"] [data-mark]').filter({ visible: true }).first()
		).toBeVisible();
		await expect(fold).toBeVisible();
		await expect(option).toBeHidden();
		release();
		await page.waitForFunction(() => document.documentElement.dataset.appReady !== undefined);
		await expect(fold).toBeVisible();
		await expect(option).toBeHidden();
		await fold.click();
		await expect(option).toBeVisible();
	});

	test('a link with view state stays hidden until the app has drawn that view: the default never flashes', async ({
		page
	}) => {
		const seen = await openAndTakeOver(page, '/timeline?assets=kn026', TIMELINE_MARKS);
		expect(seen.hiddenAtParse).toBe(true);
		expect(seen.hiddenNow).toBe(false);
		// The link's view: one asset, and fewer marks than the default chart the HTML held.
		await expect(page.getByText(/ · 1 of \d+ assets/)).toBeVisible();
		expect(seen.marksNow).toBeLessThan(seen.marksAtParse);
	});

	test('the app’s scripts are asked for once the drawing is on screen, and at once where it is hidden', async ({
		page
	}) => {
		/**
		 * Opens `path` in a window `width` px wide; tells when its first paint came, when its HTML
		 * was read, when its scripts were first asked for, and whether that was from the head: the
		 * guard, first in it, then preloads them at once, so the links follow it (the starter, at
		 * the end of the body, adds them after everything the head holds).
		 */
		async function load(width: number, path: string) {
			await page.setViewportSize({ width, height: 900 });
			await page.goto(path);
			await expect(page.locator('[data-chart-ready]')).toBeAttached();
			return page.evaluate(() => {
				const scripts = performance
					.getEntriesByType('resource')
					.filter((e) => /\/_app\/immutable\/.*\.js$/.test(new URL(e.name).pathname));
				const read = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
				const afterGuard = document.head.querySelector('script')?.nextElementSibling;
				return {
					firstPaint: performance.getEntriesByName('first-paint')[0]?.startTime ?? Infinity,
					htmlRead: read.domContentLoadedEventStart,
					firstScript: scripts.length ? Math.min(...scripts.map((e) => e.startTime)) : NaN,
					fromHead: afterGuard?.getAttribute('rel') === 'modulepreload'
				};
			});
		}
		// A window that shows the drawing: its first paint does not share the machine with them.
		const shown = await load(1440, '/timeline');
		expect(shown.firstScript).toBeGreaterThanOrEqual(shown.firstPaint);
		expect(shown.fromHead).toBe(false);
		// A link with view state waits for the app's drawing: the scripts are asked for from the
		// head, while the body is read.
		const hidden = await load(640, '/efficacy?sort=value');
		expect(hidden.firstScript).toBeLessThan(hidden.htmlRead);
		expect(hidden.fromHead).toBe(true);
	});

	test('a browser keeping a saved view hides the prerendered page until that view is drawn', async ({
		page
	}) => {
		// A first visit with the default view: saved, but nothing to restore later, so not noted.
		await page.goto('/timeline');
		await expect(page.locator('[data-chart-ready]')).toBeAttached();
		await expect.poll(() => lastStatesSaved(page)).toBe(1);
		const hint = () => page.evaluate(() => localStorage.getItem('landscape:has-saved-state'));
		expect(await hint()).toBeNull();
		// A filtered view is saved, and noted.
		await page.goto('/timeline?assets=kn026');
		await expect(page.locator('[data-chart-ready]')).toBeAttached();
		await expect.poll(hint).toBe('1');
		const seen = await openAndTakeOver(page, '/timeline', TIMELINE_MARKS);
		await expect(page).toHaveURL(/assets=kn026/);
		expect(seen.hiddenAtParse).toBe(true);
		expect(seen.hiddenNow).toBe(false);
	});

	test('until the app runs, a key in a control does nothing rather than be undone by the app', async ({
		page
	}) => {
		// The app's scripts arrive late: time for the reader to press keys in the prerendered page.
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		await page.route('**/_app/immutable/**/*.js', async (route) => {
			await held;
			await route.continue();
		});
		await page.goto('/timeline', { waitUntil: 'domcontentloaded' });
		const byAsset = page.getByRole('radio', { name: 'Asset' });
		const byIndication = page.getByRole('radio', { name: 'Indication' });
		await byAsset.focus();
		await page.keyboard.press('ArrowRight');
		// Natively the arrow would tick "Indication", and the app would tick "Asset" again.
		await expect(byAsset).toBeChecked();
		await expect(byIndication).not.toBeChecked();
		await expect(byAsset).toBeFocused();
		release();
		await expect(page.locator('[data-chart-ready]')).toBeAttached();
		await expect(byAsset).toBeChecked();
		// Once the app runs, the same key works.
		await byAsset.focus();
		await page.keyboard.press('ArrowRight');
		await expect(byIndication).toBeChecked();
		await expect(page).toHaveURL(/[?&]lanes=indication\b/);
	});

	test('until the app runs, the controls ignore the pointer rather than lose a click', async ({
		page,
		problems
	}) => {
		problems.allow(/Failed to fetch dynamically imported module|Failed to load|ERR_FAILED/);
		const hazard = page.getByRole('checkbox', { name: /Hazard ratios/ });
		await page.route('**/_app/immutable/**/*.js', (route) => route.abort());
		await page.goto('/efficacy');
		await expect(hazard).toBeVisible();
		await expect(hazard).toHaveCSS('pointer-events', 'none');
		await expect(page.getByRole('link', { name: 'Timeline' })).toHaveCSS('pointer-events', 'auto');
		await page.unrouteAll();
		await page.goto('/efficacy');
		await expect(page.locator('[data-chart-ready]')).toBeAttached();
		await expect(hazard).toHaveCSS('pointer-events', 'auto');
		await hazard.check();
		await expect(page.locator('figure[data-family="hazard"]')).toBeVisible();
	});

	test('a hidden page shows itself after a wait should the app never start', async ({
		page,
		problems
	}) => {
		problems.allow(/Failed to fetch dynamically imported module|Failed to load|ERR_FAILED/);
		await page.route('**/_app/immutable/**/*.js', (route) => route.abort());
		// The wait is 8 s of CSS animation; played 8× faster, the test need not sit through it. The
		// rate belongs to the page, which the next test reuses: it is set back whatever happens.
		const cdp = await page.context().newCDPSession(page);
		await cdp.send('Animation.enable');
		await cdp.send('Animation.setPlaybackRate', { playbackRate: 8 });
		try {
			await page.goto('/timeline?assets=kn026', { waitUntil: 'domcontentloaded' });
			const root = page.locator('#svelte');
			await expect(root).toHaveCSS('visibility', 'hidden');
			// Meanwhile the prerendered drawing is not even laid out (the app would replace it).
			const drawing = page.locator('[data-prerendered] > .chart[data-layout-width="1200"]');
			await expect(drawing).toHaveCSS('content-visibility', 'hidden');
			await expect(root).toHaveCSS('visibility', 'visible', { timeout: 4_000 });
			await expect(drawing).toHaveCSS('content-visibility', 'visible');
			await expect(page.locator(TIMELINE_MARKS).first()).toBeVisible();
		} finally {
			await cdp.send('Animation.setPlaybackRate', { playbackRate: 1 });
			await cdp.detach();
		}
	});
});
