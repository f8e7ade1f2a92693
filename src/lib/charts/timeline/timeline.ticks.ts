/**
 * Time-axis ticks for a window: years, halves, quarters, months, weeks or days, spaced to fit.
 */
import { DAY, type TimeWindow } from './timeline.prepare';
import {
	formatDay,
	formatDayYear,
	formatMonth,
	formatMonthYear,
	formatYear,
	utcMap,
	utcTickTimes,
	type TickUnit
} from './utc-calendar';

export interface Tick {
	x: number;
	time: number;
	label: string;
	major: boolean;
}

export type TickKind = 'day' | 'week' | 'month' | 'quarter' | 'half' | 'year';

interface TickLevel {
	kind: TickKind;
	days: number;
	unit: TickUnit;
}

const TICK_LEVELS: TickLevel[] = [
	{ kind: 'day', days: 1, unit: { unit: 'day' } },
	{ kind: 'week', days: 7, unit: { unit: 'monday' } },
	{ kind: 'month', days: 30.44, unit: { unit: 'month', every: 1 } },
	{ kind: 'quarter', days: 91.3, unit: { unit: 'month', every: 3 } },
	{ kind: 'half', days: 182.6, unit: { unit: 'month', every: 6 } },
	...[1, 2, 5, 10, 20].map((k): TickLevel => ({
		kind: 'year',
		days: 365.25 * k,
		unit: { unit: 'year', every: k }
	}))
];

/** Ticks for a window: years, halves, quarters, months, weeks or days, ≥ `minSpacing` px apart. */
export function timeTicks(
	window: TimeWindow,
	x0: number,
	x1: number,
	minSpacing = 72
): { kind: TickKind; ticks: Tick[] } {
	const pxPerDay = ((x1 - x0) / (window.end - window.start)) * DAY;
	const level =
		TICK_LEVELS.find((l) => l.days * pxPerDay >= minSpacing) ?? (TICK_LEVELS.at(-1) as TickLevel);
	const scale = utcMap(window.start, window.end, x0, x1);
	const times = utcTickTimes(level.unit, window.start, window.end + 1);
	const ticks = times.map((time, i): Tick => {
		const d = new Date(time);
		const m = d.getUTCMonth();
		const first = i === 0;
		let label: string;
		let major: boolean;
		switch (level.kind) {
			case 'year':
				label = formatYear(time);
				major = true;
				break;
			case 'half':
				label = m === 0 || first ? `H${m < 6 ? 1 : 2} ${d.getUTCFullYear()}` : 'H2';
				major = m === 0;
				break;
			case 'quarter':
				label =
					m === 0 || first ? `Q${Math.floor(m / 3) + 1} ${d.getUTCFullYear()}` : `Q${m / 3 + 1}`;
				major = m === 0;
				break;
			case 'month':
				label = m === 0 || first ? formatMonthYear(time) : formatMonth(time);
				major = m === 0;
				break;
			default:
				label = first || (m === 0 && d.getUTCDate() <= 7) ? formatDayYear(time) : formatDay(time);
				major = d.getUTCDate() === 1 || (level.kind === 'week' && d.getUTCDate() <= 7);
		}
		return { x: scale(time), time, label, major };
	});
	return { kind: level.kind, ticks };
}
