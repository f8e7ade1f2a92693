import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadDataset, loadDatasetText, resolveDatasetLocation } from './load';
import { WORKER_THRESHOLD_BYTES } from './parse-in-worker';
// Loaded with the file, as the app has it loaded after the first check: the schema's and the
// checks' tables are then set up once, outside the tests (the case where it cannot be loaded is
// in load-offline.test.ts, which starts from fresh modules).
import './validate';

const builtIn = readFileSync('static/data/her2.json', 'utf8');
/** A small dataset, for the tests that need a file read through but not a large one. */
const small = readFileSync('tests/fixtures/state-dataset.json', 'utf8');
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
/** As the build checked the built-in file: its digest and the check results built into the app. */
const built = (text: string) => ({ sha256: sha256(text), qa: __BUILT_IN_DATASET__?.qa ?? [] });

describe('loadDatasetText', () => {
	it('the build checked the built-in dataset: its digest and check results are in the app', () => {
		expect(__BUILT_IN_DATASET__?.sha256).toBe(sha256(builtIn));
	});

	it('loads the built-in dataset alike whether or not the build checked it', async () => {
		const trusted = await loadDatasetText(builtIn, 'her2.json', built(builtIn));
		const validated = await loadDatasetText(builtIn, 'her2.json');
		expect(trusted.ok && validated.ok).toBe(true);
		if (trusted.ok && validated.ok) {
			expect(trusted.model.dataset).toEqual(validated.model.dataset);
			expect(trusted.model.qa).toEqual(validated.model.qa);
		}
	});

	it('skips the schema only for the exact bytes validated at build time', async () => {
		// Schema-invalid (an asset without a name), but still JSON the quality checks can read.
		const value = JSON.parse(builtIn);
		delete value.assets[0].name;
		const edited = JSON.stringify(value);

		const withOldDigest = await loadDatasetText(edited, 'edited.json', built(builtIn));
		expect(withOldDigest.ok).toBe(false);
		if (!withOldDigest.ok) {
			expect(withOldDigest.title).toBe('This dataset does not follow the schema');
			expect(withOldDigest.problems.map((p) => p.path)).toContain('assets[0].name');
		}

		// Proof the digest is what skips the schema: the same text with its own digest passes it.
		const withOwnDigest = await loadDatasetText(edited, 'edited.json', built(edited));
		expect(withOwnDigest.ok).toBe(true);
	});

	it('still names JSON syntax errors when a digest is given', async () => {
		const result = await loadDatasetText('{"meta": ', 'broken.json', built(builtIn));
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.title).toBe('This dataset is not valid JSON');
	});
});

describe('the steps a large dataset’s progress line names', () => {
	const stagesOf = async (text: string) => {
		const stages: string[] = [];
		const result = await loadDatasetText(text, 'x.json', null, (s) => stages.push(s));
		return { stages, ok: result.ok };
	};

	it('a good dataset goes through all three: read, schema, quality checks', async () => {
		expect(await stagesOf(builtIn)).toEqual({ stages: ['parse', 'schema', 'quality'], ok: true });
	});

	it('text that is not JSON stops at reading; data off the schema stops at the schema', async () => {
		expect(await stagesOf('{"meta": ')).toEqual({ stages: ['parse'], ok: false });
		expect(await stagesOf('{"meta": 1}')).toEqual({ stages: ['parse', 'schema'], ok: false });
	});

	it('the exact bytes validated at build time skip the steps (and the line stays hidden)', async () => {
		const stages: string[] = [];
		await loadDatasetText(builtIn, 'her2.json', built(builtIn), (s) => stages.push(s));
		expect(stages).toEqual([]);
	});
});

describe('which ?data= links the app follows', () => {
	const ORIGIN = 'https://app.example';
	const resolved = (requested: string) => resolveDatasetLocation(requested, ORIGIN)?.href ?? null;

	it('a .json file on this site', () => {
		expect(resolved('/data/her2.json')).toBe('https://app.example/data/her2.json');
		expect(resolved('/data/her2.json?v=2')).toBe('https://app.example/data/her2.json?v=2');
	});

	it('never another site, however the link is written', () => {
		expect(resolved('https://evil.example/x.json')).toBeNull();
		expect(resolved('//evil.example/x.json')).toBeNull();
		expect(resolved('//app.example/data/x.json')).toBeNull();
		expect(resolved('/\\evil.example/x.json')).toBeNull();
		expect(resolved('/\t/evil.example/x.json')).toBeNull();
		expect(resolved('data/x.json')).toBeNull();
	});

	it('never a file that is not JSON, nor anything when the origin is unusable', () => {
		expect(resolved('/data/notes.txt')).toBeNull();
		expect(resolved('/data/x.json.txt')).toBeNull();
		expect(resolveDatasetLocation('/x.json', 'not an origin')).toBeNull();
	});
});

