/**
 * The words a reader sees while a large dataset is read (in a worker): a status line outside the
 * app's root (app.html's #load-status), because the app itself renders only once its dataset is
 * there. Hidden again when the reading ends, whatever its outcome.
 */
import type { LoadStage } from './checked';

const STAGES: Record<LoadStage, string> = {
	parse: 'Reading the dataset (step 1 of 3)…',
	schema: 'Checking the dataset against its schema (step 2 of 3)…',
	quality: 'Running the quality checks (step 3 of 3)…'
};

export function showLoadStage(stage: LoadStage | null): void {
	const line = globalThis.document?.getElementById('load-status');
	if (!line) return;
	line.textContent = stage ? STAGES[stage] : '';
	line.hidden = stage === null;
}
