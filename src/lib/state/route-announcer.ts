/**
 * SvelteKit's route announcer is an assertive live region that it fills with the page title after
 * every navigation, and so after the same-page URL writes that keep the view state in the link
 * (url-sync.svelte.ts). Those are no navigation for the reader: the filter summary, a status,
 * says what a click changed. Left alone, the first filter click after a load read the page title
 * out over the checkbox's own state. So the announcer is quiet while such a write runs.
 */
const ANNOUNCER_ID = 'svelte-announcer';

let quietWrites = 0;
let liveBefore: string | null = null;

/**
 * Quiets the route announcer until the returned function is called (once per call; overlapping
 * writes keep it quiet until the last ends). A no-op before the announcer is mounted, and when it
 * already holds the page title: it would get the same text, and a live region speaks only when
 * its text changes (so only the first write after a load or a title change touches the page).
 */
export function quietRouteAnnouncer(): () => void {
	const announcer = document.getElementById(ANNOUNCER_ID);
	if (!announcer) return () => {};
	const title = document.title;
	if (quietWrites === 0 && title && announcer.textContent?.trim() === title) return () => {};
	if (quietWrites === 0) {
		liveBefore = announcer.getAttribute('aria-live');
		announcer.setAttribute('aria-live', 'off');
	}
	quietWrites += 1;
	let ended = false;
	return () => {
		if (ended) return;
		ended = true;
		quietWrites -= 1;
		if (quietWrites === 0 && liveBefore !== null) announcer.setAttribute('aria-live', liveBefore);
	};
}
