#!/usr/bin/env node
// The built app in WebKit (Safari's engine) or Firefox, by hand: Playwright's own WebKit and
// Firefox cannot be installed here, so this drives Debian's WebKitGTK (MiniBrowser) through its
// WebDriver, or Debian's Firefox ESR through Marionette (scripts/browsers/). Not a test and not in
// CI: a check to run when the page's head, fonts or prerendered drawings change.
//
//   sudo apt-get install webkit2gtk-driver xvfb firefox-esr
//   npx vite build && npm run check:webkit   (xvfb-run -a node scripts/check-browser.mjs --browser=webkit)
//                     npm run check:firefox  (node scripts/check-browser.mjs --browser=firefox)
//
// For each chart view in a 1440 × 900 window: whether the prerendered drawing is shown before the
// app, and if so that it is the app's drawing (every mark's shapes within 1 px of where the app
// puts them: the drawing is read from a copy of the site without the app's scripts); then, with
// the app: the interface font's faces loaded, the chart's marks drawn, no uncaught error, a filter
// click narrowing the marks and taking the filter off bringing them all back. Then the same
// drawing comparison in a 1920 px window and on the embeds' pages, a link with view state drawing
// that view, and a view link followed.
// Exits 1 on any failed check.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openerNamed } from './browsers/index.mjs';
import { cliArgs } from './cli-args.mjs';
import { startStaticServer } from './static-server.mjs';

const USAGE =
	'Usage: node scripts/check-browser.mjs --browser=webkit|firefox [--site=build] [--port=4940]\n' +
	'       (WebKit needs a display: xvfb-run -a node scripts/check-browser.mjs --browser=webkit)';
const args = cliArgs(process.argv.slice(2), USAGE);
const openBrowser = openerNamed(args.get('browser'));
if (!openBrowser) {
	console.error(USAGE);
	process.exit(2);
}
const site = resolve(args.get('site') ?? 'build');
const port = Number(args.get('port') ?? 4940);

/** Per view: how to find its marks (the first asset filter narrows each). */
const VIEWS = [
	{ path: '/timeline', marks: '[data-chart] [data-mark]' },
	{ path: '/mechanisms', marks: '[data-chart] [data-cell]' },
	{ path: '/efficacy', marks: '[data-chart] [data-row-key]' }
];
/** How far a shape of the prerendered drawing may be from the app's (rounding, antialiasing). */
const TOLERANCE_PX = 1;

/**
 * The chart's drawing, by mark (a bar, a glyph, a row) and by text outside the marks (ticks,
 * labels): each shape's box, relative to the chart, rounded to 0.1 px. Run in the page.
 */
const DRAWING = `
	const root = document.querySelector('[data-chart]');
	if (!root) return null;
	const o = root.getBoundingClientRect();
	const box = (el) => {
		const b = el.getBoundingClientRect();
		return [b.left - o.left, b.top - o.top, b.width, b.height].map((v) => Math.round(v * 10) / 10);
	};
	const drawn = (el) => el.getAttribute('data-export') !== 'omit' && !el.classList.contains('ring');
	// The page holds a drawing per layout width and displays the one for the column.
	const displayed = (el) => {
		const drawing = el.closest('[data-layout-width]');
		return !drawing || getComputedStyle(drawing).display !== 'none';
	};
	const shapes = 'rect, path, circle, line, text';
	const marks = '[data-mark], [data-row-key]';
	const out = {};
	for (const mark of root.querySelectorAll(marks)) {
		if (!displayed(mark)) continue;
		const key = mark.getAttribute('data-mark') ?? mark.getAttribute('data-row-key');
		out[key] = [...mark.querySelectorAll(shapes)].filter(drawn).map(box);
	}
	const seen = {};
	for (const text of root.querySelectorAll('svg text')) {
		if (text.closest(marks) || !displayed(text)) continue;
		const key = 'text: ' + text.textContent.trim();
		seen[key] = (seen[key] ?? 0) + 1;
		out[key + ' #' + seen[key]] = [box(text)];
	}
	return out;`;

