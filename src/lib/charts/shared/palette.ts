/**
 * Chart colours as literal values (not CSS variables) so exported SVG, PNG and PPTX look the same
 * as the screen. Okabe–Ito hues, colour-blind safe; every use is paired with a shape or a label.
 * Mirrors the custom properties in src/app.css.
 */
import type { Phase } from '$lib/data/schema';

export const INK = '#1b1f24';
export const INK_MUTED = '#4f5966';
export const GRID = '#dde3ea';
export const PAPER = '#ffffff';
/** The band behind a header: a table's header row, a group heading. */
export const HEADER_FILL = '#e8edf3';
/** Every other timeline lane's band (on screen, under the lane labels' copy, on slides). */
export const LANE_STRIPE = '#f5f7fa';

export const ROLE_COLOURS = {
	investigational: '#0072b2',
	comparator: '#d55e00',
	benchmark: '#6b7785'
} as const;

/** Light to dark, so the order of phases reads in greyscale too. */
export const PHASE_COLOURS: Record<Phase, string> = {
	preclinical: '#dbe9f6',
	'phase 1': '#b7d4ea',
	'phase 1/2': '#93bfe0',
	'phase 2': '#6aa7d2',
	'phase 2/3': '#4a8fc4',
	'phase 3': '#2b74b1',
	filed: '#1a5a91',
	approved: '#0d3b66'
};

/** Text colour that keeps ≥ 4.5:1 contrast on each phase fill. */
export const PHASE_TEXT: Record<Phase, string> = {
	preclinical: INK,
	'phase 1': INK,
	'phase 1/2': INK,
	'phase 2': INK,
	'phase 2/3': '#ffffff',
	'phase 3': '#ffffff',
	filed: '#ffffff',
	approved: '#ffffff'
};

export const CATEGORICAL = [
	'#0072b2',
	'#e69f00',
	'#009e73',
	'#cc79a7',
	'#56b4e9',
	'#d55e00',
	'#f0e442',
	'#000000'
] as const;
