/** Helpers shared by the registry import tests: small study records, stated field by field. */
import { readStudy, type RegistryStudy } from './study';

/** A date as the registry gives it, with its type. */
export const actual = (date: string) => ({ date, type: 'ACTUAL' });
export const estimated = (date: string) => ({ date, type: 'ESTIMATED' });

/**
 * A study record (fictional NCT number) with `identification` merged into its identification
 * module and `modules` into its protocol section.
 */
export function recordOf(
	nctId: string,
	modules: Record<string, unknown> = {},
	identification: Record<string, unknown> = {}
) {
	return { protocolSection: { identificationModule: { nctId, ...identification }, ...modules } };
}

/** The record read, as the review sees it; a record the reader refuses fails the test. */
export function studyOf(
	nctId: string,
	modules: Record<string, unknown> = {},
	identification: Record<string, unknown> = {}
): RegistryStudy {
	const read = readStudy(recordOf(nctId, modules, identification));
	if (!read.ok) throw new Error(JSON.stringify(read.problems));
	return read.study;
}
