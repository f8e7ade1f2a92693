/**
 * The built-in dataset, validated when the app is built: the schema and the quality checks run
 * here, and the file's SHA-256 and its quality-check results go into the app
 * (`__BUILT_IN_DATASET__`), so a browser that receives exactly these bytes loads neither the
 * schema library nor the quality checks to check them again before the first chart.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { parseDatasetText } from '../src/lib/data/validate';
import type { QaIssue } from '../src/lib/data/qa';

export const BUILT_IN_DATASET = 'static/data/her2.json';

/**
 * The file's hex SHA-256 and quality-check results once it passes the schema and the quality
 * checks. Throws, naming the problems, when it does not; null when the schema would change it
 * (filling defaults), since the app would then have to run the schema anyway.
 */
export function validatedBuiltIn(
	file: string = BUILT_IN_DATASET
): { sha256: string; qa: QaIssue[] } | null {
	const bytes = readFileSync(file);
	const text = bytes.toString('utf8');
	const result = parseDatasetText(text, file);
	if (!result.ok) {
		const problems = result.problems.slice(0, 10).map((p) => `  ${p.path}: ${p.message}`);
		throw new Error(`${file}: ${result.title}\n${problems.join('\n')}`);
	}
	if (!isDeepStrictEqual(result.model.dataset, JSON.parse(text))) return null;
	return { sha256: createHash('sha256').update(bytes).digest('hex'), qa: [...result.model.qa] };
}

/** The SHA-256 alone (see validatedBuiltIn). */
export function validatedDigest(file: string = BUILT_IN_DATASET): string | null {
	return validatedBuiltIn(file)?.sha256 ?? null;
}
