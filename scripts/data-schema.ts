/**
 * `npm run data:schema`: writes static/data/schema.json, the JSON Schema of a dataset *as written*
 * (`io: 'input'`: fields with defaults are optional), generated from the zod schema so the two
 * cannot drift. Editors use it through a dataset's `"$schema": "./schema.json"`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { format, resolveConfig } from 'prettier';
import * as z from 'zod/mini';
import { Dataset } from '../src/lib/data/schema';

const OUTPUT = 'static/data/schema.json';

const generated = z.toJSONSchema(Dataset, { io: 'input', target: 'draft-2020-12' });
const schema = {
	$schema: generated.$schema,
	$id: 'urn:landscape:dataset-schema',
	title: 'Landscape dataset',
	description:
		'A competitive-landscape dataset: sources, assets, programs, milestones, trials, readouts, ' +
		'deals and conflicts, every fact with its source ids and an exact quote. Generated from ' +
		'src/lib/data/schema.ts by `npm run data:schema`; do not edit by hand.',
	...generated
};

// Let prettier lay it out, so `prettier --check` passes on the generated file; the repository's
// prettier config wins when there is one, otherwise tabs as in the rest of the tree.
const prettierOptions = (await resolveConfig(OUTPUT)) ?? { useTabs: true };
const text = await format(JSON.stringify(schema), { ...prettierOptions, filepath: OUTPUT });

await mkdir(dirname(OUTPUT), { recursive: true });
await writeFile(OUTPUT, text);
console.log(`Wrote ${OUTPUT}`);
