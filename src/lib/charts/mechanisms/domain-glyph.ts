/**
 * The HER2 domain glyph: the receptor's four extracellular domains (I at the top, IV next to the
 * membrane) as stacked rounded boxes above a membrane line; the domains an asset binds are filled
 * and carry their numeral, the others are outlined. Pure geometry, so the screen and an exported
 * SVG draw the same picture.
 */
import { HER2_DOMAINS } from '$lib/data/vocabulary';

export type Her2Domain = (typeof HER2_DOMAINS)[number];

export interface DomainBox {
	domain: Her2Domain;
	bound: boolean;
	x: number;
	y: number;
	width: number;
	height: number;
	rx: number;
	/** Centre of the numeral. */
	textX: number;
	textY: number;
}

export interface DomainGlyph {
	status: 'known' | 'unknown' | 'na';
	/** Bound domains in receptor order (I→IV). */
	bound: Her2Domain[];
	/** Accessible name, e.g. "Binds HER2 domains II and IV". */
	label: string;
	width: number;
	height: number;
	boxes: DomainBox[];
	/** The stalk from domain IV through the membrane. */
	stalk: { x: number; y1: number; y2: number };
	/** Two lines for the lipid bilayer. */
	membrane: { x1: number; x2: number; y1: number; y2: number };
	/** Where the "?" goes when the domains are unknown. */
	question: { x: number; y: number } | null;
}

const BOX_W = 30;
// Tall enough for an 11 px numeral, the smallest chart text.
const BOX_H = 15;
const GAP = 3;
const PAD = 2;
const WIDTH = 44;

/** "II", "II and IV", "I, II and IV". */
export function listDomains(domains: readonly string[]): string {
	if (domains.length <= 1) return domains.join('');
	return `${domains.slice(0, -1).join(', ')} and ${domains.at(-1)}`;
}

export function sortDomains(domains: readonly string[]): Her2Domain[] {
	return HER2_DOMAINS.filter((d) => domains.includes(d));
}

/**
 * @param domains the asset's `domains.value` (null = unknown)
 * @param applicable false when the attribute does not apply (e.g. not a HER2 binder)
 */
export function domainGlyph(domains: readonly string[] | null, applicable = true): DomainGlyph {
	const status = !applicable ? 'na' : domains === null ? 'unknown' : 'known';
	const bound = status === 'known' ? sortDomains(domains ?? []) : [];
	const x = (WIDTH - BOX_W) / 2;
	const boxes = HER2_DOMAINS.map((domain, i): DomainBox => {
		const y = PAD + i * (BOX_H + GAP);
		return {
			domain,
			bound: bound.includes(domain),
			x,
			y,
			width: BOX_W,
			height: BOX_H,
			rx: 4,
			textX: WIDTH / 2,
			textY: y + BOX_H / 2
		};
	});
	const lastBottom = PAD + HER2_DOMAINS.length * (BOX_H + GAP) - GAP;
	const membraneY = lastBottom + 6;
	const label =
		status === 'na'
			? 'HER2 domains: not applicable'
			: status === 'unknown'
				? 'HER2 domains bound: unknown'
				: bound.length === 1
					? `Binds HER2 domain ${bound[0]}`
					: `Binds HER2 domains ${listDomains(bound)}`;
	return {
		status,
		bound,
		label,
		width: WIDTH,
		height: membraneY + 10,
		boxes,
		stalk: { x: WIDTH / 2, y1: lastBottom, y2: membraneY + 8 },
		membrane: { x1: 1, x2: WIDTH - 1, y1: membraneY, y2: membraneY + 4 },
		question: status === 'unknown' ? { x: WIDTH / 2, y: PAD + 2 * (BOX_H + GAP) - GAP / 2 } : null
	};
}
