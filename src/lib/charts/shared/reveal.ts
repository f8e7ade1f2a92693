/**
 * Keeping a pinned mark and its details in view. On a phone the details are a sheet fixed along
 * the bottom of the screen: the mark is then kept in the part of the screen above the sheet
 * (the charts leave room below themselves while a sheet is open, so even the last mark can get
 * there); elsewhere the details open under the mark and are scrolled into view.
 */

type Target = Element | null | undefined;

/**
 * Brings the pinned details into view, and the mark with them: `center` puts the mark mid-screen
 * (a pin opened from a link); otherwise the page moves only as far as needed (a click or Enter).
 */
export function showPinned(mark: Target, details: Target, center = false): void {
	if (mark && center) mark.scrollIntoView({ block: 'center', inline: 'center' });
	if (!details) return;
	if (getComputedStyle(details).position !== 'fixed') {
		details.scrollIntoView({ block: 'nearest', inline: 'nearest' });
		return;
	}
	if (!mark) return;
	const sheetTop = details.getBoundingClientRect().top;
	const box = mark.getBoundingClientRect();
	if (center || box.bottom > sheetTop - 8 || box.top < 0)
		window.scrollBy(0, box.top + box.height / 2 - sheetTop / 2);
}

/**
 * `showPinned` for a pin restored from a link, a frame later: a page opened from a link renders
 * the chart inside the router's navigation, which then scrolls the page to the top in the same
 * task; scrolling earlier would be undone.
 */
export function revealPinned(mark: () => Target, details: () => Target): void {
	const run = () => showPinned(mark(), details(), true);
	if (typeof requestAnimationFrame === 'function') requestAnimationFrame(run);
	else setTimeout(run);
}
