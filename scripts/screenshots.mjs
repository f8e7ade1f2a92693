#!/usr/bin/env node
// `npm run screenshots`: builds the app, serves the build, and captures each view with Chromium
// (Playwright) into docs/screenshots/ for the README: the overview, the timeline, the mechanism
// matrix, the efficacy forest plot, the Data view, and the Share / export panel. When LibreOffice
// is there (npm run deck:render installs it), a slide of the editable timeline deck, rendered as
// PowerPoint users would open it, is added too. PNGs are 1200 px wide, at 1×, and reduced to 256
// colours with pngquant when it is installed.
//
// Flags: --skip-build (use the existing build/)  --port=4190
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, systemChromium } from './chromium-path.mjs';
import { cliArgs } from './cli-args.mjs';
import { startStaticServer } from './static-server.mjs';

const args = cliArgs();
const port = Number(args.get('port') ?? 4190);
const out = 'docs/screenshots';
const origin = `http://127.0.0.1:${port}`;

const shots = [
	{ name: 'overview', path: '/', ready: 'main h1', height: 760 },
	{ name: 'timeline', path: '/timeline', ready: '[data-testid="timeline-chart"] svg', height: 900 },
	{
		name: 'mechanisms',
		path: '/mechanisms',
		ready: '[data-chart="mechanisms"][data-chart-ready]',
		height: 900
	},
	{
		name: 'efficacy',
		path: '/efficacy?families=response,median',
		ready: '[data-chart="efficacy"] [data-chart-ready], [data-chart-ready]',
		height: 900
	},
	{ name: 'data', path: '/data', ready: 'main h1', height: 760 },
	{
		name: 'share-panel',
		path: '/efficacy',
		ready: '[data-chart-ready]',
		height: 760,
		open: 'Share / export'
	}
];

if (args.get('skip-build') !== 'true') {
	const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
	if (build.status !== 0) process.exit(build.status ?? 1);
}
mkdirSync(out, { recursive: true });
const server = await startStaticServer({ port });

const browser = await chromium.launch({ executablePath: systemChromium(), args: CHROMIUM_ARGS });
try {
	const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
	for (const shot of shots) {
		await page.setViewportSize({ width: 1200, height: shot.height });
		await page.goto(origin + shot.path);
		await page.locator(shot.ready).first().waitFor({ state: 'attached', timeout: 60_000 });
		await page.evaluate(() => document.fonts.ready);
		if (shot.open) {
			await page.getByRole('button', { name: shot.open }).click();
			await page.getByRole('region', { name: 'Share and export' }).waitFor();
		}
		const file = `${out}/${shot.name}.png`;
		await page.screenshot({ path: file, animations: 'disabled' });
		console.log(`${file} (${Math.round(statSync(file).size / 1024)} KB)`);
	}
} finally {
	await browser.close();
	server.stop();
}

// A slide as an office suite shows it, when LibreOffice is available.
const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice']).status === 0;
if (hasSoffice) {
	const render = spawnSync(
		'npx',
		['tsx', 'scripts/render-deck.ts', '--out=deck-render', '--dpi=90', '--views=timeline'],
		{ stdio: 'inherit' }
	);
	const slide = ['deck-render/timeline-1.png', 'deck-render/timeline-01.png'].find(existsSync);
	if (render.status === 0 && slide) {
		copyFileSync(slide, `${out}/slide-timeline.png`);
		console.log(`${out}/slide-timeline.png`);
	}
} else console.log('No LibreOffice: run npm run deck:render once to add the slide picture.');

// Smaller files for the repository: 256-colour PNGs when pngquant is there (Debian: pngquant).
if (spawnSync('sh', ['-c', 'command -v pngquant']).status === 0) {
	for (const file of readdirSync(out).filter((f) => f.endsWith('.png'))) {
		spawnSync('pngquant', [
			'--force',
			'--skip-if-larger',
			'--ext',
			'.png',
			'--quality=70-95',
			`${out}/${file}`
		]);
		console.log(`${out}/${file} → ${Math.round(statSync(`${out}/${file}`).size / 1024)} KB`);
	}
}
