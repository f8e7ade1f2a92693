#!/usr/bin/env node
// Export times per format, as a user gets them: click in the Share / export panel → download, for
// SVG, PNG (2×), PowerPoint as pictures and PowerPoint as an editable chart, on each chart view at
// 1× (the built-in dataset) and 50× (synthetic, scripts/synth-dataset.ts). Prints min–max of the
// runs per cell, and the slide count of each deck; writes bench-results/exports.json.
//
//   node scripts/bench-exports.mjs [--skip-build] [--scales=1,50] [--runs=3] [--port=4191]
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, systemChromium } from './chromium-path.mjs';
import { cliArgs } from './cli-args.mjs';
import { startStaticServer } from './static-server.mjs';

const args = cliArgs();
const SCALES = (args.get('scales') ?? '1,50').split(',').map(Number);
const RUNS = Number(args.get('runs') ?? 3);
const PORT = Number(args.get('port') ?? 4191);
const TIMEOUT = 180_000;
const VIEWS = [
	{ path: '/timeline', ready: '[data-testid="timeline-chart"] svg' },
	{ path: '/mechanisms', ready: '[data-chart="mechanisms"][data-chart-ready]' },
	{ path: '/efficacy', ready: '[data-chart-ready]' }
];
const FORMATS = [
	{ name: 'SVG', button: 'Download SVG' },
	{ name: 'PNG 2×', button: 'Download PNG' },
	{ name: 'PPTX pictures', button: 'Download PowerPoint', kind: 'picture' },
	{ name: 'PPTX editable', button: 'Download PowerPoint', kind: 'native' }
];

const run = (cmd, argv) => {
	const r = spawnSync(cmd, argv, { stdio: 'inherit' });
	if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed`);
};
if (args.get('skip-build') !== 'true') run('npx', ['vite', 'build']);
const datasets = {};
for (const scale of SCALES) {
	if (scale === 1) {
		datasets[scale] = null;
		continue;
	}
	const name = `synthetic-export-${scale}.json`;
	run('npx', [
		'tsx',
		'scripts/synth-dataset.ts',
		`--scale=${scale}`,
		'--seed=1',
		`--out=${resolve('build/data', name)}`
	]);
	datasets[scale] = `/data/${name}`;
}

const server = await startStaticServer({ port: PORT });
const browser = await chromium.launch({ executablePath: systemChromium(), args: CHROMIUM_ARGS });
const results = [];
try {
	for (const scale of SCALES) {
		for (const view of VIEWS) {
			const samples = Object.fromEntries(FORMATS.map((f) => [f.name, []]));
			const slides = {};
			for (let i = 0; i < RUNS; i++) {
				const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
				const page = await context.newPage();
				const data = datasets[scale] ? `?data=${datasets[scale]}` : '';
				await page.goto(`http://127.0.0.1:${PORT}${view.path}${data}`);
				await page.locator(view.ready).first().waitFor({ state: 'attached', timeout: TIMEOUT });
				await page.getByRole('button', { name: 'Share / export' }).click();
				await page.getByRole('region', { name: 'Share and export' }).waitFor();
				for (const format of FORMATS) {
					if (format.kind) await page.getByLabel('PowerPoint slides as').selectOption(format.kind);
					const t0 = Date.now();
					const [download] = await Promise.all([
						page.waitForEvent('download', { timeout: TIMEOUT }),
						page.getByRole('button', { name: format.button, exact: true }).click()
					]).catch(() => [null]);
					if (!download) {
						samples[format.name].push(Infinity);
						continue;
					}
					await download.path();
					samples[format.name].push(Date.now() - t0);
					const status =
						(await page
							.getByRole('region', { name: 'Share and export' })
							.getByRole('status')
							.textContent()) ?? '';
					const n = /\((\d+) slides?/.exec(status)?.[1];
					if (n) slides[format.name] = Number(n);
				}
				await context.close();
			}
			for (const format of FORMATS) {
				const s = samples[format.name];
				const row = {
					scale,
					view: view.path,
					format: format.name,
					minMs: Math.min(...s),
					maxMs: Math.max(...s),
					runs: s.length,
					slides: slides[format.name] ?? null
				};
				results.push(row);
				const range = Number.isFinite(row.maxMs) ? `${row.minMs}–${row.maxMs} ms` : 'timed out';
				console.log(
					`@${scale} ${view.path.padEnd(12)} ${format.name.padEnd(14)} ${range}${row.slides ? ` (${row.slides} slides)` : ''}`
				);
			}
		}
	}
} finally {
	await browser.close();
	server.stop();
}
mkdirSync('bench-results', { recursive: true });
writeFileSync(
	'bench-results/exports.json',
	JSON.stringify({ date: new Date().toISOString(), runs: RUNS, results }, null, '\t')
);
