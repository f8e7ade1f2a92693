/**
 * Exports draw the chart from its layout through the chart's own components, mounted off screen,
 * never by copying what the screen shows (the screen culls lanes and pages rows). Mounted in the
 * document, not detached, so the SVG export reads computed styles as on screen.
 */
import { flushSync, mount, unmount, type Component } from 'svelte';

export interface ChartDrawing {
	/** The drawn SVGs, in order (several panels are stacked). */
	svgs: SVGSVGElement[];
	/** Removes the drawing from the document. */
	done(): void;
}

/** Mounts `component` off screen and returns its `<svg>` elements matching `selector`. */
export function drawOffscreen<Props extends Record<string, unknown>>(
	component: Component<Props>,
	props: Props,
	selector = 'svg'
): ChartDrawing {
	const host = document.createElement('div');
	host.setAttribute('aria-hidden', 'true');
	host.setAttribute('data-export-host', '');
	// CSSOM, not a style attribute: allowed by the strict CSP.
	host.style.position = 'absolute';
	host.style.left = '-100000px';
	host.style.top = '0';
	host.style.pointerEvents = 'none';
	document.body.append(host);
	const app = mount(component, { target: host, props });
	flushSync();
	const svgs = [...host.querySelectorAll<SVGSVGElement>(selector)].filter(
		// Only top-level figures: an <svg> nested in another is part of its parent's picture.
		(svg) => svg.parentElement?.closest('svg') === null
	);
	return {
		svgs,
		done() {
			void unmount(app);
			host.remove();
		}
	};
}

/** A drawing of SVGs that already exist off screen (removed by `done`). */
export function drawingOf(svgs: SVGSVGElement[]): ChartDrawing {
	return {
		svgs,
		done() {
			for (const svg of svgs) svg.closest('[data-export-host]')?.remove();
		}
	};
}
