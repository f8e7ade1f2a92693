/**
 * Code a chart needs only once a reader interacts (tooltips, details panels, the table view):
 * fetched after the chart is drawn, so it is not part of the page's first download, and at the
 * latest when it is first needed. `current` is null until it has arrived; a hover or a key press
 * that comes before then is held in the chart's interaction state and shown on arrival.
 */
export class OnDemand<T> {
	#load: () => Promise<T>;
	#pending: Promise<T> | null = null;
	/** The loaded module, or null while it has not arrived. */
	current = $state.raw<T | null>(null);

	constructor(load: () => Promise<T>) {
		this.#load = load;
	}

	/** Starts loading (once) and resolves when the module is here. */
	load(): Promise<T> {
		this.#pending ??= this.#load().then(
			(module) => (this.current = module),
			(error: unknown) => {
				// A failed fetch (offline, a new deployment) is tried again on the next need.
				this.#pending = null;
				throw error;
			}
		);
		return this.#pending;
	}

	/** Loads once the browser is idle: after the first draw, before a reader is likely to need it. */
	loadWhenIdle(): void {
		if (this.#pending) return;
		const start = () => void this.load().catch(() => {});
		if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 2000 });
		else setTimeout(start, 200);
	}
}
