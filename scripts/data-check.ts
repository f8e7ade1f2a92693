/**
 * `npm run data:check [file ...]`: validates datasets against the schema, then runs the QA checks,
 * and prints what it finds grouped by file and level. Exits 1 when any file has an error (schema
 * or QA), 0 when there are only warnings or nothing.
 *
 * Without arguments it checks static/data/*.json, leaving out the generated schema.json and the
 * synthetic-*.json test datasets (name those explicitly to check them).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { formatSchemaIssues, type FormattedIssue } from '../src/lib/data/issues';
import { runQualityChecks, summarizeIssues, type QaIssue } from '../src/lib/data/qa';
import { Dataset } from '../src/lib/data/schema';

const DATA_DIR = 'static/data';

interface FileReport {
	file: string;
	/** Unreadable file or malformed JSON. */
	readError: string | null;
	schemaIssues: FormattedIssue[];
	qaIssues: QaIssue[];
}

async function defaultFiles(): Promise<string[]> {
	const names = await readdir(DATA_DIR).catch(() => [] as string[]);
	return names
		.filter((name) => name.endsWith('.json'))
		.filter((name) => !name.includes('schema') && !name.startsWith('synthetic'))
		.sort()
		.map((name) => join(DATA_DIR, name));
}

async function checkFile(file: string): Promise<FileReport> {
	const report: FileReport = { file, readError: null, schemaIssues: [], qaIssues: [] };
	let input: unknown;
	try {
		input = JSON.parse(await readFile(file, 'utf8'));
	} catch (error) {
		report.readError = error instanceof Error ? error.message : String(error);
		return report;
	}
	const parsed = Dataset.safeParse(input, { reportInput: true });
	if (!parsed.success) {
		report.schemaIssues = formatSchemaIssues(parsed.error);
		return report; // QA assumes a valid dataset
	}
	report.qaIssues = runQualityChecks(parsed.data);
	return report;
}

function count(n: number, one: string, many = `${one}s`): string {
	return `${n} ${n === 1 ? one : many}`;
}

function errorCount(report: FileReport): number {
	return (
		(report.readError ? 1 : 0) +
		report.schemaIssues.length +
		summarizeIssues(report.qaIssues).errors
	);
}

/** Paths inside the project relative to it, others as given. */
function displayName(file: string): string {
	const inProject = relative(process.cwd(), file);
	return inProject === '' || inProject.startsWith('..') ? file : inProject;
}

function printReport(report: FileReport): void {
	console.log(`\n${displayName(report.file)}`);
	if (report.readError) console.log(`  cannot read: ${report.readError}`);
	if (report.schemaIssues.length > 0) {
		console.log(`  schema errors (${report.schemaIssues.length}):`);
		for (const { path, message } of report.schemaIssues) console.log(`    ${path}: ${message}`);
	}
	for (const level of ['error', 'warning'] as const) {
		const issues = report.qaIssues.filter((issue) => issue.level === level);
		if (issues.length === 0) continue;
		console.log(`  QA ${level}s (${issues.length}):`);
		for (const { code, path, message } of issues) console.log(`    ${path}: ${message} [${code}]`);
	}
	const { warnings } = summarizeIssues(report.qaIssues);
	const errors = errorCount(report);
	const verdict = errors === 0 ? 'ok' : 'FAILED';
	console.log(`  ${verdict}: ${count(errors, 'error')}, ${count(warnings, 'warning')}`);
}

async function main(): Promise<number> {
	const named = process.argv.slice(2);
	const files = named.length > 0 ? named : await defaultFiles();
	if (files.length === 0) {
		console.log(`No dataset files to check in ${DATA_DIR}/.`);
		return 0;
	}
	const reports: FileReport[] = [];
	for (const file of files) reports.push(await checkFile(file));
	reports.forEach(printReport);

	const errors = reports.reduce((sum, report) => sum + errorCount(report), 0);
	const warnings = reports.reduce((sum, r) => sum + summarizeIssues(r.qaIssues).warnings, 0);
	const failed = reports.filter((report) => errorCount(report) > 0).length;
	console.log(
		`\n${count(reports.length, 'file')} checked: ${count(errors, 'error')}, ` +
			`${count(warnings, 'warning')}${failed > 0 ? ` (${count(failed, 'file')} failed)` : ''}.`
	);
	return errors > 0 ? 1 : 0;
}

process.exitCode = await main();
