// The scripts' flags: `--name=value` (or `--flag`, read as "true") into a Map by name.
export function cliArgs(argv = process.argv.slice(2)) {
	return new Map(
		argv.map((arg) => arg.replace(/^--/, '').split('=')).map(([k, v]) => [k, v ?? 'true'])
	);
}
