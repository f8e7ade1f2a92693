/**
 * Time-axis ticks for a window: years, halves, quarters, months, weeks or days, spaced to fit.
 */
import { scaleUtc } from 'd3-scale';
import { utcDay, utcMonday, utcMonth, utcYear, type CountableTimeInterval } from 'd3-time';
import { utcFormat } from 'd3-time-format';
import { DAY, type TimeWindow } from './timeline.prepare';

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
	interval: CountableTimeInterval | null;
}

const TICK_LEVELS: TickLevel[] = [
	{ kind: 'day', days: 1, interval: utcDay },
	{ kind: 'week', days: 7, interval: utcMonday },
	{ kind: 'month', days: 30.44, interval: utcMonth },
	{ kind: 'quarter', days: 91.3, interval: utcMonth.every(3) as CountableTimeInterval },
	{ kind: 'half', days: 182.6, interval: utcMonth.every(6) as CountableTimeInterval },
	...[1, 2, 5, 10, 20].map((k): TickLevel => ({
		kind: 'year',
		days: 365.25 * k,
		interval: (k === 1 ? utcYear : utcYear.every(k)) as CountableTimeInterval
	}))
];

const fmtYear = utcFormat('%Y');
const fmtMonth = utcFormat('%b');
const fmtMonthYear = utcFormat('%b %Y');
const fmtDay = utcFormat('%-d %b');
const fmtDayYear = utcFormat('%-d %b %Y');

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
	const scale = scaleUtc().domain([window.start, window.end]).range([x0, x1]);
	const dates = (level.interval as CountableTimeInterval).range(
		new Date(window.start),
		new Date(window.end + 1)
	);
	const ticks = dates.map((d, i): Tick => {
		const m = d.getUTCMonth();
		const first = i === 0;
		let label: string;
		let major: boolean;
		switch (level.kind) {
			case 'year':
				label = fmtYear(d);
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
				label = m === 0 || first ? fmtMonthYear(d) : fmtMonth(d);
				major = m === 0;
				break;
			default:
				label = first || (m === 0 && d.getUTCDate() <= 7) ? fmtDayYear(d) : fmtDay(d);
				major = d.getUTCDate() === 1 || (level.kind === 'week' && d.getUTCDate() <= 7);
		}
		return { x: scale(d), time: d.getTime(), label, major };
	});
	return { kind: level.kind, ticks };
}
