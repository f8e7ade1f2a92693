/**
 * Fuzzing the dataset boundary: `validateDataset` and `parseDatasetText` promise never to throw and
 * to answer every input with either a model or a non-empty list of `{ path, message }` problems.
 * A seeded PRNG (mulberry32) mutates a small valid dataset hundreds of ways — missing fields,
 * wrong types, huge and unusual strings, NaN/Infinity/-0, negative counts, duplicate ids,
 * dangling references, deep nesting, prototype-pollution keys, arrays for objects — as JS values
 * (which can hold NaN, undefined, bigint, …) and as JSON text (truncated, BOM, wrong encoding, deep
 * nesting, duplicate keys). Every case is checked for the contract; failures are collected with
 * the case's description so a regression names its input.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LoadResult } from './load';
import { parseDatasetText, validateDataset } from './validate';

// ---------------------------------------------------------------------------------------------
// Set-up
// ---------------------------------------------------------------------------------------------

const BASE_TEXT = readFileSync(resolve('tests/fixtures/xss-base.json'), 'utf8');
const BASE: Record<string, unknown> = JSON.parse(BASE_TEXT);
const SEED = 20260911;
const MAX_PATH = 300;
const DEPTH = 10_000;

function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const random = mulberry32(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const chance = (p: number) => random() < p;

const clone = (): Record<string, unknown> => structuredClone(BASE);

type Key = string | number;
type Node = { path: Key[]; value: unknown };

/**
 * Every node of a JSON-like value, with its path (the root is []). Stops 12 levels down: the
 * dataset is shallower, and a 10,000-deep nest from an earlier mutation would cost O(depth²).
 */
function nodes(value: unknown, path: Key[] = [], out: Node[] = []): Node[] {
	out.push({ path, value });
	if (path.length >= 12) return out;
	if (Array.isArray(value)) value.forEach((item, i) => nodes(item, [...path, i], out));
	else if (value !== null && typeof value === 'object') {
		for (const [key, item] of Object.entries(value)) nodes(item, [...path, key], out);
	}
	return out;
}

function parentOf(root: unknown, path: Key[]): Record<Key, unknown> {
	let current = root as Record<Key, unknown>;
	for (const key of path.slice(0, -1)) current = current[key] as Record<Key, unknown>;
	return current;
}

function setAt(root: unknown, path: Key[], value: unknown): void {
	const key = path.at(-1);
	if (key === undefined) return;
	parentOf(root, path)[key] = value;
}

function removeAt(root: unknown, path: Key[]): void {
	const key = path.at(-1);
	if (key === undefined) return;
	const parent = parentOf(root, path);
	if (Array.isArray(parent)) parent.splice(Number(key), 1);
	else delete parent[key];
}

const first = (root: Record<string, unknown>, key: string) =>
	(root[key] as Record<string, unknown>[])[0] as Record<string, unknown>;

const where = (path: Key[]) => path.join('.') || '(root)';

// ---------------------------------------------------------------------------------------------
// Ingredients
// ---------------------------------------------------------------------------------------------

const ONE_MB = 'x'.repeat(1024 * 1024);
const UNICODE = [
	'\u202Eevil\u202C', // right-to-left override
	'\u200F\u200E', // RTL / LTR marks
	'a\u200B\u200C\u200D\uFEFFb', // zero-width characters
	'𝕏🧬👩‍🔬', // astral, ZWJ sequence
	'\uD800', // lone high surrogate
	'\uDFFF', // lone low surrogate
	'x\uDC00\uD800y', // reversed pair
	'e\u0301\u0301\u0301\u0301', // stacked combining marks
	'\u0000nul', // NUL
	'\u2028\u2029', // JS line separators
	'Ｉ Ｄ', // full-width
	'İı', // case-mapping traps
	'\uFFFD\uFFFE\uFFFF' // replacement and noncharacters
];
const DATE_TRAPS = [
	'2025-02-30',
	'0000',
	'9999-Q4',
	'2025-13',
	' 2025',
	'2025-W01',
	'2025-Q0',
	'-2025'
];

