/**
 * `npm run deck:render`: makes the PowerPoint decks the app makes (one per chart view, in its
 * default state, plus a deck of all three with title and sources slides), then renders them the
 * way an office suite opens them — LibreOffice Impress headless → PDF → one PNG per slide
 * (pdftoppm) — so the slides can be looked at. On a Debian machine running as root it installs
 * libreoffice-impress, poppler-utils and the Carlito font (metrically equal to Calibri, the
 * decks' font) when they are missing.
 *
 * Flags: --data=static/data/her2.json  --out=deck-render  --dpi=50  --today=2026-10-01
 *        --views=timeline,efficacy (default: all three and the combined deck)
 * Prints the slide count of each deck and where its pictures are.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validateDataset } from '../src/lib/data/validate';
import { formatPartialDate } from '../src/lib/data/dates';
import { DEFAULT_VIEW_STATE } from '../src/lib/state/view-state';
import type { ExportableView } from '../src/lib/export/chart-export';
import { viewScenes } from '../src/lib/export/pptx/view-scenes';
import { writeDeck, type DeckChart } from '../src/lib/export/pptx/write';
import { cliArgs } from './cli-args.mjs';

const args = cliArgs();
const dataPath = args.get('data') ?? 'static/data/her2.json';
const outDir = resolve(args.get('out') ?? 'deck-render');
const dpi = args.get('dpi') ?? '50';
const today = new Date(args.get('today') ?? new Date().toISOString().slice(0, 10));

const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

function ensureTools(): void {
	if (has('soffice') && has('pdftoppm')) return;
	const root = typeof process.getuid === 'function' && process.getuid() === 0;
	if (!root || !has('apt-get')) {
		throw new Error(
			'LibreOffice (soffice) and pdftoppm are needed: install libreoffice-impress and poppler-utils'
		);
	}
	console.log('Installing libreoffice-impress, poppler-utils and fonts-crosextra-carlito …');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
	execFileSync(
		'apt-get',
		[
			'install',
			'-y',
			'-qq',
			'--no-install-recommends',
			'libreoffice-impress',
			'poppler-utils',
			'fonts-crosextra-carlito'
		],
		{ stdio: 'inherit', env }
	);
}

async function main(): Promise<void> {
	const result = validateDataset(JSON.parse(readFileSync(dataPath, 'utf8')), dataPath);
	if (!result.ok) throw new Error(`${dataPath} does not validate`);
	const model = result.model;
	const asOf = formatPartialDate(model.dataset.meta.asOf);
	const all: ExportableView[] = ['timeline', 'mechanisms', 'efficacy'];
	const only = args.get('views')?.split(',');
	const views = only ? all.filter((v) => only.includes(v)) : all;
	const titles: Record<ExportableView, string> = {
		timeline: 'Timeline: programs by asset',
		mechanisms: 'Mechanisms: how the molecules compare',
		efficacy: 'Efficacy: response rates'
	};
	rmSync(outDir, { recursive: true, force: true });
	mkdirSync(outDir, { recursive: true });
	const charts: DeckChart[] = views.map((view) => ({
		kind: 'native',
		frame: {
			title: titles[view],
			subtitle: '',
			sources: [],
			asOf,
			notes: [],
			link: `/${view}`
		},
		scenes: viewScenes(view, model, structuredClone(DEFAULT_VIEW_STATE), today)
	}));
	const decks: { name: string; bytes: Uint8Array }[] = [];
	for (const chart of charts) {
		const name = chart.frame.link.slice(1);
		decks.push({
			name,
			bytes: await writeDeck({ charts: [chart], sourcesById: model.sourcesById })
		});
	}
	if (!only)
		decks.push({
			name: 'deck',
			bytes: await writeDeck({
				charts,
				sourcesById: model.sourcesById,
				bookends: {
					title: model.dataset.meta.title,
					subtitle: `${charts.length} charts · data as of ${asOf}`,
					asOf
				}
			})
		});
	for (const deck of decks) writeFileSync(join(outDir, `${deck.name}.pptx`), deck.bytes);

	ensureTools();
	for (const deck of decks) {
		const pptx = join(outDir, `${deck.name}.pptx`);
		execFileSync(
			'soffice',
			['--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, pptx],
			{ stdio: 'ignore', env: { ...process.env, HOME: join(outDir, '.home') } }
		);
		const pdf = join(outDir, `${deck.name}.pdf`);
		if (!existsSync(pdf)) throw new Error(`LibreOffice made no PDF of ${pptx}`);
		execFileSync('pdftoppm', ['-png', '-r', dpi, pdf, join(outDir, deck.name)]);
		const pages = readdirSync(outDir).filter(
			(f) => f.startsWith(`${deck.name}-`) && f.endsWith('.png')
		);
		console.log(`${deck.name}: ${pages.length} slides → ${join(outDir, `${deck.name}-*.png`)}`);
	}
}

main().catch((error: unknown) => {
	console.error((error as Error).message);
	process.exit(1);
});
