#!/usr/bin/env node
// Makes sure the end-to-end tests have a Chromium to drive, so a fresh machine needs nothing
// beyond `npm install && npm test`:
//   1. CHROMIUM_PATH, if set;  2. the system Chromium (/usr/bin/chromium);
//   3. Playwright's own downloaded browser;  4. on Debian as root: apt-get install chromium.
// On Debian as root it also installs Chromium's headless shell (`chromium-headless-shell`), which
// the tests prefer (scripts/chromium-path.mjs: same engine, a lighter browser process). Without
// it the tests run in the desktop Chromium, only slower.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { hasHeadlessShell, systemChromium } from './chromium-path.mjs';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const canApt = isRoot && existsSync('/usr/bin/apt-get');

/** Installs Debian packages; false when apt fails (e.g. no package lists reachable). */
function aptInstall(packages) {
	try {
		execSync(
			`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages.join(' ')}`,
			{ stdio: 'inherit' }
		);
		return true;
	} catch {
		return false;
	}
}

if (systemChromium()) {
	if (!process.env.CHROMIUM_PATH && !hasHeadlessShell() && canApt) {
		console.log("Installing Chromium's headless shell for the tests (one time)…");
		if (!aptInstall(['chromium-headless-shell'])) {
			console.log('(not installed: the tests run in the desktop Chromium instead)');
		}
	}
	process.exit(0);
}

let bundled = '';
try {
	const { chromium } = await import('playwright-core');
	bundled = chromium.executablePath();
} catch {
	/* playwright-core not resolvable: fall through to the system package */
}
if (bundled && existsSync(bundled)) process.exit(0);

if (canApt) {
	console.log('No Chromium found: installing Debian\'s "chromium" package (one time)…');
	if (!aptInstall(['chromium', 'chromium-headless-shell'])) aptInstall(['chromium']);
	if (systemChromium()) process.exit(0);
}
console.error(
	'No Chromium for the end-to-end tests. Install one (Debian: "apt-get install chromium"; ' +
		'elsewhere: "npx playwright install chromium") or set CHROMIUM_PATH to its executable.'
);
process.exit(1);
