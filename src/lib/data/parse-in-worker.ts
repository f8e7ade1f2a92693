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
import { askWorker } from './ask-worker';

/** Texts above this go to a worker: below it, starting one costs more than it saves. */
export const WORKER_THRESHOLD_BYTES = 1024 * 1024;

export function parseInWorker(
	text: string,
	location: string,
	onStage?: (stage: LoadStage) => void
): Promise<LoadResult | null> {
	return askWorker<ParseMessage, LoadResult>(
		() => new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' }),
		{ text, location },
		(message) => {
			if (message.kind === 'stage') {
				onStage?.(message.stage);
				return undefined;
			}
			const r = message.result;
			return r.ok
				? {
						ok: true,
						location: r.location,
						model: buildModel(r.dataset as Dataset, r.qa as QaIssue[])
					}
				: r;
		}
	);
}
