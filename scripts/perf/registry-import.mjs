#!/usr/bin/env node
// Measures the registry import (a quick look, not a test): 100 study records (fictional NCT ids,
// the registry's JSON, zipped as the registry's download would be) picked in the Data view →
// the review list with every proposed change → "Accept all" → "Save as my landscape" → the saved
// landscape shown. Prints each run and the min–max.
//
//   npx vite build
//   node scripts/perf/registry-import.mjs --port=4612 --runs=3 [--records=100]
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { chromium } from '@playwright/test';
import { systemChromium, CHROMIUM_ARGS } from '../chromium-path.mjs';
import { cliArgs } from '../cli-args.mjs';
import { startStaticServer } from '../static-server.mjs';

const args = cliArgs();
const port = Number(args.get('port') ?? 4612);
const runs = Number(args.get('runs') ?? 3);
const count = Number(args.get('records') ?? 100);
const origin = `http://127.0.0.1:${port}`;

// One fixture record as the template; each copy gets its own NCT number and intervention, so a
// third link to a landscape asset, the rest are unlinked trials.
const template = JSON.parse(readFileSync('tests/fixtures/ctgov/NCT99990001.json', 'utf8'));
const drugs = ['Anbenitamab', 'Zanidatamab', 'JSKN003', 'Examplinib', 'Fictumab', 'Placebozumab'];
function records() {
	const files = {};
	for (let i = 0; i < count; i++) {
		const r = structuredClone(template);
		const nct = `NCT9998${String(i).padStart(4, '0')}`;
		r.protocolSection.identificationModule.nctId = nct;
		r.protocolSection.identificationModule.acronym = `PERF-${i}`;
		r.protocolSection.armsInterventionsModule.interventions = [
			{ type: 'DRUG', name: drugs[i % drugs.length] }
		];
		files[`${nct}.json`] = strToU8(JSON.stringify(r, null, 2));
	}
	return Buffer.from(zipSync(files));
}

const server = await startStaticServer({ port });
const zip = records();
// The saved landscape's version: the built-in one's, one patch step up.
const builtIn = JSON.parse(readFileSync('static/data/her2.json', 'utf8')).meta.version;
const saved = builtIn.replace(/(\d+)$/, (n) => String(Number(n) + 1));
const results = [];
try {
	const browser = await chromium.launch({ executablePath: systemChromium(), args: CHROMIUM_ARGS });
	for (let run = 1; run <= runs; run++) {
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
		const page = await context.newPage();
		await page.goto(`${origin}/data`);
		await page.getByTestId('manage-datasets').locator('summary').click();
		const t0 = Date.now();
		await page
			.getByTestId('registry-input')
			.setInputFiles({ name: 'records.zip', mimeType: 'application/zip', buffer: zip });
		await page
			.getByTestId('proposed-change')
			.nth(count - 1)
			.waitFor({ timeout: 120_000 });
		const reviewed = Date.now();
		await page.getByRole('button', { name: 'Accept all' }).click();
		await page.getByTestId('save-accepted').click();
		await page.getByTestId('registry-notice').waitFor({ timeout: 120_000 });
		await page.waitForURL(/dataset=her2-mine/);
		await page.getByTestId('dataset-meta').getByText(saved).waitFor({ timeout: 120_000 });
		const done = Date.now();
		results.push({ review: reviewed - t0, save: done - reviewed, total: done - t0 });
		console.log(
			`run ${run}: ${count} records → review list ${reviewed - t0} ms; accept all + save + shown ${done - reviewed} ms; total ${done - t0} ms`
		);
		await context.close();
	}
	await browser.close();
} finally {
	server.stop();
}
const span = (key) => {
	const xs = results.map((r) => r[key]);
	return `${Math.min(...xs)}–${Math.max(...xs)} ms`;
};
console.log(
	`${count} records, ${results.length} runs: review ${span('review')}, save ${span('save')}, total ${span('total')}`
);
