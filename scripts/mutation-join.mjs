// Joins Stryker incremental reports of single files into one (e.g. a scope's committed result):
//   node scripts/mutation-join.mjs out.json in1.json in2.json ...
// Each Stryker run numbers its tests and mutants from 0, so the same number means different
// tests in different reports: tests are renumbered by test file and name (one id per test across
// the inputs) and mutants renumbered in turn, with `coveredBy` and `killedBy` following. Where
// inputs share a source or test file, the later input wins. Paths stay relative to the project
// (no `projectRoot`), like scripts/mutation.mjs leaves the committed results.
import { readFileSync, writeFileSync } from 'node:fs';

const [out, ...inputs] = process.argv.slice(2);
if (!out || inputs.length === 0) {
	console.error('usage: node scripts/mutation-join.mjs out.json in1.json [in2.json ...]');
	process.exit(2);
}

const reports = inputs.map((path) => JSON.parse(readFileSync(path, 'utf8')));

/** One id per test across the inputs, keyed by its file and name. */
const testIds = new Map();
const idOf = (file, name) => {
	const key = `${file}\0${name}`;
	if (!testIds.has(key)) testIds.set(key, String(testIds.size));
	return testIds.get(key);
};

const testFiles = {};
const files = {};
for (const [i, report] of reports.entries()) {
	// This report's test ids → the joined ids.
	const remap = new Map();
	for (const [file, { tests, source }] of Object.entries(report.testFiles ?? {})) {
		if (testFiles[file] && source !== undefined && testFiles[file].source !== source) {
			console.warn(`${inputs[i]}: ${file} differs from an earlier input's; the later is kept`);
		}
		const joined = tests.map((test) => {
			const id = idOf(file, test.name);
			remap.set(test.id, id);
			return { ...test, id };
		});
		testFiles[file] = { ...testFiles[file], ...(source === undefined ? {} : { source }) };
		const byId = new Map((testFiles[file].tests ?? []).map((test) => [test.id, test]));
		for (const test of joined) byId.set(test.id, test);
		testFiles[file].tests = [...byId.values()];
	}
	const mapIds = (ids) => ids?.map((id) => remap.get(id) ?? id);
	for (const [file, result] of Object.entries(report.files)) {
		files[file] = {
			...result,
			mutants: result.mutants.map((m) => ({
				...m,
				...(m.coveredBy ? { coveredBy: mapIds(m.coveredBy) } : {}),
				...(m.killedBy ? { killedBy: mapIds(m.killedBy) } : {})
			}))
		};
	}
}

// Mutant ids, too, are per run: number them once over the joined files.
let nextMutant = 0;
for (const result of Object.values(files)) {
	for (const mutant of result.mutants) mutant.id = String(nextMutant++);
}

const joined = { ...reports.at(-1), files, testFiles };
delete joined.projectRoot;
writeFileSync(out, JSON.stringify(joined, null, 2) + '\n');
console.log(
	`${out}: ${Object.keys(files).length} files, ${nextMutant} mutants, ${testIds.size} tests`
);
