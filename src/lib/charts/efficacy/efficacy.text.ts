/**
 * A row's texts: setting and endpoint phrases, the row's date and its accessible name.
 */
import type { Readout, Trial } from '$lib/data/schema';
import { describeCi, type ResolvedCi } from './efficacy.ci';
import { FAMILY_OF_ENDPOINT, type MarkRole } from './efficacy.vocab';

export const PHASE_SHORT: Record<string, string> = {
	preclinical: 'preclinical',
	'phase 1': 'Ph 1',
	'phase 1/2': 'Ph 1/2',
	'phase 2': 'Ph 2',
	'phase 2/3': 'Ph 2/3',
	'phase 3': 'Ph 3',
	filed: 'filed',
	approved: 'approved'
};

/** "Breast cancer" → "breast cancer"; acronyms ("BTC", "GEJ") and single letters stay. */
function lowerFirst(text: string): string {
	if (/[a-z]/.test(text[1] ?? '')) return text[0]!.toLowerCase() + text.slice(1);
	return text;
}

/** "1L HER2+ breast cancer". */
export function settingPhrase(r: Readout): string {
	return [r.line, r.biomarker, lowerFirst(r.indication)].filter(Boolean).join(' ');
}

export function endpointLabel(r: Readout): string {
	if (r.landmarkMonths !== null && FAMILY_OF_ENDPOINT[r.endpoint] === 'landmark') {
		return `${r.landmarkMonths}-mo ${r.endpoint.replace('-rate', '')} rate`;
	}
	return r.endpoint;
}

export function rowDate(r: Readout): string | null {
	return r.dataCut ?? r.presentedAt?.date ?? null;
}

export function markRole(r: Readout): MarkRole {
	return r.armRole;
}

export function accessibleName(
	r: Readout,
	trial: Trial | null,
	ci: ResolvedCi,
	valueText: string
): string {
	const parts = [r.arm, settingPhrase(r)];
	if (trial?.phase) parts.push(trial.phase);
	parts.push(r.n === null ? 'n not reported' : `n ${r.n}`);
	const unit = r.unit === '%' ? '%' : r.unit === 'months' ? ' months' : '';
	let value: string;
	const approx = r.approximate ? 'approximately ' : '';
	if (r.value !== null) {
		// The value as printed on the row, before its interval: "≈76.4%" → "76.4".
		const head = valueText.split(' (')[0]!.replace('≈', '').replace('%', '');
		value = `${approx}${head}${unit}`;
	} else if (r.range) {
		value = `${approx}${r.range.low} to ${r.range.high}${unit} (range)`;
	} else if (r.notReached) {
		value = 'not reached';
	} else {
		value = 'not reported';
	}
	const what = `${endpointLabel(r)} ${value}${ci.source === 'none' ? '' : `, ${describeCi(ci)}`}`;
	const vs = r.comparatorArm ? ` vs ${r.comparatorArm}` : '';
	const context = [trial?.name ?? r.trial, r.population].filter(Boolean).join(', ');
	return `${parts.join(', ')}: ${what}${vs}. ${context}.`;
}
