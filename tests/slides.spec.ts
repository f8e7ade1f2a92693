/**
 * "Download PowerPoint" as an editable chart, for each view: the deck has the announced number of
 * slides, the chart is drawn as shapes and text (no picture), the labels a person reads on screen
 * are text on the slides, and the speaker notes hold the sources with their quotes.
 */
import { test, expect, exportStatus } from './fixtures';
import type { Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';

const OUT = 'test-results/exports';
mkdirSync(OUT, { recursive: true });

const decode = (s: string) =>
	s
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&');
const texts = (xml: string) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decode(m[1]!));

async function nativeDeck(page: Page, path: string, ready: string) {
	await page.goto(path);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.locator(ready).first()).toBeAttached();
	await page.getByRole('button', { name: 'Share / export' }).click();
	await expect(page.getByLabel('PowerPoint slides as')).toHaveValue('native');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download PowerPoint', exact: true }).click()
	]);
	const bytes = readFileSync((await download.path())!);
	writeFileSync(`${OUT}/native-${download.suggestedFilename()}`, bytes);
	const status = (await exportStatus(page).textContent()) ?? '';
	const announced = Number(/\((\d+) slides?, editable\)/.exec(status)?.[1]);
	const files = unzipSync(new Uint8Array(bytes));
	const order = (n: string) => Number(/(\d+)\.xml$/.exec(n)![1]);
	const slides = Object.keys(files)
		.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
		.sort((a, b) => order(a) - order(b))
		.map((n) => strFromU8(files[n]!));
	const notes = Object.keys(files)
		.filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n))
		.map((n) => texts(strFromU8(files[n]!)).join('\n'))
		.join('\n');
	const media = Object.keys(files).filter((n) => n.startsWith('ppt/media/') && !n.endsWith('/'));
	return { slides, notes, media, announced, allText: slides.flatMap(texts) };
}

const her2 = JSON.parse(readFileSync('static/data/her2.json', 'utf8')) as {
	milestones: { asset: string; sources: { id: string; quote: string }[] }[];
};

test('timeline: editable slides with every lane label as text and the quotes in the notes', async ({
	page
}) => {
	const chart = '[data-testid="timeline-chart"] svg';
	await page.goto('/timeline');
	// The app's drawing, whose labels the deck carries: the page's HTML also holds drawings laid
	// out for narrower columns (their labels cut elsewhere), which the app drops.
	await expect(page.locator('[data-chart="timeline"]')).toHaveAttribute('data-chart-ready', /.+/);
	const laneLabels = await page
		.locator('[data-chart="timeline"] svg [data-lane] text:first-of-type')
		.evaluateAll((nodes) => nodes.map((n) => n.childNodes[0]?.textContent ?? ''));
	const deck = await nativeDeck(page, '/timeline', chart);
	expect(deck.slides.length).toBe(deck.announced);
	expect(deck.slides.length).toBeGreaterThan(1);
	expect(deck.media).toEqual([]);
	// Each lane's label is on a slide as text, whole or cut to the slide's label column ("…").
	for (const label of laneLabels)
		expect(
			deck.allText.some((t) => t === label || (t.endsWith('…') && label.startsWith(t.slice(0, -1))))
		).toBe(true);
	// Bars and milestones are shapes: rectangles and the milestones' preset shapes.
	const xml = deck.slides.join('');
	expect(xml).toMatch(/<a:prstGeom prst="diamond">/);
	expect((xml.match(/<p:grpSp>/g) ?? []).length).toBeGreaterThanOrEqual(laneLabels.length);
	expect(deck.slides[1]).toContain('(continued)');
	const quote = her2.milestones.find((m) => m.asset === 'kn026')!.sources[0]!.quote;
	expect(deck.notes).toContain(quote);
});

test('mechanisms: a native table per slide with the attributes and asset names as text', async ({
	page
}) => {
	const ready = '[data-chart="mechanisms"][data-chart-ready]';
	const deck = await nativeDeck(page, '/mechanisms', ready);
	expect(deck.slides.length).toBe(deck.announced);
	expect(deck.media).toEqual([]);
	for (const slide of deck.slides) expect(slide).toContain('<a:tbl>');
	for (const text of ['Target and binding', 'Modality', 'KN026', 'Zanidatamab'])
		expect(deck.allText.join('\n')).toContain(text);
	expect(deck.notes).toContain('Sources:');
});

test('efficacy: each row a group of text, whisker and point; not head-to-head on the slide', async ({
	page
}) => {
	await page.goto('/efficacy');
	await expect(page.locator('[data-chart-ready]').first()).toBeAttached();
	const rows = await page.locator('[data-row-key]').count();
	const deck = await nativeDeck(page, '/efficacy', '[data-chart-ready]');
	expect(deck.slides.length).toBe(deck.announced);
	expect(deck.media).toEqual([]);
	const xml = deck.slides.join('');
	// One group per row (plus an axis and a legend group per slide).
	expect((xml.match(/<p:grpSp>/g) ?? []).length).toBe(rows + 2 * deck.slides.length);
	expect((xml.match(/<a:prstGeom prst="ellipse">/g) ?? []).length).toBeGreaterThan(0);
	expect(deck.allText.join(' ')).toContain('not head-to-head');
	expect(deck.allText.join(' ')).toContain('Data as of');
	expect(deck.notes).toContain('Sources:');
	expect(deck.notes).toMatch(/– “[^”]+” \(/);
});

test('PNG "Slides 16:9": one 1920×1080 picture per slide, in a zip', async ({ page }) => {
	await page.goto('/efficacy');
	await expect(page.locator('[data-chart-ready]').first()).toBeAttached();
	await page.getByRole('button', { name: 'Share / export' }).click();
	await page.getByRole('combobox', { name: 'PNG shape' }).selectOption('slides');
	await page.getByRole('combobox', { name: 'PNG resolution' }).selectOption('1');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download PNG', exact: true }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/\.zip$/);
	const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
	const names = Object.keys(files).sort();
	await expect(exportStatus(page)).toHaveText(`PNG slides downloaded (${names.length} in a zip)`);
	expect(names[0]).toBe('slide-01.png');
	expect(names.length).toBeGreaterThan(1);
	for (const name of names) {
		const png = Buffer.from(files[name]!);
		expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
		expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1920, 1080]);
	}
});
