/**
 * Reads dropped or picked dataset files (JSON, CSV, zip) off the main thread, so importing a
 * large landscape never freezes the page. Answers with the whole ImportResult: a structured clone
 * keeps the model's lookups pointing at the same records.
 */
import { readDatasetFiles } from './read-file';
import type { BinaryFile } from './zip';

self.onmessage = async (event: MessageEvent<BinaryFile[]>) => {
	self.postMessage(await readDatasetFiles(event.data));
};
