// Where a system Chromium is, if any: CHROMIUM_PATH, then the usual Debian/Ubuntu locations.
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * Chromium's headless shell (Debian's `chromium-headless-shell`, the same Blink as `chromium`
 * without the desktop browser around it): what Playwright itself runs headless tests in.
 */
const HEADLESS_SHELL_CANDIDATES = ['/usr/bin/chromium-headless-shell'];

/**
 * The browser the benchmarks and the picture scripts drive: the desktop Chromium, as a user
 * meets the app. @returns {string | undefined}
 */
export function systemChromium() {
	return namedByEnv() ?? CANDIDATES.find((path) => existsSync(path));
}

/**
 * The browser the end-to-end tests drive: CHROMIUM_PATH if set, else the headless shell where it
 * is installed, else the desktop Chromium. Same page engine, same version on Debian; the desktop
 * browser's own process (tabs, profile, UI services) cost a fifth of the suite's CPU here, and the
 * whole end-to-end run took 355 s in the shell against 420 s in the desktop browser.
 * @returns {string | undefined}
 */
export function testChromium() {
	return namedByEnv() ?? headlessShell() ?? systemChromium();
}

/** Whether the headless shell the tests prefer is installed (ensure-chromium.mjs). */
export function hasHeadlessShell() {
	return headlessShell() !== undefined;
}

/** CHROMIUM_PATH, when it names a file. @returns {string | undefined} */
function namedByEnv() {
	const fromEnv = process.env.CHROMIUM_PATH;
	return fromEnv && existsSync(fromEnv) ? fromEnv : undefined;
}

/** @returns {string | undefined} */
function headlessShell() {
	return HEADLESS_SHELL_CANDIDATES.find((path) => existsSync(path));
}

/** Flags for a headless Chromium on a machine with no outside network and no GPU. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];
