#!/usr/bin/env node
// The built app in WebKit, Safari's engine, by hand: Playwright's own WebKit cannot be installed
// here, so this drives Debian's WebKitGTK (MiniBrowser) through its WebDriver. Not a test and not
// in CI: a check to run when the page's head, fonts or prerendered drawings change.
//
//   sudo apt-get install webkit2gtk-driver xvfb
//   npx vite build && npm run check:webkit   (xvfb-run -a node scripts/check-webkit.mjs [--site=build] [--port=4940])
//
// For each chart view in a 1440 × 900 window it says whether the prerendered drawing is shown
// before the app (or kept hidden until the app draws, where the page's head script found that
// the browser misplaces it), then, with the app: the interface font's faces loaded, the chart's
// marks drawn, no uncaught error, a filter click narrowing the marks and taking the filter off
// bringing them all back, and a view link followed. Exits 1 on any failed check.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { cliArgs } from './cli-args.mjs';
import { startStaticServer } from './static-server.mjs';

const USAGE = 'Usage: xvfb-run -a node scripts/check-webkit.mjs [--site=build] [--port=4940]';
const args = cliArgs(process.argv.slice(2), USAGE);
const site = resolve(args.get('site') ?? 'build');
const port = Number(args.get('port') ?? 4940);
const driverPort = port + 1;
const MINI_BROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** Per view: how to find its marks (the first asset filter narrows each). */
const VIEWS = [
	{ path: '/timeline', marks: '[data-chart] [data-mark]' },
	{ path: '/mechanisms', marks: '[data-chart] [data-cell]' },
	{ path: '/efficacy', marks: '[data-chart] [data-row-key]' }
];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const failures = [];
function check(ok, what) {
	console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
	if (!ok) failures.push(what);
}

const driver = spawn('WebKitWebDriver', [`--port=${driverPort}`], { stdio: 'inherit' });
const server = await startStaticServer({ dir: site, port });
/** One WebDriver command; throws with the driver's error. */
async function command(method, path, body) {
	const response = await fetch(`http://127.0.0.1:${driverPort}${path}`, {
		method,
		headers: { 'content-type': 'application/json' },
		body: body ? JSON.stringify(body) : undefined
	});
	const { value } = await response.json();
	if (value?.error) throw new Error(`${value.error}: ${value.message}`);
	return value;
}

let session = null;
try {
	for (let i = 0; ; i++) {
		try {
			session = await command('POST', '/session', {
				capabilities: {
					alwaysMatch: {
						'webkitgtk:browserOptions': { binary: MINI_BROWSER, args: ['--automation'] }
					}
				}
			});
			break;
		} catch (error) {
			// The driver takes a moment to listen.
			if (i === 20) throw error;
			await sleep(250);
		}
	}
	const id = session.sessionId;
	console.log(`${session.capabilities.browserName} ${session.capabilities.browserVersion}`);
	await command('POST', `/session/${id}/window/rect`, { width: 1440, height: 900 });
	const run = (script, ...scriptArgs) =>
		command('POST', `/session/${id}/execute/sync`, { script, args: scriptArgs });
	const open = async (path) => {
		await command('POST', `/session/${id}/url`, { url: `${server.origin}${path}` });
		// Errors from here on; those of the first moments show as a missing app or chart.
		await run(`window.__errors = [];
			addEventListener('error', (e) => __errors.push(String(e.message)));
			addEventListener('unhandledrejection', (e) => __errors.push(String(e.reason)));`);
	};
	const appReady = async () => {
		for (let i = 0; i < 75; i++) {
			if (await run(`return 'appReady' in document.documentElement.dataset`)) return true;
			await sleep(200);
		}
		return false;
	};
	const count = (selector) =>
		run(`return document.querySelectorAll(arguments[0]).length`, selector);

	for (const view of VIEWS) {
		console.log(view.path);
		await open(view.path);
		const head = await run(`return document.documentElement.className`);
		console.log(
			`  the prerendered drawing: ${
				/no-fluid-svg/.test(head)
					? 'hidden until the app draws (this browser misplaces it)'
					: 'shown before the app'
			}`
		);
		check(await appReady(), 'the app starts');
		await sleep(500);
		const faces = await run(
			`return [...document.fonts].map((f) => f.family + ' ' + f.weight + ': ' + f.status)`
		);
		check(
			faces.length > 0 && faces.every((f) => f.endsWith('loaded')),
			`the interface font loads (${faces.join(', ')})`
		);
		const all = await count(view.marks);
		check(all > 0, `the chart draws its marks (${all})`);
		await run(
			`[...document.querySelectorAll('button')].find((b) => /^Assets/.test(b.textContent.trim())).click()`
		);
		await sleep(300);
		const toggle = `document.querySelector('#filter-assets input[type=checkbox]').click()`;
		await run(toggle);
		await sleep(800);
		const narrowed = await count(view.marks);
		check(narrowed > 0 && narrowed < all, `a filter narrows them (${all} → ${narrowed})`);
		await run(toggle);
		await sleep(800);
		check((await count(view.marks)) === all, 'taking it off brings them all back');
		const errors = await run(`return window.__errors`);
		check(errors.length === 0, `no uncaught error${errors.length ? `: ${errors.join('; ')}` : ''}`);
	}
	console.log('a view link');
	await open('/timeline');
	await appReady();
	await run(
		`[...document.querySelectorAll('nav a')].find((a) => a.textContent.trim() === 'Efficacy').click()`
	);
	await sleep(1500);
	const after = await run(
		`return { path: location.pathname, rows: document.querySelectorAll('[data-chart] [data-row-key]').length }`
	);
	check(
		after.path === '/efficacy' && after.rows > 0,
		`it opens the forest plot (${after.rows} rows)`
	);
} finally {
	if (session) await command('DELETE', `/session/${session.sessionId}`).catch(() => {});
	driver.kill();
	server.stop();
}
console.log(failures.length ? `${failures.length} failed` : 'all passed');
process.exit(failures.length ? 1 : 0);
