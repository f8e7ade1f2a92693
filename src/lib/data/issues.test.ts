import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { describeValue, formatPath, formatSchemaIssues } from './issues';
import { Dataset, Deal, Readout, Source } from './schema';

const READOUT = {
	id: 'r-orr',
	trial: 'kn026-201',
	asset: 'kn026',
	arm: 'KN026',
	armRole: 'investigational',
	indication: 'Gastric cancer',
	indicationGroup: 'gastric',
	line: '2L',
	biomarker: 'HER2+',
	population: 'efficacy-evaluable set',
	endpoint: 'ORR',
	value: 76.4,
	unit: '%',
	ci: { low: 63.0, high: 86.8 },
	n: 55,
	responders: 42,
	maturity: 'primary',
	dataCut: '2024-11',
	sources: [{ id: 's-paper', quote: 'ORR was 76.4%' }]
};

/** The readout with one field replaced (or removed, with `undefined`). */
function readoutWith(changes: Record<string, unknown>): Record<string, unknown> {
	const readout: Record<string, unknown> = { ...structuredClone(READOUT), ...changes };
	for (const [key, value] of Object.entries(changes)) if (value === undefined) delete readout[key];
	return readout;
}

function formatted(schema: z.ZodMiniType, input: unknown, reportInput: boolean) {
	const result = schema.safeParse(input, { reportInput });
	if (result.success) throw new Error('expected the input to fail the schema');
	return formatSchemaIssues(result.error, reportInput ? undefined : input);
}

describe('formatPath', () => {
	it.each<[PropertyKey[], string]>([
		[['readouts', 3, 'ci', 'low'], 'readouts[3].ci.low'],
		[['meta', 'asOf'], 'meta.asOf'],
		[[0, 'id'], '[0].id'],
		[['$schema'], '$schema'],
		[['odd key'], '["odd key"]'],
		[[], '(root)']
	])('%j → %s', (path, text) => {
		expect(formatPath(path)).toBe(text);
	});
});

describe('describeValue', () => {
	it.each<[unknown, string]>([
		['63,0', '"63,0"'],
		['x'.repeat(100), `"${'x'.repeat(59)}…"`],
		[55.5, '55.5'],
		[true, 'true'],
		[null, 'null'],
		[[], 'an empty list'],
		[[1], 'a list'],
		[{ a: 1 }, 'an object']
	])('%j → %s', (value, text) => {
		expect(describeValue(value)).toBe(text);
	});
});

describe('formatSchemaIssues', () => {
	const cases: [string, Record<string, unknown>, string, string][] = [
		['a number written as text', { value: '76,4' }, 'value', 'expected a number, got "76,4"'],
		[
			'a CI bound written with a comma',
			{ ci: { low: '63,0', high: 86.8 } },
			'ci.low',
			'expected a number or "NR", got "63,0"'
		],
		['a fractional count', { n: 55.5 }, 'n', 'expected a whole number, got 55.5'],
		['a negative count', { responders: -1 }, 'responders', 'must be at least 0, got -1'],
		['a missing field', { population: undefined }, 'population', 'missing (expected text)'],
		[
			'an endpoint outside the list',
			{ endpoint: 'BOR' },
			'endpoint',
			'expected one of "ORR", "cORR", "DCR", "CBR", "pCR", "tpCR", "mPFS", "mOS", "mDOR", "HR-PFS", "HR-OS", "PFS-rate", "OS-rate", "DOR-rate", got "BOR"'
		],
		[
			'an unknown key',
			{ ci: { low: 63, high: 86.8, lvl: 0.95 } },
			'ci',
			'unknown key "lvl" (not part of the schema)'
		],
		[
			'two unknown keys',
			{ orr: 1, pvalue: '<.001' },
			'(root)',
			'unknown keys "orr", "pvalue" (not part of the schema)'
		],
		[
			'a quote that is too short',
			{ sources: [{ id: 's-paper', quote: 'ab' }] },
			'sources[0].quote',
			'must be at least 4 characters, got 2'
		],
		[
			'a malformed date',
			{ dataCut: '11/2024' },
			'dataCut',
			'a date is "YYYY-MM-DD", "YYYY-MM", "YYYY-Qn", "YYYY-Hn" or "YYYY", got "11/2024"'
		],
		[
			'an id with capitals',
			{ id: 'R-ORR' },
			'id',
			'ids are lower-case letters, digits and dashes, e.g. "kn026", got "R-ORR"'
		],
		['an empty arm', { arm: '' }, 'arm', 'must not be empty'],
		[
			'a CI level in percent',
			{ ci: { level: 95, low: 63, high: 86.8 } },
			'ci.level',
			'must be less than 1, got 95'
		]
	];

	describe.each([
		['with reportInput', true],
		['with the input passed in', false]
	])('%s', (_name, reportInput) => {
		it.each(cases)('%s', (_case, changes, path, message) => {
			expect(formatted(Readout, readoutWith(changes), reportInput)).toEqual([{ path, message }]);
		});
	});

	it('leaves the received value out when it cannot know it', () => {
		const result = Readout.safeParse(readoutWith({ value: '76,4' }));
		expect(result.success).toBe(false);
		if (result.success) return;
		expect(formatSchemaIssues(result.error)).toEqual([
			{ path: 'value', message: 'expected a number' }
		]);
	});

	it('names an invalid link', () => {
		const source = {
			id: 's',
			kind: 'news',
			title: 'T',
			publisher: null,
			date: null,
			url: 'javascript:alert(1)'
		};
		expect(formatted(Source, source, true)).toEqual([
			{ path: 'url', message: 'expected an http(s) link, got "javascript:alert(1)"' }
		]);
	});

	it('gives full paths into a dataset', () => {
		const dataset = {
			meta: { id: 'x', title: 'X', target: 'HER2', asOf: '2025-09', version: '1' },
			sources: [],
			assets: [],
			programs: [],
			milestones: [],
			trials: [],
			readouts: [READOUT, readoutWith({ ci: { low: 63, high: '86,8' } })]
		};
		expect(formatted(Dataset, dataset, true)).toEqual([
			{ path: 'readouts[1].ci.high', message: 'expected a number or "NR", got "86,8"' }
		]);
	});
});

