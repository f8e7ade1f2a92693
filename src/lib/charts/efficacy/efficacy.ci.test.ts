import { describe, expect, it } from 'vitest';
import { ciMismatch, describeCi, formatValueText, resolveCi } from './efficacy.ci';
import { readout } from './test-fixtures';

describe('resolveCi', () => {
	it.each([
		{
			name: 'reported CI that matches the exact interval',
			r: readout('a'),
			source: 'reported',
			mismatch: false
		},
		{
			name: 'reported CI that differs beyond rounding',
			r: readout('b', { ci: { level: 0.95, low: 63, high: 86.9, method: null } }),
			source: 'reported',
			mismatch: true
		},
		{
			name: 'reported CI printed without decimals is checked at that precision',
			r: readout('c', { ci: { level: 0.95, low: 63, high: 87, method: null } }),
			source: 'reported',
			mismatch: false
		},
		{
			name: 'no CI but responders and n: computed',
			r: readout('d', { ci: null }),
			source: 'computed',
			mismatch: false
		},
		{
			name: 'no CI, no counts: none',
			r: readout('e', { ci: null, responders: null }),
			source: 'none',
			mismatch: false
		},
		{
			name: 'a median has no counts to check',
			r: readout('f', {
				unit: 'months',
				endpoint: 'mPFS',
				value: 12,
				ci: { level: 0.95, low: 8, high: 'NR', method: null },
				responders: null
			}),
			source: 'reported',
			mismatch: false
		},
		{
			name: 'a landmark rate is a Kaplan–Meier estimate: never computed as a proportion',
			r: readout('km', {
				endpoint: 'OS-rate',
				landmarkMonths: 12,
				value: 93,
				ci: null,
				n: 57,
				responders: 53
			}),
			source: 'none',
			mismatch: false
		},
		{
			name: 'nor checked against Clopper–Pearson',
			r: readout('km2', {
				endpoint: 'OS-rate',
				landmarkMonths: 12,
				value: 93,
				ci: { level: 0.95, low: 82.4, high: 97.3, method: null },
				n: 57,
				responders: 53
			}),
			source: 'reported',
			mismatch: false
		},
		{
			name: 'responders above n are not used to compute',
			r: readout('g', { ci: null, responders: 60, n: 55 }),
			source: 'none',
			mismatch: false
		}
	])('$name', ({ r, source, mismatch }) => {
		const ci = resolveCi(r);
		expect(ci.source).toBe(source);
		expect(ciMismatch(ci)).toBe(mismatch);
	});

	it('computes Clopper–Pearson 42/55 = 63.0–86.8', () => {
		const ci = resolveCi(readout('x', { ci: null }));
		expect(ci.low).toBeCloseTo(62.98, 1);
		expect(ci.high).toBeCloseTo(86.77, 1);
		expect(ci.method).toMatch(/Clopper–Pearson/);
	});

	it('explains a disagreement with both intervals', () => {
		const ci = resolveCi(readout('b', { ci: { level: 0.95, low: 63, high: 86.9, method: null } }));
		expect(ci.check?.text).toBe('reported 63.0–86.9, exact 63.0–86.8');
	});

	it('names a different reported method', () => {
		const ci = resolveCi(
			readout('b', { ci: { level: 0.95, low: 64.1, high: 85.6, method: 'Wilson' } })
		);
		expect(ci.check?.otherMethod).toBe(true);
		expect(ci.check?.text).toBe('reported (Wilson) 64.1–85.6, exact 63.0–86.8');
	});
});

