/**
 * Share/export menu on the chart views, as a user meets it: every download happens and is a valid
 * file with the chart's marks and its footer (SVG parses, PNG has the promised pixel size, PPTX is
 * a zip with the title on the slide and the sources in the notes, CSV has the shown rows), a deck
 * collects slides across views, and a copied link reproduces the view. Runs under the strict CSP
 * (the fixtures fail on any violation), so PPTX generation is checked there too.
 */
import { test, expect, exportStatus } from './fixtures';
import type { Download, Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';

interface R {
	id: string;
	asset: string | null;
	endpoint: string;
	line: string | null;
	indicationGroup: string;
	sources: { id: string }[];
}
const her2 = JSON.parse(readFileSync('static/data/her2.json', 'utf8')) as {
	readouts: R[];
	sources: { id: string; title: string }[];
};
const kn026Orr = her2.readouts.find(
	(r) =>
		r.asset === 'kn026' && r.endpoint === 'ORR' && r.line === '1L' && r.indicationGroup === 'breast'
)!;

/** Downloads are kept here so a person can look at them. */
const OUT = 'test-results/exports';
mkdirSync(OUT, { recursive: true });

async function openMenu(page: Page, path: string, ready = '[data-chart-ready]') {
	await page.goto(path);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.locator(ready).first()).toBeAttached();
	await page.getByRole('button', { name: 'Share / export' }).click();
	await expect(page.getByRole('region', { name: 'Share and export' })).toBeVisible();
}

async function download(
	page: Page,
	button: string
): Promise<{ download: Download; bytes: Buffer }> {
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: button, exact: true }).click()
	]);
	const path = await download.path();
	const bytes = readFileSync(path!);
	writeFileSync(`${OUT}/${download.suggestedFilename()}`, bytes);
	return { download, bytes };
}

/**
 * Parses SVG text with the browser's XML parser and returns its text and mark counts. In a blank
 * page: a document parsed inside the app would inherit the app's CSP and report the file's
 * <style> (the embedded font), which is fine in a file.
 */
async function parseSvg(page: Page, text: string) {
	const blank = await page.context().newPage();
	await blank.goto('about:blank');
	const result = await blank.evaluate(async (markup) => {
		const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
		// The embedded faces, loaded as a viewer of the file would: from the file alone.
		const faceRules = (doc.querySelector('style')?.textContent ?? '').match(/@font-face\{[^}]*\}/g);
		const fontFaces = await Promise.all(
			(faceRules ?? []).map(async (rule) => {
				const family = /font-family:'([^']+)'/.exec(rule)?.[1] ?? '';
				const weight = /font-weight:(\d+)/.exec(rule)?.[1] ?? '';
				const url = /url\((data:font\/woff2;base64,[^)]+)\)/.exec(rule)?.[1];
				const loads = url
					? await new FontFace('probe', `url(${url})`).load().then(
							() => true,
							() => false
						)
					: false;
				return `${family} ${weight}${loads ? '' : ' (does not load)'}`;
			})
		);
		return {
			error: doc.querySelector('parsererror')?.textContent ?? null,
			root: doc.documentElement.nodeName,
			text: doc.documentElement.textContent ?? '',
			rows: doc.querySelectorAll('[data-row-key]').length,
			cells: doc.querySelectorAll('[data-cell]').length,
			omitted: doc.querySelectorAll('[data-export="omit"], [tabindex]').length,
			// Dashed lines (a computed interval, an unreported start) as lines any program reads.
			dashedLines: doc.querySelectorAll('line[stroke-dasharray="4 3"]').length,
			masks: doc.querySelectorAll('mask, [mask]').length,
			fontFaces
		};
	}, text);
	await blank.close();
	return result;
}