describe('unknown keys stay short', () => {
	const unknownKeys = (count: number) => {
		const parsed = Source.safeParse({
			id: 's',
			kind: 'news',
			title: 'T',
			publisher: null,
			date: null,
			...Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, 1]))
		});
		if (parsed.success) throw new Error('expected unknown keys');
		return formatSchemaIssues(parsed.error).map((p) => p.message);
	};

	it('names ten keys, then how many more', () => {
		const ten = Array.from({ length: 10 }, (_, i) => `"k${i}"`).join(', ');
		expect(unknownKeys(10)).toEqual([`unknown keys ${ten} (not part of the schema)`]);
		expect(unknownKeys(12)).toEqual([`unknown keys ${ten} and 2 more (not part of the schema)`]);
	});

	it('shortens a huge key name and caps the list', () => {
		const keys = Object.fromEntries(
			Array.from({ length: 12 }, (_, i) => [`${'k'.repeat(i === 0 ? 100_000 : 3)}${i}`, 1])
		);
		const parsed = Dataset.safeParse({ meta: { ...keys } });
		expect(parsed.success).toBe(false);
		const problem = formatSchemaIssues(parsed.error!).find((p) => p.message.startsWith('unknown'));
		expect(problem?.message.length).toBeLessThan(1000);
		expect(problem?.message).toContain('and 2 more');
	});
});

