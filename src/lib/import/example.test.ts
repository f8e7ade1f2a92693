import { describe, expect, it } from 'vitest';
import { importCsvSet } from './csv-to-dataset';
import { csvExample } from './example';

describe('the example CSV set', () => {
	it('imports cleanly: it is what users copy from', () => {
		const result = importCsvSet(csvExample());
		if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 5)));
		expect(result.model.dataset.assets.map((a) => a.id)).toEqual(['kn026']);
		expect(result.warnings).toEqual([]);
	});
});
