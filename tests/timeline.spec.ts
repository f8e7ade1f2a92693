/**
 * The swimlane timeline as a user meets it, on the real HER2 dataset. Expected counts come from
 * static/data/her2.json with the chart's rules (one lane per program, plus a "Corporate / other"
 * lane per asset that has milestones without a shown program), never from hard-coded numbers.
 */
import {
	test,
	expect,
	axeViolations,
	fixturePath,
	markCentres,
	marksUnderPointer,
	namesAndBoxes,
	serveFixture,
	settledUrl,
	nextFrame
} from './fixtures';
import type { Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { Dataset } from '../src/lib/data/schema';
import { synthesize } from '../scripts/synth-dataset';

interface Ref {
	id: string;
	quote: string;
}
interface M {
	id: string;
	asset: string;
	program: string | null;
	date: string;
	label: string;
	sources: Ref[];
}
interface P {
	id: string;
	asset: string;
	phases: { phase: string; start: string | null; knownBy?: string | null }[];
}
const her2 = JSON.parse(readFileSync('static/data/her2.json', 'utf8')) as {
	assets: { id: string; shortName: string }[];
	programs: P[];
	milestones: M[];
};

const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-\d{2})?|-Q[1-4]|-H[12])?$/;

/** What the chart should draw when only these assets are selected (all when undefined). */
function expected(assets?: string[]) {
	const keep = (asset: string) => !assets || assets.includes(asset);
	const programs = her2.programs.filter((p) => keep(p.asset));
	const programIds = new Set(programs.map((p) => p.id));
	const milestones = her2.milestones.filter((m) => keep(m.asset) && PARTIAL_DATE.test(m.date));
	const corporate = new Set(
		milestones.filter((m) => m.program === null || !programIds.has(m.program)).map((m) => m.asset)
	);
	return { lanes: programs.length + corporate.size, milestones: milestones.length };
}

const chart = (page: Page) => page.locator('[data-chart="timeline"]');
const lanes = (page: Page) => chart(page).locator('svg [data-lane]');
const milestoneMarks = (page: Page) => chart(page).locator('svg [data-mark^="ms:"]');
const tickLabels = (page: Page) =>
	chart(page)
		.locator('[data-testid="timeline-axis"] text.tick')
		.evaluateAll((nodes) => nodes.map((n) => n.textContent ?? ''));

async function open(page: Page, url = '/timeline') {
	await page.goto(url);
	await expect(page.getByRole('heading', { level: 1, name: 'Timeline' })).toBeVisible();
	await expect(chart(page)).toHaveAttribute('data-chart-ready', /.+/);
}

async function choose(page: Page, menu: RegExp, value: string) {
	await page.getByRole('button', { name: menu }).click();
	await page.getByRole('checkbox', { name: new RegExp(`^${value} \\d`) }).check();
	await page.keyboard.press('Escape');
}

/** The "All" range: every bar and milestone (the view opens on where most events are). */
async function showAll(page: Page) {
	await page
		.getByRole('group', { name: 'Range presets' })
		.getByRole('button', { name: 'All' })
		.click();
	await expect(page).toHaveURL(/[?&]window=/);
}

const activeMark = (page: Page) =>
	page.evaluate(() => document.activeElement?.getAttribute('data-mark') ?? null);

test('opens on the years where the events are, and "All" shows every milestone', async ({
	page
}) => {
	await open(page);
	const want = expected();
	// The isolated 2012 approval is left out of the first screen, not the whole 2011–2027 span.
	const years = (await tickLabels(page)).map(Number);
	expect(years[0]).toBeGreaterThanOrEqual(2017);
	const shown = await milestoneMarks(page).count();
	expect(shown).toBeLessThan(want.milestones);
	expect(shown).toBeGreaterThanOrEqual(Math.ceil(want.milestones * 0.9));
	await showAll(page);
	await expect(milestoneMarks(page)).toHaveCount(want.milestones);
	expect((await tickLabels(page)).map(Number)[0]).toBeLessThanOrEqual(2012);
});