describe('what a curator reads for each kind of problem', () => {
	const messages = (schema: z.ZodMiniType, input: unknown) => {
		const result = schema.safeParse(input, { reportInput: true });
		if (result.success) throw new Error('expected the input to fail the schema');
		return formatSchemaIssues(result.error).map(({ path, message }) => `${path}: ${message}`);
	};

	it.each<[string, Record<string, unknown>, string]>([
		[
			'text over its length',
			{ arm: 'x'.repeat(201) },
			'arm: must be at most 200 characters, got 201'
		],
		[
			'a CI level of zero',
			{ ci: { level: 0, low: 63, high: 86.8 } },
			'ci.level: must be greater than 0, got 0'
		],
		[
			'a landmark of zero months',
			{ landmarkMonths: 0 },
			'landmarkMonths: must be greater than 0, got 0'
		],
		[
			'a flag written as text',
			{ notReached: 'yes' },
			'notReached: expected true or false, got "yes"'
		],
		['a CI given as a list', { ci: [] }, 'ci: expected an object, got an empty list'],
		[
			'sources given as an object',
			{ sources: { id: 's' } },
			'sources: expected a list, got an object'
		],
		[
			'a CI bound given as an object',
			{ ci: { low: { value: 63 }, high: 86.8 } },
			'ci.low: expected a number or "NR", got an object'
		],
		[
			'an arm role outside the list',
			{ armRole: 'control' },
			'armRole: expected one of "investigational", "comparator", "benchmark", got "control"'
		]
	])('%s', (_, changes, text) => {
		expect(messages(Readout, readoutWith(changes))).toEqual([text]);
	});

	it('a list that must not be empty', () => {
		const deal = {
			id: 'd',
			asset: [],
			kind: 'licence',
			licensor: 'A',
			licensee: 'B',
			territory: null,
			scope: null,
			date: null,
			value: null,
			sources: []
		};
		expect(messages(Deal, deal)).toEqual(['asset: must have at least 1 item, got 0']);
	});

	it.each<[string, z.ZodMiniType, unknown, string]>([
		['a single allowed value', z.literal('NR'), 'nr', '(root): expected "NR", got "nr"'],
		[
			'too many items',
			z.array(z.number()).check(z.maxLength(2)),
			[1, 2, 3],
			'(root): must have at most 2 items, got 3'
		],
		[
			'one character at most',
			z.string().check(z.maxLength(1)),
			'ab',
			'(root): must be at most 1 character, got 2'
		],
		[
			'a number at most a limit',
			z.number().check(z.lte(20)),
			25,
			'(root): must be at most 20, got 25'
		],
		['a number under a limit', z.number().check(z.gte(1)), 0, '(root): must be at least 1, got 0'],
		[
			'a form without words of its own',
			z.string().check(z.regex(/^x+$/)),
			'y',
			'(root): does not have the expected form (regex), got "y"'
		],
		[
			'a check with words of its own',
			z.string().check(z.refine((s) => s === 'x', 'must be x')),
			'y',
			'(root): must be x'
		],
		['a type without a plain name', z.symbol(), 'x', '(root): expected a symbol, got "x"'],
		['a whole number of any size', z.bigint(), 'x', '(root): expected a whole number, got "x"'],
		[
			'a union failing inside each form',
			z.union([z.object({ a: z.number() }), z.object({ b: z.string() })]),
			{ a: 'x' },
			'(root): does not match any of the allowed forms, got an object'
		],
		[
			'a union with no forms',
			z.union([]),
			1,
			'(root): does not match any of the allowed forms, got 1'
		],
		[
			'a union where one form fails inside',
			z.union([z.number(), z.object({ a: z.string() })]),
			{ a: 1 },
			'(root): does not match any of the allowed forms, got an object'
		],
		[
			'a union whose forms fail on other grounds than type or value',
			z.union([z.string().check(z.minLength(3)), z.string().check(z.regex(/^x/))]),
			'ab',
			'(root): does not match any of the allowed forms, got "ab"'
		],
		[
			'too few in a set',
			z.set(z.string()).check(z.minSize(2)),
			new Set(['a']),
			'(root): must have at least 2 items'
		]
	])('%s', (_, schema, input, text) => {
		expect(messages(schema, input)).toEqual([text]);
	});

	it('paths name odd keys in brackets', () => {
		expect(formatPath(['meta', '1st'])).toBe('meta["1st"]');
		expect(formatPath(['a-b'])).toBe('["a-b"]');
		expect(formatPath([Symbol('x')])).toBe('["Symbol(x)"]');
		expect(formatPath(['_x', '$y'])).toBe('_x.$y');
	});

	it('values: numbers and flags as written, nothing else shown in full', () => {
		expect(describeValue(0)).toBe('0');
		expect(describeValue(false)).toBe('false');
		expect(describeValue(undefined)).toBe('undefined');
		expect(describeValue('x'.repeat(60))).toBe(`"${'x'.repeat(60)}"`);
	});

	it('looks a received value up by its path when the schema did not record it', () => {
		const input = readoutWith({ ci: { low: 63, high: '86,8' } });
		const result = Readout.safeParse(input);
		if (result.success) throw new Error('expected the input to fail the schema');
		expect(formatSchemaIssues(result.error, input)).toEqual([
			{ path: 'ci.high', message: 'expected a number or "NR", got "86,8"' }
		]);
		// Given another root, the lookup stops where the path leaves the objects, without failing.
		for (const root of [{ ci: null }, { ci: 5 }, 7]) {
			expect(formatSchemaIssues(result.error, root)).toEqual([
				{ path: 'ci.high', message: 'expected a number or "NR", got undefined' }
			]);
		}
	});
});
