/**
 * Firefox (Debian's firefox-esr), headless, driven through Marionette, its own automation
 * protocol (length-prefixed JSON over TCP): neither Playwright's Firefox nor geckodriver can be
 * installed here, and Playwright's WebDriver BiDi fails on ESR 153. A fresh profile each time.
 * Resolves to { name, open(url), run(script, ...args), resize(width, height), close() }, as
 * webkit.mjs does (and takes
 * its `pageLoadStrategy`).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function openFirefox({
	port,
	width,
	height,
	binary = 'firefox-esr',
	pageLoadStrategy = 'normal'
}) {
	const profile = mkdtempSync(join(tmpdir(), 'landscape-firefox-'));
	writeFileSync(join(profile, 'user.js'), `user_pref("marionette.port", ${port});\n`);
	const browser = spawn(
		binary,
		['--headless', '--marionette', '--no-remote', '--profile', profile],
		{
			stdio: 'ignore'
		}
	);
	const stop = () => {
		browser.kill();
		rmSync(profile, { recursive: true, force: true });
	};
	let socket;
	for (let i = 0; ; i++) {
		try {
			socket = await new Promise((resolve, reject) => {
				const s = net.connect(port, '127.0.0.1', () => resolve(s));
				s.once('error', reject);
			});
			break;
		} catch (error) {
			// Firefox takes a few seconds to listen.
			if (i === 100) {
				stop();
				throw error;
			}
			await sleep(200);
		}
	}
	// Messages are `<length>:<json>`, the length in bytes; answers come in the commands' order.
	let buffer = Buffer.alloc(0);
	const waiting = [];
	socket.on('data', (data) => {
		buffer = Buffer.concat([buffer, data]);
		for (;;) {
			const colon = buffer.indexOf(':');
			if (colon < 0) return;
			const length = Number(buffer.subarray(0, colon).toString());
			if (buffer.length < colon + 1 + length) return;
			const message = JSON.parse(buffer.subarray(colon + 1, colon + 1 + length).toString());
			buffer = buffer.subarray(colon + 1 + length);
			waiting.shift()?.(message);
		}
	});
	const next = () => new Promise((resolve) => waiting.push(resolve));
	await next(); // the greeting
	let messageId = 0;
	/** One Marionette command: [0, id, name, parameters] → [1, id, error, result]. */
	async function command(name, parameters = {}) {
		const answer = next();
		const message = JSON.stringify([0, ++messageId, name, parameters]);
		socket.write(`${Buffer.byteLength(message)}:${message}`);
		const [, , error, result] = await answer;
		if (error) throw new Error(`${error.error}: ${error.message}`);
		return result;
	}
	const session = await command('WebDriver:NewSession', {
		capabilities: { alwaysMatch: { pageLoadStrategy } }
	});
	await command('WebDriver:SetWindowRect', { width, height });
	return {
		name: `${session.capabilities.browserName} ${session.capabilities.browserVersion}`,
		open: (url) => command('WebDriver:Navigate', { url }),
		resize: (w, h) => command('WebDriver:SetWindowRect', { width: w, height: h }),
		run: async (script, ...args) =>
			(await command('WebDriver:ExecuteScript', { script, args })).value,
		async close() {
			await command('WebDriver:DeleteSession').catch(() => {});
			socket.destroy();
			stop();
		}
	};
}