test('the “Data as of” and “Today” labels never print over each other', async ({ page }) => {
	// The dataset is a few weeks old, so the two lines stand close; near the right edge of a
	// narrower chart the today label sits left of its line, where the as-of label was.
	for (const width of [800, 1000, 1440]) {
		await page.setViewportSize({ width, height: 900 });
		await page.goto('/timeline');
		await expect(page.locator('[data-chart-ready]')).toBeAttached();
		const asOf = (await page.getByTestId('as-of-marker').locator('text').boundingBox())!;
		const today = (await page.getByTestId('today-line').locator('text').boundingBox())!;
		const apart =
			asOf.x + asOf.width <= today.x ||
			today.x + today.width <= asOf.x ||
			asOf.y + asOf.height <= today.y ||
			today.y + today.height <= asOf.y;
		expect(apart, `${width} px: ${JSON.stringify({ asOf, today })}`).toBe(true);
	}
});

test('one lane per program plus the corporate lanes, and every milestone', async ({ page }) => {
	await open(page);
	await showAll(page);
	const want = expected();
	await expect(lanes(page)).toHaveCount(want.lanes);
	await expect(milestoneMarks(page)).toHaveCount(want.milestones);
	await expect(
		page.getByText(`${want.lanes} lanes · ${want.milestones} milestones`, { exact: true })
	).toBeVisible();
	// Comparators set apart; the today line and the data-as-of marker are drawn.
	await expect(chart(page).locator('.section-heading')).toHaveText(['Focus assets', 'Comparators']);
	await expect(chart(page).getByTestId('as-of-marker')).toContainText('Data as of');
	await expect(chart(page).getByTestId('today-line')).toContainText('Today');
});

test('marks are named lane · milestone · date', async ({ page }) => {
	await open(page);
	await expect(chart(page).locator('[data-mark="ms:kn026-nda-accepted"]')).toHaveAttribute(
		'aria-label',
		'KN026 · Gastric/GEJ 2L+ China · NDA accepted by NMPA · 11 Sep 2025'
	);
});

test('a year-only date says so in its name', async ({ page }) => {
	// The synthetic sample holds a year-only IND (2018), whatever the shipped dataset does.
	const sample = JSON.parse(readFileSync(fixturePath('timeline-sample.json'), 'utf8')) as {
		milestones: M[];
	};
	const ind = sample.milestones.find((m) => m.id === 'ms-kn026-ind')!;
	expect(ind.date).toBe('2018');
	const path = await serveFixture(page, 'timeline-sample.json');
	await open(page, `/timeline?data=${path}`);
	await expect(chart(page).locator(`[data-mark="ms:${ind.id}"]`)).toHaveAttribute(
		'aria-label',
		/^KN026 · .+ · IND cleared by FDA · 2018 \(year precision\)$/
	);
});

test('an asset filter in the link keeps only that asset’s lanes', async ({ page }) => {
	await open(page, '/timeline?v=1&assets=kn026');
	await showAll(page);
	const want = expected(['kn026']);
	await expect(lanes(page)).toHaveCount(want.lanes);
	await expect(milestoneMarks(page)).toHaveCount(want.milestones);
	const labels = await lanes(page).evaluateAll((nodes) =>
		nodes.map((n) => n.querySelector('text')?.textContent ?? '')
	);
	for (const label of labels) expect(label).toMatch(/^KN026 · /);
});

test('the filter bar removes lanes', async ({ page }) => {
	await open(page);
	await choose(page, /^Assets/, 'Zanidatamab');
	await expect(page).toHaveURL(/[?&]assets=zanidatamab(&|$)/);
	await showAll(page);
	const want = expected(['zanidatamab']);
	await expect(lanes(page)).toHaveCount(want.lanes);
	await expect(milestoneMarks(page)).toHaveCount(want.milestones);
});

