/**
 * The Data view as an analyst uses it: every entity listed, searched, sorted, expanded to its
 * sources; the QA report linking to rows; big datasets paginated; keyboard and axe clean.
 * Expected numbers come from the dataset JSON, never hard-coded.
 */
import { test, expect, serveFixture, axeViolations, fixturePath } from './fixtures';
import { readFileSync } from 'node:fs';
import { Dataset } from '../src/lib/data/schema';
import { runQualityChecks, summarizeIssues } from '../src/lib/data/qa';
import { comparePartialDates, formatPartialDate } from '../src/lib/data/dates';

const her2 = Dataset.parse(JSON.parse(readFileSync('static/data/her2.json', 'utf8')));
const sampleText = readFileSync(fixturePath('dataview-sample.json'), 'utf8');

const ENTITIES = [
	['assets', 'assets'],
	['programs', 'programs'],
	['milestones', 'milestones'],
	['trials', 'trials'],
	['readouts', 'readouts'],
	['deals', 'deals'],
	['conflicts', 'conflicts'],
	['sources', 'sources']
] as const;

test('every entity of the dataset is listed, with its count', async ({ page }) => {
	await page.goto('/data');
	await expect(page.getByRole('heading', { level: 1, name: 'Data' })).toBeVisible();
	await expect(page.getByTestId('dataset-meta')).toContainText(her2.meta.version);
	await expect(page.getByTestId('dataset-meta')).toContainText(formatPartialDate(her2.meta.asOf));
	for (const [key, noun] of ENTITIES) {
		const total = her2[key].length;
		await page.getByRole('tab', { name: new RegExp(`^${key}`, 'i') }).click();
		await expect(page).toHaveURL(new RegExp(`#${key}$`));
		const panel = page.getByTestId(`panel-${key}`);
		await expect(panel.getByTestId(`${key}-count`)).toHaveText(
			`${total.toLocaleString('en')} of ${total.toLocaleString('en')} ${total === 1 ? noun.slice(0, -1) : noun}`
		);
		await expect(panel.locator('tbody tr.row')).toHaveCount(Math.min(total, 100));
		await expect(page.getByTestId('entity-counts').locator(`[data-entity=${key}]`)).toContainText(
			String(total)
		);
	}
});

test('the hash opens a tab, and arrow keys move between tabs', async ({ page }) => {
	await page.goto('/data#milestones');
	const milestones = page.getByRole('tab', { name: /^Milestones/ });
	await expect(milestones).toHaveAttribute('aria-selected', 'true');
	await milestones.focus();
	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('tab', { name: /^Trials/ })).toHaveAttribute('aria-selected', 'true');
	await expect(page.getByRole('tab', { name: /^Trials/ })).toBeFocused();
	await expect(page).toHaveURL(/#trials$/);
	await expect(page.getByTestId('panel-trials')).toBeVisible();
	await expect(page.getByTestId('panel-milestones')).toBeHidden();
});

test("a readout row expands to its source's quote and link", async ({ page }) => {
	// The sample's ORR readout quotes a peer-reviewed paper that has a URL.
	const sample = Dataset.parse(JSON.parse(sampleText));
	const readout = sample.readouts.find((r) => r.id === 'alpha-orr')!;
	const ref = readout.sources[0]!;
	const source = sample.sources.find((s) => s.id === ref.id)!;
	expect(source.url, 'the fixture cites a source with a link').toBeTruthy();
	const path = await serveFixture(page, 'dataview-sample.json');
	await page.goto(`/data?data=${path}#readouts`);
	const panel = page.getByTestId('panel-readouts');
	await panel.getByRole('searchbox', { name: 'Search readouts' }).fill(readout.id);
	const row = panel.locator(`tr[data-id="${readout.id}"]`);
	const toggle = row.getByRole('button');
	await expect(toggle).toHaveAttribute('aria-expanded', 'false');
	await toggle.click();
	await expect(toggle).toHaveAttribute('aria-expanded', 'true');
	const detail = panel.locator(`#readouts-row-${readout.id}-detail`);
	await expect(detail).toContainText(ref.quote);
	await expect(detail).toContainText(source.title);
	await expect(detail.getByRole('link', { name: source.title }).first()).toHaveAttribute(
		'href',
		source.url!
	);
});

test('an asset row expands to each attribute with its value and sources', async ({ page }) => {
	// The sample's first asset has a quoted modality.
	const sample = Dataset.parse(JSON.parse(sampleText));
	const asset = sample.assets[0]!;
	const quote = asset.modality.sources[0]!.quote;
	const path = await serveFixture(page, 'dataview-sample.json');
	await page.goto(`/data?data=${path}#assets`);
	const panel = page.getByTestId('panel-assets');
	await panel.locator(`tr[data-id="${asset.id}"]`).getByRole('button').click();
	const detail = panel.locator(`#assets-row-${asset.id}-detail`);
	await expect(detail.getByRole('rowheader', { name: 'Modality' })).toBeVisible();
	await expect(detail.getByRole('rowheader', { name: 'Originator' })).toBeVisible();
	await expect(detail).toContainText(asset.modality.value!);
	await expect(detail).toContainText(quote);
});