function pngSize(bytes: Buffer) {
	expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('efficacy: the SVG is self-contained, parses and carries the rows and the footer', async ({
	page
}) => {
	await openMenu(page, '/efficacy');
	const rowsOnScreen = await page.locator('[data-row-key]').count();
	const { download: file, bytes } = await download(page, 'Download SVG');
	expect(file.suggestedFilename()).toMatch(/^her2-efficacy-response-\d{4}-\d\d-\d\d\.svg$/);
	const svg = await parseSvg(page, bytes.toString('utf8'));
	expect(svg.error).toBeNull();
	expect(svg.root).toBe('svg');
	expect(svg.text).toContain('76.4% (63.0–86.8)');
	expect(svg.text).toContain('Efficacy: response rates');
	expect(svg.text).toContain('Data as of');
	expect(svg.text).toContain('Cross-trial comparison — not head-to-head');
	expect(svg.text).toContain('Sources:');
	expect(svg.rows).toBe(rowsOnScreen);
	expect(svg.omitted, 'no focus rings, hit areas or tab stops in the file').toBe(0);
	// The computed interval's whisker: drawn on screen as a masked rect, in the file a dashed line.
	expect(svg.masks).toBe(0);
	expect(svg.dashedLines).toBeGreaterThanOrEqual(1);
	expect(svg.fontFaces, 'the interface font travels with the file, as data').toEqual([
		'Source Sans 3 400',
		'Source Sans 3 600'
	]);
	await expect(exportStatus(page)).toHaveText(/SVG downloaded/);
});

test('efficacy: the edited title goes into the file', async ({ page }) => {
	await openMenu(page, '/efficacy');
	await page.getByRole('textbox', { name: 'Title' }).fill('ORR: KN026 vs standard of care');
	const { bytes } = await download(page, 'Download SVG');
	const svg = await parseSvg(page, bytes.toString('utf8'));
	expect(svg.text).toContain('ORR: KN026 vs standard of care');
});

test('efficacy: PNG at 2× in 16:9 and at 1× current size have the promised pixel sizes', async ({
	page
}) => {
	await openMenu(page, '/efficacy');
	await page.getByRole('combobox', { name: 'PNG shape' }).selectOption('16:9');
	await page.getByRole('combobox', { name: 'PNG resolution' }).selectOption('2');
	const wide = await download(page, 'Download PNG');
	expect(pngSize(wide.bytes)).toEqual({ width: 3840, height: 2160 });

	await page.getByRole('combobox', { name: 'PNG shape' }).selectOption('current');
	await page.getByRole('combobox', { name: 'PNG resolution' }).selectOption('1');
	const { bytes: svgBytes } = await download(page, 'Download SVG');
	const declared = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svgBytes.toString('utf8'))!;
	const current = await download(page, 'Download PNG');
	expect(pngSize(current.bytes)).toEqual({
		width: Number(declared[1]),
		height: Number(declared[2])
	});
});

test('efficacy: the picture PPTX is a zip with the title on the slide and the sources in the notes', async ({
	page
}) => {
	await openMenu(page, '/efficacy');
	await page.getByLabel('PowerPoint slides as').selectOption('picture');
	const { download: file, bytes } = await download(page, 'Download PowerPoint');
	expect(file.suggestedFilename()).toMatch(/\.pptx$/);
	const files = unzipSync(new Uint8Array(bytes));
	const slide = strFromU8(files['ppt/slides/slide1.xml']!);
	expect(slide).toContain('Efficacy: response rates');
	expect(slide).toContain('Data as of');
	expect(Object.keys(files).some((n) => /^ppt\/media\/.*\.png$/.test(n))).toBe(true);
	const notes = Object.entries(files).find(([n]) => /notesSlide1\.xml$/.test(n));
	expect(notes).toBeDefined();
	const notesText = strFromU8(notes![1]);
	const source = her2.sources.find((s) => s.id === kn026Orr.sources[0]!.id)!;
	const allNotes = Object.entries(files)
		.filter(([n]) => /notesSlide\d+\.xml$/.test(n))
		.map(([, v]) => strFromU8(v))
		.join('\n');
	expect(allNotes).toContain(source.title.slice(0, 40).replace(/&/g, '&amp;'));
	expect(notesText).toContain('Live view: http');
});

