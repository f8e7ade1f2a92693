// Placeholder until the QA branch lands with the checks.
import type { Dataset } from './schema';

export interface QaIssue {
	level: 'error' | 'warning';
	code: string;
	path: string;
	message: string;
	ids: string[];
}

export function runQualityChecks(dataset: Dataset, options?: { today?: string }): QaIssue[] {
	void dataset;
	void options;
	return [];
}
