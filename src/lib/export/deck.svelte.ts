/**
 * "Add to deck": charts collected across views in this tab (each the view as it was when added,
 * with its filters), downloaded together as one PPTX with a title slide and a sources slide.
 * Kept in memory on purpose: a deck is a short-lived working set, not saved state.
 */
import type { DeckChart } from './pptx/write';

export function chartSlideCount(chart: DeckChart): number {
	return chart.kind === 'native' ? chart.scenes.length : chart.pictures.length;
}

class DeckCollection {
	charts: DeckChart[] = $state.raw([]);

	/** Chart slides (the title and sources slides come on top when the deck is written). */
	get slideCount(): number {
		return this.charts.reduce((n, c) => n + chartSlideCount(c), 0);
	}

	add(chart: DeckChart): void {
		this.charts = [...this.charts, chart];
	}

	remove(index: number): void {
		this.charts = this.charts.filter((_, i) => i !== index);
	}

	clear(): void {
		this.charts = [];
	}
}

export const deck = new DeckCollection();