/** How the app's drawing differs from the prerendered one: marks it lacks, shapes apart. */
function compareDrawings(prerendered, app) {
	let compared = 0;
	let worst = 0;
	const problems = [];
	for (const [key, shapes] of Object.entries(app)) {
		// The app draws only the timeline's lanes near the viewport; the page holds them all.
		const before = prerendered[key];
		if (!before) {
			problems.push(`${key}: not in the prerendered drawing`);
			continue;
		}
		if (before.length !== shapes.length) {
			problems.push(`${key}: ${before.length} shapes prerendered, ${shapes.length} by the app`);
			continue;
		}
		compared++;
		shapes.forEach((box, i) => {
			const apart = Math.max(...box.map((v, j) => Math.abs(v - before[i][j])));
			worst = Math.max(worst, apart);
			if (apart > TOLERANCE_PX)
				problems.push(`${key}, shape ${i + 1}: [${before[i]}] prerendered, [${box}] by the app`);
		});
	}
	return { compared, worst, problems };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** Each view's marks with the built-in dataset's default view. */
const allMarks = new Map();
const failures = [];
function check(ok, what) {
	console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
	if (!ok) failures.push(what);
}

// The same site without the app's scripts: its pages show what the HTML holds, and stay so.
const withoutApp = mkdtempSync(join(tmpdir(), 'landscape-without-app-'));
cpSync(site, withoutApp, {
	recursive: true,
	filter: (path) => !path.includes(join('_app', 'immutable', 'entry'))
});
const server = await startStaticServer({ dir: site, port });
const bare = await startStaticServer({ dir: withoutApp, port: port + 1 });
const browser = await openBrowser({ port: port + 2, width: 1440, height: 900 });
try {
	console.log(browser.name);
	const { run } = browser;
	const open = async (origin, path) => {
		await browser.open(`${origin}${path}`);
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
	/** `path` as its HTML shows it: the page's classes, and its drawing unless the page hides it. */
	const prerenderedPage = async (path) => {
		await open(bare.origin, path);
		await sleep(1000);
		const head = await run(`return document.documentElement.className`);
		return { head, drawing: /no-fluid-svg|client-render/.test(head) ? null : await run(DRAWING) };
	};
	/** With the app running: every shape of the prerendered `drawing` is where the app drew it. */
	const checkAppDrawsOn = async (drawing) => {
		const { compared, worst, problems } = compareDrawings(drawing, await run(DRAWING));
		check(
			compared > 0 && problems.length === 0,
			`the app's drawing lands on the prerendered one (${compared} marks and texts, ` +
				`largest difference ${worst.toFixed(1)} px)${problems.length ? `:\n      ${problems.slice(0, 8).join('\n      ')}` : ''}`
		);
	};

	for (const view of VIEWS) {
		console.log(`${view.path} (innerWidth ${await run('return innerWidth')})`);
		const { head, drawing } = await prerenderedPage(view.path);
		console.log(
			`  the prerendered drawing: ${drawing ? 'shown before the app' : `hidden until the app draws (${head})`}`
		);
		// The view's introduction and options fold on a phone by the stylesheet alone
		// (NarrowCollapse.svelte: ::details-content); wide, they show and their button does not.
		const fold = await run(`const d = document.querySelector('.narrow-collapse');
			return d && [d.querySelector('.body').getBoundingClientRect().height,
				d.querySelector('summary').getBoundingClientRect().height]`);
		check(
			fold !== null && fold[0] > 0 && fold[1] === 0,
			`before the app, the introduction shows, unfolded (${fold})`
		);

		await open(server.origin, view.path);
		check(await appReady(), 'the app starts');
		await sleep(500);
		// The matrix is an HTML table, laid out by the browser alike with or without the app.
		if (drawing && view.path !== '/mechanisms') await checkAppDrawsOn(drawing);
		const faces = await run(
			`return [...document.fonts].map((f) => f.family + ' ' + f.weight + ': ' + f.status)`
		);
		check(
			faces.length > 0 && faces.every((f) => f.endsWith('loaded')),
			`the interface font loads (${faces.join(', ')})`
		);
		const all = await count(view.marks);
		allMarks.set(view.path, all);
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
	// The drawing stretched further, those laid out at 936, 708 and 640 px (the timeline's also in
	// narrower windows, where it scrolls sideways), the forest plot's at 600 px and its rows
	// stacked at 480 and 360 px (a 500 px window leaves a 476 px column; the stacked drawings are
	// the same markup at any of their widths), and the embeds' own pages.
	for (const [path, width] of [
		['/timeline', 1920],
		['/efficacy', 1920],
		['/timeline', 1150],
		['/efficacy', 1150],
		['/timeline', 940],
		['/efficacy', 940],
		['/timeline', 720],
		['/efficacy', 720],
		['/efficacy', 680],
		['/efficacy', 560],
		['/efficacy', 500],
		['/timeline', 600],
		['/embed/timeline', 1440],
		['/embed/efficacy', 1440],
		['/embed/timeline', 690],
		['/embed/efficacy', 690],
		['/embed/efficacy', 660],
		['/embed/efficacy', 500],
		['/embed/timeline', 420]
	]) {
		await browser.resize(width, 900);
		const { head, drawing } = await prerenderedPage(path);
		console.log(`${path}, ${width} px window (innerWidth ${await run('return innerWidth')})`);
		check(drawing !== null, `the prerendered drawing is shown before the app (${head})`);
		await open(server.origin, path);
		await appReady();
		await sleep(500);
		if (drawing) await checkAppDrawsOn(drawing);
	}
	await browser.resize(1440, 900);
	// A shared link with view state: the page stays hidden until the app has drawn that view.
	for (const view of VIEWS.filter((v) => v.path !== '/mechanisms')) {
		console.log(`${view.path}?v=1&assets=kn026`);
		// Counted before: the app keeps the last view, so a bare visit after this shows it.
		const all = allMarks.get(view.path);
		await open(server.origin, `${view.path}?v=1&assets=kn026`);
		check(await appReady(), 'the app starts');
		await sleep(500);
		const linked = await count(view.marks);
		const shown = await run(
			`return getComputedStyle(document.getElementById('svelte')).visibility === 'visible'`
		);
		check(
			shown && linked > 0 && linked < all,
			`the linked view is drawn and shown (${linked} of ${all} marks)`
		);
	}
	console.log('a view link');
	await open(server.origin, '/timeline');
	await appReady();
	await run(
		`[...document.querySelectorAll('nav a')].find((a) => a.textContent.trim() === 'Efficacy').click()`
	);
	// Until the forest plot has rows, up to 15 s, not a fixed 1.5 s: a slow engine is not a failure.
	const followed = () =>
		run(
			`return { path: location.pathname, rows: document.querySelectorAll('[data-chart] [data-row-key]').length }`
		);
	let after = await followed();
	for (let i = 0; i < 75 && !(after.path === '/efficacy' && after.rows > 0); i++) {
		await sleep(200);
		after = await followed();
	}
	check(
		after.path === '/efficacy' && after.rows > 0,
		`it opens the forest plot (${after.rows} rows)`
	);
} finally {
	await browser.close();
	server.stop();
	bare.stop();
	rmSync(withoutApp, { recursive: true, force: true });
}
console.log(failures.length ? `${failures.length} failed` : 'all passed');
process.exit(failures.length ? 1 : 0);
