// Placeholder until the QA branch lands with the full formatter.
import type * as z from 'zod';

export function formatSchemaIssues(error: z.ZodError): { path: string; message: string }[] {
	return error.issues.map((issue) => ({
		path: issue.path
			.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
			.join(''),
		message: issue.message
	}));
}
