// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { quietRouteAnnouncer } from './route-announcer';

/** SvelteKit's announcer as its root component writes it. */
function mountAnnouncer(): HTMLElement {
	const announcer = document.createElement('div');
	announcer.id = 'svelte-announcer';
	announcer.setAttribute('aria-live', 'assertive');
	document.body.append(announcer);
	return announcer;
}

/** One write: the announcer is quiet while it runs and speaks as before once it ends. */
function writeQuietly(announcer: HTMLElement): void {
	const speakAgain = quietRouteAnnouncer();
	expect(announcer.getAttribute('aria-live')).toBe('off');
	speakAgain();
	expect(announcer.getAttribute('aria-live')).toBe('assertive');
}

beforeEach(() => (document.title = 'Timeline · Landscape'));
afterEach(() => document.getElementById('svelte-announcer')?.remove());

describe('quietRouteAnnouncer', () => {
	it('quiets the announcer until the write ends, then lets it speak as before', () => {
		writeQuietly(mountAnnouncer());
	});

	it('keeps it quiet until the last of overlapping writes ends; ending twice counts once', () => {
		const announcer = mountAnnouncer();
		const first = quietRouteAnnouncer();
		const second = quietRouteAnnouncer();
		first();
		first();
		expect(announcer.getAttribute('aria-live')).toBe('off');
		second();
		expect(announcer.getAttribute('aria-live')).toBe('assertive');
	});

	it('leaves the page alone when the announcer already holds the page title', () => {
		const announcer = mountAnnouncer();
		announcer.textContent = 'Timeline · Landscape';
		const speakAgain = quietRouteAnnouncer();
		expect(announcer.getAttribute('aria-live')).toBe('assertive');
		speakAgain();
		// Another title (a view changed): quiet again until the write ends.
		document.title = 'Efficacy · Landscape';
		writeQuietly(announcer);
	});

	it('does nothing before the announcer is mounted', () => {
		const speakAgain = quietRouteAnnouncer();
		const announcer = mountAnnouncer();
		speakAgain();
		expect(announcer.getAttribute('aria-live')).toBe('assertive');
		// And the count is not left off by one: the next write quiets and restores it.
		writeQuietly(announcer);
	});
});
