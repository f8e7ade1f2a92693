// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	/**
	 * Hex SHA-256 of static/data/her2.json as validated when the app was built (vite.config.ts),
	 * or null when it was not validated then: a file with these exact bytes skips the schema.
	 */
	const __BUILT_IN_DATASET_SHA256__: string | null;

	namespace App {
		// interface Error {}
		// interface PageState {}
	}
}

export {};
