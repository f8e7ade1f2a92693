/**
 * Benchmark hooks: named performance measures a benchmark can read with
 * `performance.getEntriesByName('landscape:filter')`. Never throws (some test DOMs lack measure).
 */
export type MeasureName =
	'landscape:filter' | 'landscape:url-write' | 'landscape:idb-write' | 'landscape:worker-receive';

export function measureSince(name: MeasureName, start: number, detail?: unknown): void {
	try {
		performance.measure(name, { start, end: performance.now(), detail });
	} catch {
		/* no User Timing here */
	}
}

export function timed<T>(name: MeasureName, run: () => T): T {
	const start = performance.now();
	try {
		return run();
	} finally {
		measureSince(name, start);
	}
}
