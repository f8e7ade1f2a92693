/**
 * Walking a dataset: entity nouns for messages, every fact that carries sources (the one walk the
 * quality checks, the source citation counts and the Data view's "cited by" lists share), every
 * partial-date field, and id lookups.
 */
import type { Dataset, SourceRef } from './schema';
// A Record of labels (not an array), so the compiler fails when the schema gains an attribute.
import { ASSET_ATTRIBUTE_KEYS } from './vocabulary-labels';

export const COLLECTIONS = [
	'sources',
	'assets',
	'programs',
	'milestones',
	'trials',
	'readouts',
	'deals',
	'conflicts'
] as const;
export type Collection = (typeof COLLECTIONS)[number];

export const NOUNS: Record<Collection, { one: string; many: string }> = {
	sources: { one: 'Source', many: 'sources' },
	assets: { one: 'Asset', many: 'assets' },
	programs: { one: 'Program', many: 'programs' },
	milestones: { one: 'Milestone', many: 'milestones' },
	trials: { one: 'Trial', many: 'trials' },
	readouts: { one: 'Readout', many: 'readouts' },
	deals: { one: 'Deal', many: 'deals' },
	conflicts: { one: 'Conflict', many: 'conflicts' }
};

export function named(collection: Collection, id: string): string {
	return `${NOUNS[collection].one} "${id}"`;
}

/** A value for a message: strings quoted, long ones cut. */
export function show(value: unknown): string {
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Anything that carries `sources`, with where it sits and whether it must have at least one. */
export interface SourcedFact {
	path: string;
	/** The table of the entity that holds the fact. */
	collection: Exclude<Collection, 'sources'>;
	ownerId: string;
	/** Short, for lists: the entity id, with the attribute or phase when the fact is one. */
	label: string;
	description: string;
	sources: SourceRef[];
	requiresSources: boolean;
}

export function sourcedFacts(dataset: Dataset): SourcedFact[] {
	const facts: SourcedFact[] = [];
	dataset.assets.forEach((asset, i) => {
		const description = named('assets', asset.id);
		facts.push({
			path: `assets[${i}]`,
			collection: 'assets',
			ownerId: asset.id,
			label: asset.id,
			description,
			sources: asset.sources,
			requiresSources: false
		});
		for (const key of ASSET_ATTRIBUTE_KEYS) {
			const attribute = asset[key];
			facts.push({
				path: `assets[${i}].${key}`,
				collection: 'assets',
				ownerId: asset.id,
				label: `${asset.id} (${key})`,
				description: `${description} ${key} (${show(attribute.value)})`,
				sources: attribute.sources,
				// Unknown (null) needs no source; a stated value does.
				requiresSources: attribute.value !== null
			});
		}
	});
	dataset.programs.forEach((program, i) => {
		facts.push({
			path: `programs[${i}]`,
			collection: 'programs',
			ownerId: program.id,
			label: program.id,
			description: named('programs', program.id),
			sources: program.sources,
			requiresSources: false
		});
		program.phases.forEach((phase, j) => {
			facts.push({
				path: `programs[${i}].phases[${j}]`,
				collection: 'programs',
				ownerId: program.id,
				label: `${program.id} (${phase.phase})`,
				description: `The ${phase.phase} phase of program "${program.id}"`,
				sources: phase.sources,
				requiresSources: true
			});
		});
	});
	for (const collection of ['milestones', 'trials', 'readouts', 'deals', 'conflicts'] as const) {
		dataset[collection].forEach((entity, i) => {
			facts.push({
				path: `${collection}[${i}]`,
				collection,
				ownerId: entity.id,
				label: entity.id,
				description: named(collection, entity.id),
				sources: entity.sources,
				requiresSources: true
			});
		});
	}
	return facts;
}

/** A partial-date field somewhere in the dataset. */
export interface DateField {
	path: string;
	ownerId: string;
	description: string;
	value: string | null;
}

export function dateFields(dataset: Dataset): DateField[] {
	const fields: DateField[] = [
		{
			path: 'meta.asOf',
			ownerId: dataset.meta.id,
			description: 'The dataset\u2019s as-of date',
			value: dataset.meta.asOf
		}
	];
	const add = (path: string, ownerId: string, description: string, value: string | null) =>
		fields.push({ path, ownerId, description, value });
	dataset.sources.forEach((source, i) =>
		add(`sources[${i}].date`, source.id, `${named('sources', source.id)} date`, source.date)
	);
	dataset.programs.forEach((program, i) =>
		program.phases.forEach((phase, j) => {
			const owner = `The ${phase.phase} phase of program "${program.id}"`;
			add(`programs[${i}].phases[${j}].start`, program.id, `${owner} start`, phase.start);
			add(`programs[${i}].phases[${j}].knownBy`, program.id, `${owner} knownBy`, phase.knownBy);
			add(`programs[${i}].phases[${j}].end`, program.id, `${owner} end`, phase.end);
		})
	);
	dataset.milestones.forEach((m, i) => {
		add(`milestones[${i}].date`, m.id, `${named('milestones', m.id)} date`, m.date);
		add(`milestones[${i}].dateEnd`, m.id, `${named('milestones', m.id)} dateEnd`, m.dateEnd);
	});
	dataset.trials.forEach((trial, i) => {
		add(`trials[${i}].start`, trial.id, `${named('trials', trial.id)} start`, trial.start);
		add(`trials[${i}].end`, trial.id, `${named('trials', trial.id)} end`, trial.end);
	});
	dataset.readouts.forEach((r, i) => {
		add(`readouts[${i}].dataCut`, r.id, `${named('readouts', r.id)} data cut`, r.dataCut);
		const presented = r.presentedAt?.date ?? null;
		add(
			`readouts[${i}].presentedAt.date`,
			r.id,
			`${named('readouts', r.id)} presentation date`,
			presented
		);
	});
	dataset.deals.forEach((deal, i) =>
		add(`deals[${i}].date`, deal.id, `${named('deals', deal.id)} date`, deal.date)
	);
	return fields;
}

export function idsOf(dataset: Dataset, collection: Collection): Set<string> {
	return new Set(dataset[collection].map((entity) => entity.id));
}

/** The first entity with each id (later duplicates are reported by `duplicate-id`). */
export function firstById<T extends { id: string }>(entities: T[]): Map<string, T> {
	const map = new Map<string, T>();
	for (const entity of entities) if (!map.has(entity.id)) map.set(entity.id, entity);
	return map;
}
