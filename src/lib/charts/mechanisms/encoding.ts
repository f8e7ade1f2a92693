/**
 * The matrix's categorical encodings: every category gets a colour AND a shape (and its text is
 * always printed next to it), so nothing is read from colour alone. Pure data: literal colours from
 * the palette so an exported SVG/PPTX table looks like the screen.
 */
import type { Phase } from '$lib/data/schema';
import { MODALITIES } from '$lib/data/vocabulary';
import { CATEGORICAL, INK, INK_MUTED, PHASE_COLOURS, PHASE_TEXT } from '$lib/charts/shared/palette';

export type MarkerShape = 'circle' | 'diamond' | 'triangle' | 'square' | 'hexagon' | 'cross';

export interface Marker {
	/** Stable key of the category, e.g. "bispecific antibody". */
	key: string;
	/** Text printed next to the marker. */
	label: string;
	shape: MarkerShape;
	fill: string;
	stroke: string;
}

type Modality = (typeof MODALITIES)[number];

const MODALITY_MARKERS: Record<Modality, Omit<Marker, 'key'>> = {
	'monoclonal antibody': {
		label: 'Monoclonal antibody',
		shape: 'circle',
		fill: CATEGORICAL[0],
		stroke: INK
	},
	'bispecific antibody': {
		label: 'Bispecific antibody',
		shape: 'diamond',
		fill: CATEGORICAL[2],
		stroke: INK
	},
	'antibody-drug conjugate': {
		label: 'Antibody–drug conjugate',
		shape: 'triangle',
		fill: CATEGORICAL[5],
		stroke: INK
	},
	chemotherapy: { label: 'Chemotherapy', shape: 'square', fill: CATEGORICAL[3], stroke: INK },
	'small molecule': {
		label: 'Small molecule',
		shape: 'hexagon',
		fill: CATEGORICAL[1],
		stroke: INK
	},
	other: { label: 'Other', shape: 'cross', fill: INK_MUTED, stroke: INK }
};

export function modalityMarker(modality: string): Marker {
	const known = MODALITY_MARKERS[modality as Modality];
	return known
		? { key: modality, ...known }
		: { ...MODALITY_MARKERS.other, key: modality, label: modality };
}

/** The marker for "binds two epitopes" (yes/no): a doubled vs a single shape. */
export function biparatopicMarker(value: boolean): Marker {
	return value
		? { key: 'yes', label: 'Yes', shape: 'diamond', fill: CATEGORICAL[2], stroke: INK }
		: { key: 'no', label: 'No', shape: 'circle', fill: CATEGORICAL[0], stroke: INK };
}

export interface PhaseChip {
	phase: Phase;
	label: string;
	fill: string;
	text: string;
}

const PHASE_LABELS: Record<Phase, string> = {
	preclinical: 'Preclinical',
	'phase 1': 'Phase 1',
	'phase 1/2': 'Phase 1/2',
	'phase 2': 'Phase 2',
	'phase 2/3': 'Phase 2/3',
	'phase 3': 'Phase 3',
	filed: 'Filed',
	approved: 'Approved'
};

/** A phase chip: the phase named in text on a fill that darkens with the phase (order in greyscale). */
export function phaseChip(phase: Phase): PhaseChip {
	return {
		phase,
		label: PHASE_LABELS[phase],
		fill: PHASE_COLOURS[phase],
		text: PHASE_TEXT[phase]
	};
}

/** The hexagon's first corner at 30°: a corner at the top and bottom, upright sides left and right. */
const HEXAGON_FIRST_CORNER = Math.PI / 6;

/** SVG path of a marker shape centred on (0, 0) with radius r. */
export function markerPath(shape: MarkerShape, r: number): string {
	const f = (n: number) => Number(n.toFixed(2));
	switch (shape) {
		case 'circle':
			return `M${f(-r)},0A${f(r)},${f(r)} 0 1,0 ${f(r)},0A${f(r)},${f(r)} 0 1,0 ${f(-r)},0Z`;
		case 'diamond':
			return `M0,${f(-r)}L${f(r)},0L0,${f(r)}L${f(-r)},0Z`;
		case 'triangle':
			return `M0,${f(-r)}L${f(r)},${f(r * 0.8)}L${f(-r)},${f(r * 0.8)}Z`;
		case 'square': {
			const s = r * 0.85;
			return `M${f(-s)},${f(-s)}H${f(s)}V${f(s)}H${f(-s)}Z`;
		}
		case 'hexagon': {
			const points = Array.from({ length: 6 }, (_, i) => {
				const turn = (Math.PI / 3) * i;
				// Stryker disable next-line ArithmeticOperator: corners at 30° − 60°·i are the same six corners, drawn the other way round
				const a = HEXAGON_FIRST_CORNER + turn;
				return `${f(r * Math.cos(a))},${f(r * Math.sin(a))}`;
			});
			return `M${points.join('L')}Z`;
		}
		case 'cross': {
			const t = r * 0.35;
			return `M${f(-t)},${f(-r)}H${f(t)}V${f(-t)}H${f(r)}V${f(t)}H${f(t)}V${f(r)}H${f(-t)}V${f(t)}H${f(-r)}V${f(-t)}H${f(-t)}Z`;
		}
	}
}

export { INK, INK_MUTED };
