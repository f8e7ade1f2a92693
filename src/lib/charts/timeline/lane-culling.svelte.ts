/**
 * Very long charts (hundreds of lanes: synthetic data at scale) draw only the lanes near the
 * viewport, plus the lanes of the marks that must stay drawn (the tab stop, the focused, hovered
 * and pinned marks), so keyboard navigation and the tooltip keep their mark. The layout still
 * places every lane, so the scroll height, the order and the table are unchanged. Up to
 * CULL_LANES lanes everything is drawn (and exported).
 */
import type { TimelineLayout } from './timeline.layout';

export const CULL_LANES = 150;

export class LaneCulling {
	readonly #layout: () => TimelineLayout;
	readonly #keep: () => readonly (string | null | undefined)[];
	// Until measured: the first two screens (never everything, which would draw and then drop
	// thousands of marks).
	#view = $state.raw({ top: -this.#screen(), bottom: 2 * this.#screen() });

	readonly culling = $derived.by(() => this.#layout().lanes.length > CULL_LANES);

	/** Lane indexes to draw, or null for all. */
	readonly #lanes: ReadonlySet<number> | null = $derived.by(() => {
		if (!this.culling) return null;
		const layout = this.#layout();
		const view = this.#view;
		// A fresh set per derivation, never mutated afterwards: no reactive set needed.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const keep = new Set<number>();
		for (const l of layout.lanes)
			if (l.y + l.height >= view.top && l.y <= view.bottom) keep.add(l.index);
		for (const id of this.#keep()) {
			const mark = id ? layout.marksById.get(id) : undefined;
			if (mark) keep.add(mark.laneIndex);
		}
		return keep;
	});

	readonly lanes = $derived.by(() => this.#filter(this.#layout().lanes, (l) => l.index));
	readonly bars = $derived.by(() => this.#filter(this.#layout().bars, (b) => b.laneIndex));
	readonly glyphs = $derived.by(() => this.#filter(this.#layout().glyphs, (g) => g.laneIndex));
	readonly headings = $derived.by(() => {
		const { headings } = this.#layout();
		if (!this.culling) return headings;
		const view = this.#view;
		return headings.filter((h) => h.y + h.height >= view.top && h.y <= view.bottom);
	});

	/**
	 * @param layout the chart's layout
	 * @param chart the element whose top is the layout's y = 0
	 * @param keep ids of marks whose lanes stay drawn
	 */
	constructor(
		layout: () => TimelineLayout,
		chart: () => HTMLElement | undefined,
		keep: () => readonly (string | null | undefined)[]
	) {
		this.#layout = layout;
		this.#keep = keep;
		// The view is tracked while the chart is short too, so the frame that turns culling on
		// (a filter click bringing hundreds of lanes back) draws the lanes on screen without
		// measuring: reading the position then would lay out the chart just drawn, and the frame
		// would lay it out again.
		$effect(() => {
			const el = chart();
			if (!el) return;
			let frame = 0;
			const update = () => {
				frame = 0;
				const top = -el.getBoundingClientRect().top;
				const margin = window.innerHeight;
				const view = { top: top - margin, bottom: top + window.innerHeight + margin };
				if (view.top !== this.#view.top || view.bottom !== this.#view.bottom) this.#view = view;
			};
			const schedule = () => {
				if (!frame) frame = requestAnimationFrame(update);
			};
			// Until this first measurement, the first two screens are drawn.
			schedule();
			window.addEventListener('scroll', schedule, { passive: true });
			window.addEventListener('resize', schedule);
			return () => {
				cancelAnimationFrame(frame);
				window.removeEventListener('scroll', schedule);
				window.removeEventListener('resize', schedule);
			};
		});
	}

	#screen(): number {
		return typeof window === 'undefined' ? 1000 : window.innerHeight;
	}

	#filter<T>(items: readonly T[], lane: (item: T) => number): readonly T[] {
		const keep = this.#lanes;
		return keep ? items.filter((item) => keep.has(lane(item))) : items;
	}
}
