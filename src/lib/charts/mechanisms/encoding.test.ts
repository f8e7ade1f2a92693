import { describe, expect, it } from 'vitest';
import { PHASE_COLOURS, PHASE_TEXT } from '$lib/charts/shared/palette';
import {
	biparatopicMarker,
	markerPath,
	modalityMarker,
	phaseChip,
	type MarkerShape
} from './encoding';

/** The points a marker's outline passes through, in drawing order (M, L, H, V and arc ends). */
function vertices(path: string): [number, number][] {
	const points: [number, number][] = [];
	let x = 0;
	let y = 0;
	for (const [, command, args] of path.matchAll(/([MLHVAZ])([^MLHVAZ]*)/g)) {
		const n = (args ?? '')
			.split(/[\s,]+/)
			.filter(Boolean)
			.map(Number);
		if (command === 'M' || command === 'L') [x, y] = [n[0]!, n[1]!];
		else if (command === 'H') x = n[0]!;
		else if (command === 'V') y = n[0]!;
		else if (command === 'A') [x, y] = [n[5]!, n[6]!];
		else continue;
		points.push([x, y]);
	}
	return points;
}

describe('marker shapes', () => {
	const r = 10;

	it('draws a circle of radius r as two half arcs through (−r, 0) and (r, 0)', () => {
		const path = markerPath('circle', r);
		expect(vertices(path)).toEqual([
			[-r, 0],
			[r, 0],
			[-r, 0]
		]);
		expect([...path.matchAll(/A([\d.]+),([\d.]+)/g)].map((m) => [+m[1]!, +m[2]!])).toEqual([
			[r, r],
			[r, r]
		]);
	});

	it('draws a diamond with its corners on the axes', () => {
		expect(vertices(markerPath('diamond', r))).toEqual([
			[0, -r],
			[r, 0],
			[0, r],
			[-r, 0]
		]);
	});

	it('draws a triangle pointing up, its base below the centre', () => {
		expect(vertices(markerPath('triangle', r))).toEqual([
			[0, -r],
			[r, 8],
			[-r, 8]
		]);
	});

	it('draws a square a little inside the radius (its corners would stick out otherwise)', () => {
		expect(vertices(markerPath('square', r))).toEqual([
			[-8.5, -8.5],
			[8.5, -8.5],
			[8.5, 8.5],
			[-8.5, 8.5]
		]);
	});

	it('draws a hexagon of six corners on the circle, flat on its left and right', () => {
		const corners = vertices(markerPath('hexagon', r));
		expect(corners).toHaveLength(6);
		for (const [x, y] of corners) expect(Math.hypot(x, y)).toBeCloseTo(r, 1);
		// a corner at the top and at the bottom, two upright sides at x = ±r·cos 30°
		expect(corners).toContainEqual([0, r]);
		expect(corners).toContainEqual([0, -r]);
		expect(corners.filter(([x]) => Math.abs(x - 8.66) < 0.01)).toHaveLength(2);
		expect(corners.filter(([x]) => Math.abs(x + 8.66) < 0.01)).toHaveLength(2);
		// drawn round the outline, each corner next to the previous one (one side, r, apart)
		for (let i = 1; i < corners.length; i++) {
			const [[x0, y0], [x1, y1]] = [corners[i - 1]!, corners[i]!];
			expect(Math.hypot(x1 - x0, y1 - y0)).toBeCloseTo(r, 1);
		}
	});

	it('draws a plus-shaped cross with arms 0.7 r wide reaching to r', () => {
		const t = 3.5;
		expect(vertices(markerPath('cross', r))).toEqual([
			[-t, -r],
			[t, -r],
			[t, -t],
			[r, -t],
			[r, t],
			[t, t],
			[t, r],
			[-t, r],
			[-t, t],
			[-r, t],
			[-r, -t],
			[-t, -t]
		]);
	});

	it.each(['circle', 'diamond', 'triangle', 'square', 'hexagon', 'cross'] as const)(
		'%s: closed, inside the radius, coordinates rounded to 2 decimals',
		(shape: MarkerShape) => {
			const path = markerPath(shape, 4.123);
			expect(path).toMatch(/^M.*Z$/);
			expect(path).not.toMatch(/\d\.\d{3}/);
			for (const [x, y] of vertices(path)) {
				expect(Math.abs(x)).toBeLessThanOrEqual(4.12);
				expect(Math.abs(y)).toBeLessThanOrEqual(4.12);
			}
		}
	);
});

describe('modality markers', () => {
	it('names a known modality in words and keeps its key', () => {
		expect(modalityMarker('bispecific antibody')).toMatchObject({
			key: 'bispecific antibody',
			label: 'Bispecific antibody',
			shape: 'diamond'
		});
		expect(modalityMarker('antibody-drug conjugate')).toMatchObject({
			key: 'antibody-drug conjugate',
			label: 'Antibody–drug conjugate',
			shape: 'triangle'
		});
	});

	it('draws a modality outside the vocabulary as "other", printed as it was given', () => {
		const other = modalityMarker('other');
		expect(modalityMarker('radioligand')).toEqual({
			...other,
			key: 'radioligand',
			label: 'radioligand'
		});
		expect(other.shape).toBe('cross');
	});
});

describe('biparatopic marker', () => {
	it('tells yes from no in words, shape and colour', () => {
		const yes = biparatopicMarker(true);
		const no = biparatopicMarker(false);
		expect(yes).toMatchObject({ key: 'yes', label: 'Yes', shape: 'diamond' });
		expect(no).toMatchObject({ key: 'no', label: 'No', shape: 'circle' });
		expect(yes.fill).not.toBe(no.fill);
		expect(yes.stroke).toBe(no.stroke);
	});
});

describe('phase chips', () => {
	it('name the phase in words, on the phase colour with its text colour', () => {
		expect(phaseChip('phase 1/2')).toEqual({
			phase: 'phase 1/2',
			label: 'Phase 1/2',
			fill: PHASE_COLOURS['phase 1/2'],
			text: PHASE_TEXT['phase 1/2']
		});
		expect(phaseChip('approved').label).toBe('Approved');
	});
});