function deepArray(depth: number): unknown {
	let value: unknown = 'bottom';
	for (let i = 0; i < depth; i++) value = [value];
	return value;
}
function deepObject(depth: number): unknown {
	let value: unknown = 'bottom';
	for (let i = 0; i < depth; i++) value = { a: value };
	return value;
}
const DEEP_ARRAY = deepArray(DEPTH);
const DEEP_OBJECT = deepObject(DEPTH);
const deepText = (depth: number, open = '[', close = ']') =>
	`${open.repeat(depth)}1${close.repeat(depth)}`;
const deepObjectText = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** Values JSON cannot hold (only reach validateDataset directly) and ones it can. */
const ODD_VALUES: readonly unknown[] = [
	NaN,
	Infinity,
	-Infinity,
	-0,
	0,
	-1,
	1.5,
	1e308,
	-1e308,
	5e-324,
	Number.MAX_SAFE_INTEGER + 2,
	10n,
	undefined,
	null,
	true,
	'',
	' ',
	'null',
	[],
	[1, 2],
	{},
	{ value: 1 },
	new Date(0),
	new Map([['a', 1]]),
	() => 1,
	Symbol('s'),
	Object.create(null)
];

const REFERENCE_KEYS = new Set(['asset', 'trial', 'program', 'id', 'assets', 'programs', 'about']);

// ---------------------------------------------------------------------------------------------
// Mutations on a JS value
// ---------------------------------------------------------------------------------------------

type Mutation = (root: Record<string, unknown>) => string;