test('efficacy: a tall chart becomes one legible slide per part, "(continued)" after the first', async ({
	page
}) => {
	await openMenu(page, '/efficacy');
	await page.getByLabel('PowerPoint slides as').selectOption('picture');
	const rows = await page.locator('[data-row-key]').count();
	const { bytes } = await download(page, 'Download PowerPoint');
	const files = unzipSync(new Uint8Array(bytes));
	const slides = Object.keys(files)
		.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
		.sort((a, b) => Number(/(\d+)\.xml/.exec(a)![1]) - Number(/(\d+)\.xml/.exec(b)![1]));
	const status = await exportStatus(page).textContent();
	const announced = Number(/\((\d+) slides?, pictures\)/.exec(status ?? '')![1]);
	expect(slides).toHaveLength(announced);
	// At ≥ 12 pt a 16:9 slide holds at most 6 rows of 34 px (with their headers, axis, legend).
	expect(slides.length).toBeGreaterThanOrEqual(Math.ceil(rows / 6));
	expect(slides.length).toBeGreaterThan(1);
	for (const [i, name] of slides.entries()) {
		const xml = strFromU8(files[name]!);
		expect(xml).toContain('Efficacy: response rates');
		expect(xml).toContain('Data as of');
		expect(xml).toContain('Sources:');
		if (i > 0) expect(xml).toContain('(continued)');
		else expect(xml).not.toContain('(continued)');
	}
	// One picture per slide.
	expect(Object.keys(files).filter((n) => /^ppt\/media\/.*\.png$/.test(n))).toHaveLength(
		slides.length
	);
});

test('efficacy: the CSV has the rows the view shows, with values, CIs and source ids', async ({
	page
}) => {
	await openMenu(page, '/efficacy');
	const shown = await page
		.locator('[data-row-key]')
		.evaluateAll((els) => els.map((e) => e.getAttribute('data-row-key')));
	const { bytes } = await download(page, 'Download data (CSV)');
	const parsed = Papa.parse<Record<string, string>>(bytes.toString('utf8'), { header: true });
	expect(parsed.errors).toEqual([]);
	expect(parsed.data.map((r) => r.readout_id)).toEqual(shown);
	const kn = parsed.data.find((r) => r.readout_id === kn026Orr.id)!;
	expect(kn.value).toBe('76.4');
	expect(kn.ci_low).toBe('63');
	expect(kn.ci_high).toBe('86.8');
	expect(kn.shown_as).toBe('76.4% (63.0–86.8)');
	expect(kn.source_ids).toBe(kn026Orr.sources.map((s) => s.id).join(' '));
});

test('mechanisms: the SVG table has a cell for every cell on screen, states kept apart', async ({
	page
}) => {
	await openMenu(page, '/mechanisms', '[data-chart="mechanisms"][data-chart-ready]');
	const cellsOnScreen = await page.locator('td[data-cell]').count();
	const naOnScreen = await page.locator('td[data-state="na"]').count();
	const { bytes } = await download(page, 'Download SVG');
	const text = bytes.toString('utf8');
	const svg = await parseSvg(page, text);
	expect(svg.error).toBeNull();
	expect(svg.cells).toBe(cellsOnScreen);
	expect((text.match(/data-state="na"/g) ?? []).length).toBe(naOnScreen);
	expect(svg.text).toContain('Target and binding');
	expect(svg.text).toContain('Data as of');
	const csv = await download(page, 'Download data (CSV)');
	const parsed = Papa.parse<Record<string, string>>(csv.bytes.toString('utf8'), { header: true });
	expect(parsed.data).toHaveLength(cellsOnScreen);
});

test('timeline: the SVG carries the chart and the footer', async ({ page }) => {
	await openMenu(page, '/timeline', '[data-testid="timeline-chart"] svg');
	const { bytes } = await download(page, 'Download SVG');
	const svg = await parseSvg(page, bytes.toString('utf8'));
	expect(svg.error).toBeNull();
	expect(svg.text).toContain('Timeline: programs by asset');
	expect(svg.text).toContain('Data as of');
	// The lead of a bar whose start is not reported: a dashed line in the file, no mask.
	expect(svg.masks).toBe(0);
	expect(svg.dashedLines).toBeGreaterThanOrEqual(1);
	const csv = await download(page, 'Download data (CSV)');
	expect(csv.bytes.toString('utf8').split('\r\n')[0]).toContain('lane,asset,kind');
});

