/**
 * Keeping the landscape current from ClinicalTrials.gov: import study records, review every
 * proposed change, accept, and see the result in the Data view, on the timeline and in "What
 * changed"; a later record's slip is proposed and then shown; a broken record changes nothing.
 * The records are fictional (NCT9999xxxx), built in the registry's own JSON by
 * tests/fixtures/ctgov/build.mjs.
 */
import { test, expect, fixturePath, axeViolations } from './fixtures';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

// Versions the saves make: the built-in one's, one and two patch steps up.
const builtInVersion = (
	JSON.parse(readFileSync('static/data/her2.json', 'utf8')) as { meta: { version: string } }
).meta.version;
const bump = (v: string) => v.replace(/(\d+)$/, (n) => String(Number(n) + 1));
const v1 = bump(builtInVersion);
const v2 = bump(v1);
const escaped = (v: string) => v.replace(/\./g, '\\.');

const record = (name: string) => ({
	name,
	mimeType: 'application/json',
	buffer: readFileSync(fixturePath(`ctgov/${name}`))
});

async function pickRecords(page: Page, names: string[]) {
	const manage = page.getByTestId('manage-datasets');
	if ((await manage.getAttribute('open')) === null) await manage.locator('summary').click();
	await page.getByTestId('registry-input').setInputFiles(names.map(record));
}

// Each journey imports, saves and reloads several times: on a busy machine that takes minutes.
test.describe.configure({ timeout: 180_000 });

const headerTitle = (page: Page) => page.locator('.app-header .dataset-title');
const rows = (page: Page) => page.getByTestId('proposed-change');

async function importFirstRecord(page: Page) {
	await page.goto('/data');
	await pickRecords(page, ['NCT99990001.json']);
	await expect(rows(page)).toHaveCount(1);
	const row = rows(page).first();
	await expect(row).toContainText('NCT99990001');
	await expect(row).toContainText('new trial');
	await expect(row).toContainText('EXAMPLE-01');
	// The quote is the record's own text, with the field it came from.
	await expect(row).toContainText(
		'Fictional Study of Anbenitamab Plus Chemotherapy in HER2-Positive Gastric Cancer'
	);
	await expect(row).toContainText('protocolSection.identificationModule.briefTitle');
	await expect(row.getByRole('combobox')).toHaveValue('kn026');
	await expect(row).toContainText('intervention “Anbenitamab” names kn026');
	await page.getByTestId('save-accepted').click();
	await expect(page).toHaveURL(/\/data\?dataset=her2-mine$/);
	await expect(page.getByTestId('registry-notice')).toContainText(`Saved version ${v1}`);
}

test('a record is reviewed, accepted, shown in the Data view and on the timeline, and survives a reload', async ({
	page
}) => {
	await importFirstRecord(page);
	await expect(headerTitle(page)).toHaveText(/\(my landscape\)$/);
	expect(await axeViolations(page), 'registry import and What changed panel').toEqual([]);

	const showTrial = async () => {
		await page.getByRole('tab', { name: /^Trials/ }).click();
		const row = page.getByTestId('trials-table').locator('tr[data-id="nct99990001"]');
		await expect(row).toContainText('EXAMPLE-01');
		await row.getByRole('button').click();
		await expect(page.getByTestId('panel-trials')).toContainText('RECRUITING');
	};
	await showTrial();
	await page.reload();
	await showTrial();

	await page.goto('/timeline?dataset=her2-mine&v=1&assets=kn026');
	await expect(page.locator('[data-chart-ready]')).toBeAttached({ timeout: 20_000 });
	await expect(
		page.locator('[data-testid="timeline-chart"] [aria-label*="Trial start: EXAMPLE-01"]')
	).toHaveCount(1);
	await expect(
		page.locator('[data-testid="timeline-chart"] [aria-label*="Primary completion: EXAMPLE-01"]')
	).toHaveCount(1);

	// The built-in dataset is untouched.
	await page.goto('/data?v=1');
	await expect(page.getByTestId('trials-table').locator('tr[data-id="nct99990001"]')).toHaveCount(
		0
	);
});

