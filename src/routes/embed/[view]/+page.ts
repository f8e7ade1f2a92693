import { error } from '@sveltejs/kit';
import type { PageLoad } from './$types';

// Each embeddable chart has a route of its own (routes/embed/<id>/); any other name lands here,
// in the browser (200.html), and gets a clear "no such chart".
export const prerender = false;

export const load: PageLoad = ({ params }) => {
	error(404, `There is no chart called "${params.view}" to embed`);
};
