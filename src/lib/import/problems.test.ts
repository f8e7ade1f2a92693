import { describe, expect, it } from 'vitest';
import { capProblems, filesFailure, MAX_PROBLEMS, type ImportProblem } from './problems';

describe('filesFailure', () => {
	it('names every picked file and the error’s message, for the whole files', () => {
		const out = filesFailure(
			'The import failed',
			[{ name: 'a.csv' }, { name: 'b.zip' }],
			new Error('disk full')
		);
		expect(out).toEqual({
			title: 'The import failed',
			problems: [{ file: 'a.csv, b.zip', row: null, column: null, message: 'disk full' }]
		});
	});

	it('says what was thrown when it is not an Error', () => {
		expect(filesFailure('x', [{ name: 'a.json' }], 'quota').problems[0]!.message).toBe('quota');
	});

	it('a rejection with nothing in it still names the files', () => {
		expect(filesFailure('x', [{ name: 'a.json' }], undefined).problems[0]).toMatchObject({
			file: 'a.json',
			message: 'unknown error'
		});
	});
});

describe('a long list of problems', () => {
	const problems = (count: number): ImportProblem[] =>
		Array.from({ length: count }, (_, i) => ({
			file: 'readouts.csv',
			row: i + 2,
			column: 'value',
			message: 'not a number'
		}));

	it('is shown whole up to the limit', () => {
		expect(MAX_PROBLEMS).toBe(500);
		expect(capProblems(problems(500))).toEqual(problems(500));
	});

	it('past the limit: the first 500, then one line saying how many more', () => {
		const shown = capProblems(problems(503));
		expect(shown).toHaveLength(501);
		expect(shown.slice(0, 500)).toEqual(problems(500));
		expect(shown[500]).toEqual({
			file: '',
			row: null,
			column: null,
			message: '… and 3 more problems (fix the ones above first)'
		});
		expect(capProblems(problems(501))[500]!.message).toBe(
			'… and 1 more problem (fix the ones above first)'
		);
	});
});
