import type { PngShape } from '$lib/export/png';

/** What the Share / export panel keeps between openings: the user's choices and last result. */
export class ShareChoices {
	/** The title typed by the user; null = the chart's own title. */
	editedTitle: string | null = $state(null);
	/** A picture shape, or 'slides': one 16:9 picture per slide of the editable deck. */
	shape: PngShape | 'slides' = $state('current');
	scale: 1 | 2 | 4 = $state(2);
	/** PowerPoint as editable shapes and text (native) or one picture per slide. */
	pptxKind: 'native' | 'picture' = $state('native');
	embedCode = $state('');
	/** The last action's result, spoken by a live region. */
	status = $state('');
	busy = $state(false);
}
