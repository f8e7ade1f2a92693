import { describe, expect, it } from 'vitest';
import { keptForestLayout } from './efficacy.kept';
import { layoutForest } from './efficacy.layout';
import { ASSETS, READOUTS, TRIALS, forestOptions } from './test-fixtures';

describe('keptForestLayout', () => {
	const input = { readouts: READOUTS, trials: TRIALS, assets: ASSETS };
	const options = forestOptions();

	it('is the layout of its input, kept while the arrays and options are the same', () => {
		const first = keptForestLayout(input, options);
		// As data: the layout carries its axes' scale functions, new ones in each layout.
		const asData = (value: unknown) => JSON.parse(JSON.stringify(value));
		expect(asData(first)).toEqual(asData(layoutForest(input, options)));
		expect(keptForestLayout({ ...input }, { ...options })).toBe(first);
	});

	it('lays out again for fewer readouts or other options', () => {
		const first = keptForestLayout(input, options);
		const fewer = keptForestLayout({ ...input, readouts: READOUTS.slice(1) }, options);
		expect(fewer.rowCount).toBe(first.rowCount - 1);
		const wider = keptForestLayout(input, { ...options, width: options.width + 100 });
		expect(wider.width).toBe(options.width + 100);
		expect(keptForestLayout(input, { ...options, families: ['median'] })).not.toBe(first);
	});
});
