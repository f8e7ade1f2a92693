import { describe, expect, test } from 'vitest';
import { citationCounts } from '$lib/data/summary';
import { fixtureModel } from '$lib/test/fixture-model';
import { citingFacts } from './entities';

describe('the Data view and the source counts walk the same facts', () => {
	const model = fixtureModel();
	const citing = citingFacts(model);
	const counts = citationCounts(model.dataset);

	test('each source lists as many citing facts as its count says', () => {
		expect(counts.size).toBeGreaterThan(0);
		for (const [id, count] of counts) expect(citing.get(id)?.length, id).toBe(count);
		expect([...citing.keys()].sort()).toEqual([...counts.keys()].sort());
	});

	test('asset attributes and program phases are listed by name', () => {
		const labels = [...citing.values()].flat().map((f) => f.label);
		expect(labels.some((l) => / \((target|modality|format|platform|originator)\)$/.test(l))).toBe(
			true
		);
		expect(labels.some((l) => / \((phase [0-9/]+|approved|filed|preclinical)\)$/.test(l))).toBe(
			true
		);
	});
});