test('a later record proposes the slip of its primary completion, shown in What changed, on the timeline and in the CSV', async ({
	page
}) => {
	await importFirstRecord(page);
	await pickRecords(page, ['NCT99990001-update.json']);
	await expect(rows(page)).toHaveCount(3);
	const slip = rows(page).filter({ hasText: 'Primary completion' });
	await expect(slip).toContainText('Jun 2027 (expected)');
	await expect(slip).toContainText('Dec 2027 (expected)');
	await expect(slip).toContainText('slipped later');
	await expect(slip).toContainText('2027-12 (ESTIMATED)');
	// Accept only the slip.
	await page.getByRole('button', { name: 'Reject all' }).click();
	await slip.getByRole('checkbox').check();
	await expect(page.getByTestId('save-accepted')).toHaveText('Save as a new version (1 accepted)');
	await page.getByTestId('save-accepted').click();
	await expect(page.getByTestId('registry-notice')).toContainText(`Saved version ${v2}`);

	const panel = page.getByTestId('what-changed');
	await expect(panel).toHaveAttribute('open', '');
	await expect(page.getByTestId('diff-summary')).toContainText(`From version ${v1} to ${v2}`);
	const entry = panel.locator('[data-testid="diff-entry"][data-entity="milestones"]');
	await expect(entry).toContainText('slipped');
	await expect(entry).toContainText('date: Jun 2027 → Dec 2027');
	// The status change was rejected: the trial stays recruiting.
	await expect(panel.locator('[data-entity="trials"]')).toHaveCount(0);

	const download = page.waitForEvent('download');
	await panel.getByRole('button', { name: 'Download the change list (CSV)' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toBe(`her2-mine-changes-${v1}-to-${v2}.csv`);
	const csv = readFileSync((await file.path())!, 'utf8');
	expect(csv).toContain('entity,id,name,change,field,before,after,flags');
	expect(csv).toContain('milestones,nct99990001-primary-completion');
	expect(csv).toContain('Jun 2027,Dec 2027,slipped');

	await panel.getByRole('link', { name: 'Show the changes on the timeline' }).click();
	await expect(page).toHaveURL(
		new RegExp(`/timeline\\?dataset=her2-mine&v=1&since=${escaped(v1)}$`)
	);
	await expect(page.locator('[data-chart-ready]')).toBeAttached({ timeout: 20_000 });
	await expect(page.getByTestId('since-status')).toContainText(
		`1 milestone and 0 programs new or changed since version ${v1}`
	);
	await expect(page.getByTestId('since-input')).toHaveValue(v1);
	const changed = page.locator('[data-testid="timeline-chart"] [data-changed]');
	await expect(changed).toHaveCount(1);
	await expect(changed).toHaveAttribute(
		'aria-label',
		new RegExp(`Primary completion: EXAMPLE-01.*since version ${escaped(v1)}`)
	);

	// Undo the last import: back to 1.0.1, the slip gone.
	await page.goto('/data?dataset=her2-mine');
	await page.getByTestId('undo-import').click();
	await expect(page.getByTestId('registry-notice')).toContainText(`back to version ${v1}`);
	await expect(page.getByTestId('dataset-meta')).toContainText(v1);
});

test('a malformed record or a file that is not JSON gets a message naming the file and field; nothing changes', async ({
	page
}) => {
	await page.goto('/data');
	const title = (await headerTitle(page).innerText()).trim();
	const trials = (await page.getByRole('tab', { name: /^Trials/ }).innerText()).trim();
	await pickRecords(page, ['wrong-type.json', 'not-json.json']);
	const errors = page.getByTestId('registry-errors');
	await expect(errors).toContainText('No study record could be read');
	await expect(errors.locator('tr', { hasText: 'wrong-type.json' })).toContainText(
		'protocolSection.designModule.enrollmentInfo.count'
	);
	await expect(errors.locator('tr', { hasText: 'wrong-type.json' })).toContainText(
		'expected a whole number, got text'
	);
	await expect(errors.locator('tr', { hasText: 'not-json.json' })).toContainText('JSON');
	await expect(rows(page)).toHaveCount(0);
	await expect(page).toHaveURL(/\/data$/);
	await expect(headerTitle(page)).toHaveText(title);
	await expect(page.getByRole('tab', { name: /^Trials/ })).toHaveText(trials);

	// A good file beside a bad one is still reviewed; the bad one is named.
	await pickRecords(page, ['wrong-type.json', 'NCT99990002.json']);
	await expect(errors).toContainText('Some files were not read');
	await expect(rows(page)).toHaveCount(1);
	await expect(rows(page)).toContainText(
		'Not linked: listed in the Data view, not drawn on the timeline'
	);
	await expect(rows(page).getByRole('combobox')).toHaveValue('');
});

test('the built-in dataset compares with its previous release on the Overview, loaded only when opened', async ({
	page
}) => {
	const history: string[] = [];
	page.on('request', (request) => {
		if (request.url().includes('/data/history/')) history.push(request.url());
	});
	await page.goto('/');
	const panel = page.getByTestId('what-changed');
	await expect(panel).toBeVisible();
	await expect(page.getByTestId('asset-card').first()).toBeVisible();
	expect(history, 'no earlier release is downloaded on first load').toEqual([]);
	await panel.locator('summary').click();
	await expect(page.getByTestId('diff-summary')).toContainText('From version 1.0.0 to 1.1.0');
	expect(history).toHaveLength(1);
	await expect(panel.getByRole('region', { name: 'Release notes' })).toContainText('Version 1.1.0');
	await expect(panel.getByTestId('diff-entry').first()).toBeVisible();
	expect(await axeViolations(page), 'What changed panel on the Overview').toEqual([]);
	await panel.getByRole('link', { name: 'Show the changes on the timeline' }).click();
	await expect(page).toHaveURL(/\/timeline\?v=1&since=1\.0\.0$/);
	await expect(page.getByTestId('since-status')).toContainText(
		'new or changed since version 1.0.0'
	);
	await expect(page.locator('[data-testid="timeline-chart"] [data-changed]').first()).toBeVisible();
});
