import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { footerLines, wrapText, type ExportFrame } from './frame';
import { exportFilename } from './filename';
import { toCsv } from './csv';
import { writeDeck } from './pptx/write';
import { pngPixelSize } from './png';

const frame: ExportFrame = {
	title: 'ORR in HER2+ breast cancer, first line',
	subtitle: 'KN026 + docetaxel vs trastuzumab + pertuzumab + docetaxel',
	sources: ['Ma J et al. Cancer Commun 2025', 'Swain SM et al. NEJM 2015'],
	asOf: '23 Sep 2026',
	notes: ['Cross-trial comparison — not head-to-head.'],
	link: 'https://example.org/efficacy?v=1&assets=kn026'
};

describe('wrapText', () => {
	it.each([
		['one two three', 7, ['one two', 'three']],
		['averyveryverylongword x', 5, ['averyveryverylongword', 'x']],
		['', 10, []]
	])('%s at %d', (text, max, expected) => {
		expect(wrapText(text, max)).toEqual(expected);
	});
});

describe('footerLines', () => {
	it('puts notes first, then sources, then the as-of date', () => {
		const lines = footerLines(frame, 200);
		expect(lines[0]).toBe('Cross-trial comparison — not head-to-head.');
		expect(lines[1]).toContain('Sources: Ma J et al. Cancer Commun 2025; Swain SM');
		expect(lines.at(-1)).toBe('Data as of 23 Sep 2026. Made with Landscape.');
	});
	it('says so when there is no source', () => {
		expect(footerLines({ ...frame, sources: [], notes: [] })[0]).toBe('Sources: none in view');
	});
});

describe('exportFilename', () => {
	it.each([
		[
			{ dataset: 'her2', view: 'efficacy', details: ['KN026', 'Zanidatamab', 'response'] },
			'png',
			'her2-efficacy-kn026-zanidatamab-response-2026-11-22.png'
		],
		[
			{ dataset: 'HER2 (test)', view: 'timeline', details: [] },
			'.svg',
			'her2-test-timeline-2026-11-22.svg'
		],
		[
			{ dataset: 'x', view: 'mechanisms', details: ['Trastuzumab déruxtécan', '../..'] },
			'csv',
			'x-mechanisms-trastuzumab-deruxtecan-2026-11-22.csv'
		]
	])('%o → %s', (parts, extension, expected) => {
		expect(exportFilename({ ...parts, extension, date: new Date('2026-11-22T10:00:00Z') })).toBe(
			expected
		);
	});
});

describe('toCsv', () => {
	it('quotes commas, quotes and newlines and neutralises formulas', async () => {
		const csv = await toCsv(
			['arm', 'value', 'note'],
			[
				['KN026 + docetaxel', 76.4, 'CI 63.0–86.8, exact'],
				['Say "hi"', null, '=HYPERLINK("x")'],
				['line\nbreak', -1, undefined]
			]
		);
		expect(csv.split('\r\n')[0]).toBe('arm,value,note');
		expect(csv).toContain('KN026 + docetaxel,76.4,"CI 63.0–86.8, exact"');
		expect(csv).toContain('"Say ""hi""",,"\'=HYPERLINK(""x"")"');
		expect(csv).toContain('"line\nbreak",-1,');
	});
});

describe('pngPixelSize', () => {
	it.each([
		['current', 1, { width: 900, height: 500, reduced: false }],
		['current', 2, { width: 1800, height: 1000, reduced: false }],
		['16:9', 4, { width: 7680, height: 4320, reduced: false }],
		['4:3', 1, { width: 1440, height: 1080, reduced: false }],
		['square', 2, { width: 2160, height: 2160, reduced: false }]
	] as const)('%s at %d×', (shape, scale, expected) => {
		expect(pngPixelSize({ width: 900, height: 500 }, { shape, scale })).toEqual(expected);
	});

	it('lowers the scale of a very tall chart to what a browser canvas can hold', () => {
		// 950 timeline lanes: 4× would be 5,600 × 91,200 px, which Chromium refuses outright.
		const size = pngPixelSize({ width: 1400, height: 22_800 }, { shape: 'current', scale: 4 });
		expect(size.reduced).toBe(true);
		expect(size.height).toBeLessThanOrEqual(32_767);
		expect(size.width * size.height).toBeLessThanOrEqual(16_384 * 16_384);
		expect(size.height / size.width).toBeCloseTo(22_800 / 1400, 2);
	});
});

describe('picture deck', () => {
	// A 1×1 transparent PNG.
	const pixel =
		'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
	const sourcesById = new Map([
		[
			's1',
			{
				id: 's1',
				kind: 'publication',
				title: 'Ma J et al. Cancer Commun 2025',
				date: '2025-01-01',
				url: 'https://example.org/ma'
			}
		]
	]) as unknown as Parameters<typeof writeDeck>[0]['sourcesById'];
	const picture = (titleSuffix: string) => ({
		titleSuffix,
		subtitle: 'Rows 1–6 of 12',
		image: pixel,
		width: 900,
		height: 500,
		citations: [{ sourceId: 's1', fact: 'KN026 ORR 28.1%', quote: 'ORR was 28.1%' }],
		notes: []
	});

	it('writes one slide per picture: title and sources as text, quotes and link in the notes', async () => {
		const bytes = await writeDeck({
			charts: [{ kind: 'picture', frame, pictures: [picture(''), picture(' (continued)')] }],
			sourcesById
		});
		const files = unzipSync(bytes);
		const slide1 = strFromU8(files['ppt/slides/slide1.xml']!);
		expect(slide1).toContain('ORR in HER2+ breast cancer, first line');
		expect(slide1).toContain('Ma J et al.');
		expect(strFromU8(files['ppt/slides/slide2.xml']!)).toContain('(continued)');
		expect(Object.keys(files).filter((n) => /^ppt\/media\/.*\.png$/.test(n))).toHaveLength(2);
		const notes = Object.entries(files).find(([name]) => /notesSlide1\.xml$/.test(name));
		const text = strFromU8(notes![1]);
		expect(text).toContain('ORR was 28.1%');
		expect(text).toContain('Live view: https://example.org/efficacy?v=1&amp;assets=kn026');
	});
});
