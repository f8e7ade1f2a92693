/**
 * Link fuzz: 520 seeded random or malformed query strings over every route. Whatever a link
 * says, the app renders (an h1, or the embed's main), shows no error panel unless `data=` names a
 * dataset it refuses to load, and logs no console error or CSP violation.
 *
 * One page per shard. A shard's first case and every case naming a dataset (`data=`) is opened
 * as a fresh page load, as a pasted link is; the others are followed as in-app links (the
 * router's navigation, as from a link in the page), which decode the same query through the same
 * URL → state path without booting the app and parsing the dataset again each time: one boot
 * costs as much as ten of them.
 */
import { test, expect, nextFrame } from './fixtures';
import type { Page } from '@playwright/test';
import { PARAMS } from '../src/lib/state/url-codec';

const ROUTES = [
	'/',
	'/timeline',
	'/mechanisms',
	'/efficacy',
	'/data',
	'/embed/timeline',
	'/embed/mechanisms',
	'/embed/efficacy'
];
/** Every key the codec reads, and the Data view's tab (its own key). */
const KEYS = [...PARAMS, 'tab'];
const GOOD_VALUES = [
	'enhertu',
	'trastuzumab',
	'adc',
	'bispecific',
	'breast',
	'gastric',
	'1L',
	'2L+',
	'approved',
	'phase 3',
	'US',
	'FDA',
	'approval',
	'2024',
	'2025-Q3',
	'2023-H2',
	'2024-02-30',
	'1',
	'hide',
	'ORR,mPFS',
	'asset',
	'name'
];
/** `data=` values the app must refuse (other origins, schemes, non-JSON). */
const REFUSED_DATA = [
	'https://evil.example/her2.json',
	'http://127.0.0.1:1/x.json',
	'//evil.example/her2.json',
	'/\\evil.example/her2.json',
	'javascript:alert(1)',
	'data:application/json,{}',
	'/data/her2.txt',
	'her2.json',
	'%2F%2Fevil.example%2Fx.json',
	'\\\\evil\\x.json',
	' https://evil.example/x.json'
];

