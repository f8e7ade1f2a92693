/**
 * The URL codec's text helpers: comma lists with backslash escapes, canonical order for set-like
 * lists, shown counts, and the short quoted forms warnings use. Pure.
 */
import { MAX_SHOWN } from './view-state';

/** Upper bounds that keep a hostile or runaway link cheap to decode. */
export const MAX_ITEMS = 200;
export const MAX_VALUE_LENGTH = 200;
const MAX_LISTED = 8;

/** Comma-separated; a comma or backslash inside a value is escaped with a backslash. */
export function joinList(values: readonly string[]): string {
	return values.map((v) => v.replace(/[\\,]/g, (c) => '\\' + c)).join(',');
}

export function splitList(text: string): string[] {
	const out: string[] = [];
	let current = '';
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === '\\' && i + 1 < text.length) current += text[++i];
		else if (c === ',') {
			out.push(current);
			current = '';
		} else current += c;
	}
	out.push(current);
	return out.map((v) => v.trim()).filter((v) => v !== '');
}

/** Canonical order for set-like lists: the order of `order` when given, else sorted. */
export function canonical<T extends string>(values: readonly T[], order?: readonly string[]): T[] {
	const sorted = [...new Set(values)].sort();
	if (!order) return sorted;
	const rank = (v: string) => {
		const i = order.indexOf(v);
		return i < 0 ? Number.MAX_SAFE_INTEGER : i;
	};
	// A stable sort: values outside `order` stay sorted among themselves, after the others.
	return sorted.sort((a, b) => rank(a) - rank(b));
}

/** A "how many are drawn" count: a whole number from the first step up to MAX_SHOWN. */
export function shownCount(value: unknown, step: number): number {
	return Number.isInteger(value) ? Math.min(MAX_SHOWN, Math.max(step, value as number)) : step;
}

/** Parses a shown count from a link, or null when it is not a whole number. */
export function parseCount(text: string): number | null {
	const digits = text.trim();
	return /^\d{1,9}$/.test(digits) ? Number(digits) : null;
}

/** Undo one extra layer of percent-encoding (a link pasted through an over-eager encoder). */
export function undoubleEncode(value: string): string {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}

export function quote(value: string): string {
	const short = value.length > 40 ? value.slice(0, 40) + '…' : value;
	return `"${short}"`;
}

export function listed(items: readonly string[]): string {
	const shown = items.slice(0, MAX_LISTED).join(', ');
	return items.length > MAX_LISTED ? `${shown} and ${items.length - MAX_LISTED} more` : shown;
}
