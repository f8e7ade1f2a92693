/**
 * Jumping to a row of the Data view: links call the page's handler through context, so a click
 * on the same link twice still scrolls back to the row (a hash that does not change would not).
 */
import { createContext } from 'svelte';
import type { EntityKey } from './entities';

export type JumpToRow = (tab: EntityKey, id: string) => void;

export const [getJumpToRow, setJumpToRow] = createContext<JumpToRow>();

/** "#milestones/ms-1" → { tab: 'milestones', id: 'ms-1' }; "#sources" → { tab, id: null }. */
export function parseDataHash<K extends string>(
	hash: string,
	tabs: readonly K[]
): { tab: K; id: string | null } | null {
	const [tabText = '', ...rest] = hash.replace(/^#/, '').split('/');
	const tab = tabs.find((t) => t === tabText);
	if (!tab) return null;
	const idText = rest.join('/');
	let id: string | null = null;
	try {
		id = idText ? decodeURIComponent(idText) : null;
	} catch {
		id = null;
	}
	return { tab, id };
}
