/**
 * The loaded dataset model, shared with every view through Svelte context. The root layout only
 * renders views once a dataset has loaded, so a view can always ask for it.
 */
import { createContext } from 'svelte';
import type { DatasetModel } from './model';

const [getModelGetter, setModelGetter] = createContext<() => DatasetModel>();

/** Called once by the root layout with a getter, so views follow a dataset switch. */
export function provideDatasetModel(get: () => DatasetModel): void {
	setModelGetter(get);
}

/** The current dataset model. Call during component initialisation; read `.current` reactively. */
export function useDatasetModel(): { readonly current: DatasetModel } {
	const get = getModelGetter();
	return {
		get current() {
			return get();
		}
	};
}
