import { describe, expect, it } from 'vitest';
import { formatValueText, resolveCi } from './efficacy.ci';
import { accessibleName, endpointLabel, markRole, rowDate, settingPhrase } from './efficacy.text';
import { readout, trial } from './test-fixtures';
import type { Readout, Trial } from '$lib/data/schema';

describe('setting phrase', () => {
	it.each([
		{ line: '1L', biomarker: 'HER2+', indication: 'Breast cancer', out: '1L HER2+ breast cancer' },
		{ line: '2L+', biomarker: null, indication: 'BTC', out: '2L+ BTC' },
		{
			line: null,
			biomarker: 'HER2-low',
			indication: 'GEJ adenocarcinoma',
			out: 'HER2-low GEJ adenocarcinoma'
		},
		{ line: '1L', biomarker: null, indication: 'X', out: '1L X' },
		{ line: null, biomarker: null, indication: '', out: '' }
	])('$line / $biomarker / $indication → "$out"', ({ line, biomarker, indication, out }) => {
		expect(settingPhrase(readout('r', { line, biomarker, indication }))).toBe(out);
	});
});

describe('endpoint label', () => {
	it('a landmark rate names its landmark', () => {
		expect(endpointLabel(readout('r', { endpoint: 'OS-rate', landmarkMonths: 12 }))).toBe(
			'12-mo OS rate'
		);
		expect(endpointLabel(readout('r', { endpoint: 'PFS-rate', landmarkMonths: 6 }))).toBe(
			'6-mo PFS rate'
		);
	});
	it('other endpoints, or a landmark rate without its months, keep their name', () => {
		expect(endpointLabel(readout('r', { endpoint: 'ORR', landmarkMonths: 6 }))).toBe('ORR');
		expect(endpointLabel(readout('r', { endpoint: 'OS-rate', landmarkMonths: null }))).toBe(
			'OS-rate'
		);
	});
});

describe('row date and role', () => {
	it('the data cut, else the presentation date, else none', () => {
		const venue = { venue: 'ASCO', date: '2024-06-01' };
		expect(rowDate(readout('r', { dataCut: '2023-06', presentedAt: venue }))).toBe('2023-06');
		expect(rowDate(readout('r', { dataCut: null, presentedAt: venue }))).toBe('2024-06-01');
		expect(
			rowDate(readout('r', { dataCut: null, presentedAt: { venue: 'ESMO', date: null } }))
		).toBe(null);
		expect(rowDate(readout('r', { dataCut: null, presentedAt: null }))).toBe(null);
	});
	it('the mark role is the arm role', () => {
		expect(markRole(readout('r', { armRole: 'benchmark' }))).toBe('benchmark');
		expect(markRole(readout('r', { armRole: 'comparator' }))).toBe('comparator');
	});
});

describe('accessible name', () => {
	const name = (r: Readout, t: Trial | null) => {
		const ci = resolveCi(r);
		return accessibleName(r, t, ci, formatValueText(r, ci));
	};

	it('a response rate with its reported interval', () => {
		expect(name(readout('r'), trial('t1'))).toBe(
			'KN026 + docetaxel, 1L HER2+ breast cancer, phase 2, n 55: ORR 76.4%, 95% CI 63.0 to 86.8. T1, efficacy-evaluable.'
		);
	});

	it('speaks the value with the digits the row prints', () => {
		const r = readout('r', {
			value: 40,
			approximate: true,
			ci: { level: 0.95, low: 28.2, high: 52.3, method: null },
			responders: null
		});
		expect(name(r, trial('t1'))).toContain(': ORR approximately 40.0%, 95% CI 28.2 to 52.3.');
	});

	it('an approximate median in months, no interval, n unknown, no trial found', () => {
		const r = readout('r', {
			endpoint: 'mPFS',
			unit: 'months',
			value: 12.9,
			approximate: true,
			ci: null,
			responders: null,
			n: null,
			population: ''
		});
		expect(name(r, null)).toBe(
			'KN026 + docetaxel, 1L HER2+ breast cancer, n not reported: mPFS approximately 12.9 months. t1.'
		);
	});

	it('a hazard ratio against its comparator, without a unit', () => {
		const r = readout('r', {
			endpoint: 'HR-PFS',
			unit: 'ratio',
			value: 0.28,
			ci: { level: 0.95, low: 0.22, high: 0.37, method: null },
			responders: null,
			n: 524,
			comparatorArm: 'T-DM1',
			population: 'ITT'
		});
		expect(name(r, trial('db03', { name: 'DESTINY-Breast03', phase: 'phase 3' }))).toBe(
			'KN026 + docetaxel, 1L HER2+ breast cancer, phase 3, n 524: HR-PFS 0.28, 95% CI 0.22 to 0.37 vs T-DM1. DESTINY-Breast03, ITT.'
		);
	});

	it('a range, a median not reached, and nothing reported', () => {
		const benchmark = trial('soc', { name: 'SoC reference', phase: null });
		const range = readout('r', {
			value: null,
			range: { low: 5, high: 15 },
			approximate: true,
			ci: null,
			responders: null
		});
		expect(name(range, benchmark)).toBe(
			'KN026 + docetaxel, 1L HER2+ breast cancer, n 55: ORR approximately 5 to 15% (range). SoC reference, efficacy-evaluable.'
		);
		const months = readout('r', {
			value: null,
			range: { low: 8, high: 14 },
			unit: 'months',
			endpoint: 'mOS',
			ci: null,
			responders: null
		});
		expect(name(months, benchmark)).toContain('mOS 8 to 14 months (range).');
		const nr = readout('r', {
			endpoint: 'mOS',
			unit: 'months',
			value: null,
			notReached: true,
			ci: { level: 0.95, low: 27.7, high: 'NR', method: null },
			responders: null
		});
		expect(name(nr, benchmark)).toContain(': mOS not reached, 95% CI 27.7 to not reached.');
		const none = readout('r', { value: null, ci: null, responders: null });
		expect(name(none, benchmark)).toContain(': ORR not reported. SoC reference');
	});
});
