import { describe, expect, it } from 'vitest';
import type { Asset, Trial } from '../../data/schema';
import { assetTerms, findTrial, matchAssets } from './match';
import type { RegistryIntervention } from './study';

/** An asset with just the names the match reads. */
const asset = (id: string, name: string, shortName = name, aliases: string[] = []) =>
	({ id, name, shortName, aliases }) as unknown as Asset;

const drug = (name: string, otherNames: string[] = []): RegistryIntervention => ({
	name,
	type: 'DRUG',
	otherNames,
	path: 'protocolSection.armsInterventionsModule.interventions[0]'
});

describe('the names an asset goes by', () => {
	it('id, name, short name and aliases, lower case, with punctuation as spaces', () => {
		expect(assetTerms(asset('zw25', 'Zanidatamab', 'ZW25', ['JZP-598', 'ZW-25']))).toEqual([
			'zw25',
			'zanidatamab',
			'jzp 598',
			'zw 25'
		]);
	});

	it('a name with a part in brackets also gives each part; names of two letters are left out', () => {
		expect(
			assetTerms(asset('kn026', 'KN026 (anbenitamab)', 'KN026 (anbenitamab; JSKN-026)', ['AB']))
		).toEqual([
			'kn026',
			'kn026 anbenitamab',
			'kn026 anbenitamab jskn 026',
			'anbenitamab',
			'jskn 026'
		]);
	});

	it('a bracket is split off only at the end of a name, with or without spaces around it', () => {
		expect(assetTerms(asset('ex-1', 'Examplimab(EX-1) ', 'Testumab (TST) SC'))).toEqual([
			'ex 1',
			'examplimab ex 1',
			'testumab tst sc',
			'examplimab'
		]);
	});

	it('leading and trailing punctuation is not part of a name', () => {
		expect(assetTerms(asset('x-1', '(Examplimab)', 'Ex.', ['-Exa-']))).toEqual([
			'x 1',
			'examplimab',
			'exa'
		]);
	});
});

describe('records matched to assets', () => {
	const assets = [
		asset('trastuzumab', 'Trastuzumab', 'Trastuzumab', ['Herceptin']),
		asset('t-dxd', 'Trastuzumab deruxtecan', 'T-DXd', ['DS-8201a']),
		asset('kn026', 'KN026 (anbenitamab)', 'KN026'),
		asset('zw25', 'Zanidatamab', 'ZW25')
	];
	const dataset = { assets };

	it('a whole word of an intervention name, in any case and punctuation', () => {
		expect(matchAssets(dataset, [drug('ANBENITAMAB injection')])).toEqual([
			{ asset: 'kn026', intervention: 'ANBENITAMAB injection' }
		]);
		expect(matchAssets(dataset, [drug('Placebo', ['kn-026', 'kn026'])])).toEqual([
			{ asset: 'kn026', intervention: 'Placebo' }
		]);
	});

	it('part of a word is no match', () => {
		expect(matchAssets(dataset, [drug('Zanidatamabs'), drug('preKN026')])).toEqual([]);
	});

	it('the longest name wins: "trastuzumab deruxtecan" is T-DXd, not trastuzumab', () => {
		expect(matchAssets(dataset, [drug('Trastuzumab deruxtecan (DS-8201a)')])).toEqual([
			{ asset: 't-dxd', intervention: 'Trastuzumab deruxtecan (DS-8201a)' }
		]);
		// …whichever asset the landscape lists first…
		expect(
			matchAssets({ assets: [...assets].reverse() }, [drug('Trastuzumab deruxtecan')])
		).toEqual([{ asset: 't-dxd', intervention: 'Trastuzumab deruxtecan' }]);
		// …also when the longer name is only among the other names.
		expect(matchAssets(dataset, [drug('Trastuzumab', ['Trastuzumab deruxtecan'])])).toEqual([
			{ asset: 't-dxd', intervention: 'Trastuzumab' }
		]);
	});

	it('two assets named by names of the same length are both linked, each once', () => {
		const twins = {
			assets: [asset('abc1', 'Abcmab'), asset('xyz1', 'Xyzmab'), asset('abc2', 'ABC-mab')]
		};
		expect(matchAssets(twins, [drug('Abcmab + Xyzmab', ['Xyzmab', 'abcmab'])])).toEqual([
			{ asset: 'abc1', intervention: 'Abcmab + Xyzmab' },
			{ asset: 'xyz1', intervention: 'Abcmab + Xyzmab' }
		]);
	});

	it('in the order of the interventions; an asset named twice is linked once, by the first', () => {
		expect(
			matchAssets(dataset, [
				drug('Zanidatamab'),
				drug('Docetaxel'),
				drug('Herceptin'),
				drug('ZW25 monotherapy')
			])
		).toEqual([
			{ asset: 'zw25', intervention: 'Zanidatamab' },
			{ asset: 'trastuzumab', intervention: 'Herceptin' }
		]);
	});

	it('no intervention, or none naming an asset: no link', () => {
		expect(matchAssets(dataset, [])).toEqual([]);
		expect(matchAssets(dataset, [drug('Docetaxel', ['Taxotere'])])).toEqual([]);
	});
});

describe('the landscape trial of an NCT number', () => {
	const trial = (id: string, registryIds: string[], design = 'randomised') =>
		({ id, registryIds, design }) as unknown as Trial;

	it('matches the number in any case', () => {
		const dataset = { trials: [trial('a', ['EUCTR2020-1']), trial('b', ['nct00000001'])] };
		expect(findTrial(dataset, 'NCT00000001')?.id).toBe('b');
		expect(findTrial(dataset, 'nct00000001')?.id).toBe('b');
		expect(findTrial(dataset, 'NCT00000002')).toBeUndefined();
	});

	it('a single trial comes before a pooled analysis naming the same number', () => {
		const pooled = trial('pooled', ['NCT00000001', 'NCT00000002'], 'pooled');
		expect(findTrial({ trials: [pooled, trial('one', ['NCT00000001'])] }, 'NCT00000001')?.id).toBe(
			'one'
		);
		expect(findTrial({ trials: [pooled] }, 'NCT00000002')?.id).toBe('pooled');
	});
});