test('search filters rows and says how many match', async ({ page }) => {
	const total = her2.milestones.length;
	const target = her2.milestones[0]!;
	await page.goto('/data#milestones');
	const panel = page.getByTestId('panel-milestones');
	const search = panel.getByRole('searchbox', { name: 'Search milestones' });
	await search.fill(target.id);
	const matching = her2.milestones.filter((m) => m.id.includes(target.id)).length;
	await expect(panel.getByTestId('milestones-count')).toHaveText(
		new RegExp(`^${matching} of ${total} milestones?$`)
	);
	await expect(panel.locator(`tr[data-id="${target.id}"]`)).toBeVisible();
	await search.fill('zzz-no-such-text-zzz');
	await expect(panel.getByTestId('milestones-count')).toHaveText(`0 of ${total} milestones`);
	await expect(panel.locator('tbody tr.row')).toHaveCount(0);
	await expect(panel).toContainText('No milestones match');
	await search.fill('');
	await expect(panel.locator('tbody tr.row')).toHaveCount(Math.min(total, 100));
});

test('clicking a column header sorts, and aria-sort says which way', async ({ page }) => {
	const byDate = her2.milestones.slice().sort((a, b) => comparePartialDates(a.date, b.date));
	await page.goto('/data#milestones');
	const panel = page.getByTestId('panel-milestones');
	const header = panel.getByRole('columnheader', { name: /^Date/ });
	await expect(header).not.toHaveAttribute('aria-sort');
	await header.getByRole('button').click();
	await expect(header).toHaveAttribute('aria-sort', 'ascending');
	// The row header is the expander button; its chevron is decorative (aria-hidden).
	const firstCell = panel.locator('tbody tr.row').first().locator('th').getByRole('button');
	await expect(firstCell).toHaveAccessibleName(formatPartialDate(byDate[0]!.date));
	await header.getByRole('button').click();
	await expect(header).toHaveAttribute('aria-sort', 'descending');
	await expect(firstCell).toHaveAccessibleName(formatPartialDate(byDate.at(-1)!.date));
	// A visit to another tab keeps the table as it was left.
	await page.getByRole('tab', { name: /^Trials/ }).click();
	await expect(page.getByTestId('panel-trials').locator('tbody tr.row').first()).toBeVisible();
	await page.getByRole('tab', { name: /^Milestones/ }).click();
	await expect(header).toHaveAttribute('aria-sort', 'descending');
	await expect(firstCell).toHaveAccessibleName(formatPartialDate(byDate.at(-1)!.date));
});

test('the QA report of the HER2 dataset matches its quality checks', async ({ page }) => {
	const summary = summarizeIssues(runQualityChecks(her2));
	await page.goto('/data#quality');
	await expect(page.getByTestId('qa-summary')).toContainText(
		`${summary.errors} ${summary.errors === 1 ? 'error' : 'errors'}, ${summary.warnings} ${summary.warnings === 1 ? 'warning' : 'warnings'}`
	);
});

