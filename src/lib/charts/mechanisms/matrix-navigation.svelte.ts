/**
 * The matrix's roving tab stop: one stop in the grid, moved by the keys of grid-keys.ts, by focus
 * and by clicks. Rows are `HEADER` (the column menus) then the attribute rows; columns are
 * `ROW_HEADER` (the row headers) then the assets. One keydown, focusin and click listener serve
 * the whole grid: every navigable element names its row and column in data-nav-row/-col.
 */
import { tick } from 'svelte';
import { clampPosition, keyTarget } from './grid-keys';

export const HEADER = '#header';
export const ROW_HEADER = '#row-header';

export class MatrixNavigation {
	#activeRow: string | null = $state(null);
	#activeCol: string | null = $state(null);
	readonly #rowIds: () => readonly string[];
	readonly #colIds: () => readonly string[];
	readonly #root: () => HTMLElement | undefined;

	/** The stop: the last one set when it still exists, else the first cell. */
	readonly position = $derived.by(() => {
		const rows = this.#rowIds();
		const cols = this.#colIds();
		const r = this.#activeRow === null ? -1 : rows.indexOf(this.#activeRow);
		const c = this.#activeCol === null ? -1 : cols.indexOf(this.#activeCol);
		return clampPosition(r === -1 ? 1 : r, c === -1 ? 1 : c, rows.length, cols.length);
	});
	/**
	 * A string, so a filter change that leaves the stop where it was re-runs no cell's effect (a
	 * derived object would be new each time and touch every cell's tabindex).
	 */
	readonly activeKey = $derived.by(
		() => `${this.#rowIds()[this.position.r]}\u0000${this.#colIds()[this.position.c]}`
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
		return this.activeKey === `${rowId}\u0000${colId}`;
	}

	/** Moves the stop without focus (a click, an opened menu). */
	setActive(rowId: string, colId: string): void {
		this.#activeRow = rowId;
		this.#activeCol = colId;
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
		} else {
			return;
		}
		event.preventDefault();
	}

	focusin(event: FocusEvent): void {
		const nav = navTarget(event.target);
		const row = nav?.dataset.navRow;
		const col = nav?.dataset.navCol;
		if (row && col) this.setActive(row, col);
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