test('a filter taken off again draws the same marks in the same places; removed marks are out of sight and reach', async ({
	page
}) => {
	await open(page);
	const picture = () => namesAndBoxes(chart(page).locator('svg [data-mark]'));
	const visibleMarks = () => chart(page).locator('svg g.mark:visible');
	const before = await picture();
	expect(before.some((m) => m.startsWith('KN026'))).toBe(true);
	const removed = (await markCentres(chart(page).locator('svg [data-mark]'))).filter(
		(mark) => !mark.name.startsWith('Zanidatamab')
	);
	expect(removed.length).toBeGreaterThan(1);

	await choose(page, /^Assets/, 'Zanidatamab');
	await expect(page).toHaveURL(/[?&]assets=zanidatamab(&|$)/);
	await expect(chart(page).getByRole('button', { name: /^KN026/ })).toHaveCount(0);
	const filtered = await picture();
	expect(filtered.length).toBeGreaterThan(0);
	expect(filtered.every((m) => m.startsWith('Zanidatamab'))).toBe(true);
	// Where the removed marks were, a pointer reaches none of them (they stay in the page, hidden).
	const reached = await marksUnderPointer(page, removed, 'g.mark');
	expect(reached.filter((name) => !name.startsWith('Zanidatamab'))).toEqual([]);
	await expect(visibleMarks()).toHaveCount(filtered.length);

	await page.getByRole('button', { name: /^Assets/ }).click();
	await page.getByRole('checkbox', { name: /^Zanidatamab \d/ }).uncheck();
	await page.keyboard.press('Escape');
	await expect(page).not.toHaveURL(/assets=/);
	await expect.poll(picture).toEqual(before);
	await expect(visibleMarks()).toHaveCount(before.length);
});

test('lanes group by indication and back', async ({ page }) => {
	await open(page);
	// What the reader sees: headings a filter or a regrouping removed stay in the page, hidden.
	const groupHeadings = () =>
		chart(page)
			.locator('svg > g > text[font-weight="700"]:not(.section-heading)')
			.filter({ visible: true })
			.allTextContents();
	const byAsset = await groupHeadings();
	expect(byAsset).toContain('KN026 (anbenitamab)');
	await page.getByRole('radio', { name: 'Indication' }).check();
	await expect(page).toHaveURL(/[?&]lanes=indication(&|$)/);
	await expect.poll(groupHeadings).toContain('Gastric');
	expect(await groupHeadings()).not.toContain('KN026 (anbenitamab)');
	await expect(lanes(page)).toHaveCount(expected().lanes);
	await page.getByRole('radio', { name: 'Asset' }).check();
	await expect(page).not.toHaveURL(/lanes=/);
	await expect.poll(groupHeadings).toEqual(byAsset);
});

test('zooming changes the axis, writes window= into the URL and survives a reload', async ({
	page
}) => {
	await open(page);
	const axis = chart(page).getByTestId('timeline-axis');
	await expect(axis).toHaveAttribute('data-tick-kind', 'year');
	const before = await tickLabels(page);
	const zoomIn = page.getByRole('button', { name: 'Zoom in' });
	for (let i = 0; i < 4; i++) await zoomIn.click();
	await expect(page).toHaveURL(/[?&]window=\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}(&|$)/);
	await expect(axis).not.toHaveAttribute('data-tick-kind', 'year');
	// The axis and the URL after the fourth click (the URL is written a frame after each one).
	const url = await settledUrl(page);
	const after = await tickLabels(page);
	expect(after).not.toEqual(before);
	// Fewer milestones fit in the narrower window.
	expect(await milestoneMarks(page).count()).toBeLessThan(expected().milestones);

	const kind = await axis.getAttribute('data-tick-kind');
	await page.reload();
	await expect(chart(page)).toHaveAttribute('data-chart-ready', /.+/);
	expect(page.url()).toBe(url);
	await expect(axis).toHaveAttribute('data-tick-kind', kind!);
	expect(await tickLabels(page)).toEqual(after);

	await page.getByRole('button', { name: 'Reset zoom' }).click();
	await expect(page).not.toHaveURL(/window=/);
	await expect(axis).toHaveAttribute('data-tick-kind', 'year');
});

test('the range control sets the window', async ({ page }) => {
	await open(page);
	const range = page.getByRole('group', { name: 'Time range' });
	await range.getByLabel('From').fill('2025-01-01');
	await range.getByLabel('To').fill('2025-12-31');
	await range.getByLabel('To').blur();
	await expect(page).toHaveURL(/[?&]window=2025-01-01\.\.2025-12-31(&|$)/);
	await expect(chart(page).getByTestId('timeline-axis')).toHaveAttribute(
		'data-tick-kind',
		/month|quarter/
	);
});

