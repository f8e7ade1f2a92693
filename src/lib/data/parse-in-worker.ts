/**
 * The main thread's side of parse.worker.ts: hands a dataset's text to a worker and rebuilds the
 * model from its answer. Null when no worker can run here (tests, an old browser, a worker that
 * failed to load): the caller then reads the text itself.
 */
import type { Dataset } from './schema';
import type { QaIssue } from './qa';
import type { LoadResult, LoadStage } from './checked';
import { buildModel } from './model';
import type { ParseMessage } from './parse.worker';
import { measureSince } from '$lib/state/perf';

/** Texts above this go to a worker: below it, starting one costs more than it saves. */
export const WORKER_THRESHOLD_BYTES = 1024 * 1024;

export function parseInWorker(
	text: string,
	location: string,
	onStage?: (stage: LoadStage) => void
): Promise<LoadResult | null> {
	if (typeof Worker !== 'function') return Promise.resolve(null);
	return new Promise((resolve) => {
		let worker: Worker;
		try {
			worker = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
		} catch {
			resolve(null);
			return;
		}
		worker.onmessage = (event: MessageEvent<ParseMessage>) => {
			const received = performance.now();
			const message = event.data; // the structured clone is read here, on this thread
			if (message.kind === 'stage') {
				onStage?.(message.stage);
				return;
			}
			worker.terminate();
			const r = message.result;
			resolve(
				r.ok
					? {
							ok: true,
							location: r.location,
							model: buildModel(r.dataset as Dataset, r.qa as QaIssue[])
						}
					: r
			);
			// What the main thread still pays for a worker's answer (the bench reads it).
			measureSince('landscape:worker-receive', received);
		};
		worker.onerror = () => {
			worker.terminate();
			resolve(null);
		};
		worker.postMessage({ text, location });
	});
}
