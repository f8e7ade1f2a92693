import { describe, expect, it } from 'vitest';
import { scaleUtc } from 'd3-scale';
import { utcDay, utcMonday, utcMonth, utcYear, type CountableTimeInterval } from 'd3-time';
import { utcFormat } from 'd3-time-format';
import { timeTicks, type Tick } from './timeline.ticks';

/** The axis as d3 drew it before (scaleUtc, d3-time intervals, d3-time-format labels). */
function d3Ticks(kind: string, start: number, end: number, x0: number, x1: number): Tick[] {
	const intervals: Record<string, CountableTimeInterval> = {
		day: utcDay,
		week: utcMonday,
		month: utcMonth,
		quarter: utcMonth.every(3) as CountableTimeInterval,
		half: utcMonth.every(6) as CountableTimeInterval
	};
	const interval = intervals[kind] as CountableTimeInterval;
	const scale = scaleUtc().domain([start, end]).range([x0, x1]);
	return interval.range(new Date(start), new Date(end + 1)).map((d, i) => {
		const m = d.getUTCMonth();
		const first = i === 0;
		const fmt = (s: string) => utcFormat(s)(d);
		let label: string;
		let major: boolean;
		switch (kind) {
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
				label = m === 0 || first ? fmt('%b %Y') : fmt('%b');
				major = m === 0;
				break;
			default:
				label = first || (m === 0 && d.getUTCDate() <= 7) ? fmt('%-d %b %Y') : fmt('%-d %b');
				major = d.getUTCDate() === 1 || (kind === 'week' && d.getUTCDate() <= 7);
		}
		return { x: scale(d), time: d.getTime(), label, major };
	});
}

/** Years every k, as d3 drew them. */
function d3YearTicks(start: number, end: number, x0: number, x1: number, k: number): Tick[] {
	const interval = (k === 1 ? utcYear : utcYear.every(k)) as CountableTimeInterval;
	const scale = scaleUtc().domain([start, end]).range([x0, x1]);
	return interval.range(new Date(start), new Date(end + 1)).map((d) => ({
		x: scale(d),
		time: d.getTime(),
		label: utcFormat('%Y')(d),
		major: true
	}));
}

describe('timeTicks draws the axis d3 drew: the same times, x and labels', () => {
	const DAY = 86_400_000;
	const cases: [string, number, number][] = [];
	let seed = 5;
	const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
	// Windows from a few days to 60 years, whole and fractional (zoomed) ends, 300–1800 px wide.
	for (let i = 0; i < 600; i++) {
		const start = Date.parse('1990-01-01') + next() * 40 * 365 * DAY + (i % 2 ? next() : 0);
		const span = 3 * DAY * Math.exp(next() * Math.log((60 * 365) / 3));
		cases.push([`window ${i}`, start, start + span]);
	}

	it('over 600 windows', () => {
		const kinds = new Set<string>();
		for (const [name, start, end] of cases) {
			const width = 300 + ((start / DAY) % 1500);
			const own = timeTicks({ start, end }, 140, 140 + width);
			// The year step the old levels picked: the first of 1, 2, 5, 10, 20 years ≥ 72 px apart.
			const pxPerDay = (width / (end - start)) * DAY;
			const k = [1, 2, 5, 10, 20].find((k) => 365.25 * k * pxPerDay >= 72) ?? 20;
			const want =
				own.kind === 'year'
					? d3YearTicks(start, end, 140, 140 + width, k)
					: d3Ticks(own.kind, start, end, 140, 140 + width);
			expect(own.ticks, name).toEqual(want);
			kinds.add(own.kind);
		}
		// Every level was drawn at least once.
		expect([...kinds].sort()).toEqual(['day', 'half', 'month', 'quarter', 'week', 'year']);
	});
});

describe('timeTicks on windows too wide for yearly ticks', () => {
	it('falls back to a tick every 20 years', () => {
		const t = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
		const { kind, ticks } = timeTicks({ start: t('1000-01-01'), end: t('3000-01-01') }, 0, 100);
		expect(kind).toBe('year');
		expect(ticks.slice(0, 3).map((tick) => tick.label)).toEqual(['1000', '1020', '1040']);
		expect(ticks).toHaveLength(101);
	});
});

describe('timeTicks spacing', () => {
	it('uses a level whose ticks are exactly the minimum spacing apart', () => {
		const start = Date.parse('2024-03-01T00:00:00Z');
		// Ten days over 720 px: a day is 72 px, the default minimum.
		expect(timeTicks({ start, end: start + 10 * 86_400_000 }, 0, 720).kind).toBe('day');
		expect(timeTicks({ start, end: start + 10 * 86_400_000 }, 0, 719).kind).toBe('week');
	});
});
