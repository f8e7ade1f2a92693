import { error } from '@sveltejs/kit';
import { EMBEDDABLE_VIEW_IDS, embeddableView } from '$lib/views';
import type { EntryGenerator, PageLoad } from './$types';

export const load: PageLoad = async ({ params }) => {
	const view = embeddableView(params.view);
	if (!view) error(404, `There is no chart called "${params.view}" to embed`);
	// Only the embedded chart's code is loaded.
	const { default: Embed } = await view.embed();
	return { Embed, path: view.path };
};

/** Each embeddable chart gets its own prerendered shell; other names fall back to 200.html. */
export const entries: EntryGenerator = () => EMBEDDABLE_VIEW_IDS.map((view) => ({ view }));
