/**
 * Timeline milestones on slides: the screen's glyph shapes as PowerPoint preset shapes with their
 * letter inside, the date bracket of an approximate date, the badge and the agency beside it.
 * Pure: scene items only.
 */
import { GEOMETRY, type GlyphMark } from '$lib/charts/timeline/timeline.layout';
import type { GlyphShape } from '$lib/charts/timeline/glyphs';
import { INK, INK_MUTED, PAPER } from '$lib/charts/shared/palette';
import type { PresetShape, SceneItem } from './scene';

/** Screen glyph shapes as PowerPoint presets (rotation turns a triangle). */
export const PRESET_OF_GLYPH: Record<
	GlyphShape,
	{ shape: PresetShape; rotate?: number; k: number }
> = {
	square: { shape: 'rect', k: 1.64 },
	'triangle-right': { shape: 'triangle', rotate: 90, k: 1.9 },
	'triangle-up': { shape: 'triangle', k: 1.9 },
	'triangle-down': { shape: 'triangle', rotate: 180, k: 1.9 },
	diamond: { shape: 'diamond', k: 2.3 },
	pentagon: { shape: 'pentagon', k: 2 },
	star: { shape: 'star5', k: 2.2 },
	hexagon: { shape: 'hexagon', k: 2 },
	circle: { shape: 'ellipse', k: 1.8 },
	bullseye: { shape: 'donut', k: 2 },
	plus: { shape: 'plus', k: 2 }
};

export function glyphItems(
	shape: GlyphShape,
	cx: number,
	cy: number,
	r: number,
	colour: string,
	hollow: boolean,
	letter: string | null,
	group: string | undefined,
	name: string
): SceneItem[] {
	const preset = PRESET_OF_GLYPH[shape];
	const size = r * preset.k;
	const items: SceneItem[] = [
		{
			kind: 'shape',
			shape: preset.shape,
			cx,
			cy,
			w: size,
			h: size,
			rotate: preset.rotate,
			fill: hollow ? PAPER : colour,
			stroke: colour,
			strokeWidth: hollow ? 1.6 : 1,
			dash: hollow,
			group,
			name
		}
	];
	if (letter)
		items.push({
			kind: 'text',
			text: letter,
			x: cx,
			y: cy + r * 0.45,
			size: r * 1.3,
			anchor: 'middle',
			colour: hollow ? colour : PAPER,
			bold: true,
			group,
			name: `${name} letter`
		});
	return items;
}

export function glyphMark(g: GlyphMark, group: string): SceneItem[] {
	const G = GEOMETRY;
	const items: SceneItem[] = [];
	const name = `Milestone: ${g.item.typeName}, ${g.item.dateText}`;
	if (g.span) {
		const y = g.y + G.glyphR + 4;
		items.push({
			kind: 'line',
			x1: g.span.x0,
			y1: y,
			x2: g.span.x1,
			y2: y,
			stroke: g.colour,
			strokeWidth: 1.25,
			dash: g.hollow,
			group,
			name: `${name} period`
		});
	}
	items.push(...glyphItems(g.shape, g.x, g.y, G.glyphR, g.colour, g.hollow, g.letter, group, name));
	if (g.badge)
		items.push({
			kind: 'text',
			text: g.badge,
			x: g.x + G.glyphR * 1.3,
			y: g.y - G.glyphR * 0.3,
			size: 9.5,
			anchor: 'start',
			colour: INK,
			bold: true,
			group,
			name: `${name} badge`
		});
	if (g.sideLabel)
		items.push({
			kind: 'text',
			text: g.sideLabel,
			x: g.x + G.glyphR + (g.badge ? 12 : 3),
			y: g.y + 3.5,
			size: 9.5,
			anchor: 'start',
			colour: INK_MUTED,
			bold: true,
			group,
			name: `${name} agency`
		});
	return items;
}
