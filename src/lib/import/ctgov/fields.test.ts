import { describe, expect, it } from 'vitest';
import { FieldReader, isObject } from './fields';

/** The problems one read leaves, as "path: message". */
function problemsOf(read: (r: FieldReader) => unknown): string[] {
	const r = new FieldReader();
	read(r);
	return r.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('isObject', () => {
	it.each([
		[{}, true],
		[{ a: 1 }, true],
		[[], false],
		[null, false],
		['text', false],
		[3, false]
	])('%j → %s', (value, expected) => expect(isObject(value)).toBe(expected));
});

describe('a field of the wrong type names what it found', () => {
	it.each([
		[null, 'null'],
		[[1], 'a list'],
		[{ a: 1 }, 'an object'],
		['x', 'text'],
		[3, 'a number'],
		[true, 'a boolean']
	])('%j is described as %s', (value, described) =>
		expect(problemsOf((r) => r.objectItem(value, 'm[0]'))).toEqual(
			value !== null && typeof value === 'object' && !Array.isArray(value)
				? []
				: [`m[0]: expected an object, got ${described}`]
		)
	);
});

describe('FieldReader: object members', () => {
	it('reads an object, or nothing when missing, null or inside a non-object', () => {
		const r = new FieldReader();
		expect(r.object({ m: { a: 1 } }, 'm', 'p.m')).toEqual({ a: 1 });
		expect(r.object({}, 'm', 'p.m')).toBeUndefined();
		expect(r.object({ m: null }, 'm', 'p.m')).toBeUndefined();
		expect(r.object(undefined, 'm', 'p.m')).toBeUndefined();
		expect(r.object(['m'], '0', 'p.m')).toBeUndefined();
		expect(r.problems).toEqual([]);
	});

	it('a member that is not an object is a problem, and reads as nothing', () => {
		const r = new FieldReader();
		expect(r.object({ m: [{ a: 1 }] }, 'm', 'p.m')).toBeUndefined();
		expect(r.object({ m: 'x' }, 'm', 'p.n')).toBeUndefined();
		expect(r.problems).toEqual([
			{ path: 'p.m', message: 'expected an object, got a list' },
			{ path: 'p.n', message: 'expected an object, got text' }
		]);
	});
});

describe('FieldReader: text', () => {
	it('trims text; blank, missing or null text is nothing, and no problem', () => {
		const r = new FieldReader();
		expect(r.text({ t: '  RECRUITING \n' }, 't', 'p.t')).toBe('RECRUITING');
		expect(r.text({ t: '   ' }, 't', 'p.t')).toBeUndefined();
		expect(r.text({ t: null }, 't', 'p.t')).toBeUndefined();
		expect(r.text({}, 't', 'p.t')).toBeUndefined();
		expect(r.text('t', 't', 'p.t')).toBeUndefined();
		expect(r.problems).toEqual([]);
	});

	it('a number where text belongs is a problem', () => {
		expect(problemsOf((r) => r.text({ t: 3 }, 't', 'p.t'))).toEqual([
			'p.t: expected text, got a number'
		]);
	});
});

describe('FieldReader: whole numbers', () => {
	it.each([0, 57])('%s is read', (n) => {
		const r = new FieldReader();
		expect(r.wholeNumber({ n }, 'n', 'p.n')).toBe(n);
		expect(r.problems).toEqual([]);
	});

	it.each([
		['320', 'text'],
		[2.5, 'a number'],
		[-1, 'a number'],
		[true, 'a boolean']
	])('%j is refused', (n, described) => {
		const r = new FieldReader();
		expect(r.wholeNumber({ n }, 'n', 'p.n')).toBeUndefined();
		expect(r.problems).toEqual([
			{ path: 'p.n', message: `expected a whole number, got ${described}` }
		]);
	});

	it('missing, null or inside a non-object: nothing, and no problem', () => {
		const r = new FieldReader();
		expect(r.wholeNumber({}, 'n', 'p.n')).toBeUndefined();
		expect(r.wholeNumber({ n: null }, 'n', 'p.n')).toBeUndefined();
		expect(r.wholeNumber(7, 'n', 'p.n')).toBeUndefined();
		expect(r.problems).toEqual([]);
	});
});

describe('FieldReader: true or false', () => {
	it('reads true and false; missing, null or inside a non-object is nothing', () => {
		const r = new FieldReader();
		expect(r.boolean({ b: true }, 'b', 'b')).toBe(true);
		expect(r.boolean({ b: false }, 'b', 'b')).toBe(false);
		expect(r.boolean({}, 'b', 'b')).toBeUndefined();
		expect(r.boolean({ b: null }, 'b', 'b')).toBeUndefined();
		expect(r.boolean(null, 'b', 'b')).toBeUndefined();
		expect(r.problems).toEqual([]);
	});

	it('anything else is a problem', () => {
		expect(problemsOf((r) => r.boolean({ b: 'yes' }, 'b', 'hasResults'))).toEqual([
			'hasResults: expected true or false, got text'
		]);
	});
});

describe('FieldReader: lists', () => {
	it('reads each item with its index in the path, leaving out blank items', () => {
		const r = new FieldReader();
		const seen: string[] = [];
		const items = r.list({ l: ['a', ' b ', '', 'c'] }, 'l', 'p.l', (value, path) => {
			seen.push(path);
			return r.textItem(value, path);
		});
		expect(items).toEqual(['a', 'b', 'c']);
		expect(seen).toEqual(['p.l[0]', 'p.l[1]', 'p.l[2]', 'p.l[3]']);
		expect(r.problems).toEqual([]);
	});

	it('missing, null or inside a non-object: an empty list, and no problem', () => {
		const r = new FieldReader();
		expect(r.list({}, 'l', 'p.l', r.textItem)).toEqual([]);
		expect(r.list({ l: null }, 'l', 'p.l', r.textItem)).toEqual([]);
		expect(r.list(undefined, 'l', 'p.l', r.textItem)).toEqual([]);
		expect(r.problems).toEqual([]);
	});

	it('a list that is not a list, or items of the wrong type, are problems naming the item', () => {
		const r = new FieldReader();
		expect(r.list({ l: 'PHASE2' }, 'l', 'p.l', r.textItem)).toEqual([]);
		expect(r.list({ l: ['ok', 7] }, 'l', 'p.m', r.textItem)).toEqual(['ok']);
		expect(r.list({ l: [{ a: 1 }, 'x'] }, 'l', 'p.o', r.objectItem)).toEqual([{ a: 1 }]);
		expect(r.problems).toEqual([
			{ path: 'p.l', message: 'expected a list, got text' },
			{ path: 'p.m[1]', message: 'expected text, got a number' },
			{ path: 'p.o[1]', message: 'expected an object, got text' }
		]);
	});
});

describe('FieldReader: codes the registry does not have', () => {
	it('quotes the value (at most 60 characters) and lists the registry values', () => {
		const r = new FieldReader();
		r.unknownCode('p.s', 'RUNNING', ['RECRUITING', 'COMPLETED']);
		r.unknownCode('p.t', 'X'.repeat(70), ['A']);
		expect(r.problems).toEqual([
			{
				path: 'p.s',
				message: `"RUNNING" is not one of the registry's values (RECRUITING, COMPLETED)`
			},
			{ path: 'p.t', message: `"${'X'.repeat(60)}" is not one of the registry's values (A)` }
		]);
	});
});
