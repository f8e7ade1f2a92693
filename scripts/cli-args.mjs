/**
 * The scripts' flags: `--name=value` (or `--flag`, read as "true") into a Map by name.
 * With `usage` (the script's usage text, naming each flag as `--name`), `--help` prints it and an
 * unknown flag stops the script with it: a typo must not start a long run on the defaults.
 */
export function cliArgs(argv = process.argv.slice(2), usage = null) {
	const args = new Map(
		argv.map((arg) => arg.replace(/^--/, '').split('=')).map(([k, v]) => [k, v ?? 'true'])
	);
	if (usage === null) return args;
	const known = new Set([...usage.matchAll(/--([a-z][a-z-]*)/g)].map((m) => m[1]));
	const unknown = [...args.keys()].filter((name) => !known.has(name));
	if (args.has('help') || unknown.length > 0) {
		if (!args.has('help'))
			console.error(`Unknown option ${unknown.map((n) => `--${n}`).join(', ')}.`);
		console.error(usage);
		process.exit(args.has('help') ? 0 : 2);
	}
	return args;
}
