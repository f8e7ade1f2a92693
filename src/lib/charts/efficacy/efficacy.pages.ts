/**
 * The forest plot cut into pages no taller than a height (slides): the same panels, split.
 */
import { FAMILY_NOUNS } from './efficacy.limits';
import type { ForestInput, ForestOptions, PanelLayout } from './efficacy.marks';
import { placePanel, planForest } from './efficacy.panel';
import type { PanelEntry } from './efficacy.sort';
import { FAMILY_TITLES } from './efficacy.vocab';
import type { EndpointFamily } from '$lib/state/view-state';

const count = (n: number) => n.toLocaleString('en-US');

export interface ForestPage {
	family: EndpointFamily;
	/** 0 for the panel's first page; later pages are titled "… (continued)". */
	index: number;
	/** Of the panel's pages. */
	count: number;
	panel: PanelLayout;
	/** Position of the page's rows among the panel's shown rows (1-based, inclusive). */
	first: number;
	last: number;
}

/**
 * The chart cut into pages no taller than `maxHeight` (e.g. slides whose text must stay legible):
 * one or more pages per panel, the rows that are shown on screen (row limits apply), each page
 * repeating the title, column headers, the group and endpoint headers of its first row, the axis
 * and a legend for its own rows. A single row taller than a page still gets a page.
 */
export function layoutForestPages(
	input: ForestInput,
	options: ForestOptions,
	maxHeight: number
): ForestPage[] {
	const { plans } = planForest(input, options);
	const pages: ForestPage[] = [];
	for (const plan of plans) {
		const title = FAMILY_TITLES[plan.family];
		const chunks: PanelEntry[][] = [];
		// Greedy by height, checked by laying the page out (the legend depends on its rows). A page
		// takes at least one row: a row too tall for a page alone gets its own.
		let start = 0;
		while (start < plan.shown.length) {
			let end = start + 1;
			// Stryker disable next-line EqualityOperator: one more attempt past the last row lays out the same rows and ends the page alike
			while (end < plan.shown.length) {
				const next = placePanel(plan, plan.shown.slice(start, end + 1), title, null);
				if (next.height > maxHeight) break;
				end++;
			}
			chunks.push(plan.shown.slice(start, end));
			start = end;
		}
		let first = 1;
		chunks.forEach((chunk, index) => {
			const last = first + chunk.length - 1;
			const of =
				plan.shown.length < plan.entries.length
					? `of the ${count(plan.shown.length)} shown (${count(plan.entries.length)} ${FAMILY_NOUNS[plan.family][1]} in view)`
					: `of ${count(plan.entries.length)}`;
			const note =
				chunks.length > 1 || plan.shown.length < plan.entries.length
					? `Rows ${count(first)}–${count(last)} ${of}`
					: null;
			pages.push({
				family: plan.family,
				index,
				count: chunks.length,
				panel: placePanel(plan, chunk, index === 0 ? title : `${title} (continued)`, note),
				first,
				last
			});
			first = last + 1;
		});
	}
	return pages;
}
