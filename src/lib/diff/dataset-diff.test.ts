import { describe, expect, it } from 'vitest';
import type { Dataset } from '../data/schema';
import { her2Dataset } from '../import/test-helpers';
import { changedMarks, diffDatasets, diffRows, marksSinceDate } from './dataset-diff';

const copy = (d: Dataset) => structuredClone(d);

describe('diffDatasets', () => {
	it('two equal versions differ in nothing', () => {
		const d = her2Dataset();
		const diff = diffDatasets(d, copy(d));
		expect(diff.entries).toEqual([]);
		expect(diffRows(diff)).toEqual([]);
	});

	it.each([
		// [before, after, flags]
		['2026-H2', '2027-H1', ['slip']],
		['2026-H2', '2026-09', ['precision']],
		['2026-09', '2026-Q4', ['slip', 'precision']],
		['2027-06', '2027-12', ['slip']],
		['2027-06', '2027-03', ['earlier']],
		['2027', '2027-06-30', ['precision']]
	])('a milestone moving from %s to %s is flagged %j', (from, to, flags) => {
		const before = her2Dataset();
		const after = copy(before);
		before.milestones[0]!.date = from;
		after.milestones[0]!.date = to;
		const diff = diffDatasets(before, after);
		expect(diff.entries).toHaveLength(1);
		expect(diff.entries[0]).toMatchObject({ entity: 'milestones', kind: 'changed', flags });
		expect(diff.counts.milestones).toEqual({ added: 0, changed: 1, removed: 0 });
	});

	it('an expected milestone that happened is flagged', () => {
		const before = her2Dataset();
		const after = copy(before);
		const i = before.milestones.findIndex((m) => m.status === 'expected');
		after.milestones[i]!.status = 'actual';
		expect(diffDatasets(before, after).entries[0]!.flags).toContain('happened');
	});

	it('added, changed and removed facts per entity, phases advanced and new readouts', () => {
		const before = her2Dataset();
		const after = copy(before);
		const removed = after.deals.pop()!;
		const readout = { ...after.readouts[0]!, id: 'new-readout-1' };
		after.readouts.push(readout);
		const program = after.programs.find((p) => !p.phases.some((ph) => ph.phase === 'approved'))!;
		program.phases.push({
			phase: 'approved',
			start: '2026-09',
			knownBy: null,
			end: null,
			status: 'actual',
			sources: []
		});
		const trial = after.trials.find((t) => t.phase === 'phase 2')!;
		trial.phase = 'phase 3';
		trial.enrolment = { planned: 300, actual: null };
		const diff = diffDatasets(before, after);
		const byId = new Map(diff.entries.map((e) => [e.id, e]));
		expect(byId.get(removed.id)).toMatchObject({ entity: 'deals', kind: 'removed' });
		expect(byId.get('new-readout-1')).toMatchObject({ kind: 'added', flags: ['new-readout'] });
		expect(byId.get(program.id)).toMatchObject({ kind: 'changed', flags: ['phase-advanced'] });
		expect(byId.get(trial.id)?.flags).toEqual(['phase-advanced']);
		expect(byId.get(trial.id)?.changes).toContainEqual({
			field: 'phase',
			before: 'phase 2',
			after: 'phase 3'
		});
		expect(byId.get(trial.id)?.changes.find((c) => c.field === 'enrolment')?.after).toBe(
			'300 planned'
		);
		expect(changedMarks(diff).programs.has(program.id)).toBe(true);
		const rows = diffRows(diff);
		expect(rows).toContainEqual([
			'trials',
			trial.id,
			trial.name,
			'changed',
			'phase',
			'phase 2',
			'phase 3',
			'phase advanced'
		]);
		expect(rows).toContainEqual([
			'deals',
			removed.id,
			expect.any(String),
			'removed',
			'',
			'',
			'',
			''
		]);
	});

	it('marks since a date: facts citing a source dated on or after it', () => {
		const d = her2Dataset();
		const latest = d.sources
			.map((s) => s.date)
			.filter((x): x is string => x !== null && /^\d{4}-\d{2}-\d{2}$/.test(x))
			.sort()
			.at(-1)!;
		const marks = marksSinceDate(d, latest);
		const expected = d.milestones.filter((m) =>
			m.sources.some((r) => d.sources.find((s) => s.id === r.id)?.date === latest)
		);
		expect(expected.length).toBeGreaterThan(0);
		expect([...marks.milestones].sort()).toEqual(expected.map((m) => m.id).sort());
		expect(marksSinceDate(d, '2999').milestones.size).toBe(0);
	});
});
