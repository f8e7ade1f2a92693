/**
 * The built site served for a script (bench, screenshots, measurements): starts
 * scripts/serve-static.mjs on `port` and resolves once it answers, so no script guesses with a
 * sleep; fails when the server exits or stays silent for 15 s. `stop()` ends it.
 */
import { spawn } from 'node:child_process';

export async function startStaticServer({ port, dir } = {}) {
	const argv = ['scripts/serve-static.mjs', `--port=${port}`, ...(dir ? [`--dir=${dir}`] : [])];
	const child = spawn(process.execPath, argv, { stdio: ['ignore', 'ignore', 'inherit'] });
	let exited = null;
	child.once('exit', (code) => (exited = code ?? 'a signal'));
	const origin = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 15_000;
	for (;;) {
		if (exited !== null) throw new Error(`the static server exited (${exited}) before answering`);
		try {
			if ((await fetch(`${origin}/`)).ok) break;
		} catch {
			// not up yet
		}
		if (Date.now() > deadline) {
			child.kill();
			throw new Error(`the static server did not answer at ${origin}/`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	return { origin, stop: () => child.kill() };
}
