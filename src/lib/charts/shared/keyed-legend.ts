/**
 * A legend's items, each with a key saying what it shows (`kind:label`, a repeat numbered). Drawn
 * keyed by it, a filter click that drops or adds one entry keeps the other entries' elements and
 * only moves them; keyed by place, every entry after it was drawn anew.
 */
export interface KeyedLegendItem<T> {
	key: string;
	item: T;
}

export function keyedLegend<T extends { kind: string; label: string }>(
	items: readonly T[]
): KeyedLegendItem<T>[] {
	const seen = new Map<string, number>();
	return items.map((item) => {
		const base = `${item.kind}:${item.label}`;
		const repeat = seen.get(base) ?? 0;
		seen.set(base, repeat + 1);
		return { key: repeat === 0 ? base : `${base}#${repeat}`, item };
	});
}
