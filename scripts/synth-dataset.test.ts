import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Dataset, PARTIAL_DATE_PATTERN } from '../src/lib/data/schema';
import { validateDataset } from '../src/lib/data/validate';
import { mulberry32, shiftPartialDate, synthesize } from './synth-dataset';

const base = Dataset.parse(
	JSON.parse(readFileSync(resolve('tests/fixtures/xss-base.json'), 'utf8'))
);
const COLLECTIONS = [
	'sources',
	'assets',
	'programs',
	'milestones',
	'trials',
	'readouts',
	'deals',
	'conflicts'
] as const;

describe('mulberry32', () => {
	it('repeats for a seed and differs between seeds', () => {
		const a = mulberry32(1);
		const b = mulberry32(1);
		const c = mulberry32(2);
		const first = [a(), a(), a()];
		expect([b(), b(), b()]).toEqual(first);
		expect(c()).not.toBe(first[0]);
		expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
	});
});

describe('shiftPartialDate keeps the precision', () => {
	it.each([
		['2025-09-11', -6, '2025-03-11'],
		['2025-08-31', -6, '2025-02-28'],
		['2024-08-31', -6, '2024-02-29'],
		['2025-01', -6, '2024-07'],
		['2025-Q3', -6, '2025-Q1'],
		['2025-Q1', -12, '2024-Q1'],
		['2025-H1', -6, '2024-H2'],
		['2025', -6, '2024'],
		['2025', -12, '2024'],
		['2025', -18, '2023']
	])('%s moved by %i months is %s', (date, months, expected) => {
		expect(shiftPartialDate(date, months)).toBe(expected);
	});
});

describe('synthesize', () => {
	const three = synthesize(base, { scale: 3, seed: 1 });

	it('passes the schema and the quality checks with no errors, and warns no more than the base', () => {
		const result = validateDataset(JSON.parse(JSON.stringify(three)), 'synthetic-3');
		expect(result.ok ? [] : result.problems).toEqual([]);
		if (!result.ok) return;
		const baseWarnings = validateDataset(base, 'base');
		expect(baseWarnings.ok).toBe(true);
		if (baseWarnings.ok) {
			// Replicas jitter values, so their quotes no longer contain them: that warning is by design.
			const warnings = result.model.qa.filter((issue) => issue.code !== 'quote-lacks-value');
			expect(warnings.length).toBeLessThanOrEqual(3 * baseWarnings.model.qa.length);
		}
	});

	it('has three times the base counts, with unique ids', () => {
		for (const key of COLLECTIONS) {
			expect(three[key]).toHaveLength(3 * base[key].length);
			const ids = three[key].map((entity) => entity.id);
			expect(new Set(ids).size).toBe(ids.length);
		}
		expect(three.assets.map((a) => a.id)).toContain(`${base.assets[0]?.id}-s3`);
	});

	it('flags itself as synthetic test data', () => {
		expect(three.meta).toMatchObject({
			id: 'synthetic-3',
			title: 'Synthetic landscape ×3 (test data)',
			synthetic: true
		});
	});

	it('is deterministic for a seed and differs for another', () => {
		expect(JSON.stringify(synthesize(base, { scale: 3, seed: 1 }))).toBe(JSON.stringify(three));
		expect(JSON.stringify(synthesize(base, { scale: 3, seed: 2 }))).not.toBe(JSON.stringify(three));
	});

	it('keeps each date precise to the same unit and every CI around its value', () => {
		const kind = (d: string) => {
			const m = PARTIAL_DATE_PATTERN.exec(d);
			return m ? m.slice(2).map((part) => part !== undefined) : null;
		};
		const replica = three.milestones.slice(2 * base.milestones.length);
		replica.forEach((m, i) => expect(kind(m.date)).toEqual(kind(base.milestones[i]?.date ?? '')));
		for (const r of three.readouts) {
			if (r.value === null || !r.ci) continue;
			if (typeof r.ci.low === 'number') expect(r.ci.low).toBeLessThanOrEqual(r.value);
			if (typeof r.ci.high === 'number') expect(r.ci.high).toBeGreaterThanOrEqual(r.value);
		}
	});

	it('keeps references inside their replica', () => {
		const replica = three.readouts.filter((r) => r.id.endsWith('-s2'));
		expect(replica.length).toBe(base.readouts.length);
		for (const r of replica) {
			expect(r.trial.endsWith('-s2')).toBe(true);
			for (const ref of r.sources) expect(ref.id.endsWith('-s2')).toBe(true);
		}
	});

	it('refuses a scale below 1', () => {
		expect(() => synthesize(base, { scale: 0, seed: 1 })).toThrow(RangeError);
	});
});
