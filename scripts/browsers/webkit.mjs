/**
 * WebKit, Safari's engine, driven through Debian's WebKitGTK WebDriver (MiniBrowser): Playwright's
 * own WebKit cannot be installed here. Needs `webkit2gtk-driver` and a display (`xvfb-run`).
 * Resolves to { name, open(url), run(script, ...args), resize(width, height), close() }; `run` takes a function body, as
 * WebDriver's execute does. `pageLoadStrategy: 'none'`: `open` returns without waiting for the load.
 */
import { spawn } from 'node:child_process';

const MINI_BROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function openWebKit({ port, width, height, pageLoadStrategy = 'normal' }) {
	const driver = spawn('WebKitWebDriver', [`--port=${port}`], { stdio: 'inherit' });
	/** One WebDriver command; throws with the driver's error. */
	async function command(method, path, body) {
		const response = await fetch(`http://127.0.0.1:${port}${path}`, {
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
							pageLoadStrategy,
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
	} catch (error) {
		driver.kill();
		throw error;
	}
	const id = session.sessionId;
	await command('POST', `/session/${id}/window/rect`, { width, height });
	return {
		name: `${session.capabilities.browserName} ${session.capabilities.browserVersion}`,
		open: (url) => command('POST', `/session/${id}/url`, { url }),
		run: (script, ...args) => command('POST', `/session/${id}/execute/sync`, { script, args }),
		resize: (w, h) => command('POST', `/session/${id}/window/rect`, { width: w, height: h }),
		async close() {
			await command('DELETE', `/session/${id}`).catch(() => {});
			driver.kill();
		}
	};
}
