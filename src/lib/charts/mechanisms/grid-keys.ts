/**
 * Where a key moves the matrix's roving tab stop. Row 0 is the header row (the column menus),
 * column 0 the row headers; the corner (0, 0) holds no control and is never a stop. Pure: the
 * matrix's navigation model (matrix-navigation.svelte.ts) applies the result.
 */
export interface GridPosition {
	r: number;
	c: number;
}

/** Rows are moved by this many on PageUp / PageDown. */
export const PAGE_ROWS = 5;

/** The nearest stop inside a grid of `rows` × `cols` (the corner moves right, or down). */
export function clampPosition(r: number, c: number, rows: number, cols: number): GridPosition {
	r = Math.max(0, Math.min(rows - 1, r));
	c = Math.max(0, Math.min(cols - 1, c));
	if (r === 0 && c === 0) {
		if (cols > 1) c = 1;
		else r = Math.min(1, rows - 1);
	}
	return { r, c };
}

/**
 * The stop a navigation key leads to (clamped), or null for a key that does not move: arrows,
 * Home/End (the row's first header or cell; with Ctrl or Cmd the grid's corners), PageUp/Down.
 */
export function keyTarget(
	key: string,
	{ r, c }: GridPosition,
	rows: number,
	cols: number,
	corner = false
): GridPosition | null {
	const to = (nr: number, nc: number) => clampPosition(nr, nc, rows, cols);
	switch (key) {
		case 'ArrowRight':
			return to(r, c + 1);
		case 'ArrowLeft':
			return to(r, c - 1);
		case 'ArrowDown':
			return to(r + 1, c);
		case 'ArrowUp':
			return to(r - 1, c);
		case 'Home':
			// In the header row the clamp moves the empty corner on to the first column menu.
			return corner ? to(0, 1) : to(r, 0);
		case 'End':
			// Stryker disable next-line ArithmeticOperator: the clamp puts a row or column past the last on the last
			return corner ? to(rows - 1, cols - 1) : to(r, cols - 1);
		case 'PageDown':
			return to(r + PAGE_ROWS, c);
		case 'PageUp':
			return to(r - PAGE_ROWS, c);
		default:
			return null;
	}
}