const MUTATIONS = {
	remove(root) {
		const node = pick(nodes(root).slice(1));
		removeAt(root, node.path);
		return `remove ${where(node.path)}`;
	},
	wrongType(root) {
		const node = pick(nodes(root));
		const value = pick(ODD_VALUES);
		setAt(root, node.path, value);
		return `${where(node.path)} = ${typeof value === 'symbol' ? 'Symbol' : String(value)}`;
	},
	hugeString(root) {
		const node = pick(nodes(root).filter((n) => typeof n.value === 'string'));
		setAt(root, node.path, ONE_MB);
		return `${where(node.path)} = 1 MB string`;
	},
	unicode(root) {
		const node = pick(nodes(root).filter((n) => typeof n.value === 'string'));
		const text = pick(UNICODE);
		setAt(root, node.path, chance(0.5) ? text : `${String(node.value)}${text}`);
		return `${where(node.path)} gets ${JSON.stringify(text)}`;
	},
	negative(root) {
		const node = pick(nodes(root).filter((n) => typeof n.value === 'number'));
		if (!node) return 'no number';
		setAt(root, node.path, -Math.abs(node.value as number) - 1);
		return `${where(node.path)} negative`;
	},
	numberEdge(root) {
		const node = pick(nodes(root).filter((n) => typeof n.value === 'number'));
		const value = pick([NaN, Infinity, -Infinity, -0, 1e308, 5e-324, 2 ** 53 + 1, 0.1 + 0.2]);
		setAt(root, node.path, value);
		return `${where(node.path)} = ${String(value)}`;
	},
	dateTrap(root) {
		const node = pick(
			nodes(root).filter((n) => typeof n.value === 'string' && /^\d{4}/.test(n.value))
		);
		const value = pick(DATE_TRAPS);
		setAt(root, node.path, value);
		return `${where(node.path)} = ${value}`;
	},
	duplicateId(root) {
		const collection = pick(
			['sources', 'assets', 'programs', 'milestones', 'trials', 'readouts', 'deals'].filter(
				(key) => Array.isArray(root[key]) && (root[key] as unknown[]).length > 0
			)
		);
		const list = root[collection] as unknown[];
		list.push(structuredClone(pick(list)));
		return `duplicate id in ${collection}`;
	},
	dangling(root) {
		const node = pick(
			nodes(root).filter(
				(n) =>
					n.path.length > 1 &&
					typeof n.value === 'string' &&
					n.path.some((key) => REFERENCE_KEYS.has(String(key)))
			)
		);
		setAt(root, node.path, 'dangling-404');
		return `${where(node.path)} dangles`;
	},
	arrayForObject(root) {
		const node = pick(nodes(root).filter((n) => n.value !== null && typeof n.value === 'object'));
		const swapped = Array.isArray(node.value) ? { ...node.value } : [node.value];
		if (node.path.length === 0) return 'root swap skipped';
		setAt(root, node.path, swapped);
		return `${where(node.path)} array/object swapped`;
	},
	deepNesting(root) {
		const node = pick(nodes(root).slice(1));
		setAt(root, node.path, chance(0.5) ? DEEP_ARRAY : DEEP_OBJECT);
		return `${where(node.path)} nested ${DEPTH} deep`;
	},
	prototypeKeys(root) {
		const node = pick(
			nodes(root).filter(
				(n) => n.value !== null && typeof n.value === 'object' && !Array.isArray(n.value)
			)
		);
		const target = node.value as Record<string, unknown>;
		const key = pick(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty']);
		// An own property, as JSON.parse would create it (plain assignment to __proto__ would not).
		Object.defineProperty(target, key, {
			value: { polluted: true, prototype: { polluted: true } },
			enumerable: true,
			configurable: true,
			writable: true
		});
		return `${where(node.path)} gets own key ${key}`;
	},
	extraKey(root) {
		const node = pick(
			nodes(root).filter(
				(n) => n.value !== null && typeof n.value === 'object' && !Array.isArray(n.value)
			)
		);
		const key = pick(['k'.repeat(10_000), '', ' ', '\uD800', '0', '$schema', 'id ']);
		(node.value as Record<string, unknown>)[key] = 1;
		return `${where(node.path)} gets key of ${key.length} chars`;
	}
} satisfies Record<string, Mutation>;
const MUTATION_NAMES = Object.keys(MUTATIONS) as (keyof typeof MUTATIONS)[];

// ---------------------------------------------------------------------------------------------
// Mutations on JSON text
// ---------------------------------------------------------------------------------------------

const TEXT_MUTATIONS = {
	truncate: (text) => {
		const at = Math.floor(random() * text.length);
		return [text.slice(0, at), `truncated at ${at}`];
	},
	bom: (text) => [`\uFEFF${text}`, 'BOM prefix'],
	replacementChars: (text) => {
		const chars = [...text];
		for (let i = 0; i < 5; i++) chars[Math.floor(random() * chars.length)] = '\uFFFD';
		return [chars.join(''), 'U+FFFD at 5 places'];
	},
	latin1AsUtf8: (text) => {
		// Bytes written as Latin-1 (é = 0xE9) then read as UTF-8: invalid sequences become U+FFFD.
		const accented = text.replace(/Example/g, 'Éxamplé');
		const bytes = Uint8Array.from([...accented].map((c) => c.charCodeAt(0) & 0xff));
		return [new TextDecoder('utf-8').decode(bytes), 'Latin-1 bytes decoded as UTF-8'];
	},
	utf16AsUtf8: (text) => {
		const bytes = new Uint8Array(text.length * 2);
		for (let i = 0; i < text.length; i++) {
			bytes[2 * i] = text.charCodeAt(i) & 0xff;
			bytes[2 * i + 1] = text.charCodeAt(i) >> 8;
		}
		return [new TextDecoder('utf-8').decode(bytes), 'UTF-16LE bytes decoded as UTF-8'];
	},
	randomBytes: (text) => {
		const bytes = new TextEncoder().encode(text);
		for (let i = 0; i < 20; i++)
			bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
		return [new TextDecoder('utf-8').decode(bytes), '20 random bytes'];
	},
	deepArrayInside: (text) => [
		text.replace('"conflicts": [', `"conflicts": [${deepText(DEPTH)},`),
		`array nested ${DEPTH} deep in conflicts`
	],
	deepObjectInside: (text) => [
		text.replace('"meta": {', `"meta": {"deep": ${deepObjectText(DEPTH)},`),
		`object nested ${DEPTH} deep in meta`
	],
	protoInJson: (text) => [
		text.replace(
			'{',
			'{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}},'
		),
		'__proto__ and constructor keys at the root'
	],
	protoInNested: (text) => [
		text.replace('"ci": {', '"ci": {"__proto__": {"low": -5},'),
		'__proto__ inside a CI'
	],
	duplicateKeys: (text) => [
		text.replace('"meta": {', '"meta": {"id": "first", "id": "Second ID",'),
		'duplicate keys'
	],
	overflowNumber: (text) => [text.replace(/"n": \d+/, '"n": 1e999'), 'n = 1e999 (Infinity)'],
	negativeZero: (text) => [text.replace(/"n": \d+/, '"n": -0'), 'n = -0'],
	nanLiteral: (text) => [text.replace(/"value": [\d.]+/, '"value": NaN'), 'NaN literal'],
	trailingComma: (text) => [text.replace(/\]\s*}\s*$/, '],}'), 'trailing comma'],
	comment: (text) => [`// dataset\n${text}`, 'leading comment'],
	lineSeparators: (text) => [
		text.replace(/"title": "/g, '"title": "\u2028\u2029'),
		'U+2028 in titles'
	],
	escapedSurrogate: (text) => [
		text.replace(/"title": "/, '"title": "\\ud800'),
		'escaped lone surrogate'
	]
} satisfies Record<string, (text: string) => [string, string]>;
const TEXT_MUTATION_NAMES = Object.keys(TEXT_MUTATIONS) as (keyof typeof TEXT_MUTATIONS)[];

// ---------------------------------------------------------------------------------------------
// The contract
// ---------------------------------------------------------------------------------------------

interface Failure {
	case: string;
	error: string;
}

const failures: Failure[] = [];
const stats = {
	cases: 0,
	ok: 0,
	rejected: 0,
	maxMessage: 0,
	maxPath: 0,
	millis: 0,
	slowest: null as { case: string; millis: number } | null
};
const startedAt = performance.now();

function checkContract(result: LoadResult): string | null {
	if (result === null || typeof result !== 'object') return 'no result object';
	if (result.ok === true) {
		return result.model && typeof result.model === 'object' ? null : 'ok without a model';
	}
	if (result.ok !== false) return 'ok is neither true nor false';
	if (!Array.isArray(result.problems) || result.problems.length === 0) return 'no problems listed';
	for (const problem of result.problems) {
		if (typeof problem.path !== 'string' || typeof problem.message !== 'string') {
			return `problem is not {path, message} strings: ${String(problem.path)}`;
		}
		if (problem.path.length > MAX_PATH) return `path of ${problem.path.length} chars`;
		if (problem.message.length === 0) return `empty message at ${problem.path}`;
		stats.maxPath = Math.max(stats.maxPath, problem.path.length);
		stats.maxMessage = Math.max(stats.maxMessage, problem.message.length);
	}
	return null;
}

function run(description: string, call: () => LoadResult): LoadResult | null {
	stats.cases++;
	const started = performance.now();
	let result: LoadResult | null = null;
	try {
		result = call();
		const broken = checkContract(result);
		if (broken) failures.push({ case: description, error: broken });
		else if (result.ok) stats.ok++;
		else stats.rejected++;
	} catch (error) {
		const err = error as Error;
		failures.push({
			case: description,
			error: `THREW ${err?.name}: ${err?.message}\n${err?.stack?.split('\n').slice(0, 6).join('\n')}`
		});
	} finally {
		const millis = performance.now() - started;
		stats.millis += millis;
		if (millis > (stats.slowest?.millis ?? 0)) stats.slowest = { case: description, millis };
	}
	return result;
}

const value = (description: string, input: unknown) =>
	run(`value: ${description}`, () => validateDataset(input, 'fuzz'));
const text = (description: string, input: string) =>
	run(`text: ${description}`, () => parseDatasetText(input, 'fuzz'));

function noPrototypePollution(): void {
	const probe = {} as Record<string, unknown>;
	expect(probe.polluted).toBeUndefined();
	expect(Object.prototype).not.toHaveProperty('polluted');
	expect(Object.keys(Object.prototype)).toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// Cases
// ---------------------------------------------------------------------------------------------

describe('the dataset boundary never throws and always explains', () => {
	afterAll(() => {
		console.info(
			`fuzz: ${stats.cases} cases (${stats.ok} accepted, ${stats.rejected} rejected) in ${stats.millis.toFixed(0)} ms (${(performance.now() - startedAt).toFixed(0)} ms with set-up); longest path ${stats.maxPath}, longest message ${stats.maxMessage} chars; slowest case ${stats.slowest?.millis.toFixed(0)} ms: ${stats.slowest?.case.slice(0, 120)}`
		);
	});

	it('accepts the unmutated base, as value and as text', () => {
		expect(value('base', clone())?.ok).toBe(true);
		expect(text('base', BASE_TEXT)?.ok).toBe(true);
	});

	it('answers odd roots', () => {
		for (const root of [...ODD_VALUES, DEEP_ARRAY, DEEP_OBJECT, 'a'.repeat(1024 * 1024)]) {
			const result = value(`root = ${typeof root}`, root);
			expect(result?.ok).toBe(false);
		}
		for (const source of [
			'',
			' ',
			'null',
			'0',
			'"text"',
			'[]',
			'{}',
			'\uFEFF{}',
			'undefined',
			'NaN',
			'{"meta":',
			deepText(DEPTH),
			deepObjectText(DEPTH),
			deepText(100_000),
			'\u0000',
			'"\\ud800"',
			'x'.repeat(21 * 1024 * 1024)
		]) {
			const result = text(
				`root text ${JSON.stringify(source.slice(0, 20))} (${source.length})`,
				source
			);
			expect(result?.ok).toBe(false);
		}
		expect(failures).toEqual([]);
	});

	it('survives each mutation on every collection at least once', () => {
		for (const name of MUTATION_NAMES) {
			for (let i = 0; i < 12; i++) {
				const root = clone();
				const description = MUTATIONS[name](root);
				value(`${name}: ${description}`, root);
			}
		}
		for (const name of TEXT_MUTATION_NAMES) {
			for (let i = 0; i < (name === 'truncate' || name === 'randomBytes' ? 30 : 2); i++) {
				const [mutated, description] = TEXT_MUTATIONS[name](BASE_TEXT);
				text(`${name}: ${description}`, mutated);
			}
		}
		expect(failures).toEqual([]);
		noPrototypePollution();
	});

	it('survives 500 random combinations of 1–5 mutations, as values and as JSON text', () => {
		const before = stats.cases;
		for (let i = 0; i < 500; i++) {
			const root = clone();
			const steps: string[] = [];
			const count = 1 + Math.floor(random() * 5);
			for (let j = 0; j < count; j++) {
				const name = pick(MUTATION_NAMES);
				try {
					steps.push(`${name}(${MUTATIONS[name](root)})`);
				} catch {
					// The mutation found nothing to act on (e.g. its earlier step removed the target).
					steps.push(`${name}(skipped)`);
				}
			}
			const description = `#${i} ${steps.join(' + ')}`;
			value(description, root);
			// The same input as text, when JSON can hold it (bigint cannot), sometimes cut short.
			let serialised: string | undefined;
			try {
				serialised = JSON.stringify(root);
			} catch {
				serialised = undefined;
			}
			if (serialised !== undefined && i % 2 === 0) {
				const cut = chance(0.2)
					? serialised.slice(0, Math.floor(random() * serialised.length))
					: serialised;
				text(`${description}${cut === serialised ? '' : ' (truncated)'}`, cut);
			}
		}
		// Every combination ran as a value (and most also as text): counted here, in this test.
		expect(stats.cases - before).toBeGreaterThanOrEqual(500);
		expect(failures).toEqual([]);
		noPrototypePollution();
	});

	it('rejects the classic wrong inputs with a path that names the field', () => {
		const cases: [string, (root: Record<string, unknown>) => void, string][] = [
			['negative n', (r) => (first(r, 'readouts').n = -5), 'readouts[0].n'],
			['NaN value', (r) => (first(r, 'readouts').value = NaN), 'readouts[0].value'],
			[
				'Infinity CI',
				(r) => ((first(r, 'readouts').ci as Record<string, unknown>).high = Infinity),
				'readouts[0].ci.high'
			],
			['missing meta', (r) => delete r.meta, 'meta'],
			['assets as object', (r) => (r.assets = {}), 'assets'],
			['dangling trial', (r) => (first(r, 'readouts').trial = 'nope'), 'readouts[0].trial'],
			[
				'duplicate asset',
				(r) => (r.assets as unknown[]).push(structuredClone(first(r, 'assets'))),
				'assets[2].id'
			],
			[
				'javascript: URL',
				(r) => (first(r, 'sources').url = 'javascript:alert(1)'),
				'sources[0].url'
			],
			['1 MB title', (r) => ((r.meta as { title: string }).title = ONE_MB), 'meta.title']
		];
		for (const [name, mutate, path] of cases) {
			const root = clone();
			mutate(root);
			const result = value(name, root);
			expect(result?.ok, name).toBe(false);
			if (result && !result.ok) {
				expect(
					result.problems.map((p) => p.path),
					name
				).toContain(path);
			}
		}
		expect(failures).toEqual([]);
	});
});