describe('downloading a dataset', () => {
	const answer =
		(body: string, status = 200) =>
		async () =>
			new Response(body, { status });

	it('asks for the file with the site’s credentials only, then reads it', async () => {
		const calls: [string, RequestInit | undefined][] = [];
		const fetcher = (async (url: string, init?: RequestInit) => {
			calls.push([url, init]);
			return new Response(small);
		}) as typeof fetch;
		const result = await loadDataset('/data/state.json', fetcher);
		expect(calls).toEqual([['/data/state.json', { credentials: 'same-origin' }]]);
		expect(result.ok).toBe(true);
		expect(result.location).toBe('/data/state.json');
	});

	it('says the server’s answer when it is not a success', async () => {
		const result = await loadDataset('/data/gone.json', answer('not here', 404) as typeof fetch);
		expect(result).toEqual({
			ok: false,
			location: '/data/gone.json',
			title: 'The dataset could not be downloaded',
			problems: [{ path: '(file)', message: 'the server answered 404 for /data/gone.json' }]
		});
	});

	it('says why the download failed, or that the network did', async () => {
		const failing = (message: string) =>
			(async () => {
				throw new Error(message);
			}) as typeof fetch;
		expect(await loadDataset('/x.json', failing('connection reset'))).toEqual({
			ok: false,
			location: '/x.json',
			title: 'The dataset could not be downloaded',
			problems: [{ path: '(file)', message: 'connection reset' }]
		});
		const result = await loadDataset('/x.json', failing(''));
		expect(!result.ok && result.problems[0]!.message).toBe('network error');
	});

	it('hands the build’s check results on with the file', async () => {
		const stages: string[] = [];
		const result = await loadDataset(
			'/data/her2.json',
			answer(builtIn) as typeof fetch,
			built(builtIn),
			(s) => stages.push(s)
		);
		expect(stages).toEqual([]);
		expect(result.ok).toBe(true);
	});
});

describe('without Web Crypto (a plain-http page)', () => {
	afterEach(() => {
		vi.unstubAllGlobals();
	});

	const trusted = { sha256: sha256(small), qa: [] };

	it('a file the build checked is checked in full instead of trusted', async () => {
		vi.stubGlobal('crypto', {});
		const stages: string[] = [];
		const result = await loadDatasetText(small, 'state.json', trusted, (s) => stages.push(s));
		expect(result.ok).toBe(true);
		expect(stages).toEqual(['parse', 'schema', 'quality']);
	});

	it('a digest that fails is no digest: the file is checked in full', async () => {
		vi.stubGlobal('crypto', {
			subtle: { digest: () => Promise.reject(new Error('not allowed')) }
		});
		const stages: string[] = [];
		const result = await loadDatasetText(small, 'state.json', trusted, (s) => stages.push(s));
		expect(result.ok).toBe(true);
		expect(stages).toEqual(['parse', 'schema', 'quality']);
	});
});

describe('a large dataset is read in a worker', () => {
	/** What a test's answer reaches of the stand-in worker. */
	interface FakeWorker {
		onmessage: ((event: { data: unknown }) => void) | null;
		onerror: (() => void) | null;
	}

	/** A stand-in for the browser's Worker: answers each request as `answer` says, counts starts. */
	function fakeWorker(answer: (worker: FakeWorker) => void) {
		const started: string[] = [];
		class StandInWorker implements FakeWorker {
			onmessage: ((event: { data: unknown }) => void) | null = null;
			onerror: (() => void) | null = null;
			constructor(url: URL) {
				started.push(url.pathname.split('/').at(-1)!);
			}
			postMessage() {
				queueMicrotask(() => answer(this));
			}
			terminate() {}
		}
		vi.stubGlobal('Worker', StandInWorker);
		return started;
	}

	afterEach(() => {
		vi.unstubAllGlobals();
	});

	const fromWorker = {
		ok: false,
		location: 'big.json',
		title: 'This dataset does not follow the schema',
		problems: [{ path: 'meta', message: 'read in the worker' }]
	};
	/** The small dataset padded with spaces to `length` characters. */
	const padded = (length: number) => small + ' '.repeat(length - small.length);

	it('a text over 1 MB goes to the worker, whose answer is the result', async () => {
		const started = fakeWorker((w) =>
			w.onmessage?.({ data: { kind: 'result', result: fromWorker } })
		);
		const result = await loadDatasetText(padded(WORKER_THRESHOLD_BYTES + 1), 'big.json');
		expect(started).toEqual(['parse.worker.ts']);
		expect(result).toEqual(fromWorker);
	});

	it('a text of 1 MB or less is read on the page', async () => {
		const started = fakeWorker((w) =>
			w.onmessage?.({ data: { kind: 'result', result: fromWorker } })
		);
		const result = await loadDatasetText(padded(WORKER_THRESHOLD_BYTES), 'edge.json');
		expect(started).toEqual([]);
		expect(result.ok).toBe(true);
	});

	it('when the worker fails, the page reads the text itself', async () => {
		const started = fakeWorker((w) => w.onerror?.());
		const result = await loadDatasetText(padded(WORKER_THRESHOLD_BYTES + 1), 'big.json');
		expect(started).toEqual(['parse.worker.ts']);
		expect(result.ok).toBe(true);
		expect(result.location).toBe('big.json');
	});
});
