/**
 * Milestone glyphs: one SVG shape per milestone type, so a type reads without colour. Pure: shapes
 * are path strings centred on (0, 0), usable by the screen, the SVG/PNG export and the legend.
 */
import type { Milestone, MilestoneType } from '$lib/data/schema';
import { DESIGNATION_LABELS, MILESTONE_TYPE_LABELS } from '$lib/data/vocabulary-labels';

export type GlyphShape =
	| 'square'
	| 'triangle-right'
	| 'triangle-up'
	| 'triangle-down'
	| 'diamond'
	| 'pentagon'
	| 'star'
	| 'hexagon'
	| 'circle'
	| 'bullseye'
	| 'plus';

export type GlyphFamily = 'regulatory' | 'clinical' | 'business' | 'other';

export interface GlyphKind {
	shape: GlyphShape;
	/** Legend and tooltip name of the type. */
	name: string;
	family: GlyphFamily;
}

export const GLYPH_KINDS: Record<MilestoneType, GlyphKind> = {
	ind: { shape: 'square', name: MILESTONE_TYPE_LABELS['ind'], family: 'clinical' },
	'trial-start': {
		shape: 'triangle-right',
		name: MILESTONE_TYPE_LABELS['trial-start'],
		family: 'clinical'
	},
	'phase-transition': {
		shape: 'triangle-up',
		name: MILESTONE_TYPE_LABELS['phase-transition'],
		family: 'clinical'
	},
	designation: {
		shape: 'diamond',
		name: MILESTONE_TYPE_LABELS['designation'],
		family: 'regulatory'
	},
	submission: {
		shape: 'triangle-down',
		name: MILESTONE_TYPE_LABELS['submission'],
		family: 'regulatory'
	},
	acceptance: {
		shape: 'pentagon',
		name: MILESTONE_TYPE_LABELS['acceptance'],
		family: 'regulatory'
	},
	approval: { shape: 'star', name: MILESTONE_TYPE_LABELS['approval'], family: 'regulatory' },
	deal: { shape: 'hexagon', name: MILESTONE_TYPE_LABELS['deal'], family: 'business' },
	'data-presentation': {
		shape: 'circle',
		name: MILESTONE_TYPE_LABELS['data-presentation'],
		family: 'clinical'
	},
	topline: { shape: 'bullseye', name: MILESTONE_TYPE_LABELS['topline'], family: 'clinical' },
	other: { shape: 'plus', name: MILESTONE_TYPE_LABELS['other'], family: 'other' }
};

/** Literal colours (exports match the screen); shape and text carry the meaning, colour repeats it. */
export const GLYPH_FAMILY_COLOURS: Record<GlyphFamily, string> = {
	regulatory: '#0072b2',
	clinical: '#007a5a',
	business: '#b35900',
	other: '#4f5966'
};

export const DESIGNATION_LETTERS: Record<NonNullable<Milestone['designation']>, string> = {
	'breakthrough-therapy': 'B',
	'fast-track': 'F',
	'orphan-drug': 'O',
	'priority-review': 'P'
};

/** Designation names: the vocabulary's labels. */
export const DESIGNATION_NAMES = DESIGNATION_LABELS;

/** Badge letters on approvals that are not full approvals. */
export const APPROVAL_BADGES: Record<'accelerated' | 'conditional', string> = {
	accelerated: 'A',
	conditional: 'C'
};

function polygon(points: ReadonlyArray<readonly [number, number]>): string {
	return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${round(x)},${round(y)}`).join('') + 'Z';
}

function round(n: number): number {
	return Math.round(n * 100) / 100;
}

function regular(sides: number, r: number, rotation: number): Array<[number, number]> {
	return Array.from({ length: sides }, (_, i) => {
		const a = rotation + (i * 2 * Math.PI) / sides;
		return [r * Math.cos(a), r * Math.sin(a)];
	});
}

function circle(r: number): string {
	return `M${-r},0a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
}

/** The SVG path of a shape of half-size r, centred on (0, 0). Use fill-rule="evenodd". */
export function glyphPath(shape: GlyphShape, r: number): string {
	switch (shape) {
		case 'square':
			return polygon([
				[-0.82 * r, -0.82 * r],
				[0.82 * r, -0.82 * r],
				[0.82 * r, 0.82 * r],
				[-0.82 * r, 0.82 * r]
			]);
		case 'triangle-right':
			return polygon([
				[r, 0],
				[-0.75 * r, -0.95 * r],
				[-0.75 * r, 0.95 * r]
			]);
		case 'triangle-up':
			return polygon([
				[0, -r],
				[0.95 * r, 0.75 * r],
				[-0.95 * r, 0.75 * r]
			]);
		case 'triangle-down':
			return polygon([
				[0, r],
				[0.95 * r, -0.75 * r],
				[-0.95 * r, -0.75 * r]
			]);
		case 'diamond':
			return polygon([
				[0, -1.15 * r],
				[1.15 * r, 0],
				[0, 1.15 * r],
				[-1.15 * r, 0]
			]);
		case 'pentagon':
			return polygon(regular(5, r, -Math.PI / 2));
		case 'star': {
			const points: Array<[number, number]> = [];
			for (let i = 0; i < 10; i++) {
				const rr = i % 2 === 0 ? 1.1 * r : 0.48 * r;
				const a = -Math.PI / 2 + (i * Math.PI) / 5;
				points.push([rr * Math.cos(a), rr * Math.sin(a)]);
			}
			return polygon(points);
		}
		case 'hexagon':
			return polygon(regular(6, r, 0));
		case 'circle':
			return circle(0.9 * r);
		case 'bullseye':
			// Outer disc, a hole, and a centre dot: with evenodd the dot fills again.
			return circle(r) + circle(0.6 * r) + circle(0.3 * r);
		case 'plus': {
			const a = 0.32 * r;
			return polygon([
				[-a, -r],
				[a, -r],
				[a, -a],
				[r, -a],
				[r, a],
				[a, a],
				[a, r],
				[-a, r],
				[-a, a],
				[-r, a],
				[-r, -a],
				[-a, -a]
			]);
		}
	}
}

/** The letter drawn inside a glyph (designations) or null. */
export function glyphLetter(m: Pick<Milestone, 'type' | 'designation'>): string | null {
	if (m.type === 'designation' && m.designation) return DESIGNATION_LETTERS[m.designation];
	return null;
}

/** The badge letter on an approval: A (accelerated), C (conditional), none for full approval. */
export function glyphBadge(m: Pick<Milestone, 'type' | 'approvalKind'>): string | null {
	if (m.type !== 'approval') return null;
	if (m.approvalKind === 'accelerated' || m.approvalKind === 'conditional')
		return APPROVAL_BADGES[m.approvalKind];
	return null;
}
