/**
 * The matrix on the charts' shared interaction model (mark-interaction.svelte.ts): one roving tab
 * stop moved by the keys of grid-keys.ts, by focus and by clicks; the tooltip of the cell under
 * the pointer or with focus (hoverable, Escape hides it); the cell whose sources are open (the
 * pinned mark). Rows are `HEADER` (the column menus) then the attribute rows; columns are
 * `ROW_HEADER` (the row headers) then the assets; a mark's id is `markId(row, column)`. One
 * listener per event serves the whole grid: navigable elements carry data-nav-row/-col.
 */
import { tick } from 'svelte';
import { MarkInteraction } from '$lib/charts/shared/mark-interaction.svelte';
import { clampPosition, keyTarget } from './grid-keys';

export const HEADER = '#header';
export const ROW_HEADER = '#row-header';
const SEP = '\u0000';

export function markId(rowId: string, colId: string): string {
	return `${rowId}${SEP}${colId}`;
}

export function parseMarkId(id: string | null): { rowId: string; colId: string } | null {
	const at = id?.indexOf(SEP) ?? -1;
	if (id == null || at === -1) return null;
	return { rowId: id.slice(0, at), colId: id.slice(at + 1) };
}

export class MatrixNavigation {
	readonly ix = new MarkInteraction();
	readonly #rowIds: () => readonly string[];
	readonly #colIds: () => readonly string[];
	readonly #root: () => HTMLElement | undefined;

	/** The stop: the last one set when it still exists, else the first cell. */
	readonly position = $derived.by(() => {
		const rows = this.#rowIds();
		const cols = this.#colIds();
		const active = parseMarkId(this.ix.active);
		const r = active ? rows.indexOf(active.rowId) : -1;
		const c = active ? cols.indexOf(active.colId) : -1;
		return clampPosition(r === -1 ? 1 : r, c === -1 ? 1 : c, rows.length, cols.length);
	});
	/**
	 * A string, so a filter change that leaves the stop where it was re-runs no cell's effect (a
	 * derived object would be new each time and touch every cell's tabindex).
	 */
	readonly activeKey = $derived.by(() =>
		markId(this.#rowIds()[this.position.r] ?? '', this.#colIds()[this.position.c] ?? '')
	);

	constructor(
		rowIds: () => readonly string[],
		colIds: () => readonly string[],
		root: () => HTMLElement | undefined
	) {
		this.#rowIds = rowIds;
		this.#colIds = colIds;
		this.#root = root;
	}

	isActive(rowId: string, colId: string): boolean {
		return this.activeKey === markId(rowId, colId);
	}

	/** Moves the stop without focus (a click, an opened menu). */
	setActive(rowId: string, colId: string): void {
		this.ix.setActive(markId(rowId, colId));
	}

	/** The cell whose sources are open. */
	get pinned(): { rowId: string; colId: string } | null {
		return parseMarkId(this.ix.pinned);
	}

	/** Opens a cell's sources (another click or Enter keeps them open). */
	pin(rowId: string, colId: string): void {
		this.ix.setPinned(markId(rowId, colId));
	}

	/** Closes the sources and gives focus back to their cell. */
	unpin(): void {
		this.ix.unpin();
		void this.focusActive();
	}

	/** Gives DOM focus to the stop once the DOM has caught up. */
	async focusActive(): Promise<void> {
		await tick();
		this.#root()?.querySelector<HTMLElement>('[data-nav][tabindex="0"]')?.focus();
	}

	/**
	 * A key on a navigable element: a navigation key moves the stop and its focus; Enter or Space
	 * on a cell calls `open` (a column menu button clicks itself).
	 */
	keydown(event: KeyboardEvent, open: (rowId: string, colId: string) => void): void {
		const target = event.target as HTMLElement;
		if (!target.hasAttribute('data-nav')) return;
		const rows = this.#rowIds();
		const cols = this.#colIds();
		const next = keyTarget(
			event.key,
			this.position,
			rows.length,
			cols.length,
			event.ctrlKey || event.metaKey
		);
		if (next) {
			this.setActive(rows[next.r] ?? HEADER, cols[next.c] ?? ROW_HEADER);
			void this.focusActive();
		} else if (event.key === 'Enter' || event.key === ' ') {
			if (target.tagName === 'BUTTON') return;
			const { r, c } = this.position;
			if (r > 0 && c > 0) open(rows[r] ?? '', cols[c] ?? '');
		} else if (event.key === 'Escape') {
			// Hides the tooltip first, then closes the open sources; focus stays on the cell.
			if (this.ix.escape() === null) return;
		} else {
			return;
		}
		event.preventDefault();
	}

	focusin(event: FocusEvent): void {
		const id = markOf(event.target);
		if (id) this.ix.focusMark(id);
	}

	/** Focus left a stop: into the tooltip (`tip`) keeps the tooltip. */
	focusout(event: FocusEvent, tip: () => HTMLElement | undefined): void {
		if (!markOf(event.target)) return;
		const next = event.relatedTarget as Node | null;
		this.ix.blurMark(!!next && !!tip()?.contains(next));
	}

	/** The pointer moved over the grid: onto a cell shows its tooltip, elsewhere starts leaving. */
	pointerover(event: PointerEvent): void {
		const nav = navTarget(event.target);
		const id = nav?.tagName === 'TD' ? markOf(nav) : null;
		if (id === null) this.ix.pointerLeave();
		else this.ix.pointerEnter(id);
	}

	/** A click on a cell (not a header) opens it. */
	click(event: MouseEvent, open: (rowId: string, colId: string) => void): void {
		const nav = navTarget(event.target);
		if (!nav || nav.tagName !== 'TD') return;
		const row = nav.dataset.navRow;
		const col = nav.dataset.navCol;
		if (row && col) open(row, col);
	}
}

function navTarget(target: EventTarget | null): HTMLElement | null {
	return target instanceof Element ? target.closest<HTMLElement>('[data-nav]') : null;
}

function markOf(target: EventTarget | null): string | null {
	const nav = navTarget(target);
	const row = nav?.dataset.navRow;
	const col = nav?.dataset.navCol;
	return row && col ? markId(row, col) : null;
}
