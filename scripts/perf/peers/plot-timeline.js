import * as Plot from '@observablehq/plot';
import { mountPeer, timelineMarks } from './peer-data.js';

mountPeer((dataset, assets) => {
	const { bars, points } = timelineMarks(dataset, assets);
	const lanes = [...new Set([...bars.map((b) => b.lane), ...points.map((p) => p.lane)])];
	return Plot.plot({
		width: 1100,
		marginLeft: 260,
		height: 40 + lanes.length * 28,
		x: { type: 'utc', grid: true },
		y: { domain: lanes, label: null },
		color: { legend: true },
		marks: [
			Plot.barX(bars, {
				x1: 'start',
				x2: 'end',
				y: 'lane',
				fill: 'phase',
				insetTop: 6,
				insetBottom: 6
			}),
			Plot.dot(points, {
				x: 'date',
				y: 'lane',
				symbol: 'type',
				stroke: 'black',
				fill: 'white',
				tip: true
			}),
			Plot.ruleX([new Date(dataset.meta.asOf)], { stroke: 'red' })
		]
	});
});
