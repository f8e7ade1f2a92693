import { describe, expect, it } from 'vitest';
import type { Readout } from '$lib/data/schema';
import { orderPanel } from './efficacy.sort';
import { ASSETS, asset, readout } from './test-fixtures';

const assetsById = new Map(ASSETS.map((a) => [a.id, a]));
const ids = (entries: { readout: Readout }[]) => entries.map((e) => e.readout.id);

describe('row order within a setting', () => {
	it('by default: role, the focus asset first, arm, larger n, earlier date, then id', () => {
		const rows = [
			readout('benchmark', { armRole: 'benchmark', asset: null, arm: 'A chemo' }),
			readout('comparator', { armRole: 'comparator', asset: 'tdxd', arm: 'A T-DM1' }),
			readout('other-asset', { asset: 'zanidatamab', arm: 'A zanidatamab' }),
			readout('no-asset', { asset: null, arm: 'A unnamed' }),
			readout('n-unknown', { n: null }),
			readout('n30-undated', { n: 30, dataCut: null }),
			readout('n30-2024', { n: 30, dataCut: '2024-01' }),
			readout('n30-2023-01', { n: 30, dataCut: '2023-01' }),
			readout('n30-2023', { n: 30, dataCut: '2023' }),
			readout('n30-2023-01b', { n: 30, dataCut: '2023-01' }),
			readout('n60', { n: 60 })
		];
		const order = ids(
			orderPanel('response', rows, { groupBy: 'setting', sort: 'group' }, assetsById)
		);
		expect(order).toEqual([
			'n60',
			'n30-2023-01',
			'n30-2023-01b',
			'n30-2023',
			'n30-2024',
			'n30-undated',
			'n-unknown',
			'other-asset',
			'no-asset',
			'comparator',
			'benchmark'
		]);
	});

	it('by value: highest rate first, a range at its midpoint, unknown values last', () => {
		const rows = [
			readout('unknown', { value: null }),
			readout('v15', { value: 15 }),
			readout('range10-30', { value: null, range: { low: 10, high: 30 } }),
			readout('v25', { value: 25 }),
			readout('v18', { value: 18 })
		];
		expect(
			ids(orderPanel('response', rows, { groupBy: 'setting', sort: 'value' }, assetsById))
		).toEqual(['v25', 'range10-30', 'v18', 'v15', 'unknown']);
	});

	it('by value: medians not reached are the longest; hazard ratios lowest first, NR after values', () => {
		const months = (id: string, patch: Partial<Readout>) =>
			readout(id, { endpoint: 'mOS', unit: 'months', ci: null, responders: null, ...patch });
		const medians = [
			months('unknown', { value: null }),
			months('m10', { value: 10 }),
			months('nr', { value: null, notReached: true }),
			months('m20', { value: 20 })
		];
		expect(
			ids(orderPanel('median', medians, { groupBy: 'setting', sort: 'value' }, assetsById))
		).toEqual(['nr', 'm20', 'm10', 'unknown']);
		const ratio = (id: string, patch: Partial<Readout>) =>
			readout(id, { endpoint: 'HR-OS', unit: 'ratio', ci: null, responders: null, ...patch });
		const ratios = [
			ratio('unknown', { value: null }),
			ratio('nr', { value: null, notReached: true }),
			ratio('hr07', { value: 0.7 }),
			ratio('hr05', { value: 0.5 })
		];
		expect(
			ids(orderPanel('hazard', ratios, { groupBy: 'setting', sort: 'value' }, assetsById))
		).toEqual(['hr05', 'hr07', 'nr', 'unknown']);
	});

	it('by date: earliest first, undated last, the presentation date when there is no data cut', () => {
		const rows = [
			readout('undated', { dataCut: null }),
			readout('2024', { dataCut: '2024-03' }),
			readout('presented', { dataCut: null, presentedAt: { venue: 'ASCO', date: '2023-06-02' } }),
			readout('2022', { dataCut: '2022-12' })
		];
		expect(
			ids(orderPanel('response', rows, { groupBy: 'setting', sort: 'date' }, assetsById))
		).toEqual(['2022', 'presented', '2024', 'undated']);
	});
});

