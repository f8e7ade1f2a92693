#!/usr/bin/env node
// Makes sure the end-to-end tests have a Chromium to drive, so a fresh machine needs nothing
// beyond `npm install && npm test`:
//   1. CHROMIUM_PATH, if set;  2. the system Chromium (/usr/bin/chromium);
//   3. Playwright's own downloaded browser;  4. on Debian as root: apt-get install chromium.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { systemChromium } from './chromium-path.mjs';

if (systemChromium()) process.exit(0);

let bundled = '';
try {
	const { chromium } = await import('playwright-core');
	bundled = chromium.executablePath();
} catch {
	/* playwright-core not resolvable: fall through to the system package */
}
if (bundled && existsSync(bundled)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && existsSync('/usr/bin/apt-get')) {
	console.log('No Chromium found: installing Debian\'s "chromium" package (one time)…');
	execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
		stdio: 'inherit'
	});
	if (systemChromium()) process.exit(0);
}
console.error(
	'No Chromium for the end-to-end tests. Install one (Debian: "apt-get install chromium"; ' +
		'elsewhere: "npx playwright install chromium") or set CHROMIUM_PATH to its executable.'
);
process.exit(1);
