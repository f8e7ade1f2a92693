// Summarises Stryker's mutation reports: the score per folder and, with --survivors, each mutant
// that no test noticed (file:line, the mutator, the original line and what replaced it).
//   node scripts/mutation-summary.mjs reports/mutation/*.json [--survivors] [--equivalents] [--file=<substring>]
// Score = killed (timeouts count as killed) ÷ (killed + survived + no coverage). Left out of it:
// equivalent mutants (marked `Stryker disable` with a one-line reason in the source; --equivalents
// lists them) and static ones (code run once at import, e.g. vocabularies; not run, see the config).
import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

const args = process.argv.slice(2);
const reportPaths = args.filter((arg) => !arg.startsWith('--') && existsSync(arg));
const showSurvivors = args.includes('--survivors');
const showEquivalents = args.includes('--equivalents');
const fileFilter = args.find((arg) => arg.startsWith('--file='))?.slice('--file='.length);

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);
const STATIC_REASON = 'Static mutant';
const isStatic = (mutant) => mutant.statusReason?.startsWith(STATIC_REASON) ?? false;

/** @type {Map<string, { source: string, mutants: any[] }>} newest report wins per file */
const files = new Map();
for (const path of reportPaths) {
	const report = JSON.parse(readFileSync(path, 'utf8'));
	for (const [file, result] of Object.entries(report.files)) files.set(file, result);
}

const folders = new Map();
for (const [file, { mutants }] of files) {
	const folder = dirname(file);
	const tally = folders.get(folder) ?? {
		detected: 0,
		undetected: 0,
		equivalent: 0,
		static: 0,
		errors: 0
	};
	for (const mutant of mutants) {
		if (DETECTED.has(mutant.status)) tally.detected += 1;
		else if (UNDETECTED.has(mutant.status)) tally.undetected += 1;
		else if (mutant.status === 'Ignored' && isStatic(mutant)) tally.static += 1;
		else if (mutant.status === 'Ignored') tally.equivalent += 1;
		else tally.errors += 1;
	}
	folders.set(folder, tally);
}

const percent = (part, whole) => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)} %`);
console.log(
	'folder | score | killed | survived or not covered | equivalent | static (not run) | errors'
);
for (const [folder, t] of [...folders].sort()) {
	const score = percent(t.detected, t.detected + t.undetected);
	console.log(
		`${folder} | ${score} | ${t.detected} | ${t.undetected} | ${t.equivalent} | ${t.static} | ${t.errors}`
	);
}

if (showSurvivors) {
	for (const [file, { source, mutants }] of [...files].sort()) {
		if (fileFilter && !file.includes(fileFilter)) continue;
		const lines = source.split('\n');
		const left = mutants
			.filter((m) => UNDETECTED.has(m.status))
			.sort((a, b) => a.location.start.line - b.location.start.line);
		if (left.length === 0) continue;
		console.log(`\n## ${file} (${left.length})`);
		for (const m of left) {
			const { line, column } = m.location.start;
			const original = lines[line - 1]?.trim() ?? '';
			const tag = m.status === 'NoCoverage' ? ' [no coverage]' : '';
			console.log(`${line}:${column} ${m.mutatorName}${tag}: ${original.slice(0, 140)}`);
			console.log(
				`    → ${String(m.replacement ?? '')
					.replace(/\s+/g, ' ')
					.slice(0, 140)}`
			);
		}
	}
}

if (showEquivalents) {
	console.log('\nfile:line | mutator | why it is equivalent');
	for (const [file, { mutants }] of [...files].sort()) {
		if (fileFilter && !file.includes(fileFilter)) continue;
		const marked = mutants
			.filter((m) => m.status === 'Ignored' && !isStatic(m))
			.sort((a, b) => a.location.start.line - b.location.start.line);
		for (const m of marked) {
			console.log(`${file}:${m.location.start.line} | ${m.mutatorName} | ${m.statusReason ?? ''}`);
		}
	}
}
