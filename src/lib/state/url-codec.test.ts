import { describe, expect, test } from 'vitest';
import { AGENCIES, MILESTONE_TYPES, MODALITIES, PHASES, ROLES } from '$lib/data/vocabulary';
import {
	decode,
	encode,
	hasStateParams,
	migrate,
	normalizeViewState,
	stateQuery,
	stateText,
	toQueryString,
	type KnownIds,
	type Migration
} from './url-codec';
import {
	DEFAULT_VIEW_STATE,
	ENDPOINT_FAMILIES,
	MECHANISM_GROUPS,
	defaultViewState,
	type ViewState
} from './view-state';

const KNOWN: KnownIds = {
	assets: ['kn026', 'zanidatamab', 'jskn003', 'trastuzumab', 'tqb2930'],
	indications: ['gastric', 'breast', 'biliary', 'ovarian'],
	lines: ['1L', '2L', '2L+', 'neoadjuvant'],
	biomarkers: ['HER2+', 'HER2 IHC 3+', 'HER2-low', 'HER2+, HR-'],
	regions: ['China', 'US', 'EU', 'Global'],
	roles: [...ROLES],
	modalities: [...MODALITIES],
	phases: [...PHASES],
	agencies: [...AGENCIES],
	milestoneTypes: [...MILESTONE_TYPES]
};

const link = (state: ViewState) => toQueryString(encode(state));
const withState = (patch: (s: ViewState) => void) => {
	const s = defaultViewState();
	patch(s);
	return s;
};

describe('encode', () => {
	test('the default state is just the version', () => {
		expect(link(defaultViewState())).toBe('v=1');
	});

	test('stateText: nothing for the defaults, else the link text', () => {
		expect(stateText(defaultViewState())).toBe('');
		const s = withState((s) => {
			s.filters.assets = ['zanidatamab'];
		});
		expect(stateText(s)).toBe('v=1&assets=zanidatamab');
		expect(stateText(s)).toBe(link(s));
	});

	test('readable ids, stable key order, canonical value order', () => {
		const s = withState((s) => {
			s.efficacy.families = ['hazard', 'response'];
			s.filters.assets = ['zanidatamab', 'kn026'];
		});
		expect(link(s)).toBe('v=1&assets=kn026,zanidatamab&families=response,hazard');
	});

	test('values with spaces, plus signs and commas survive', () => {
		const s = withState((s) => {
			s.filters.biomarkers = ['HER2+, HR-', 'HER2 IHC 3+'];
		});
		const text = link(s);
		expect(text).toBe('v=1&biomarkers=HER2+IHC+3%2B,HER2%2B\\,+HR-'.replace('\\', '%5C'));
		expect(decode(text, KNOWN).state.filters.biomarkers).toEqual(['HER2 IHC 3+', 'HER2+, HR-']);
	});

	test('shown columns and rows: whole numbers, never below the first step', () => {
		const ok = decode('v=1&ncols=48&nrows=median:100,hazard:7', KNOWN);
		expect(ok.state.mechanisms.shownColumns).toBe(48);
		expect(ok.state.efficacy.shownRows).toEqual({
			response: 50,
			median: 100,
			hazard: 50,
			landmark: 50
		});
		expect(ok.warnings).toEqual([]);
		const bad = decode('v=1&ncols=lots&nrows=median:x,bogus:10', KNOWN);
		expect(bad.state.mechanisms.shownColumns).toBe(24);
		expect(bad.state.efficacy.shownRows.median).toBe(50);
		expect(bad.warnings.join(' ')).toMatch(/ncols.*lots/);
		expect(bad.warnings.join(' ')).toMatch(/nrows.*median:x/);
		expect(bad.warnings.join(' ')).toMatch(/nrows.*bogus:10/);
		expect(link(decode('v=1&ncols=3', KNOWN).state)).toBe('v=1');
	});

	test('every option has a key', () => {
		const s = withState((s) => {
			s.filters.from = '2024-Q3';
			s.filters.to = '2026';
			s.timeline = { groupBy: 'indication', windowStart: '2021', windowEnd: null, since: '1.0.0' };
			s.mechanisms = {
				groups: ['payload', 'binding'],
				highlightDifferences: true,
				order: 'custom',
				columns: ['trastuzumab', 'kn026'],
				reference: 'trastuzumab',
				hideIdentical: true,
				shownColumns: 48
			};
			s.efficacy = {
				families: ['median'],
				groupBy: 'asset',
				sort: 'value',
				endpoints: ['mOS'],
				shownRows: { response: 50, median: 100, hazard: 50, landmark: 150 }
			};
		});
		expect(link(s)).toBe(
			'v=1&from=2024-Q3&to=2026&lanes=indication&window=2021..&since=1.0.0&rows=binding,payload&diff=1&order=custom&columns=trastuzumab,kn026&ref=trastuzumab&same=hide&ncols=48&families=median&group=asset&sort=value&endpoints=mOS&nrows=median:100,landmark:150'
		);
	});

	test('never writes the dataset key, and state queries ignore it', () => {
		expect(encode(defaultViewState()).has('data')).toBe(false);
		expect(stateQuery('data=/x.json&v=1&assets=kn026')).toBe('v=1&assets=kn026');
		expect(hasStateParams('data=/x.json')).toBe(false);
		expect(hasStateParams('?data=/x.json&assets=kn026')).toBe(true);
	});
});