test('a QA issue links to its row, which opens expanded and focused', async ({ page }) => {
	const sample = Dataset.parse(JSON.parse(sampleText));
	const issues = runQualityChecks(sample);
	const path = await serveFixture(page, 'dataview-sample.json');
	await page.goto(`/data?data=${path}#quality`);
	const warnings = page.getByTestId('qa-warnings');
	await expect(warnings.locator('tbody tr')).toHaveCount(issues.length);
	for (const issue of issues) {
		await expect(warnings).toContainText(issue.code);
		await expect(warnings).toContainText(issue.path);
	}
	await warnings.getByRole('link', { name: 'gamma-old-exp' }).click();
	await expect(page.getByRole('tab', { name: /^Milestones/ })).toHaveAttribute(
		'aria-selected',
		'true'
	);
	await expect(page).toHaveURL(/#milestones\/gamma-old-exp$/);
	const toggle = page.locator('#milestones-row-gamma-old-exp-toggle');
	await expect(toggle).toHaveAttribute('aria-expanded', 'true');
	await expect(toggle).toBeFocused();
	await expect(page.locator('#milestones-row-gamma-old-exp-detail')).toContainText(
		'Topline expected quote'
	);
	// Back in the report, a source issue jumps to the source list.
	await page.goto(`/data?data=${path}#sources/s-unused`);
	await expect(page.locator('#sources-row-s-unused-toggle')).toHaveAttribute(
		'aria-expanded',
		'true'
	);
	await expect(page.locator('#sources-row-s-unused-detail')).toContainText('Cited by 0 facts');
});

test('the sample shows unknown and approximate values as such, and conflicts with sources', async ({
	page
}) => {
	const path = await serveFixture(page, 'dataview-sample.json');
	await page.goto(`/data?data=${path}#readouts`);
	const gamma = page.locator('tr[data-id="gamma-dcr"]');
	await expect(gamma).toContainText('≈ 85%');
	await expect(gamma).toContainText('Unknown');
	await page.getByRole('tab', { name: /^Conflicts/ }).click();
	const panel = page.getByTestId('panel-conflicts');
	await panel.locator('tr[data-id="alpha-orr-conflict"]').getByRole('button').click();
	const detail = panel.locator('#conflicts-row-alpha-orr-conflict-detail');
	await expect(detail).toContainText('The peer-reviewed figure is shown.');
	await expect(detail).toContainText('ORR 75.0%');
	await detail.getByRole('link', { name: 'alpha-orr' }).click();
	await expect(page.locator('#readouts-row-alpha-orr-toggle')).toBeFocused();
});

test('a 3,000-milestone dataset is paginated at 100 rows, and search filters it', async ({
	page
}) => {
	// The sample's milestones copied until there are 3,000; copy k's ids end in "-x<k>".
	const big = JSON.parse(sampleText);
	const base = big.milestones as { id: string }[];
	const copies = Math.ceil(3000 / base.length);
	big.milestones = Array.from({ length: copies }, (_, k) =>
		base.map((m) => ({ ...m, id: k === 0 ? m.id : `${m.id}-x${k}` }))
	).flat();
	const ids = (big.milestones as { id: string }[]).map((m) => m.id);
	const total = ids.length;
	expect(total).toBeGreaterThanOrEqual(3000);
	const path = await serveFixture(page, 'dataview-big.json', JSON.stringify(big));
	await page.goto(`/data?data=${path}#milestones`);
	const panel = page.getByTestId('panel-milestones');
	await expect(panel.locator('tbody tr.row')).toHaveCount(100);
	await expect(panel.getByTestId('milestones-count')).toHaveText(
		`${total.toLocaleString('en')} of ${total.toLocaleString('en')} milestones`
	);
	await expect(panel.getByTestId('milestones-page')).toContainText(
		`Rows 1–100 of ${total.toLocaleString('en')}`
	);
	await panel.getByRole('button', { name: 'Next page' }).click();
	await expect(panel.getByTestId('milestones-page')).toContainText('Rows 101–200');
	// Copies 1, 10–19 and 100–199 match "-x1": more than a page, far fewer than all.
	const matching = ids.filter((id) => id.includes('-x1')).length;
	expect(matching).toBeGreaterThan(100);
	expect(matching).toBeLessThan(total / 2);
	await panel.getByRole('searchbox').fill('-x1');
	await expect(panel.getByTestId('milestones-count')).toHaveText(
		`${matching.toLocaleString('en')} of ${total.toLocaleString('en')} milestones`
	);
	// The search starts again at the first page, of the matches only.
	await expect(panel.getByTestId('milestones-page')).toContainText(
		`Rows 1–100 of ${matching.toLocaleString('en')}`
	);
	const shown = await panel
		.locator('tbody tr.row')
		.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id') ?? ''));
	expect(shown).toHaveLength(100);
	for (const id of shown) expect(id).toContain('-x1');
});

test('keyboard: Tab reaches a row expander; Enter and Space toggle it', async ({ page }) => {
	await page.goto('/data#readouts');
	const panel = page.getByTestId('panel-readouts');
	await panel.getByRole('searchbox').focus();
	let reached = false;
	for (let i = 0; i < 30 && !reached; i++) {
		await page.keyboard.press('Tab');
		reached = await page.evaluate(
			() => document.activeElement?.classList.contains('toggle') ?? false
		);
	}
	expect(reached, 'Tab reaches a row expander').toBe(true);
	const toggle = page.locator(':focus');
	await expect(toggle).toHaveAttribute('aria-expanded', 'false');
	await page.keyboard.press('Enter');
	await expect(toggle).toHaveAttribute('aria-expanded', 'true');
	await page.keyboard.press('Space');
	await expect(toggle).toHaveAttribute('aria-expanded', 'false');
});

// The built-in dataset's tabs, each with a row expanded, are checked by axe in a11y.spec.ts; here
// the quality report of a sample dataset, which has issues to list.
test('axe finds no WCAG 2.2 AA violations in the quality report of a sample dataset', async ({
	page
}) => {
	const url = `/data?data=${await serveFixture(page, 'dataview-sample.json')}#quality`;
	await page.goto(url);
	await expect(page.getByRole('heading', { level: 1, name: 'Data' })).toBeVisible();
	await expect(page.locator('#tab-quality')).toHaveAttribute('aria-selected', 'true');
	const toggle = page.locator('[role=tabpanel]:not([hidden]) button.toggle').first();
	if (await toggle.count()) await toggle.click();
	expect(await axeViolations(page), url).toEqual([]);
});
