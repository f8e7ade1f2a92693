/**
 * Popovers (filter menus, saved views, share panel, column menus) that stay inside the viewport
 * from 320 to 2560 px: below SHEET_BELOW px wide a popover becomes a sheet along the bottom of
 * the screen; wider, it keeps its place next to its button and slides sideways just enough to
 * stay on screen. Used as an attachment: `<div {@attach fitInViewport}>`.
 */

/** Narrower than this (a phone, or a laptop at 400 % zoom) a popover is a bottom sheet. */
export const SHEET_BELOW = 560;
/** Space kept between a popover and the viewport's edges. */
export const EDGE = 8;

/**
 * How far (px, + = right) to move a box that spans [left, left + width] so it sits inside
 * [EDGE, viewportWidth − EDGE]; a box wider than that space is aligned to its left edge. Pure.
 */
export function shiftIntoView(left: number, width: number, viewportWidth: number): number {
	const right = left + width;
	if (width > viewportWidth - 2 * EDGE || left < EDGE) return EDGE - left;
	if (right > viewportWidth - EDGE) return viewportWidth - EDGE - right;
	return 0;
}

/** True when a popover should be a bottom sheet at this viewport width. */
export const useSheet = (viewportWidth: number): boolean => viewportWidth < SHEET_BELOW;

/** Attachment: places the popover now, and again when the window or the popover resizes. */
export function fitInViewport(node: HTMLElement): () => void {
	let frame = 0;
	// Writes a style only when it changes: an open filter menu is re-placed whenever its counts
	// change its size, and a write of the same value would still change the page a frame after
	// the filter click was drawn.
	const setStyle = (name: 'translate' | 'maxWidth', value: string) => {
		if (node.style[name] !== value) node.style[name] = value;
	};
	const place = () => {
		frame = 0;
		const viewportWidth = document.documentElement.clientWidth;
		const sheet = useSheet(viewportWidth);
		node.classList.toggle('popover-sheet', sheet);
		if (sheet) {
			setStyle('translate', '');
			setStyle('maxWidth', '');
			return;
		}
		setStyle('maxWidth', `${viewportWidth - 2 * EDGE}px`);
		const box = node.getBoundingClientRect();
		// The box as it would sit unmoved: the current shift is part of the measured position.
		const shifted = parseFloat(node.style.translate) || 0;
		const dx = Math.round(shiftIntoView(box.left - shifted, box.width, viewportWidth));
		if (dx !== shifted) setStyle('translate', dx !== 0 ? `${dx}px 0` : '');
		if (box.bottom > window.innerHeight) node.scrollIntoView({ block: 'nearest' });
	};
	const schedule = () => {
		if (!frame) frame = requestAnimationFrame(place);
	};
	place();
	// Absent in some test environments (jsdom): then only window resizes re-place it.
	const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(schedule) : null;
	observer?.observe(node);
	window.addEventListener('resize', schedule);
	return () => {
		cancelAnimationFrame(frame);
		observer?.disconnect();
		window.removeEventListener('resize', schedule);
	};
}