test('hovering a milestone shows its date, type, agency and source quote', async ({ page }) => {
	await open(page);
	const m = her2.milestones.find((x) => x.id === 'kn026-nda-accepted')!;
	const mark = chart(page).locator(`[data-mark="ms:${m.id}"]`);
	await mark.hover();
	const tip = page.getByTestId('timeline-tooltip');
	await expect(tip).toBeVisible();
	await expect(tip).toContainText(m.label);
	await expect(tip).toContainText('11 Sep 2025');
	await expect(tip).toContainText('NMPA');
	await expect(tip).toContainText(m.sources[0]!.quote);
});

test('keyboard: one tab stop into the chart, arrows move, Enter pins, Escape closes', async ({
	page
}) => {
	await open(page);
	await page.getByRole('button', { name: 'Zoom out' }).focus();
	await page.keyboard.press('Tab');
	const first = await activeMark(page);
	expect(first).not.toBeNull();
	await expect(chart(page).locator('[data-mark][tabindex="0"]')).toHaveCount(1);

	await page.keyboard.press('ArrowRight');
	await expect.poll(() => activeMark(page)).not.toBe(first);
	const second = (await activeMark(page))!;
	const focused: Locator = chart(page).locator(`[data-mark="${second}"]`);
	await expect(focused).toHaveAttribute('tabindex', '0');
	// Focus shows the tooltip too.
	await expect(page.getByTestId('timeline-tooltip')).toBeVisible();

	await page.keyboard.press('Enter');
	const details = page.getByTestId('timeline-details');
	await expect(details).toBeVisible();
	await expect(focused).toHaveAttribute('aria-expanded', 'true');
	await expect(details).toContainText('“');

	await page.keyboard.press('Escape');
	await expect(details).toHaveCount(0);
	await expect(focused).toBeFocused();
	// Tab leaves the chart: the marks are one stop.
	await page.keyboard.press('Tab');
	expect(await activeMark(page)).toBeNull();
});

test('“Show as table” lists the same milestones', async ({ page }) => {
	// An axe pass over a table of every milestone: 13 s on an idle machine, 30 s on a busy one.
	test.slow();
	await open(page);
	await page.getByRole('button', { name: 'Show as table' }).click();
	const table = page.getByTestId('timeline-table');
	await expect(table.locator('.milestone-row')).toHaveCount(expected().milestones);
	await expect(table.locator('tbody[data-lane]')).toHaveCount(expected().lanes);
	expect(await axeViolations(page)).toEqual([]);
});

