/**
 * When in its frame each filter click comes (ms after the frame began): spread over a 60 Hz frame,
 * the same for the app and its peers, in `npm run bench` and in click-frames.mjs. "Click → next
 * frame" depends on that phase as much as on the work (a click late in a frame is painted
 * sooner): left to chance, a peer's median moved between 6.5 and 16 ms from one run to the next.
 */
export const CLICK_PHASES = Array.from({ length: 10 }, (_, i) => i * 1.6);
