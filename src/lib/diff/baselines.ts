/**
 * The earlier versions a dataset can be compared with: for the built-in dataset, the previous
 * releases shipped in static/data/history/ (fetched only when a comparison is asked for, never
 * on first load); for an imported landscape, the versions kept in this browser. Loaded with a
 * dynamic import by the "What changed" panel and the timeline's `since=` highlight.
 */
import { base } from '$app/paths';
import type { Dataset } from '$lib/data/schema';
import { loadDatasetText } from '$lib/data/load';
import { openDatasetStore, type DatasetChoice } from '$lib/db/door';

/**
 * Earlier releases of each built-in dataset, by its meta id: static/data/history/<id>-<v>.json.
 * A release listed here must have its file.
 */
export const BUILT_IN_HISTORY: Record<string, readonly string[]> = { her2: ['1.0.0'] };

export interface Baseline {
	/** Stable within the page: "built-in:1.0.0", "kept:12". */
	key: string;
	version: string;
	/** For a reader: "1.0.0 (previous release)", "1.0.1 (replaced 5 Dec 2026, 09:12)". */
	label: string;
	load(): Promise<{ ok: true; dataset: Dataset } | { ok: false; message: string }>;
}

async function fromText(text: string | undefined, location: string) {
	if (text === undefined) return { ok: false as const, message: `${location} is no longer kept` };
	const result = await loadDatasetText(text, location);
	if (result.ok) return { ok: true as const, dataset: result.model.dataset };
	return {
		ok: false as const,
		message: `${location}: ${result.title} (${result.problems[0]?.path}: ${result.problems[0]?.message})`
	};
}

export function historyLocation(id: string, version: string): string {
	return `${base}/data/history/${id}-${version}.json`;
}

function builtInBaselines(current: Dataset, fetcher: typeof fetch): Baseline[] {
	const versions = (BUILT_IN_HISTORY[current.meta.id] ?? []).filter(
		(v) => v !== current.meta.version
	);
	return [...versions].reverse().map((version) => ({
		key: `built-in:${version}`,
		version,
		label: `${version} (earlier release)`,
		async load() {
			const url = historyLocation(current.meta.id, version);
			try {
				const response = await fetcher(url, { credentials: 'same-origin' });
				if (!response.ok)
					return { ok: false, message: `the server answered ${response.status} for ${url}` };
				return fromText(await response.text(), url);
			} catch (error) {
				return {
					ok: false,
					message: `${url} could not be downloaded (${(error as Error).message})`
				};
			}
		}
	}));
}

const when = (ms: number) =>
	new Date(ms).toLocaleString('en-GB', {
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit'
	});

/** Every baseline for the dataset shown, newest first. Never throws (storage trouble → none). */
export async function listBaselines(
	current: Dataset,
	choice: DatasetChoice | undefined,
	fetcher: typeof fetch = fetch
): Promise<Baseline[]> {
	if (choice?.kind === 'built-in') return builtInBaselines(current, fetcher);
	if (choice?.kind !== 'imported') return [];
	try {
		const store = await openDatasetStore();
		const kept = await store.versions(choice.id);
		return kept.map((v) => ({
			key: `kept:${v.seq}`,
			version: v.version,
			label: `${v.version} (replaced ${when(v.savedAt)} by ${v.replacedBy})`,
			load: async () => fromText(await store.versionText(v.seq), `version ${v.version}`)
		}));
	} catch {
		return [];
	}
}
