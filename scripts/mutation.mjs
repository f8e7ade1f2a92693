// `npm run test:mutation [scope ...]`: Stryker over the pure modules, one scope at a time, each
// with its own incremental file (reports/mutation/<scope>.json, committed), so a rerun tests only
// the mutants whose code or covering tests changed, and one scope can be rerun alone. Then prints
// the score per folder (scripts/mutation-summary.mjs). Extra Stryker flags go after `--`, e.g.
//   npm run test:mutation -- query -- --concurrency 1
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { MUTATION_SCOPES } from '../stryker.config.mjs';

const args = process.argv.slice(2);
const split = args.indexOf('--');
const named = split === -1 ? args : args.slice(0, split);
const strykerFlags = split === -1 ? [] : args.slice(split + 1);

const unknown = named.filter((scope) => !(scope in MUTATION_SCOPES));
if (unknown.length > 0) {
	console.error(
		`Unknown scope ${unknown.join(', ')}; the scopes are: ${Object.keys(MUTATION_SCOPES).join(', ')}.`
	);
	process.exit(2);
}
const scopes = named.length > 0 ? named : Object.keys(MUTATION_SCOPES);

for (const scope of scopes) {
	console.log(`\n# Mutation testing: ${scope}`);
	const result = spawnSync(
		'npx',
		[
			'stryker',
			'run',
			'--mutate',
			MUTATION_SCOPES[scope].join(','),
			'--incrementalFile',
			`reports/mutation/${scope}.json`,
			...strykerFlags
		],
		{ stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } }
	);
	if (result.status !== 0) process.exit(result.status ?? 1);
	withoutProjectRoot(`reports/mutation/${scope}.json`);
}

/** The committed results keep paths relative to the project: not this machine's folder. */
function withoutProjectRoot(path) {
	const report = JSON.parse(readFileSync(path, 'utf8'));
	delete report.projectRoot;
	writeFileSync(path, JSON.stringify(report, null, 2) + '\n');
}

spawnSync(
	'node',
	[
		'scripts/mutation-summary.mjs',
		...Object.keys(MUTATION_SCOPES).map((s) => `reports/mutation/${s}.json`)
	],
	{
		stdio: 'inherit'
	}
);
