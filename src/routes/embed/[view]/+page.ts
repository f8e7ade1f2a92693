import { error } from '@sveltejs/kit';
import type { EntryGenerator, PageLoad } from './$types';

const EMBEDDABLE_VIEWS = ['timeline', 'mechanisms', 'efficacy'] as const;

export const load: PageLoad = ({ params }) => {
	const view = EMBEDDABLE_VIEWS.find((v) => v === params.view);
	if (!view) error(404, `There is no chart called "${params.view}" to embed`);
	return { view };
};

/** Each embeddable chart gets its own prerendered shell; other names fall back to 200.html. */
export const entries: EntryGenerator = () => EMBEDDABLE_VIEWS.map((view) => ({ view }));