// A small seeded PRNG (mulberry32) so a failing case can be replayed from its seed.
function prng(seed: number) {
	return () => {
		seed |= 0;
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function randomState(rand: () => number): ViewState {
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
	const some = <T>(xs: readonly T[], min = 0): T[] => {
		const out = xs.filter(() => rand() < 0.3);
		return out.length >= min ? out : [pick(xs)];
	};
	const date = () =>
		rand() < 0.5
			? null
			: pick([
					`${2015 + Math.floor(rand() * 12)}`,
					`2024-Q${1 + Math.floor(rand() * 4)}`,
					`2025-H${1 + Math.floor(rand() * 2)}`,
					`2023-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}`,
					'2025-09-11'
				]);
	const s = defaultViewState();
	for (const key of Object.keys(KNOWN) as (keyof KnownIds)[]) s.filters[key] = some(KNOWN[key]!);
	s.filters.from = date();
	s.filters.to = date();
	s.timeline = {
		groupBy: pick(['asset', 'indication']),
		windowStart: date(),
		windowEnd: date(),
		since: pick([null, '2026-09-23', '1.0.0'])
	};
	s.mechanisms = {
		groups: some(MECHANISM_GROUPS, 1),
		highlightDifferences: rand() < 0.5,
		order: pick(['phase', 'name', 'modality', 'custom']),
		columns: some(KNOWN.assets!).sort(() => rand() - 0.5),
		reference: rand() < 0.5 ? null : pick(KNOWN.assets!),
		hideIdentical: rand() < 0.5,
		shownColumns: pick([24, 48, 72, 1000])
	};
	s.efficacy = {
		families: some(ENDPOINT_FAMILIES, 1),
		groupBy: pick(['setting', 'asset']),
		sort: pick(['group', 'value', 'date']),
		endpoints: some(['ORR', 'cORR', 'mPFS', 'HR-OS', 'OS-rate'] as const),
		shownRows: {
			response: pick([50, 100]),
			median: pick([50, 66, 150]),
			hazard: 50,
			landmark: pick([50, 200])
		}
	};
	s.pin = pick([null, 'ms:m-kn026-btd', 'r-kc-wise,orr']);
	return s;
}

describe('round trip', () => {
	const rand = prng(20251122);
	const cases = Array.from({ length: 300 }, () => randomState(rand));

	test('decode(encode(state)) gives the state back, without warnings (300 seeded states)', () => {
		for (const state of cases) {
			const text = link(state);
			const { state: back, warnings } = decode(text, KNOWN);
			expect(warnings, text).toEqual([]);
			expect(back, text).toEqual(normalizeViewState(state));
			// and the link is stable: encoding again gives the same text
			expect(link(back)).toBe(text);
		}
	});

	test('also through URLSearchParams#toString (percent-encoded commas)', () => {
		for (const state of cases.slice(0, 50)) {
			expect(decode(encode(state).toString(), KNOWN).state).toEqual(normalizeViewState(state));
		}
	});
});

describe('decode never throws and says what it ignored', () => {
	const TEN_KB = 'v=1&assets=' + Array.from({ length: 1500 }, (_, i) => `id${i}`).join(',');

	test.each<[string, string, Partial<ViewState['filters']> | null, RegExp[]]>([
		['empty', '', {}, []],
		['just a question mark', '?', {}, []],
		['a whole URL', 'https://x.org/efficacy?v=1&assets=kn026#top', { assets: ['kn026'] }, []],
		[
			'the brief’s garbage link',
			'v=1&assets=nope,kn026&zzz=1&families=%%%',
			{ assets: ['kn026'] },
			[
				/^1 item in this link is not in this dataset: nope$/,
				/could not be read: families="%%%"/,
				/does not know: "zzz"/
			]
		],
		[
			'two unknown ids named together',
			'assets=foo,kn026,bar',
			{ assets: ['kn026'] },
			[/^2 items in this link are not in this dataset: foo, bar$/]
		],
		[
			'truncated list',
			'v=1&assets=kn026,zanid',
			{ assets: ['kn026'] },
			[/not in this dataset: zanid/]
		],
		['truncated key', 'v=1&asse', {}, [/does not know: "asse"/]],
		['truncated date', 'from=2025-0', {}, [/from="2025-0"/]],
		[
			'double-encoded',
			'v=1&assets=kn026%252Czanidatamab',
			{ assets: ['kn026', 'zanidatamab'] },
			[]
		],
		['%2C separators', 'assets=kn026%2Czanidatamab', { assets: ['kn026', 'zanidatamab'] }, []],
		['+ for spaces', 'biomarkers=HER2+IHC+3%2B', { biomarkers: ['HER2 IHC 3+'] }, []],
		['%20 for spaces', 'biomarkers=HER2%20IHC%203%2B', { biomarkers: ['HER2 IHC 3+'] }, []],
		[
			'duplicate list keys merge',
			'assets=kn026&assets=jskn003,kn026',
			{ assets: ['jskn003', 'kn026'] },
			[]
		],
		[
			'duplicate single keys: last wins',
			'from=2020&from=2021',
			{ from: '2021' },
			[/sets from more than once/]
		],
		['empty values', 'assets=&from=&lines=,,', {}, []],
		['spaces around ids', 'assets= kn026 , zanidatamab ', { assets: ['kn026', 'zanidatamab'] }, []],
		[
			'reversed date range is put right',
			'from=2026&to=2024-Q1',
			{ from: '2024-Q1', to: '2026' },
			[]
		],
		['impossible day', 'to=2025-02-30', {}, [/to="2025-02-30"/]],
		[
			'a newer version still applies what it can',
			'v=7&assets=kn026',
			{ assets: ['kn026'] },
			[/newer version/]
		],
		['a bad version', 'v=abc&assets=kn026', { assets: ['kn026'] }, [/v="abc"/]],
		[
			'a 10 kB link',
			TEN_KB,
			{},
			[
				/^200 items .*id0, id1, .* and 192 more$/,
				/assets \(1500 values; only the first 200 were read\)/
			]
		]
	])('%s', (_name, query, filters, expected) => {
		const { state, warnings } = decode(query, KNOWN);
		if (filters) expect(state.filters).toEqual({ ...DEFAULT_VIEW_STATE.filters, ...filters });
		// One warning per expected pattern: no more, no fewer.
		expect(warnings, JSON.stringify(warnings)).toHaveLength(expected.length);
		for (const pattern of expected)
			expect(
				warnings.some((w) => pattern.test(w)),
				`${pattern} in ${JSON.stringify(warnings)}`
			).toBe(true);
	});

	// How fast it decodes is measured by `npm run bench`, not asserted here.
	test('a 10 kB link decodes with short warnings', () => {
		const { warnings } = decode(TEN_KB, KNOWN);
		expect(warnings.join('\n').length).toBeLessThan(400);
	});

	describe('without the dataset’s ids', () => {
		test('values fixed by the schema are still checked against it', () => {
			const { state, warnings } = decode('phases=phase 3,phase 9&roles=focus,star', {});
			expect(state.filters.phases).toEqual(['phase 3']);
			expect(state.filters.roles).toEqual(['focus']);
			expect(warnings).toHaveLength(1);
			expect(warnings[0]).toMatch(/phase 9/);
			expect(warnings[0]).toMatch(/star/);
		});

		test('the dataset’s ids win over the schema when they are known', () => {
			const { state } = decode('phases=phase 3,phase 2', { phases: ['phase 2'] });
			expect(state.filters.phases).toEqual(['phase 2']);
		});

		test('ids only a dataset knows (assets, regions) are kept until it is known', () => {
			const { state, warnings } = decode('assets=anything&regions=Mars', {});
			expect(state.filters.assets).toEqual(['anything']);
			expect(state.filters.regions).toEqual(['Mars']);
			expect(warnings).toEqual([]);
		});
	});

	test.each([
		['rows=nothing', 'mechanisms', { groups: [...MECHANISM_GROUPS] }],
		['families=%%%', 'efficacy', { families: ['response'] }],
		['families=hazard,bogus', 'efficacy', { families: ['hazard'] }],
		['order=sideways&diff=maybe', 'mechanisms', { order: 'phase', highlightDifferences: false }],
		['window=2020', 'timeline', { windowStart: null, windowEnd: null }],
		['window=..2026-Q2', 'timeline', { windowStart: null, windowEnd: '2026-Q2' }],
		['lanes=INDICATION', 'timeline', { groupBy: 'asset' }],
		['since=2026-09-23', 'timeline', { since: '2026-09-23' }],
		['since=1.0.0', 'timeline', { since: '1.0.0' }],
		['since=yesterday', 'timeline', { since: null }],
		['since=2026-13', 'timeline', { since: null }],
		['ref=nope&columns=kn026,nope', 'mechanisms', { reference: null, columns: ['kn026'] }]
	] as const)('options: %s', (query, view, expected) => {
		expect(decode(query, KNOWN).state[view]).toMatchObject(expected);
	});

	test('the dataset key is left alone, without a warning', () => {
		expect(decode('data=/fixtures/x.json&assets=kn026', KNOWN)).toEqual({
			state: {
				...defaultViewState(),
				filters: { ...DEFAULT_VIEW_STATE.filters, assets: ['kn026'] }
			},
			warnings: []
		});
	});

	test('without known ids any well-formed id is accepted', () => {
		expect(decode('assets=anything').state.filters.assets).toEqual(['anything']);
	});
});

describe('migrations', () => {
	// A pretend v2 that renamed `assets` to `a`, to exercise the machinery.
	const migrations = [
		{
			from: 1,
			migrate: (p: URLSearchParams) => {
				const a = p.get('assets');
				p.delete('assets');
				if (a) p.set('a', a);
				return p;
			}
		}
	];

	test('run in order from the link’s version', () => {
		expect(migrate(new URLSearchParams('assets=kn026'), 1, migrations, 2).toString()).toBe(
			'a=kn026'
		);
		expect(migrate(new URLSearchParams('assets=kn026'), 2, migrations, 2).toString()).toBe(
			'assets=kn026'
		);
	});

	// A pretend v3 that then renamed `a` to `b`.
	const toV3 = {
		from: 2,
		migrate: (p: URLSearchParams) => new URLSearchParams(p.toString().replace(/^a=/, 'b='))
	};

	test('each version’s step once, in version order, up to the target', () => {
		const run = (version: number, steps: Migration[], target: number) =>
			migrate(new URLSearchParams('assets=kn026'), version, steps, target).toString();
		expect(run(1, [...migrations, toV3], 2)).toBe('a=kn026');
		expect(run(1, [toV3, ...migrations], 3)).toBe('b=kn026');
		// a version with no step of its own passes through unchanged
		expect(run(0, migrations, 2)).toBe('a=kn026');
	});

	test('a link without a version is read as the current one: nothing to migrate', () => {
		expect(decode('assets=kn026', KNOWN, { migrations, version: 2 })).toMatchObject({
			state: { filters: { assets: ['kn026'] } },
			warnings: []
		});
	});

	test('decode applies them to older links', () => {
		const { warnings } = decode('v=1&assets=kn026', KNOWN, { migrations, version: 2 });
		expect(warnings).toEqual([expect.stringContaining('"a"')]); // v2 decode of the pretend key
	});
});

describe('view options added later', () => {
	test.each([
		['same=hide', (s: ViewState) => s.mechanisms.hideIdentical === true],
		['endpoints=ORR,mPFS', (s: ViewState) => s.efficacy.endpoints.join() === 'ORR,mPFS'],
		['endpoints=ORR,XYZ', (s: ViewState) => s.efficacy.endpoints.join() === 'ORR']
	])('%s', (query, check) => {
		expect(check(decode(`v=1&${query}`, KNOWN).state)).toBe(true);
	});
	test('warns about an unknown endpoint', () => {
		expect(decode('v=1&endpoints=ORR,XYZ', KNOWN).warnings.join(' ')).toContain('XYZ');
	});
});

describe('the pinned mark', () => {
	test.each([
		['ms:m-kn026-btd', 'ms:m-kn026-btd'],
		['bar:p-kn026-gastric:0', 'bar:p-kn026-gastric:0'],
		['r-kc-wise-orr', 'r-kc-wise-orr']
	])('pin=%s round-trips as written', (id, expected) => {
		const s = withState((s) => (s.pin = id));
		const text = link(s);
		expect(text).toBe(`v=1&pin=${expected}`);
		const back = decode(text, KNOWN);
		expect(back.state.pin).toBe(id);
		expect(back.warnings).toEqual([]);
	});

	test('goes after the view options and is left out when nothing is pinned', () => {
		const s = withState((s) => {
			s.efficacy.sort = 'value';
			s.pin = 'r-1';
		});
		expect(link(s)).toBe('v=1&sort=value&pin=r-1');
		expect(link(withState((s) => (s.pin = null)))).toBe('v=1');
	});

	test('an empty pin is no pin; an overlong one is ignored with a warning', () => {
		expect(decode('v=1&pin=', KNOWN)).toEqual({ state: defaultViewState(), warnings: [] });
		const long = decode(`v=1&pin=${'x'.repeat(500)}`, KNOWN);
		expect(long.state.pin).toBeNull();
		expect(long.warnings.join(' ')).toMatch(/pin=/);
	});
});

describe('what a link can hold', () => {
	const warningsOf = (query: string, known: KnownIds = KNOWN) => decode(query, known).warnings;
	const unreadable = (...values: string[]) =>
		values.length === 1
			? `Ignored a value that could not be read: ${values[0]}`
			: `Ignored ${values.length} values that could not be read: ${values.join(', ')}`;

	test('single values are read without the spaces around them', () => {
		const { state, warnings } = decode('lanes=+indication+&from=+2024+&ncols=+48', KNOWN);
		expect(state.timeline.groupBy).toBe('indication');
		expect(state.filters.from).toBe('2024');
		expect(state.mechanisms.shownColumns).toBe(48);
		expect(warnings).toEqual([]);
	});

	test('a pasted link with a trailing line break reads as without it', () => {
		const { state, warnings } = decode('v=1&window=2021..2026\n', KNOWN);
		expect([state.timeline.windowStart, state.timeline.windowEnd]).toEqual(['2021', '2026']);
		expect(warnings).toEqual([]);
	});

	test('a word outside the choices is named in the warning, one or several', () => {
		expect(warningsOf('lanes=INDICATION')).toEqual([unreadable('lanes="INDICATION"')]);
		expect(warningsOf('lanes=x&sort=y')).toEqual([unreadable('lanes="x"', 'sort="y"')]);
	});

	test('a count is digits only', () => {
		for (const text of ['x48', '48x', '4 8']) {
			const { state, warnings } = decode(`ncols=${encodeURIComponent(text)}`, KNOWN);
			expect(state.mechanisms.shownColumns).toBe(24);
			expect(warnings).toEqual([unreadable(`ncols="${text}" (a whole number)`)]);
		}
	});

	test('versions: 0 and 1 are read, a negative or fractional one is not', () => {
		expect(warningsOf('v=0&assets=kn026')).toEqual([]);
		expect(warningsOf('v=-1')).toEqual([unreadable('v="-1"')]);
		expect(warningsOf('v=1.5')).toEqual([unreadable('v="1.5"')]);
	});

	test('ids: up to 200 characters each, quoted in warnings up to 40 characters', () => {
		const longest = 'a'.repeat(200);
		expect(decode(`assets=${longest}`, {})).toEqual({
			state: {
				...defaultViewState(),
				filters: { ...DEFAULT_VIEW_STATE.filters, assets: [longest] }
			},
			warnings: []
		});
		const tooLong = decode(`assets=${'b'.repeat(201)}`, {});
		expect(tooLong.state.filters.assets).toEqual([]);
		expect(tooLong.warnings).toEqual([unreadable(`assets="${'b'.repeat(40)}…"`)]);
	});

	test('unknown settings: each named once, quoted up to 40 characters, an empty name ignored', () => {
		expect(warningsOf('zzz=1&zzz=2&=5')).toEqual([
			'Ignored a setting this app does not know: "zzz"'
		]);
		expect(warningsOf(`${'k'.repeat(40)}=1&${'q'.repeat(41)}=1`)).toEqual([
			`Ignored 2 settings this app does not know: "${'k'.repeat(40)}", "${'q'.repeat(40)}…"`
		]);
	});

	test('a known key with spaces around it is still that key', () => {
		expect(decode('assets+=kn026', KNOWN)).toMatchObject({
			state: { filters: { assets: ['kn026'] } },
			warnings: []
		});
	});

	test('only a fragment, or an empty query before one, carries nothing', () => {
		expect(decode('#top', KNOWN)).toEqual({ state: defaultViewState(), warnings: [] });
		expect(decode('https://x.org/efficacy?#top', KNOWN)).toEqual({
			state: defaultViewState(),
			warnings: []
		});
	});

	test('up to 200 values a key; a value is read up to its first 40 000 characters', () => {
		const ids = Array.from({ length: 200 }, (_, i) => `id${i}`);
		expect(decode(`assets=${ids.join(',')}`, {}).warnings).toEqual([]);
		expect(decode(`assets=${ids.join(',')},id200`, {}).warnings).toEqual([
			unreadable('assets (201 values; only the first 200 were read)')
		]);
		// 50 000 characters of one-letter values: the first 40 000 hold 20 000 of them
		expect(decode(`assets=${'a,'.repeat(25_000)}`, {}).warnings).toEqual([
			unreadable('assets (20000 values; only the first 200 were read)')
		]);
	});

	test('listing the first eight names in full, then how many more', () => {
		const names = (n: number) => Array.from({ length: n }, (_, i) => `x${i}`);
		expect(warningsOf(`assets=${names(8).join(',')}`)).toEqual([
			`8 items in this link are not in this dataset: ${names(8).join(', ')}`
		]);
		expect(warningsOf(`assets=${names(9).join(',')}`)).toEqual([
			`9 items in this link are not in this dataset: ${names(8).join(', ')} and 1 more`
		]);
	});

	test('a backslash at the very end of a value is kept', () => {
		expect(decode('assets=kn026%5C', {}).state.filters.assets).toEqual(['kn026\\']);
	});

	test('no attribute rows at all is a choice a link keeps', () => {
		const none = withState((s) => (s.mechanisms.groups = []));
		expect(link(none)).toBe('v=1&rows=');
		expect(decode(link(none), KNOWN).state.mechanisms.groups).toEqual([]);
	});
});

describe('normalizeViewState', () => {
	test('values outside the schema order go after it, sorted', () => {
		const order = (roles: string[]) =>
			normalizeViewState(withState((s) => (s.filters.roles = roles as typeof s.filters.roles)))
				.filters.roles;
		expect(order(['zeta', 'comparator', 'alpha', 'focus'])).toEqual([
			'focus',
			'comparator',
			'alpha',
			'zeta'
		]);
		expect(order(['focus', 'alpha', 'zeta', 'comparator'])).toEqual([
			'focus',
			'comparator',
			'alpha',
			'zeta'
		]);
	});

	test('a range ending in the month it starts on the last day of is not reversed', () => {
		const range = normalizeViewState(
			withState((s) => {
				s.filters.from = '2025-06-30';
				s.filters.to = '2025-06';
			})
		).filters;
		expect([range.from, range.to]).toEqual(['2025-06-30', '2025-06']);
	});

	test('an empty or non-text pin is no pin', () => {
		expect(normalizeViewState(withState((s) => (s.pin = ''))).pin).toBeNull();
		expect(normalizeViewState(withState((s) => (s.pin = 3 as unknown as string))).pin).toBeNull();
		expect(normalizeViewState(withState((s) => (s.pin = 'ms:m-1'))).pin).toBe('ms:m-1');
	});

	test('counts that are not whole numbers, and missing rows, take the first step', () => {
		const firstSteps = DEFAULT_VIEW_STATE.efficacy.shownRows;
		for (const shownRows of [null, undefined, 'all']) {
			const s = withState((s) => {
				s.mechanisms.shownColumns = '48' as unknown as number;
				s.efficacy.shownRows = shownRows as unknown as typeof s.efficacy.shownRows;
			});
			expect(normalizeViewState(s).mechanisms.shownColumns).toBe(24);
			expect(normalizeViewState(s).efficacy.shownRows).toEqual(firstSteps);
		}
	});
});