describe('formatValueText', () => {
	it.each([
		{ name: 'rate with reported CI', r: readout('a'), text: '76.4% (63.0–86.8)' },
		{
			name: 'median with NR upper bound',
			r: readout('b', {
				endpoint: 'mPFS',
				unit: 'months',
				value: 27.7,
				ci: { level: 0.95, low: 18, high: 'NR', method: null },
				responders: null
			}),
			text: '27.7 (18.0–NR)'
		},
		{
			name: 'median not reached',
			r: readout('c', {
				endpoint: 'mOS',
				unit: 'months',
				value: null,
				notReached: true,
				ci: { level: 0.95, low: 27.7, high: 'NR', method: null },
				responders: null
			}),
			text: 'NR (27.7–NR)'
		},
		{
			name: 'standard-of-care range',
			r: readout('d', { value: null, range: { low: 10, high: 15 }, ci: null, responders: null }),
			text: '10–15%'
		},
		{
			name: 'approximate value',
			r: readout('e', { value: 40, approximate: true, ci: null, responders: null }),
			text: '≈40%'
		},
		{
			name: 'computed CI gets a dagger',
			r: readout('f', { value: 41.3, ci: null, n: 80, responders: 33 }),
			text: '41.3% (30.4–52.8)†'
		},
		{
			name: 'disagreeing CI gets a double dagger',
			r: readout('g', { ci: { level: 0.95, low: 63, high: 86.9, method: null } }),
			text: '76.4% (63.0–86.9)‡'
		},
		{
			name: 'hazard ratio',
			r: readout('h', {
				endpoint: 'HR-PFS',
				unit: 'ratio',
				value: 0.28,
				ci: { level: 0.95, low: 0.22, high: 0.37, method: null },
				responders: null
			}),
			text: '0.28 (0.22–0.37)'
		},
		{
			name: 'hazard ratio keeps the digits of its interval',
			r: readout('h2', {
				endpoint: 'HR-OS',
				unit: 'ratio',
				value: 0.8,
				ci: { level: 0.95, low: 0.64, high: 1.01, method: null },
				responders: null
			}),
			text: '0.80 (0.64–1.01)'
		},
		{
			name: 'whole-number rate with whole-number interval',
			r: readout('w', {
				value: 52,
				ci: { level: 0.95, low: 39, high: 65, method: null },
				responders: null
			}),
			text: '52% (39–65)'
		},
		{
			name: 'nothing reported',
			r: readout('i', { value: null, ci: null, responders: null }),
			text: 'not reported'
		}
	])('$name → $text', ({ r, text }) => {
		expect(formatValueText(r)).toBe(text);
	});
});

describe('describeCi', () => {
	it('reads an interval for a screen reader', () => {
		expect(describeCi(resolveCi(readout('a')))).toBe('95% CI 63.0 to 86.8');
		expect(
			describeCi(
				resolveCi(
					readout('b', {
						unit: 'months',
						endpoint: 'mOS',
						value: null,
						notReached: true,
						ci: { level: 0.95, low: 27.7, high: 'NR', method: null },
						responders: null
					})
				)
			)
		).toBe('95% CI 27.7 to not reached');
		expect(describeCi(resolveCi(readout('c', { ci: null })))).toBe(
			'95% CI 63.0 to 86.8 (computed, Clopper–Pearson)'
		);
	});
});

describe('which readouts get an exact interval', () => {
	const computedOrNone = (patch: Parameters<typeof readout>[1]) =>
		resolveCi(readout('r', { ci: null, ...patch })).source;

	it('only a rate in % with whole counts, at least one patient and no more responders than patients', () => {
		expect(computedOrNone({})).toBe('computed');
		// An ORR recorded in another unit is not a proportion of patients.
		expect(computedOrNone({ unit: 'months' })).toBe('none');
		expect(computedOrNone({ n: null })).toBe('none');
		expect(computedOrNone({ responders: null })).toBe('none');
		expect(computedOrNone({ responders: 42.5 })).toBe('none');
		expect(computedOrNone({ n: 55.5 })).toBe('none');
		expect(computedOrNone({ responders: 0, n: 0 })).toBe('none');
	});

	it('every patient responding still gets an interval, up to 100%', () => {
		// 55 of 55: the exact lower bound is 0.025^(1/55) = 93.5%.
		expect(formatValueText(readout('all', { value: 100, ci: null, responders: 55, n: 55 }))).toBe(
			'100% (93.5–100.0)†'
		);
	});

	it('a computed interval has at least one decimal, more when the value has more', () => {
		expect(formatValueText(readout('w', { value: 40, ci: null, responders: 22, n: 55 }))).toMatch(
			/^40% \(\d+\.\d–\d+\.\d\)†$/
		);
		expect(formatValueText(readout('p', { value: 76.36, ci: null }))).toBe('76.36% (62.98–86.77)†');
	});

	it('a CI recorded with neither bound counts as not reported', () => {
		const ci = resolveCi(
			readout('e', { ci: { level: 0.95, low: null, high: null, method: null } })
		);
		expect(ci.source).toBe('computed');
		expect(
			formatValueText(
				readout('e2', {
					ci: { level: 0.95, low: null, high: null, method: null },
					responders: null
				})
			)
		).toBe('76.4%');
	});
});

