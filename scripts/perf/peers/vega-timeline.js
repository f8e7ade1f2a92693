import embed from 'vega-embed';
import { mountPeer, timelineMarks } from './peer-data.js';

mountPeer(async (dataset, assets) => {
	const { bars, points } = timelineMarks(dataset, assets);
	const y = { field: 'lane', type: 'nominal', title: null, axis: { labelLimit: 260 } };
	const spec = {
		width: 820,
		height: { step: 28 },
		layer: [
			{
				data: { values: bars.map((b) => ({ ...b, start: +b.start, end: +b.end })) },
				mark: { type: 'bar', height: 14 },
				encoding: {
					y,
					x: { field: 'start', type: 'temporal' },
					x2: { field: 'end' },
					color: { field: 'phase', type: 'nominal' }
				}
			},
			{
				data: { values: points.map((p) => ({ ...p, date: +p.date })) },
				mark: { type: 'point', filled: true, fill: 'white', stroke: 'black', tooltip: true },
				encoding: {
					y,
					x: { field: 'date', type: 'temporal' },
					shape: { field: 'type', type: 'nominal' }
				}
			}
		]
	};
	const target = document.createElement('div');
	await embed(target, spec, { actions: false, renderer: 'svg' });
	return target;
});
