/**
 * The Data view's door to the import: files over ~1 MB in all are read in a worker
 * (import.worker.ts), smaller ones here (starting a worker would cost more than it saves); where
 * no worker can start, here too.
 */
import type { ImportResult } from './read-file';
import type { BinaryFile } from './zip';
import { WORKER_THRESHOLD_BYTES } from '$lib/data/parse-in-worker';

function inWorker(files: readonly BinaryFile[]): Promise<ImportResult | null> {
	if (typeof Worker !== 'function') return Promise.resolve(null);
	return new Promise((resolve) => {
		let worker: Worker;
		try {
			worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
		} catch {
			resolve(null);
			return;
		}
		worker.onmessage = (event: MessageEvent<ImportResult>) => {
			worker.terminate();
			resolve(event.data);
		};
		worker.onerror = () => {
			worker.terminate();
			resolve(null);
		};
		worker.postMessage(files);
	});
}

export async function readDatasetFilesOffThread(
	files: readonly BinaryFile[]
): Promise<ImportResult> {
	const bytes = files.reduce((n, f) => n + f.bytes.byteLength, 0);
	const result = bytes > WORKER_THRESHOLD_BYTES ? await inWorker(files) : null;
	if (result) return result;
	const { readDatasetFiles } = await import('./read-file');
	return readDatasetFiles(files);
}
