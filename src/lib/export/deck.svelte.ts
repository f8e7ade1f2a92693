/**
 * "Add to deck": slides collected across views in this tab, downloaded together as one PPTX.
 * Kept in memory on purpose: a deck is a short-lived working set, not saved state.
 */
import type { SlideSpec } from './pptx';

class DeckCollection {
	slides: SlideSpec[] = $state.raw([]);

	add(slide: SlideSpec): void {
		this.slides = [...this.slides, slide];
	}

	remove(index: number): void {
		this.slides = this.slides.filter((_, i) => i !== index);
	}

	clear(): void {
		this.slides = [];
	}
}

export const deck = new DeckCollection();
