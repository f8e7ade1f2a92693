// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	/**
	 * Hex SHA-256 of static/data/her2.json and its quality-check results, as validated when the
	 * app was built (vite.config.ts), or null when it was not validated then: a file with these
	 * exact bytes skips the schema and the quality checks.
	 */
	const __BUILT_IN_DATASET__: import('$lib/data/load').ValidatedDataset | null;

	namespace App {
		// interface Error {}
		// interface PageState {}
	}
}

export {};
