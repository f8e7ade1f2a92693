/**
 * Schema errors as `path: message` lines a curator can act on: the path in the notation of the
 * QA checks (`readouts[3].ci.low`), the message in plain words naming what was expected and what
 * was found (`expected a number, got "63,0"`).
 */
import type * as z from 'zod/mini';

export interface FormattedIssue {
	path: string;
	message: string;
}

type ZodIssue = z.core.$ZodIssue;

const MAX_SHOWN_CHARS = 60;

/** ['readouts', 3, 'ci', 'low'] → "readouts[3].ci.low"; the dataset itself is "(root)". */
export function formatPath(path: readonly PropertyKey[]): string {
	let text = '';
	for (const key of path) {
		if (typeof key === 'number') text += `[${key}]`;
		else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) {
			text += text === '' ? key : `.${key}`;
		} else text += `[${JSON.stringify(String(key))}]`;
	}
	return text === '' ? '(root)' : text;
}

/** A received value for a message: strings quoted and cut to 60 characters, containers named. */
export function describeValue(value: unknown): string {
	if (typeof value === 'string') {
		const cut = value.length > MAX_SHOWN_CHARS ? `${value.slice(0, MAX_SHOWN_CHARS - 1)}…` : value;
		return JSON.stringify(cut);
	}
	if (value === null) return 'null';
	if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
	if (typeof value === 'object') return 'an object';
	return String(value);
}

const EXPECTED_TYPES: Record<string, string> = {
	number: 'a number',
	int: 'a whole number',
	string: 'text',
	boolean: 'true or false',
	object: 'an object',
	array: 'a list',
	null: 'null',
	bigint: 'a whole number',
	date: 'a date'
};

function describeExpectedType(expected: string): string {
	return EXPECTED_TYPES[expected] ?? `a ${expected}`;
}

function quoteValues(values: readonly unknown[]): string {
	return values.map((value) => JSON.stringify(value)).join(', ');
}

/** Quoted and shortened like any shown value: a 1 MB key name must not become a 1 MB message. */
function quoteKeys(keys: readonly string[]): string {
	const shown = keys.slice(0, 10).map(describeValue).join(', ');
	return keys.length > 10 ? `${shown} and ${keys.length - 10} more` : shown;
}

/** What one branch of a union wanted, when it failed on the value itself (not deeper inside). */
function unionAlternative(branch: readonly ZodIssue[]): string | null {
	const direct = branch.find((issue) => issue.path.length === 0);
	if (!direct) return null;
	if (direct.code === 'invalid_type') return describeExpectedType(direct.expected);
	if (direct.code === 'invalid_value') return quoteValues(direct.values);
	return null;
}

// The value an issue is about: zod records it with `reportInput`; otherwise look it up by path.
const UNKNOWN = Symbol('unknown value');

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
	let current: unknown = root;
	for (const key of path) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<PropertyKey, unknown>)[key];
	}
	return current;
}

function receivedValue(issue: ZodIssue, root: unknown, hasRoot: boolean): unknown {
	if ('input' in issue) return issue.input;
	return hasRoot ? valueAt(root, issue.path) : UNKNOWN;
}

function got(value: unknown): string {
	return value === UNKNOWN ? '' : `, got ${describeValue(value)}`;
}

function sizeOf(value: unknown): number | null {
	if (typeof value === 'string' || Array.isArray(value)) return value.length;
	return null;
}

function plural(count: number, one: string, many: string): string {
	return `${count} ${count === 1 ? one : many}`;
}

function describeBound(
	issue: Extract<ZodIssue, { code: 'too_small' | 'too_big' }>,
	received: unknown
): string {
	const small = issue.code === 'too_small';
	const limit = small ? issue.minimum : issue.maximum;
	const size = sizeOf(received);
	const gotSize = size === null ? '' : `, got ${size}`;
	if (issue.origin === 'string') {
		if (small && Number(limit) === 1) return `must not be empty`;
		return `must be ${small ? 'at least' : 'at most'} ${plural(Number(limit), 'character', 'characters')}${gotSize}`;
	}
	if (issue.origin === 'array' || issue.origin === 'set') {
		return `must have ${small ? 'at least' : 'at most'} ${plural(Number(limit), 'item', 'items')}${gotSize}`;
	}
	const comparison = small
		? issue.inclusive
			? 'at least'
			: 'greater than'
		: issue.inclusive
			? 'at most'
			: 'less than';
	return `must be ${comparison} ${String(limit)}${got(received)}`;
}

function describeFormat(
	issue: Extract<ZodIssue, { code: 'invalid_format' }>,
	received: unknown
): string {
	if (issue.format === 'url') return `expected an http(s) link${got(received)}`;
	// Our schema gives every regex a sentence of its own; zod's default one just says "Invalid"
	// ("Invalid input" under zod/mini, which loads no locale).
	const explanation = issue.message.startsWith('Invalid')
		? `does not have the expected form (${issue.format})`
		: issue.message;
	return `${explanation}${got(received)}`;
}

function describeIssue(issue: ZodIssue, received: unknown): string {
	switch (issue.code) {
		case 'invalid_type':
			if (received === undefined)
				return `missing (expected ${describeExpectedType(issue.expected)})`;
			return `expected ${describeExpectedType(issue.expected)}${got(received)}`;
		case 'invalid_value':
			return issue.values.length === 1
				? `expected ${quoteValues(issue.values)}${got(received)}`
				: `expected one of ${quoteValues(issue.values)}${got(received)}`;
		case 'unrecognized_keys':
			return issue.keys.length === 1
				? `unknown key ${quoteKeys(issue.keys)} (not part of the schema)`
				: `unknown keys ${quoteKeys(issue.keys)} (not part of the schema)`;
		case 'invalid_union': {
			const alternatives = issue.errors.map(unionAlternative);
			if (alternatives.length === 0 || alternatives.some((a) => a === null)) {
				return `does not match any of the allowed forms${got(received)}`;
			}
			return `expected ${[...new Set(alternatives)].join(' or ')}${got(received)}`;
		}
		case 'too_small':
		case 'too_big':
			return describeBound(issue, received);
		case 'invalid_format':
			return describeFormat(issue, received);
		default:
			// The schema uses zod/mini, which loads no locale: a message the schema does not give is
			// zod's bare "Invalid input". Every code the dataset schema can produce is described above.
			return issue.message;
	}
}

/**
 * One `{ path, message }` per zod issue. Pass the parsed `input` when the schema was not run with
 * `reportInput: true`, so messages can still quote the received values.
 */
export function formatSchemaIssues(error: z.core.$ZodError, input?: unknown): FormattedIssue[] {
	const hasRoot = input !== undefined;
	return error.issues.map((issue) => ({
		path: formatPath(issue.path),
		message: describeIssue(issue, receivedValue(issue, input, hasRoot))
	}));
}
