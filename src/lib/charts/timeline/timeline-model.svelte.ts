/**
 * The timeline's live model: the prepared lanes (memoised on filtered data and grouping) and the
 * visible time window (zoom/pan), shared by the chart, its controls and its table. The window lives
 * in the shared view state as ISO days (so a link keeps it); while the user zooms or pans, the
 * exact (sub-day) window is kept here and both it and the view state are updated at most once per
 * animation frame.
 */
import { getContext, setContext } from 'svelte';
import { useDatasetModel } from '$lib/data/context';
import { useViewState } from '$lib/state/view-state.svelte';
import { SinceHighlight } from '$lib/diff/since-highlight.svelte';
import { defaultWindow } from './default-window';
import { keptPreparation } from './timeline.kept';
import {
	DAY,
	clampWindow,
	fitWindow,
	panWindow,
	windowFromState,
	windowToState,
	zoomWindow,
	type GroupBy,
	type PreparedTimeline,
	type TimeWindow
} from './timeline.layout';

const KEY = Symbol('timeline-model');

function sameDays(exact: TimeWindow, days: TimeWindow): boolean {
	return (
		Math.floor(exact.start / DAY) * DAY === days.start &&
		Math.ceil(exact.end / DAY) * DAY === days.end
	);
}

export class TimelineModel {
	readonly #view = useViewState();
	readonly #model = useDatasetModel();
	/** The real current date, fixed for the life of the view. */
	readonly today: Date;

	/** The exact window of the last zoom/pan, valid while the view state holds its days. */
	#exact: TimeWindow | null = $state.raw(null);
	#target: TimeWindow | null = null;
	#frame = 0;

	readonly prepared: PreparedTimeline = $derived.by(() =>
		keptPreparation(this.#view.filtered, {
			groupBy: this.#view.state.timeline.groupBy,
			today: this.today,
			asOf: this.#model.current.dataset.meta.asOf
		})
	);

	/** The window the view opens on (and returns to on reset): where the events are. */
	readonly fit: TimeWindow = $derived(defaultWindow(this.prepared));
	/** The window holding every bar and milestone (the "All" range). */
	readonly all: TimeWindow = $derived(fitWindow(this.prepared));

	readonly #stateWindow: TimeWindow = $derived(
		windowFromState(
			this.#view.state.timeline.windowStart,
			this.#view.state.timeline.windowEnd,
			this.fit
		)
	);

	/** The visible window. */
	readonly window: TimeWindow = $derived(
		this.#exact && sameDays(this.#exact, this.#stateWindow) ? this.#exact : this.#stateWindow
	);

	/** True when the window fits the data (no zoom stored). */
	readonly fitted: boolean = $derived(
		this.#view.state.timeline.windowStart === null && this.#view.state.timeline.windowEnd === null
	);

	/** Marks new or changed since the link's `since=` (a date or a version), outlined. */
	readonly since = new SinceHighlight(
		() => this.#view.state.timeline.since,
		() => this.#model.current.dataset
	);

	get sinceValue(): string | null {
		return this.#view.state.timeline.since;
	}

	setSince(since: string | null): void {
		this.#view.setTimeline({ since });
	}

	/** The mark whose details are pinned (in the link), or null. */
	get pin(): string | null {
		return this.#view.state.pin;
	}

	setPin(pin: string | null): void {
		this.#view.setPin(pin);
	}

	get groupBy(): GroupBy {
		return this.#view.state.timeline.groupBy;
	}

	constructor(today?: Date) {
		// A fixed instant that is never mutated: no reactive date needed.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		this.today = today ?? new Date();
	}

	setGroupBy(groupBy: GroupBy): void {
		this.#view.setTimeline({ groupBy });
	}

	/** Shows a window; coalesced to one update per animation frame. */
	setWindow(next: TimeWindow): void {
		this.#target = clampWindow(next);
		if (this.#frame) return;
		const apply = () => {
			this.#frame = 0;
			const target = this.#target;
			this.#target = null;
			if (!target) return;
			this.#exact = target;
			this.#view.setTimeline(windowToState(target));
		};
		if (typeof requestAnimationFrame === 'function') this.#frame = requestAnimationFrame(apply);
		else apply();
	}

	/** The window the next change starts from: a pending target, else the visible one. */
	get #base(): TimeWindow {
		return this.#target ?? this.window;
	}

	zoom(factor: number, anchor?: number): void {
		this.setWindow(zoomWindow(this.#base, factor, anchor));
	}

	/** Pans by a fraction of the visible span (positive = later). */
	pan(fraction: number): void {
		const w = this.#base;
		this.setWindow(panWindow(w, (w.end - w.start) * fraction));
	}

	panBy(deltaMs: number, from: TimeWindow = this.#base): void {
		this.setWindow(panWindow(from, deltaMs));
	}

	/** Sets the window from partial-date strings (null = fit that side). */
	setRange(windowStart: string | null, windowEnd: string | null): void {
		this.#cancel();
		this.#exact = null;
		this.#view.setTimeline({ windowStart, windowEnd });
	}

	/** Back to fitting the data. */
	reset(): void {
		this.setRange(null, null);
	}

	#cancel(): void {
		if (this.#frame && typeof cancelAnimationFrame === 'function')
			cancelAnimationFrame(this.#frame);
		this.#frame = 0;
		this.#target = null;
	}
}

/** Creates the page's timeline model and shares it with the chart, controls and table. */
export function provideTimelineModel(today?: Date): TimelineModel {
	const model = new TimelineModel(today);
	setContext(KEY, model);
	return model;
}

/** The page's timeline model, or a new one (e.g. the chart alone in the embed route). */
export function useTimelineModel(): TimelineModel {
	return getContext<TimelineModel | undefined>(KEY) ?? provideTimelineModel();
}
