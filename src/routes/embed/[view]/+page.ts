import { error } from '@sveltejs/kit';
import type { PageLoad } from './$types';

const EMBEDDABLE_VIEWS = ['timeline', 'mechanisms', 'efficacy'] as const;

export const load: PageLoad = ({ params }) => {
	const view = EMBEDDABLE_VIEWS.find((v) => v === params.view);
	if (!view) error(404, `There is no chart called "${params.view}" to embed`);
	return { view };
};
