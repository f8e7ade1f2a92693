/**
 * Which asset of the landscape a registry record is about: an intervention name (or one of its
 * other names) that contains an asset's id, name, short name or alias as a whole word. The longest
 * matching term wins, so "Trastuzumab deruxtecan" links to T-DXd, not to trastuzumab.
 */
import type { Asset, Dataset, Trial } from '../../data/schema';
import type { RegistryIntervention } from './study';

const normalise = (text: string) =>
	text
		.toLocaleLowerCase('en')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();

/** Every name an asset goes by, normalised; "KN026 (anbenitamab)" also gives "kn026", "anbenitamab". */
export function assetTerms(asset: Asset): string[] {
	const names = [asset.id, asset.name, asset.shortName, ...asset.aliases];
	for (const name of [asset.name, asset.shortName]) {
		// From the first character on: the lazy first group takes whatever comes before the bracket.
		const paren = /(.*?)\s*\((.*)\)\s*$/.exec(name);
		if (paren) names.push(paren[1]!, ...paren[2]!.split(/[,;]/));
	}
	return [...new Set(names.map(normalise))].filter((t) => t.length >= 3);
}

function containsWord(text: string, term: string): boolean {
	return ` ${text} `.includes(` ${term} `);
}

export interface AssetMatch {
	asset: string;
	/** The intervention name that matched, as the record gives it. */
	intervention: string;
}

/** The assets the interventions name, in the order of the interventions; none = ask the user. */
export function matchAssets(
	dataset: Pick<Dataset, 'assets'>,
	interventions: readonly RegistryIntervention[]
): AssetMatch[] {
	const terms = dataset.assets.map((a) => ({ id: a.id, terms: assetTerms(a) }));
	const out: AssetMatch[] = [];
	for (const intervention of interventions) {
		let best: { ids: string[]; length: number } = { ids: [], length: 0 };
		for (const name of [intervention.name, ...intervention.otherNames]) {
			const text = normalise(name);
			for (const { id, terms: list } of terms) {
				for (const term of list) {
					if (!containsWord(text, term)) continue;
					if (term.length > best.length) best = { ids: [id], length: term.length };
					// An asset named twice is linked once: see the check below.
					else if (term.length === best.length) best.ids.push(id);
				}
			}
		}
		for (const id of best.ids) {
			if (!out.some((m) => m.asset === id))
				out.push({ asset: id, intervention: intervention.name });
		}
	}
	return out;
}

/** The trial already in the landscape for an NCT number: a single trial before a pooled analysis. */
export function findTrial(dataset: Pick<Dataset, 'trials'>, nctId: string): Trial | undefined {
	const upper = nctId.toUpperCase();
	const named = dataset.trials.filter((t) => t.registryIds.some((r) => r.toUpperCase() === upper));
	return named.find((t) => t.design !== 'pooled') ?? named[0];
}