/** mulberry32: a small seeded PRNG, so a failing case can be replayed from its index. */
function prng(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

interface Case {
	route: string;
	query: string;
	/** The link names a dataset the app must refuse: the error panel is the right answer. */
	refused: boolean;
}

function makeCases(count: number, seed: number): Case[] {
	const random = prng(seed);
	const int = (n: number) => Math.floor(random() * n);
	const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
	const enc = (s: string) => encodeURIComponent(s);
	const garbage = () =>
		pick([
			() => '%',
			() => '%zz',
			() => '%E0%A4%A',
			() => '%ED%A0%80', // a lone surrogate, UTF-8 encoded
			() => '%00',
			() => '%C0%AF',
			() => '%%%25%2',
			() => enc('\u202Ealpha\u200B'),
			() => enc('🧬💊,⚕️'),
			() => enc('<script>alert(1)</script>'),
			() => enc('"><img src=x onerror=alert(1)>'),
			() => enc('__proto__'),
			() => enc('constructor'),
			() => enc('\\,\\\\,,'),
			() => enc(' '.repeat(50)),
			() => enc('x'.repeat(2_000 + int(4_000))),
			() => Array.from({ length: 300 }, (_, i) => `a${i}`).join(','),
			() => enc(String(-1e308)),
			() => 'NaN',
			() => enc('2025-13'),
			() => enc('9999-Q9'),
			() => '+',
			() => ''
		])();
	const cases: Case[] = [];
	for (let i = 0; i < count; i++) {
		const parts: string[] = [];
		let refused = false;
		const n = 1 + int(5);
		for (let j = 0; j < n; j++) {
			const kind = int(10);
			if (kind <= 2) parts.push(`${pick(KEYS)}=${enc(pick(GOOD_VALUES))}`);
			else if (kind <= 5) parts.push(`${pick(KEYS)}=${garbage()}`);
			else if (kind === 6)
				parts.push(`${garbage() || 'zz'}=${garbage()}`); // unknown / odd keys
			else if (kind === 7) {
				const key = pick(KEYS); // duplicate keys
				parts.push(`${key}=${enc(pick(GOOD_VALUES))}`, `${key}=${garbage()}`);
			} else if (kind === 8) parts.push(pick(['&', '=', '==', '&&=&', `${pick(KEYS)}`, '?']));
			else if (i % 7 === 0 && !parts.some((p) => p.startsWith('data='))) {
				parts.push(`data=${enc(pick(REFUSED_DATA))}`);
				refused = true;
			} else if (i % 11 === 0)
				parts.push('data=%2Fdata%2Fher2.json'); // the built-in one: fine
			else parts.push(`${pick(KEYS)}=${garbage()}`);
		}
		cases.push({ route: ROUTES[i % ROUTES.length]!, query: parts.join('&'), refused });
	}
	return cases;
}

const TOTAL = 520;
const SHARDS = 8;
const CASES = makeCases(TOTAL, 20_250_101);

test.describe.configure({ mode: 'parallel' });

/** What a reader sees once a case has rendered: the view's heading, or the dataset error panel. */
interface Rendered {
	/** The router pushed the link's entry (within the wait). */
	navigated: boolean;
	/** An h1 (or the embed's main) is on screen. */
	view: boolean;
	/** The error panel (an alert with a heading) is in the page. */
	errorPanel: boolean;
}

/**
 * Follows `url` as a link inside the app (an anchor clicked in the app's root, which the router
 * handles as a client-side navigation) and reports what is on screen once the router has pushed
 * the new entry, the view or the error panel has appeared and late effects have run (URL → state,
 * link warnings). All in the page, in one round trip: 470 cases, each a handful of Playwright
 * calls, spent more time messaging than rendering.
 */
async function followInApp(page: Page, url: string): Promise<Rendered> {
	return page.evaluate(async (href) => {
		const frame = () => new Promise((r) => requestAnimationFrame(r));
		const shown = (element: Element) => {
			const box = element.getBoundingClientRect();
			return (
				box.width > 0 && box.height > 0 && element.checkVisibility({ visibilityProperty: true })
			);
		};
		const entry = () => (history.state?.['sveltekit:history'] as number | undefined) ?? -1;
		const before = entry();
		const onScreen = () => ({
			navigated: entry() > before,
			view: [...document.querySelectorAll('h1, main.embed')].some(shown),
			errorPanel: [...document.querySelectorAll('[role=alert]')].some((a) => a.querySelector('h2'))
		});
		const link = document.createElement('a');
		link.href = href;
		link.textContent = 'next case';
		document.getElementById('svelte')!.append(link);
		link.click();
		link.remove();
		// As long as Playwright's own wait for a visible element would take (its expect timeout).
		const deadline = performance.now() + 7_000;
		while (entry() <= before && performance.now() < deadline) await frame();
		const appeared = () => {
			const now = onScreen();
			return now.view || now.errorPanel;
		};
		while (!appeared() && performance.now() < deadline) await frame();
		await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
		return onScreen();
	}, url);
}

for (let shard = 0; shard < SHARDS; shard++) {
	test(`${TOTAL / SHARDS} fuzzed links render (shard ${shard + 1}/${SHARDS})`, async ({
		page,
		problems
	}) => {
		test.setTimeout(240_000);
		const mine = CASES.filter((_, i) => i % SHARDS === shard);
		for (const [k, c] of mine.entries()) {
			const url = `${c.route}?${c.query}`;
			const label = `case ${k * SHARDS + shard}: ${url.slice(0, 300)}`;
			const before = problems.errors.length;
			const fresh =
				k === 0 || /(^|&)data(set)?=/.test(c.query) || new URL(url, page.url()).href === page.url();
			if (!fresh) {
				// In-app links never name a dataset, so the view is the right answer.
				expect(await followInApp(page, url), label).toEqual({
					navigated: true,
					view: true,
					errorPanel: false
				});
				expect(problems.errors.slice(before), label).toEqual([]);
				continue;
			}
			await page.goto(url);
			const alert = page.getByRole('alert').filter({ has: page.locator('h2') });
			const rendered = page.locator('h1, main.embed').first();
			await expect(rendered.or(alert).first(), label).toBeVisible();
			if (c.refused) {
				await expect(alert, label).toContainText('will not load');
			} else {
				await expect(rendered, label).toBeVisible();
				await expect(alert, label).toHaveCount(0);
			}
			// Let late effects (URL → state, link warnings) run before judging the console.
			await nextFrame(page);
			expect(problems.errors.slice(before), label).toEqual([]);
		}
	});
}