test('a phase bar whose start is not reported says so, on the chart and in the table', async ({
	page
}) => {
	await open(page);
	// KN026 gastric 2L (China): phase 2/3 reported only as under way by December 2023.
	const bar = chart(page).locator('[data-mark="bar:kn026-gastric-2l-china:0"]');
	await expect(bar).toHaveAttribute('aria-label', /start not reported/);
	const words = bar.locator('text', { hasText: /^start not reported$/ });
	await expect(words).toBeVisible();
	// A dashed line drawn as a rect (its x and width follow the width: fluid.ts), cut into 4 px
	// dashes with 3 px gaps by a mask the page holds.
	const lead = bar.locator('rect.start-lead');
	const maskId = /^url\(#(.+)\)$/.exec((await lead.getAttribute('mask')) ?? '')?.[1];
	await expect(page.locator(`mask[id="${maskId}"]`)).toHaveAttribute('data-dashes', '4 3');
	// The words sit just left of the lead, which runs into the bar: read as one thing.
	const w = (await words.boundingBox())!;
	const l = (await lead.boundingBox())!;
	expect(l.x - (w.x + w.width)).toBeGreaterThanOrEqual(0);
	expect(l.x - (w.x + w.width)).toBeLessThan(12);
	expect(Math.abs(w.y + w.height / 2 - (l.y + l.height / 2))).toBeLessThan(4);
	expect(
		await words.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
	).toBeGreaterThanOrEqual(11);
	// The legend explains the lead.
	await expect(chart(page).locator('.legend')).toContainText('start not reported');

	await page.getByRole('button', { name: 'Show as table' }).click();
	const table = page.getByTestId('timeline-table');
	const unknownStarts = her2.programs
		.flatMap((p) => p.phases)
		.filter((ph) => !ph.start && ph.knownBy);
	expect(unknownStarts.length).toBeGreaterThan(0);
	await expect(table.locator('.phase-row', { hasText: 'start not reported' })).toHaveCount(
		unknownStarts.length
	);
	await expect(
		table.locator('tbody[data-lane="lane:kn026-gastric-2l-china"] .phase-row').first()
	).toContainText('start not reported; under way by 11 Dec 2023');
});

test('axe finds nothing, with a tooltip and a pinned panel open', async ({ page }) => {
	// Three axe passes over the timeline of the 1.1.0 landscape: seconds each on two busy cores.
	test.slow();
	await open(page);
	expect(await axeViolations(page)).toEqual([]);
	await chart(page).locator('[data-mark="ms:kn026-nda-accepted"]').click();
	await expect(page.getByTestId('timeline-details')).toBeVisible();
	// The details open under the pinned mark (KN026, the first lane): hover a mark they do not cover.
	await chart(page).locator('[data-mark^="ms:"]').last().hover();
	expect(await axeViolations(page)).toEqual([]);
});

test.describe('a very long timeline (synthetic, 8× the real dataset: it draws only the lanes near the view)', () => {
	let body: string | null = null;
	const large = () =>
		(body ??= JSON.stringify(
			synthesize(Dataset.parse(JSON.parse(readFileSync('static/data/her2.json', 'utf8'))), {
				scale: 8,
				seed: 1
			})
		));

	/**
	 * What a reader sees of the chart in the window: how many lanes, and the widest band of the
	 * chart within the window with no lane drawn (headings between groups leave small ones).
	 */
	const inView = (page: Page) =>
		page.evaluate(() => {
			// The chart's box (its svg may be taller, cut at the chart's height: steady-height.ts).
			const svg = document
				.querySelector('[data-chart="timeline"] [data-testid="timeline-chart"]')!
				.getBoundingClientRect();
			const top = Math.max(0, svg.top);
			const bottom = Math.min(innerHeight, svg.bottom);
			const drawn = [...document.querySelectorAll('[data-chart="timeline"] svg [data-lane]')];
			const boxes = drawn
				.map((lane) => lane.getBoundingClientRect())
				.filter((box) => box.bottom > top && box.top < bottom)
				.sort((a, b) => a.top - b.top);
			// Where the chart's top (its axis and first headings) is in the window, from the first lane.
			let reached = svg.top > 0 ? (boxes[0]?.top ?? top) : top;
			let blank = 0;
			for (const box of boxes) {
				blank = Math.max(blank, box.top - reached);
				reached = Math.max(reached, box.bottom);
			}
			blank = Math.max(blank, bottom - reached);
			const drawnHeight = drawn.reduce((sum, lane) => sum + lane.getBoundingClientRect().height, 0);
			return {
				lanes: boxes.length,
				blank: Math.round(blank),
				culled: drawnHeight < svg.height / 2
			};
		});

	test('the lanes in view are drawn after a scroll and after a filter brings every lane back', async ({
		page
	}) => {
		const path = await serveFixture(page, 'timeline-large.json', large());
		await open(page, `/timeline?data=${encodeURIComponent(path)}`);
		expect(await inView(page)).toMatchObject({ culled: true });

		await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight / 2));
		await nextFrame(page);
		const middle = await inView(page);
		expect(middle.lanes).toBeGreaterThan(10);
		expect(middle.blank, 'no blank band in the middle of the chart').toBeLessThan(60);

		// One asset (a short chart, drawn whole), then every asset again: the lanes come back
		// around wherever the window is now, not where it was before the filter.
		await page.getByRole('button', { name: /^Assets/ }).click();
		const first = page.locator('#filter-assets input[type=checkbox]').first();
		await first.check();
		await expect(chart(page)).toHaveAttribute('data-chart-ready', /.+/);
		expect(await inView(page)).toMatchObject({ culled: false });
		// Clicked in the page: Playwright's own uncheck would first scroll the box into view, and a
		// scroll makes the chart measure the window again whatever the filter did.
		await first.evaluate((box: HTMLInputElement) => box.click());
		await expect(first).not.toBeChecked();
		await nextFrame(page);
		const back = await inView(page);
		expect(back).toMatchObject({ culled: true });
		expect(back.lanes).toBeGreaterThan(0);
		expect(back.blank, 'no blank band after the filter').toBeLessThan(60);

		await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight * 0.75));
		await nextFrame(page);
		const lower = await inView(page);
		expect(lower.lanes).toBeGreaterThan(10);
		expect(lower.blank, 'no blank band further down').toBeLessThan(60);
	});
});
