/**
 * One request to a fresh worker, one answer back: the worker is ended after it answers or fails.
 * Null when no worker can run here (tests, an old browser, a script that failed to load), so the
 * caller does the work itself.
 */
export function askWorker<Message, Answer>(
	/** `() => new Worker(new URL('./x.worker.ts', import.meta.url), { type: 'module' })`: the
	 * literal form lets the bundler find and build the worker. */
	start: () => Worker,
	request: unknown,
	/** The answer in a message, or undefined for a message before it (progress). */
	read: (message: Message) => Answer | undefined
): Promise<Answer | null> {
	if (typeof Worker !== 'function') return Promise.resolve(null);
	return new Promise((resolve) => {
		let worker: Worker;
		try {
			worker = start();
		} catch {
			resolve(null);
			return;
		}
		worker.onmessage = (event: MessageEvent<Message>) => {
			const answer = read(event.data);
			if (answer === undefined) return;
			worker.terminate();
			resolve(answer);
		};
		worker.onerror = () => {
			worker.terminate();
			resolve(null);
		};
		worker.postMessage(request);
	});
}
