/**
 * The boundary as a curator meets it: a dataset file is refused with a title saying which step it
 * failed (size, JSON, schema, quality checks) and every problem as `path: message`, or accepted as
 * a model whose lookups find each entity by id.
 */
import { describe, expect, it } from 'vitest';
import raw from '../../../tests/fixtures/state-dataset.json';
import { MAX_DATASET_BYTES, checkedModel } from './checked';
import { Dataset } from './schema';
import { parseDatasetText, validateDataset } from './validate';

const good = () => structuredClone(raw) as Record<string, unknown> & typeof raw;

describe('reading a dataset file', () => {
	it('accepts a good dataset: every entity found by its id, the location kept', () => {
		const data = good();
		const result = parseDatasetText(JSON.stringify(data), 'state.json');
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.location).toBe('state.json');
		const { model } = result;
		expect(model.dataset.meta.id).toBe('state-fixture');
		for (const asset of data.assets) expect(model.assetsById.get(asset.id)?.name).toBe(asset.name);
		for (const trial of data.trials) expect(model.trialsById.get(trial.id)?.id).toBe(trial.id);
		expect(model.qa.every((issue) => issue.level !== 'error')).toBe(true);
	});

	it('refuses a file over the size limit before reading it, saying how large it is', () => {
		const text = ' '.repeat(MAX_DATASET_BYTES + 1024 * 1024);
		const stages: string[] = [];
		const result = parseDatasetText(text, 'huge.json', (stage) => stages.push(stage));
		expect(result).toEqual({
			ok: false,
			location: 'huge.json',
			title: 'This dataset is too large',
			problems: [{ path: '(file)', message: '33.0 MB; the limit is 32 MB' }]
		});
		expect(stages).toEqual([]);
	});

	it('a file of exactly the limit is read (and here found not to be JSON)', () => {
		const result = parseDatasetText(' '.repeat(MAX_DATASET_BYTES), 'edge.json');
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.title).toBe('This dataset is not valid JSON');
	});

	it('names a JSON syntax error with the parser’s own words', () => {
		const result = parseDatasetText('{"meta": }', 'broken.json');
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.location).toBe('broken.json');
		expect(result.title).toBe('This dataset is not valid JSON');
		expect(result.problems).toHaveLength(1);
		expect(result.problems[0]!.path).toBe('(file)');
		expect(result.problems[0]!.message).toMatch(/JSON/);
	});

	it('lists schema problems by path, quoting the value found', () => {
		const data = good();
		(data.meta as Record<string, unknown>).asOf = 2025;
		const result = validateDataset(data, 'off-schema.json');
		expect(result).toEqual({
			ok: false,
			location: 'off-schema.json',
			title: 'This dataset does not follow the schema',
			problems: [{ path: 'meta.asOf', message: 'expected text, got 2025' }]
		});
	});

	it('lists the errors of the quality checks (not their warnings) by path', () => {
		const data = good();
		data.assets[1]!.id = data.assets[0]!.id;
		const stages: string[] = [];
		const result = parseDatasetText(JSON.stringify(data), 'dup.json', (s) => stages.push(s));
		expect(stages).toEqual(['parse', 'schema', 'quality']);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.location).toBe('dup.json');
		expect(result.title).toBe('This dataset fails its quality checks');
		expect(result.problems).toContainEqual({
			path: 'assets[1].id',
			message: expect.stringContaining(`share the id "${data.assets[0]!.id}"`)
		});
		expect(Object.keys(result.problems[0]!).sort()).toEqual(['message', 'path']);
	});

	it('keeps the warnings of an accepted dataset in its model', () => {
		const data = Dataset.parse(good());
		data.sources.push({ ...data.sources[0]!, id: 'never-cited' });
		const result = checkedModel(data, 'warned.json');
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.model.qa.map((issue) => [issue.code, issue.path])).toContainEqual([
			'unused-source',
			`sources[${data.sources.length - 1}]`
		]);
	});
});
