#!/usr/bin/env node
// Serves the static build the way a plain web server would: files as they are, 200.html for any
// other path (the single-page fallback), optionally under a sub-path (BASE_PATH=/landscape).
// Used by the end-to-end tests and the benchmark; `npm run preview` runs it by hand.
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import sirv from 'sirv';
import { cliArgs } from './cli-args.mjs';

const args = cliArgs();
const port = Number(args.get('port') ?? process.env.PORT ?? 4173);
const dir = resolve(args.get('dir') ?? 'build');
const base = (process.env.BASE_PATH ?? '').replace(/\/$/, '');

if (!existsSync(resolve(dir, '200.html'))) {
	console.error(`serve-static: no build in ${dir}; run "npm run build" first`);
	process.exit(1);
}

// The build holds .br and .gz beside each file (adapter-static's precompress): send them as a
// well-configured host would, to a browser that accepts them.
const files = sirv(dir, { single: '200.html', dev: false, etag: true, gzip: true, brotli: true });

createServer((req, res) => {
	const url = req.url ?? '/';
	if (base) {
		if (url !== base && !url.startsWith(base + '/') && !url.startsWith(base + '?')) {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('Not under ' + base);
			return;
		}
		req.url = url.slice(base.length) || '/';
	}
	files(req, res, () => res.writeHead(404).end('Not found'));
}).listen(port, '127.0.0.1', () => {
	console.log(`Landscape build served at http://127.0.0.1:${port}${base}/`);
});