describe('a reported CI with a bound missing or not reached', () => {
	it('shows the missing bound as "?" and reads it as not reported; no exact check', () => {
		const r = readout('h', { ci: { level: 0.95, low: null, high: 86.8, method: null } });
		const ci = resolveCi(r);
		expect(ci.source).toBe('reported');
		expect(ci.check).toBeNull();
		expect(formatValueText(r, ci)).toBe('76.4% (?–86.8)');
		expect(describeCi(ci)).toBe('95% CI not reported to 86.8');
	});

	it('a rate whose upper bound is not reached is shown, not checked', () => {
		const r = readout('nr', { ci: { level: 0.95, low: 63, high: 'NR', method: null } });
		const ci = resolveCi(r);
		expect(ci.check).toBeNull();
		expect(ciMismatch(ci)).toBe(false);
		expect(formatValueText(r, ci)).toBe('76.4% (63.0–NR)');
	});

	it('a lower bound alone is a reported interval, not replaced by a computed one', () => {
		const r = readout('l', { ci: { level: 0.95, low: 63, high: null, method: null } });
		const ci = resolveCi(r);
		expect(ci.source).toBe('reported');
		expect(formatValueText(r, ci)).toBe('76.4% (63.0–?)');
	});
});

describe('the exact check of a reported rate CI', () => {
	it('gives the exact bounds in %', () => {
		const check = resolveCi(readout('a')).check;
		expect(check?.exactLow).toBeCloseTo(62.98, 2);
		expect(check?.exactHigh).toBeCloseTo(86.77, 2);
		expect(check?.agrees).toBe(true);
	});

	it('is skipped when the recorded level is not a proportion strictly between 0 and 1', () => {
		for (const level of [0, 1]) {
			const ci = resolveCi(readout('l', { ci: { level, low: 63, high: 86.8, method: null } }));
			expect(ci.source).toBe('reported');
			expect(ci.check).toBeNull();
		}
	});
});

describe('printed value precision', () => {
	it('a whole value takes its reported interval’s decimals, up to one', () => {
		const ci = (low: number, high: number) => ({ level: 0.95, low, high, method: null });
		expect(formatValueText(readout('a', { value: 40, ci: ci(28.2, 52.3), responders: null }))).toBe(
			'40.0% (28.2–52.3)'
		);
		expect(
			formatValueText(readout('b', { value: 40, ci: ci(28.25, 52.3), responders: null }))
		).toBe('40.0% (28.25–52.30)');
		// A value with its own decimals keeps them, whatever the interval's.
		expect(formatValueText(readout('c', { value: 76.4, ci: ci(63, 87), responders: null }))).toBe(
			'76.4% (63.0–87.0)'
		);
		// Two decimals of its own, beside an interval of two: both kept.
		expect(
			formatValueText(readout('d', { value: 12.95, ci: ci(10.05, 15.85), responders: null }))
		).toBe('12.95% (10.05–15.85)');
	});

	it('a computed interval does not lend its decimals to a whole value', () => {
		expect(formatValueText(readout('w', { value: 40, ci: null, responders: 22, n: 55 }))).toMatch(
			/^40% /
		);
	});
});

describe('describeCi, more cases', () => {
	it('says when there is no interval, and spells out a disagreement', () => {
		expect(describeCi(resolveCi(readout('n', { ci: null, responders: null })))).toBe(
			'no confidence interval reported'
		);
		expect(
			describeCi(
				resolveCi(readout('b', { ci: { level: 0.95, low: 63, high: 86.9, method: null } }))
			)
		).toBe('95% CI 63.0 to 86.9 (differs from exact: reported 63.0–86.9, exact 63.0–86.8)');
	});
});
