/**
 * Storage errors the rest of the app tells apart. Dexie-free, so the door can hand it out without
 * loading the database code.
 */

/** True for a write refused because the site's storage is full (as Dexie or the browser says it). */
export function isQuotaError(error: unknown): boolean {
	const names = [error, (error as { inner?: unknown } | null)?.inner].map(
		(e) => (e as { name?: unknown } | null)?.name
	);
	return names.includes('QuotaExceededError');
}
