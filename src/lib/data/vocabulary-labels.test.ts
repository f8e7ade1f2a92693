import { describe, expect, test } from 'vitest';
import { GLYPH_KINDS } from '$lib/charts/timeline/glyphs';
import { ENDPOINT_ORDER, FAMILY_OF_ENDPOINT } from '$lib/charts/efficacy/efficacy.vocab';
import { valueLabel } from '$lib/query/facets';
import type { DatasetModel } from './model';
import { ENDPOINT_FAMILIES, ENDPOINTS, MILESTONE_TYPES } from './vocabulary';
import { ENDPOINT_FAMILY, MILESTONE_TYPE_LABELS } from './vocabulary-labels';

describe('vocabulary labels: one answer per value', () => {
	test('the filter menu and the timeline legend name each milestone type alike', () => {
		const model = {} as DatasetModel;
		for (const type of MILESTONE_TYPES) {
			expect(valueLabel(model, 'milestoneTypes', type)).toBe(MILESTONE_TYPE_LABELS[type]);
			expect(GLYPH_KINDS[type].name).toBe(MILESTONE_TYPE_LABELS[type]);
		}
		expect(MILESTONE_TYPE_LABELS.acceptance).toBe('Filing accepted');
	});

	test('endpoints have one order: family by family, as the panels are drawn', () => {
		const familyRank = ENDPOINTS.map((e) => ENDPOINT_FAMILIES.indexOf(ENDPOINT_FAMILY[e]));
		expect(familyRank).toEqual([...familyRank].sort((a, b) => a - b));
		expect(ENDPOINT_ORDER).toEqual(ENDPOINTS);
		expect(FAMILY_OF_ENDPOINT).toBe(ENDPOINT_FAMILY);
	});
});
