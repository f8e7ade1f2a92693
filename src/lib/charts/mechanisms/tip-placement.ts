/**
 * Where a matrix cell's tooltip hangs, in pixels inside the matrix (its positioned container):
 * just under the cell, overlapping its lower edge a little so the pointer crosses no gap. The
 * shared Tooltip flips left near the right edge; where flipping would leave it less than its
 * width (a narrow screen), it hangs from the right edge instead. Pure geometry.
 */
type Box = Pick<DOMRect, 'left' | 'top' | 'bottom' | 'width'>;

/** The tooltip's widest (360 px) plus its offset from the anchor (8 px), as Tooltip.svelte draws it. */
export const TIP_ROOM = 368;
/** How far the tooltip's anchor sits above the cell's lower edge. */
export const TIP_OVERLAP = 12;

export function tipPlacement(cell: Box, frame: Box): { x: number; y: number; width: number } {
	const width = frame.width;
	let x = Math.max(0, Math.min(width, cell.left - frame.left));
	if (x + TIP_ROOM > width && x - 8 < TIP_ROOM - 8) x = width;
	return { x, y: cell.bottom - frame.top - TIP_OVERLAP, width };
}
