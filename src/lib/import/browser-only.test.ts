import { describe, expect, it } from 'vitest';

// The import runs in the browser: no Node built-ins in its product modules (tests may use them).
const sources = import.meta.glob(['./*.ts', '!./*.test.ts', '!./test-helpers.ts'], {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;

describe('src/lib/import is browser code', () => {
	it('has product modules to check', () => {
		expect(Object.keys(sources).length).toBeGreaterThanOrEqual(7);
	});
	it.each(Object.entries(sources))('%s imports no node: modules and no DOM', (_, text) => {
		expect(text).not.toMatch(/from ['"](node:|fs['"]|path['"])/);
		expect(text).not.toMatch(/\b(document|window)\./);
	});
});
