/**
 * Typed reads from an untrusted registry record: each read names the field's path, and a field
 * that is present with the wrong type becomes a problem ("protocolSection.statusModule.
 * overallStatus: expected text, got a number") instead of a guess. Missing fields are simply
 * absent: registry records leave out whatever the sponsor did not fill in.
 */

export interface FieldProblem {
	path: string;
	message: string;
}

const describeValue = (value: unknown): string =>
	value === null
		? 'null'
		: Array.isArray(value)
			? 'a list'
			: typeof value === 'object'
				? 'an object'
				: typeof value === 'string'
					? 'text'
					: `a ${typeof value}`;

export const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** A reader over one record that collects every wrong-type problem it meets. */
export class FieldReader {
	readonly problems: FieldProblem[] = [];

	private wrong(path: string, expected: string, value: unknown): undefined {
		this.problems.push({ path, message: `expected ${expected}, got ${describeValue(value)}` });
		return undefined;
	}

	/** An object member: undefined when missing or null, a problem when not an object. */
	object(parent: unknown, key: string, path: string): Record<string, unknown> | undefined {
		if (!isObject(parent)) return undefined;
		const value = parent[key];
		if (value === undefined || value === null) return undefined;
		return isObject(value) ? value : this.wrong(path, 'an object', value);
	}

	text(parent: unknown, key: string, path: string): string | undefined {
		if (!isObject(parent)) return undefined;
		const value = parent[key];
		if (value === undefined || value === null) return undefined;
		if (typeof value !== 'string') return this.wrong(path, 'text', value);
		const trimmed = value.trim();
		return trimmed === '' ? undefined : trimmed;
	}

	wholeNumber(parent: unknown, key: string, path: string): number | undefined {
		if (!isObject(parent)) return undefined;
		const value = parent[key];
		if (value === undefined || value === null) return undefined;
		// Number.isInteger is false for anything but a number.
		if (!Number.isInteger(value) || (value as number) < 0) {
			return this.wrong(path, 'a whole number', value);
		}
		return value as number;
	}

	boolean(parent: unknown, key: string, path: string): boolean | undefined {
		if (!isObject(parent)) return undefined;
		const value = parent[key];
		if (value === undefined || value === null) return undefined;
		return typeof value === 'boolean' ? value : this.wrong(path, 'true or false', value);
	}

	/** A list member; each item checked by `item` with its own index in the path. */
	list<T>(
		parent: unknown,
		key: string,
		path: string,
		item: (value: unknown, path: string) => T | undefined
	): T[] {
		if (!isObject(parent)) return [];
		const value = parent[key];
		if (value === undefined || value === null) return [];
		if (!Array.isArray(value)) {
			this.wrong(path, 'a list', value);
			return [];
		}
		const out: T[] = [];
		value.forEach((v, i) => {
			const read = item(v, `${path}[${i}]`);
			if (read !== undefined) out.push(read);
		});
		return out;
	}

	/** A list item that must be text. */
	textItem = (value: unknown, path: string): string | undefined => {
		if (typeof value !== 'string') return this.wrong(path, 'text', value);
		return value.trim() === '' ? undefined : value.trim();
	};

	/** A list item that must be an object. */
	objectItem = (value: unknown, path: string): Record<string, unknown> | undefined =>
		isObject(value) ? value : this.wrong(path, 'an object', value);

	/** A value present but not one of the registry's own codes. */
	unknownCode(path: string, value: string, expected: readonly string[]): void {
		this.problems.push({
			path,
			message: `"${value.slice(0, 60)}" is not one of the registry's values (${expected.join(', ')})`
		});
	}
}
