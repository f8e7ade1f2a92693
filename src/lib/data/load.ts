/**
 * The boundary: fetch a dataset file once, validate it with the schema (validate.ts), run the
 * quality checks, and hand back either a typed model or every problem as `path: message`. Never
 * throws.
 *
 * The schema library and the quality checks are loaded only when a file needs them. The built-in
 * dataset is validated when the app is built, and its SHA-256 and check results are built into
 * the app: a file with exactly those bytes goes straight to the model.
 */
import type { Dataset } from './schema';
import type { QaIssue } from './qa';
import type { LoadResult, LoadStage } from './checked';
import { buildModel } from './model';
import { parseInWorker, WORKER_THRESHOLD_BYTES } from './parse-in-worker';

/** A file checked when the app was built: its bytes' SHA-256 and its quality-check results. */
export interface ValidatedDataset {
	sha256: string;
	qa: readonly QaIssue[];
}

// Shared with validate.ts, which must not import this module back (no import cycle).
export type { LoadProblem, LoadResult, LoadStage } from './checked';

/**
 * Hex SHA-256 of the text's UTF-8 bytes, or null where Web Crypto is missing (plain http: then
 * `crypto.subtle` is undefined and the digest fails) or refuses it.
 */
async function sha256(text: string): Promise<string | null> {
	// Stryker disable next-line ArrowFunction: no digest (undefined) matches the build's no more than null does
	return hexDigest(text).catch(() => null);
}

async function hexDigest(text: string): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
	return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The text's result: when it is exactly the `validated` file (checked at build time), its model
 * with the build's check results; otherwise the schema and the quality checks are loaded and run
 * — in a worker for a text over ~1 MB, so a large landscape never freezes the page. `onStage`
 * hears each step begin.
 */
export async function loadDatasetText(
	text: string,
	location: string,
	validated: ValidatedDataset | null = null,
	onStage?: (stage: LoadStage) => void
): Promise<LoadResult> {
	if (validated !== null && (await sha256(text)) === validated.sha256) {
		return { ok: true, location, model: buildModel(JSON.parse(text) as Dataset, validated.qa) };
	}
	if (text.length > WORKER_THRESHOLD_BYTES) {
		const result = await parseInWorker(text, location, onStage);
		if (result) return result;
	}
	let validate: typeof import('./validate');
	try {
		validate = await import('./validate');
	} catch (error) {
		return {
			ok: false,
			location,
			title: 'The dataset could not be checked',
			problems: [
				{
					path: '(app)',
					message: schemaLoadProblem(error)
				}
			]
		};
	}
	return validate.parseDatasetText(text, location, onStage);
}

/** Why the schema checker did not load; a browser's failed module fetch can carry no message. */
export function schemaLoadProblem(error: unknown): string {
	const cause = error instanceof Error && error.message !== '' ? error.message : 'network error';
	return `the schema checker did not load (${cause}); reload the page to try again`;
}

/**
 * Resolves a `?data=` value to a same-origin URL, or null when it points elsewhere: a link must
 * never make the app fetch from another site.
 */
export function resolveDatasetLocation(requested: string, origin: string): URL | null {
	if (!requested.startsWith('/') || requested.startsWith('//') || requested.includes('\\')) {
		return null;
	}
	try {
		const url = new URL(requested, origin);
		return url.origin === origin && url.pathname.endsWith('.json') ? url : null;
	} catch {
		return null;
	}
}

/** Fetches and loads a dataset; `validated` as for `loadDatasetText`. */
export async function loadDataset(
	url: string,
	fetcher: typeof fetch,
	validated: ValidatedDataset | null = null,
	onStage?: (stage: LoadStage) => void
): Promise<LoadResult> {
	let response: Response;
	try {
		response = await fetcher(url, { credentials: 'same-origin' });
	} catch (error) {
		return {
			ok: false,
			location: url,
			title: 'The dataset could not be downloaded',
			problems: [{ path: '(file)', message: (error as Error).message || 'network error' }]
		};
	}
	if (!response.ok) {
		return {
			ok: false,
			location: url,
			title: 'The dataset could not be downloaded',
			problems: [{ path: '(file)', message: `the server answered ${response.status} for ${url}` }]
		};
	}
	return loadDatasetText(await response.text(), url, validated, onStage);
}
