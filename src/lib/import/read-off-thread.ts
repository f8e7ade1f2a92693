/**
 * The Data view's door to the import: files over ~1 MB in all are read in a worker
 * (import.worker.ts), smaller ones here (starting a worker would cost more than it saves); where
 * no worker can start, here too.
 */
import type { ImportResult } from './read-file';
import type { BinaryFile } from './zip';
import { WORKER_THRESHOLD_BYTES } from '$lib/data/parse-in-worker';
import { askWorker } from '$lib/data/ask-worker';

export async function readDatasetFilesOffThread(
	files: readonly BinaryFile[]
): Promise<ImportResult> {
	const bytes = files.reduce((n, f) => n + f.bytes.byteLength, 0);
	const result =
		bytes > WORKER_THRESHOLD_BYTES
			? await askWorker<ImportResult, ImportResult>(
					() => new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' }),
					files,
					(answer) => answer
				)
			: null;
	if (result) return result;
	const { readDatasetFiles } = await import('./read-file');
	return readDatasetFiles(files);
}
