/**
 * Row limits per panel and the sentence that says how many rows a panel leaves out.
 */
import { ROW_STEP, type EndpointFamily } from '$lib/state/view-state';

/** Rows a panel shows at first, and how many more each "Show more" adds. */
export const DEFAULT_ROW_LIMIT = ROW_STEP;
export const ROW_LIMIT_STEP = ROW_STEP;
/** "Show all" is offered up to this many rows; beyond, only steps (the page stays responsive). */
export const SHOW_ALL_MAX = 200;

/** "response-rate readouts": what a panel's rows are, in a sentence. */
export const FAMILY_NOUNS: Record<EndpointFamily, [string, string]> = {
	response: ['response-rate readout', 'response-rate readouts'],
	median: ['median readout', 'median readouts'],
	hazard: ['hazard-ratio readout', 'hazard-ratio readouts'],
	landmark: ['landmark-rate readout', 'landmark-rate readouts']
};

const count = (n: number) => n.toLocaleString('en-US');

/** "Showing 50 of 2,100 response-rate readouts" — or null when the panel shows every row. */
export function shownPhrase(family: EndpointFamily, shown: number, total: number): string | null {
	if (shown >= total) return null;
	return `Showing ${count(shown)} of ${count(total)} ${FAMILY_NOUNS[family][total === 1 ? 0 : 1]}`;
}
