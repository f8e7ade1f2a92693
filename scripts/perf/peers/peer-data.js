// Bench-only: the rows and lanes a bare chart-library page draws from a Landscape dataset, and the
// asset filter it redraws on. Kept plain so each peer page does the same work the app's view does:
// fetch the dataset, derive rows, draw, and redraw on a filter click. Never shipped.

/** Approximate numeric date for a dataset date of any precision ("2025", "2025-Q3", "2025-09-11"). */
export function toDate(value) {
	if (!value) return null;
	const [year, rest = '01', day = '01'] = String(value).split('-');
	const month = /^Q(\d)$/.test(rest)
		? (Number(rest[1]) - 1) * 3 + 1
		: /^H(\d)$/.test(rest)
			? (Number(rest[1]) - 1) * 6 + 1
			: Number(rest);
	return new Date(Date.UTC(Number(year), month - 1, Number(day)));
}

/** The three panels the app's forest plot has: response rates, medians, hazard ratios. */
export const FAMILIES = [
	{
		id: 'response',
		label: 'Response rate (%)',
		test: (r) => r.unit === '%' && r.landmarkMonths == null
	},
	{ id: 'median', label: 'Median (months)', test: (r) => r.unit === 'months' },
	{ id: 'hr', label: 'Hazard ratio', test: (r) => r.unit === 'HR' || r.endpoint?.startsWith('HR') }
];

/** Forest rows with a numeric value, per family, capped like the app's first page of rows. */
export function forestRows(dataset, assets, perFamily = 14) {
	const names = new Map(dataset.assets.map((a) => [a.id, a.names?.[0] ?? a.name ?? a.id]));
	const trials = new Map(dataset.trials.map((t) => [t.id, t.acronym ?? t.name ?? t.id]));
	const rows = [];
	for (const family of FAMILIES) {
		const picked = dataset.readouts
			.filter((r) => typeof r.value === 'number' && family.test(r))
			.filter((r) => assets.size === 0 || assets.has(r.asset))
			.slice(0, perFamily);
		for (const r of picked) {
			rows.push({
				family: family.label,
				label: `${names.get(r.asset) ?? r.asset} · ${trials.get(r.trial) ?? ''} · ${r.endpoint} · ${r.arm ?? ''}`,
				value: r.value,
				low: typeof r.ci?.low === 'number' ? r.ci.low : null,
				high: typeof r.ci?.high === 'number' ? r.ci.high : null,
				n: r.n ?? 1
			});
		}
	}
	return rows;
}

/** Timeline lanes (one per program) with phase bars and milestone points. */
export function timelineMarks(dataset, assets) {
	const asOf = toDate(dataset.meta.asOf);
	const keep = (assetId) => assets.size === 0 || assets.has(assetId);
	const names = new Map(dataset.assets.map((a) => [a.id, a.names?.[0] ?? a.name ?? a.id]));
	const lane = (p) => `${names.get(p.asset) ?? p.asset} · ${p.indicationGroup ?? p.indication}`;
	const bars = [];
	for (const p of dataset.programs.filter((p) => keep(p.asset))) {
		const phases = p.phases ?? [];
		phases.forEach((ph, i) => {
			const start = toDate(ph.start ?? ph.knownBy);
			if (!start) return;
			const next = phases[i + 1];
			const end = toDate(ph.end) ?? toDate(next?.start ?? next?.knownBy) ?? asOf;
			bars.push({ lane: lane(p), phase: ph.phase, start, end: end < start ? start : end });
		});
	}
	const programs = new Map(dataset.programs.map((p) => [p.id, p]));
	const points = dataset.milestones
		.filter((m) => keep(m.asset) && toDate(m.date))
		.map((m) => ({
			lane: programs.has(m.program)
				? lane(programs.get(m.program))
				: `${names.get(m.asset) ?? m.asset} · all`,
			date: toDate(m.date),
			type: m.type,
			status: m.status
		}));
	return { bars, points };
}

/**
 * The page around a peer chart: an asset filter (the same `#filter-assets` checkboxes the bench
 * clicks in the app) and a `[data-chart]` root that gets `data-chart-ready` once drawn.
 *
 * The filter's checkboxes go into the page in the same task as the first chart, so they are
 * painted in the same frame, in a block that carries `elementtiming` (text is timed by its
 * nearest block): its entry gives the time that frame was presented (the bench's first frame
 * for a peer, as the first contentful paint is for the app's prerendered chart). The time the
 * chart is first in the DOM is earlier: its frame has still to lay it out, paint and raster it.
 */
export async function mountPeer(draw) {
	const dataset = await (await fetch('/data/her2.json')).json();
	const filter = document.getElementById('filter-assets');
	const boxes = document.createElement('div');
	boxes.setAttribute('elementtiming', 'peer-chart-frame');
	for (const asset of dataset.assets) {
		const label = document.createElement('label');
		const box = Object.assign(document.createElement('input'), {
			type: 'checkbox',
			value: asset.id
		});
		label.append(box, ` ${asset.names?.[0] ?? asset.id}`);
		boxes.append(label);
	}
	const root = document.querySelector('[data-chart]');
	const selected = () =>
		new Set([...filter.querySelectorAll('input:checked')].map((box) => box.value));
	const render = async () => {
		const chart = await draw(dataset, selected());
		if (!boxes.isConnected) filter.append(boxes);
		root.replaceChildren(chart);
		root.setAttribute('data-chart-ready', '');
	};
	filter.addEventListener('change', render);
	await render();
}
