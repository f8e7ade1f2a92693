/**
 * The one-off look for datasets imported before the "imports" hint existed. Apart from hints.ts,
 * which datasets.ts writes to: hints.ts importing datasets.ts back made an import cycle.
 */
import { openDatasetStore } from './door';
import { mayHaveImports, noteImports } from './hints';

/**
 * A browser that imported datasets before the hint existed: look once, when the page is idle (the
 * first chart is drawn by then), and report what was found so the switcher can list them.
 */
export function checkUnhintedImports(onFound: () => void): void {
	if (mayHaveImports()) return;
	const look = () =>
		openDatasetStore()
			.then((store) => store.list())
			.then((list) => {
				if (list.length === 0) return;
				noteImports(true);
				onFound();
			})
			.catch(() => undefined);
	if (typeof requestIdleCallback === 'function') requestIdleCallback(look, { timeout: 3000 });
	else setTimeout(look, 500);
}