describe('groups', () => {
	it('by setting: indication group, then line in treatment order, unnamed and missing lines last', () => {
		const rows = [
			readout('none', { line: null }),
			readout('maint', { line: 'maintenance' }),
			readout('2L', { line: '2L' }),
			readout('3L', { line: '3L' }),
			readout('btc', { indicationGroup: 'biliary', line: '2L+' }),
			readout('1L', { line: '1L' }),
			readout('adj', { line: 'adjuvant' })
		];
		const entries = orderPanel('response', rows, { groupBy: 'setting', sort: 'group' }, assetsById);
		expect(entries.map((e) => e.group.label)).toEqual([
			'Biliary · 2L+',
			'Breast · adjuvant',
			'Breast · 1L',
			'Breast · 2L',
			'Breast · 3L',
			'Breast · maintenance',
			'Breast · line not stated'
		]);
		expect(new Set(entries.map((e) => e.group.key)).size).toBe(7);
		// Each group holds exactly its own readouts.
		expect(entries.map((e) => e.group.readouts.map((r) => r.id))).toEqual([
			['btc'],
			['adj'],
			['1L'],
			['2L'],
			['3L'],
			['maint'],
			['none']
		]);
	});

	it('by asset: the focus asset, then the others by name, standard of care last', () => {
		const rows = [
			readout('soc', { asset: null, armRole: 'benchmark' }),
			readout('zani', { asset: 'zanidatamab' }),
			readout('tdxd', { asset: 'tdxd' }),
			readout('kn026', { asset: 'kn026' }),
			readout('kn026-os', { asset: 'kn026', endpoint: 'cORR' })
		];
		const entries = orderPanel('response', rows, { groupBy: 'asset', sort: 'group' }, assetsById);
		expect(entries.map((e) => [e.group.label, e.readout.id, e.endpoint])).toEqual([
			['KN026', 'kn026', 'ORR'],
			['KN026', 'kn026-os', 'cORR'],
			['T-DXd', 'tdxd', 'ORR'],
			['Zanidatamab', 'zani', 'ORR'],
			['Standard of care', 'soc', 'ORR']
		]);
	});

	it('by asset: the focus asset comes first even when another name sorts before it', () => {
		const named = new Map([
			['zeta', asset('zeta', 'focus', 'Zeta-101')],
			['alpha', asset('alpha', 'comparator', 'Alphamab')]
		]);
		const rows = [readout('alpha', { asset: 'alpha' }), readout('zeta', { asset: 'zeta' })];
		const entries = orderPanel('response', rows, { groupBy: 'asset', sort: 'group' }, named);
		expect(entries.map((e) => e.group.label)).toEqual(['Zeta-101', 'Alphamab']);
	});
});

describe('rows the assets list does not hold', () => {
	it('a readout naming an unknown asset is ordered like another asset’s (by arm), before rows of no asset', () => {
		const rows = [
			readout('no-asset', { asset: null, arm: 'A' }),
			readout('unlisted', { asset: 'not-in-list', arm: 'A' }),
			readout('listed', { asset: 'zanidatamab', arm: 'B' })
		];
		const entries = orderPanel('response', rows, { groupBy: 'setting', sort: 'group' }, assetsById);
		expect(ids(entries)).toEqual(['unlisted', 'listed', 'no-asset']);
	});

	it('the same arm: a known size, however small, before an unknown one', () => {
		const rows = [
			readout('unknown-n', { n: null, dataCut: '2020-01' }),
			readout('n1', { n: 1, dataCut: '2024-01' })
		];
		const entries = orderPanel('response', rows, { groupBy: 'setting', sort: 'group' }, assetsById);
		expect(ids(entries)).toEqual(['n1', 'unknown-n']);
	});
});
