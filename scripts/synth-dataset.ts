/**
 * Synthetic test data: a landscape `--scale N` times the size of a real dataset, for measuring
 * speed at scale. Never shipped: static/data/synthetic-*.json is git-ignored and `meta.synthetic`
 * is true.
 *
 *   npx tsx scripts/synth-dataset.ts --scale 50 --seed 1 --out static/data/synthetic-50.json
 *   npx tsx scripts/synth-dataset.ts --scale 3 --base tests/fixtures/xss-base.json --out …
 *
 * Replica 1 is the base dataset unchanged; replicas 2…N copy every entity with new ids (suffix
 * "-s2", "-s3", …) and every reference renamed with it, so each replica is referentially closed.
 * Each replica is moved back in time by a whole number of half-years (the precision of every date
 * is kept: "2025-Q3" stays a quarter) and its numbers are jittered within plausible bounds:
 * response rates are recomputed from jittered counts (responders/n) with their exact CI, medians
 * and hazard ratios are scaled with their CI, so every CI still contains its value. A replica
 * whose jitter would trip a quality check (runQualityChecks errors) is drawn again, and at worst
 * falls back to an exact whole-year shift with unchanged numbers. Quotes are copied from the real
 * facts, which is why `meta.synthetic` is set and the title says "test data".
 *
 * Deterministic: the same base, scale and seed give byte-identical output (mulberry32 PRNG).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	Dataset,
	PARTIAL_DATE_PATTERN,
	type Asset,
	type Conflict,
	type Deal,
	type Milestone,
	type Program,
	type Readout,
	type Source,
	type SourceRef,
	type Trial
} from '../src/lib/data/schema';
import { runQualityChecks } from '../src/lib/data/qa';
import { MAX_DATASET_BYTES } from '../src/lib/data/checked';
import { clopperPearson, decimalsOf } from '../src/lib/data/stats';

// ---------------------------------------------------------------------------------------------
// Randomness
// ---------------------------------------------------------------------------------------------

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

type Random = () => number;

const uniform = (random: Random, low: number, high: number) => low + (high - low) * random();
const integer = (random: Random, low: number, high: number) =>
	Math.floor(uniform(random, low, high + 1));
const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** Rounds to the number of decimals `like` was printed with (at least `minDecimals`). */
function roundLike(value: number, like: number, minDecimals = 0): number {
	const decimals = Math.max(decimalsOf(like), minDecimals);
	return Number(value.toFixed(decimals));
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Moves a partial date by `months` (a multiple of 6, so quarters and halves move exactly),
 * keeping its precision. Years move by whole years, rounding towards the past, so a year-precise
 * date never ends up after a finer date it preceded.
 */
export function shiftPartialDate(date: string, months: number): string {
	const match = PARTIAL_DATE_PATTERN.exec(date);
	if (!match) return date;
	const [, yearText, monthText, dayText, quarterText, halfText] = match;
	const year = Number(yearText);
	if (monthText !== undefined) {
		const index = year * 12 + (Number(monthText) - 1) + months;
		const y = Math.floor(index / 12);
		const m = (index % 12) + 1;
		if (dayText === undefined) return `${pad(y, 4)}-${pad(m)}`;
		const d = Math.min(Number(dayText), daysInMonth(y, m));
		return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
	}
	if (quarterText !== undefined) {
		const index = year * 4 + (Number(quarterText) - 1) + Math.round(months / 3);
		return `${pad(Math.floor(index / 4), 4)}-Q${(index % 4) + 1}`;
	}
	if (halfText !== undefined) {
		const index = year * 2 + (Number(halfText) - 1) + Math.round(months / 6);
		return `${pad(Math.floor(index / 2), 4)}-H${(index % 2) + 1}`;
	}
	return pad(year + Math.floor(months / 12), 4);
}

function shiftNullable(date: string | null, months: number): string | null {
	return date === null ? null : shiftPartialDate(date, months);
}

// ---------------------------------------------------------------------------------------------
// Replicas
// ---------------------------------------------------------------------------------------------

const ID_MAX = 80;

function suffixId(id: string, replica: number): string {
	const suffix = `-s${replica}`;
	return `${id.slice(0, ID_MAX - suffix.length)}${suffix}`;
}

function suffixText(text: string, replica: number, max: number): string {
	const suffix = ` #${replica}`;
	return `${text.slice(0, max - suffix.length)}${suffix}`;
}

interface Plan {
	replica: number;
	/** Months to move every date by (≤ 0, a multiple of 6). */
	months: number;
	/** false: numbers are copied unchanged (the fallback). */
	jitter: boolean;
}

/** Renames ids; references to ids outside the base (dangling) are suffixed too. */
function renamer(replica: number) {
	return (id: string) => (replica === 1 ? id : suffixId(id, replica));
}

function replicate(base: Dataset, plan: Plan, random: Random): Dataset {
	const { replica, months, jitter } = plan;
	const id = renamer(replica);
	const nullableId = (value: string | null) => (value === null ? null : id(value));
	const refs = (sources: SourceRef[]): SourceRef[] =>
		sources.map((ref) => ({ ...ref, id: id(ref.id) }));
	const date = (value: string | null) => shiftNullable(value, months);
	const label = (text: string, max: number) =>
		replica === 1 ? text : suffixText(text, replica, max);
	const factor = (spread: number) => (jitter ? uniform(random, 1 - spread, 1 + spread) : 1);

	const sources: Source[] = base.sources.map((s) => ({
		...s,
		id: id(s.id),
		title: label(s.title, 500),
		date: date(s.date),
		registryIds: [...s.registryIds]
	}));

	const assets: Asset[] = base.assets.map((a) => {
		const copy = structuredClone(a);
		for (const key of Object.keys(copy) as (keyof Asset)[]) {
			const attribute = copy[key];
			if (attribute && typeof attribute === 'object' && 'sources' in attribute) {
				attribute.sources = refs(attribute.sources);
			}
		}
		if (copy.dar.value !== null && jitter) {
			copy.dar.value = clamp(Number((copy.dar.value * factor(0.1)).toFixed(1)), 0.5, 20);
		}
		return {
			...copy,
			id: id(a.id),
			name: label(a.name, 120),
			shortName: label(a.shortName, 40),
			sources: refs(a.sources)
		};
	});

	const programs: Program[] = base.programs.map((p) => ({
		...p,
		id: id(p.id),
		asset: id(p.asset),
		// Expected dates stay put: moved back, they would read as plans that never happened.
		phases: p.phases.map((phase) => ({
			...phase,
			start: phase.status === 'expected' ? phase.start : date(phase.start),
			knownBy: phase.status === 'expected' ? phase.knownBy : date(phase.knownBy),
			end: phase.status === 'expected' ? phase.end : date(phase.end),
			sources: refs(phase.sources)
		})),
		sources: refs(p.sources)
	}));

	const milestones: Milestone[] = base.milestones.map((m) => ({
		...m,
		id: id(m.id),
		asset: id(m.asset),
		program: nullableId(m.program),
		trial: nullableId(m.trial),
		date: m.status === 'expected' ? m.date : shiftPartialDate(m.date, months),
		dateEnd: m.status === 'expected' ? m.dateEnd : date(m.dateEnd),
		sources: refs(m.sources)
	}));

	const enrolment = (count: number | null) =>
		count === null || !jitter ? count : Math.max(1, Math.round(count * factor(0.2)));
	const trials: Trial[] = base.trials.map((t) => ({
		...t,
		id: id(t.id),
		name: label(t.name, 200),
		registryIds: [...t.registryIds],
		assets: t.assets.map(id),
		programs: t.programs.map(id),
		enrolment: { planned: enrolment(t.enrolment.planned), actual: enrolment(t.enrolment.actual) },
		start: date(t.start),
		end: date(t.end),
		primaryEndpoints: [...t.primaryEndpoints],
		sources: refs(t.sources)
	}));

	const readouts: Readout[] = base.readouts.map((r) => {
		const copy: Readout = {
			...structuredClone(r),
			id: id(r.id),
			trial: id(r.trial),
			asset: nullableId(r.asset),
			dataCut: date(r.dataCut),
			presentedAt: r.presentedAt && { ...r.presentedAt, date: date(r.presentedAt.date) },
			sources: refs(r.sources)
		};
		return jitter ? jitterReadout(copy, random) : copy;
	});

	const money = (value: number | null, f: number) =>
		value === null ? null : Math.round((value * f) / 100_000) * 100_000;
	const deals: Deal[] = base.deals.map((d) => {
		const f = factor(0.3);
		return {
			...d,
			id: id(d.id),
			asset: d.asset.map(id),
			date: date(d.date),
			value: d.value && {
				...d.value,
				upfront: money(d.value.upfront, f),
				milestones: money(d.value.milestones, f),
				total: money(d.value.total, f)
			},
			sources: refs(d.sources)
		};
	});

	const conflicts: Conflict[] = base.conflicts.map((c) => ({
		...c,
		id: id(c.id),
		about: c.about.map(id),
		sources: refs(c.sources)
	}));

	return {
		...base,
		sources,
		assets,
		programs,
		milestones,
		trials,
		readouts,
		deals,
		conflicts
	};
}

/** Keeps a numeric CI around `value` after its bounds moved. */
function containValue(readout: Readout): void {
	const { ci, value } = readout;
	if (!ci || value === null) return;
	if (typeof ci.low === 'number' && ci.low > value) ci.low = value;
	if (typeof ci.high === 'number' && ci.high < value) ci.high = value;
}

function jitterReadout(readout: Readout, random: Random): Readout {
	const r = readout;
	const { value, n, responders, ci } = r;
	const fromCounts =
		r.unit === '%' &&
		value !== null &&
		n !== null &&
		n > 0 &&
		responders !== null &&
		responders <= n;
	if (fromCounts) {
		const newN = Math.max(1, Math.round(n * uniform(random, 0.8, 1.2)));
		const rate = (responders / n) * uniform(random, 0.9, 1.1);
		const newK = clamp(Math.round(rate * newN), 0, newN);
		r.n = newN;
		r.responders = newK;
		r.value = roundLike((newK / newN) * 100, value);
		if (ci && typeof ci.low === 'number' && typeof ci.high === 'number') {
			const exact = clopperPearson(newK, newN, ci.level);
			const decimals = Math.max(decimalsOf(ci.low), decimalsOf(ci.high));
			ci.low = Number((exact.lower * 100).toFixed(decimals));
			ci.high = Number((exact.upper * 100).toFixed(decimals));
		}
		if (r.events !== null) r.events = Math.min(r.events, newN);
		containValue(r);
		return r;
	}
	if (n !== null) {
		r.n = Math.max(1, Math.round(n * uniform(random, 0.8, 1.2)));
		if (r.responders !== null) r.responders = Math.min(r.responders, r.n);
		if (r.events !== null) r.events = Math.min(r.events, r.n);
	}
	if (r.unit === '%') {
		// A rate without counts: move value, bounds and range by the same number of points.
		const shift = uniform(random, -5, 5);
		const move = (x: number) => roundLike(clamp(x + shift, 0, 100), x);
		if (value !== null) r.value = move(value);
		if (ci && typeof ci.low === 'number') ci.low = move(ci.low);
		if (ci && typeof ci.high === 'number') ci.high = move(ci.high);
		if (r.range) r.range = { low: move(r.range.low), high: move(r.range.high) };
	} else {
		// Medians and hazard ratios: scale value, bounds and range by one factor (stays positive).
		const f = uniform(random, 0.85, 1.15);
		const minDecimals = r.unit === 'ratio' ? 2 : 1;
		const scale = (x: number) => roundLike(x * f, x, minDecimals);
		if (value !== null) r.value = scale(value);
		if (ci && typeof ci.low === 'number') ci.low = scale(ci.low);
		if (ci && typeof ci.high === 'number') ci.high = scale(ci.high);
		if (r.range) r.range = { low: scale(r.range.low), high: scale(r.range.high) };
	}
	if (r.range && r.range.low > r.range.high) r.range = { low: r.range.high, high: r.range.low };
	containValue(r);
	return r;
}

function qaErrors(dataset: Dataset): number {
	return runQualityChecks(dataset).filter((issue) => issue.level === 'error').length;
}

export interface SynthOptions {
	scale: number;
	seed: number;
	/** Filled in with how many replicas fell back to an exact shift with unchanged numbers. */
	report?: { fallbacks: number };
}

/**
 * Builds the synthetic dataset. `base` is a dataset that already passed `Dataset.parse` (defaults
 * filled in). Throws when the base itself fails its quality checks: a broken base cannot make a
 * valid synthetic dataset.
 */
export function synthesize(base: Dataset, { scale, seed, report }: SynthOptions): Dataset {
	if (!Number.isInteger(scale) || scale < 1) throw new RangeError(`--scale must be an integer ≥ 1`);
	const baseErrors = qaErrors(base);
	if (baseErrors > 0) {
		throw new Error(`the base dataset has ${baseErrors} quality-check errors; fix them first`);
	}
	const random = mulberry32(seed);
	const replicas: Dataset[] = [base];
	for (let replica = 2; replica <= scale; replica++) {
		let chosen: Dataset | null = null;
		for (let attempt = 0; attempt < 6 && chosen === null; attempt++) {
			const months = -6 * integer(random, 1, 8);
			const candidate = replicate(base, { replica, months, jitter: true }, random);
			if (qaErrors(candidate) === 0) chosen = candidate;
		}
		if (chosen === null) {
			// Whole years move every precision exactly, and unchanged numbers passed in the base.
			const months = -12 * integer(random, 1, 4);
			chosen = replicate(base, { replica, months, jitter: false }, random);
			if (report) report.fallbacks++;
		}
		replicas.push(chosen);
	}
	return {
		...(base.$schema === undefined ? {} : { $schema: base.$schema }),
		meta: {
			...base.meta,
			id: `synthetic-${scale}`,
			title: `Synthetic landscape ×${scale} (test data)`,
			version: `${base.meta.version}-synthetic-seed${seed}`,
			description: `Generated by scripts/synth-dataset.ts from "${base.meta.id}" (scale ${scale}, seed ${seed}). Test data: ids, dates and numbers are invented; quotes are copied from the real facts and do not support the jittered values.`,
			synthetic: true
		},
		sources: replicas.flatMap((r) => r.sources),
		assets: replicas.flatMap((r) => r.assets),
		programs: replicas.flatMap((r) => r.programs),
		milestones: replicas.flatMap((r) => r.milestones),
		trials: replicas.flatMap((r) => r.trials),
		readouts: replicas.flatMap((r) => r.readouts),
		deals: replicas.flatMap((r) => r.deals),
		conflicts: replicas.flatMap((r) => r.conflicts)
	};
}

// ---------------------------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------------------------

function parseArgs(argv: string[]): Map<string, string> {
	const args = new Map<string, string>();
	argv.forEach((arg, i) => {
		if (!arg.startsWith('--')) return;
		const [key = '', inline] = arg.slice(2).split('=', 2);
		const next = argv[i + 1];
		if (inline !== undefined) args.set(key, inline);
		else if (next !== undefined && !next.startsWith('--')) args.set(key, next);
		else args.set(key, 'true');
	});
	return args;
}

function main(argv: string[]): number {
	const args = parseArgs(argv);
	const scale = Number(args.get('scale') ?? 50);
	const seed = Number(args.get('seed') ?? 1);
	const basePath = resolve(args.get('base') ?? 'static/data/her2.json');
	const out = resolve(args.get('out') ?? `static/data/synthetic-${scale}.json`);
	const parsed = Dataset.safeParse(JSON.parse(readFileSync(basePath, 'utf8')));
	if (!parsed.success) {
		console.error(`synth-dataset: ${basePath} does not follow the schema (npm run data:check)`);
		return 1;
	}
	if (parsed.data.assets.length === 0) {
		console.error(
			`synth-dataset: ${basePath} has no assets (the placeholder?); get the real dataset or pass --base tests/fixtures/xss-base.json`
		);
		return 1;
	}
	const report = { fallbacks: 0 };
	const synthetic = synthesize(parsed.data, { scale, seed, report });
	const check = Dataset.safeParse(synthetic);
	const errors = check.success ? qaErrors(check.data) : -1;
	if (errors !== 0) {
		console.error(
			`synth-dataset: the result fails ${errors < 0 ? 'the schema' : `${errors} quality checks`}`
		);
		return 1;
	}
	mkdirSync(dirname(out), { recursive: true });
	// Compact: at scale 50 the real dataset is ~15 MB this way (~19 MB indented), and the app
	// refuses files over 20 MB (MAX_DATASET_BYTES).
	const text = JSON.stringify(synthetic);
	writeFileSync(out, `${text}\n`);
	const counts = (
		['assets', 'programs', 'milestones', 'trials', 'readouts', 'deals', 'sources'] as const
	)
		.map((key) => `${synthetic[key].length} ${key}`)
		.join(', ');
	const megabytes = (Buffer.byteLength(text) / 1024 / 1024).toFixed(1);
	console.log(
		`synth-dataset: wrote ${out} (scale ${scale}, seed ${seed}, ${megabytes} MB): ${counts}; ${report.fallbacks} of ${scale - 1} replicas kept the base numbers (jitter tripped a check)`
	);
	if (Buffer.byteLength(text) > MAX_DATASET_BYTES) {
		console.warn(
			`synth-dataset: larger than the app's ${MAX_DATASET_BYTES / 1024 / 1024} MB limit`
		);
	}
	return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	process.exitCode = main(process.argv.slice(2));
}
