/**
 * The live view state shared by every view, held in runes. Views read `state` and `filtered`;
 * they change it only through the `set*` methods, so URL sync and persistence see every change.
 */
import { createContext } from 'svelte';
import type { DatasetModel } from '$lib/data/model';
import { applyFilters, type FilteredData } from '$lib/query/filter';
import { timed } from './perf';
import { stateText } from './url-codec';
import {
	DEFAULT_FILTERS,
	defaultViewState,
	type EfficacyOptions,
	type Filters,
	type MechanismsOptions,
	type TimelineOptions,
	type ViewState
} from './view-state';

export class ViewStateStore {
	state: ViewState = $state(defaultViewState());
	readonly #model: () => DatasetModel;

	/** The dataset rows that pass the filters, recomputed only when filters or dataset change. */
	readonly filtered: FilteredData = $derived(
		timed('landscape:filter', () => applyFilters(this.#modelValue(), this.state.filters))
	);

	/**
	 * The state as link text ('' for the defaults: `stateText`), encoded once per change for all
	 * that write or compare it: the URL, the header's links, the last view saved.
	 */
	readonly text: string = $derived(stateText(this.state));

	constructor(model: () => DatasetModel) {
		this.#model = model;
	}

	#modelValue(): DatasetModel {
		return this.#model();
	}

	get model(): DatasetModel {
		return this.#model();
	}

	replace(next: ViewState): void {
		this.state = next;
	}

	setFilters(patch: Partial<Filters>): void {
		this.state.filters = { ...this.state.filters, ...patch };
	}

	/** Clears every filter; view options stay. */
	resetFilters(): void {
		this.state.filters = structuredClone(DEFAULT_FILTERS);
	}

	setTimeline(patch: Partial<TimelineOptions>): void {
		this.state.timeline = { ...this.state.timeline, ...patch };
	}

	setMechanisms(patch: Partial<MechanismsOptions>): void {
		this.state.mechanisms = { ...this.state.mechanisms, ...patch };
	}

	setEfficacy(patch: Partial<EfficacyOptions>): void {
		this.state.efficacy = { ...this.state.efficacy, ...patch };
	}

	/** Pins a mark's details open (by mark id), or closes them (null). */
	setPin(pin: string | null): void {
		if (this.state.pin !== pin) this.state.pin = pin;
	}
}

const [getStore, setStore] = createContext<ViewStateStore>();

export const provideViewState = setStore;
export const useViewState = getStore;

/** The view state when one is provided (a page), null otherwise (a chart mounted alone in a test). */
export function useViewStateIfAny(): ViewStateStore | null {
	try {
		return getStore() ?? null;
	} catch {
		return null;
	}
}
