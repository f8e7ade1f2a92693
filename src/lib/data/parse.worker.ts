/**
 * Reads a large dataset off the main thread: JSON, schema, quality checks. The page stays
 * responsive (and says which step it is on) while a 20 MB landscape is checked. Answers with the
 * dataset and its checks, not the model: the model's lookups are rebuilt where they are used.
 */
import { parseDatasetText } from './validate';
import type { LoadStage } from './checked';

export interface ParseRequest {
	text: string;
	location: string;
}

export type ParseMessage =
	| { kind: 'stage'; stage: LoadStage }
	| {
			kind: 'done';
			result:
				| { ok: true; location: string; dataset: unknown; qa: unknown }
				| {
						ok: false;
						location: string;
						title: string;
						problems: { path: string; message: string }[];
				  };
	  };

const post = (message: ParseMessage) => self.postMessage(message);

self.onmessage = (event: MessageEvent<ParseRequest>) => {
	const { text, location } = event.data;
	const result = parseDatasetText(text, location, (stage) => post({ kind: 'stage', stage }));
	post({
		kind: 'done',
		result: result.ok
			? { ok: true, location, dataset: result.model.dataset, qa: result.model.qa }
			: result
	});
};
