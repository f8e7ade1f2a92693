import { describe, expect, it } from 'vitest';
import { filesFailure } from './problems';

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
});
