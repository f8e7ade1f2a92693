/**
 * What a chosen line of therapy means to a reader. A population reported "from an earlier line
 * onward" ("2L+": second line or later) covers every line from that one on, so a reader choosing
 * "2L" or "3L" expects it included: KC-WISE, reported for 2L+ gastric cancer, is a second-line
 * result. Pure.
 *
 * - "NL" (a numbered line) matches itself and every "ML+" with M ≤ N.
 * - Any other value ("2L+", "1L", "neoadjuvant", "later line") matches only itself, so a link that
 *   chose "2L+" shows what it showed before.
 */

const NUMBERED = /^(\d+)L$/;
const ONWARD = /^(\d+)L\+$/;

/** The number of a line like "3L" or "3L+", else null. */
function lineNumber(value: string, pattern: RegExp): number | null {
	const match = pattern.exec(value);
	return match ? Number(match[1]) : null;
}

/** True when choosing `chosen` should show a row reported for `line`. */
export function lineCovers(chosen: string, line: string | null | undefined): boolean {
	// Stryker disable next-line ConditionalExpression: a missing line equals no chosen line and has no onward number either
	if (line == null) return false;
	if (chosen === line) return true;
	const n = lineNumber(chosen, NUMBERED);
	const from = lineNumber(line, ONWARD);
	// Stryker disable next-line ConditionalExpression: without a number, `from <= null` is false for every onward line (1L+ and up)
	return n !== null && from !== null && from <= n;
}

/** True when a row reported for `line` passes the chosen lines (none chosen = every row). */
export function linePasses(chosen: readonly string[], line: string | null | undefined): boolean {
	return chosen.length === 0 || chosen.some((c) => lineCovers(c, line));
}

/** The onward populations ("2L+", …) among `known` that choosing `chosen` also brings in. */
export function onwardLinesIncluded(chosen: string, known: readonly string[]): string[] {
	return known.filter((line) => line !== chosen && lineCovers(chosen, line));
}

/**
 * One sentence for the Line menu saying how chosen lines read, from the values the dataset has,
 * e.g. "2L includes 2L+; 3L includes 2L+ and 3L+ (populations reported from an earlier line
 * onward)." Null when no value of the dataset brings in another.
 */
export function lineMenuNote(known: readonly string[]): string | null {
	const parts: string[] = [];
	for (const chosen of known) {
		const extra = onwardLinesIncluded(chosen, known);
		if (extra.length === 0) continue;
		const list =
			extra.length === 1 ? extra[0] : `${extra.slice(0, -1).join(', ')} and ${extra.at(-1)}`;
		parts.push(`${chosen} includes ${list}`);
	}
	return parts.length
		? `${parts.join('; ')} (populations reported from an earlier line onward).`
		: null;
}

/**
 * The lines a reader can choose: the dataset's own, plus "NL" for every "NL+" it reports, so a
 * landscape with a 3L+ population but no 3L one still offers "3L" (which shows 2L+ and 3L+).
 */
export function choosableLines(values: Iterable<string>): string[] {
	const out = new Set(values);
	for (const v of [...out]) {
		const from = lineNumber(v, ONWARD);
		if (from !== null) out.add(`${from}L`);
	}
	return [...out];
}