test('a deck collects charts from two views: title slide, their slides, sources slide', async ({
	page
}) => {
	await openMenu(page, '/efficacy');
	await page.getByRole('button', { name: 'Add to deck' }).click();
	await expect(exportStatus(page)).toHaveText(/^Added to deck \(1 chart, \d+ slides?\)$/);
	const efficacySlides = Number(
		/(\d+) slides?\)/.exec((await exportStatus(page).textContent()) ?? '')![1]
	);
	await page
		.getByRole('navigation', { name: 'Views', exact: true })
		.getByRole('link', { name: /Mechanisms/ })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Mechanisms' })).toBeVisible();
	await page.getByRole('button', { name: 'Share / export' }).click();
	await page.getByRole('button', { name: 'Add to deck' }).click();
	await expect(exportStatus(page)).toHaveText(/^Added to deck \(2 charts, \d+ slides\)$/);
	const charts = Number(/(\d+) slides\)/.exec((await exportStatus(page).textContent()) ?? '')![1]);
	expect(charts).toBeGreaterThan(efficacySlides);
	const { bytes } = await download(page, 'Download deck (2 charts)');
	const files = unzipSync(new Uint8Array(bytes));
	const slides = Object.keys(files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
	// Title slide, the charts' slides, and at least one sources slide.
	expect(slides.length).toBeGreaterThanOrEqual(charts + 2);
	const slide = (i: number) => strFromU8(files[`ppt/slides/slide${i}.xml`]!);
	expect(slide(1)).toContain('HER2');
	expect(slide(2)).toContain('Efficacy');
	expect(slide(efficacySlides + 2)).toContain('Mechanisms');
	expect(slide(slides.length)).toContain('Sources');
});

test('copy link, image and embed code go to the clipboard; the link reproduces the view', async ({
	page,
	context,
	browser
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('/efficacy?v=1&assets=kn026,zanidatamab');
	await expect(page.locator('[data-chart-ready]')).toBeAttached();
	const rows = await page.locator('[data-row-key]').count();
	await page.getByRole('button', { name: 'Share / export' }).click();
	await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue(
		/^Efficacy: response rates — KN026, Zanidatamab/i
	);

	await page.getByRole('button', { name: 'Copy link' }).click();
	await expect(exportStatus(page)).toHaveText('Link copied');
	const link = await page.evaluate(() => navigator.clipboard.readText());
	expect(link).toBe(page.url());

	await page.getByRole('button', { name: 'Copy image' }).click();
	await expect(exportStatus(page)).toHaveText(/Image copied/);
	const image = await page.evaluate(async () => {
		const items = await navigator.clipboard.read();
		const blob = await items[0]!.getType('image/png');
		return blob.size;
	});
	expect(image).toBeGreaterThan(10_000);

	await page.getByRole('button', { name: 'Copy embed code' }).click();
	await expect(exportStatus(page)).toHaveText('Embed code copied');
	const snippet = await page.evaluate(() => navigator.clipboard.readText());
	expect(snippet).toContain('/embed/efficacy?v=1&amp;assets=kn026,zanidatamab');

	const fresh = await (await browser.newContext()).newPage();
	await fresh.goto(link);
	await expect(fresh.locator('[data-chart-ready]')).toBeAttached();
	await expect(fresh.locator('[data-row-key]')).toHaveCount(rows);
	await fresh.context().close();
});

test('when the export tools cannot be loaded, the menu says so and opens once they can', async ({
	page,
	problems
}) => {
	await page.goto('/timeline');
	await expect(page.locator('[data-chart-ready]')).toBeAttached();
	// The panel is the first script fetched after the view is drawn: cut the network for scripts.
	problems.allow(/Failed to load resource|Failed to fetch dynamically imported module/);
	await page.route('**/_app/immutable/**/*.js', (route) => route.abort());
	const menu = page.getByRole('button', { name: 'Share / export' });
	await menu.click();
	await expect(page.getByRole('alert')).toHaveText(/export tools could not be loaded/);

	await page.unroute('**/_app/immutable/**/*.js');
	await menu.click();
	await menu.click();
	await expect(page.getByRole('region', { name: 'Share and export' })).toBeVisible();
	await expect(page.getByRole('alert')).toHaveCount(0);
});
