/**
 * How old a dataset is, in words a reader takes in at a glance: "as of 23 Sep 2026 · 2 months
 * old". Past STALE_AFTER_DAYS the data is called out as possibly out of date. Pure; the caller
 * passes today's date.
 */
import { parsePartialDate } from './dates';

/** Older than this, the header warns that newer data may exist. */
export const STALE_AFTER_DAYS = 60;

export interface DataAge {
	/** Whole days from the as-of date (its last possible day) to today; null if unreadable. */
	days: number | null;
	/** "today", "5 days old", "2 months old", "1 year old"; '' when days is null. */
	text: string;
	stale: boolean;
}

const DAY_MS = 86_400_000;

function ageText(days: number): string {
	if (days <= 0) return 'current';
	if (days < 45) return days === 1 ? '1 day old' : `${days} days old`;
	const months = Math.floor(days / 30.44);
	if (months < 24) return months === 1 ? '1 month old' : `${months} months old`;
	return `${Math.floor(days / 365.25)} years old`;
}

/**
 * The age of data "as of" a partial date. A partial as-of ("2026-09") counts from the last day it
 * can stand for, so a month-precision date is never made to look older than it may be.
 */
export function dataAge(asOf: string, today: Date): DataAge {
	const parsed = parsePartialDate(asOf);
	if (!parsed) return { days: null, text: '', stale: false };
	const todayDay = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
	const days = Math.max(0, Math.round((todayDay - parsed.end.getTime()) / DAY_MS));
	return { days, text: ageText(days), stale: days > STALE_AFTER_DAYS };
}
