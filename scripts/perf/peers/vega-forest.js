import embed from 'vega-embed';
import { FAMILIES, forestRows, mountPeer } from './peer-data.js';

mountPeer(async (dataset, assets) => {
	const rows = forestRows(dataset, assets);
	const panel = (family) => {
		const values = rows.filter((r) => r.family === family.label);
		const y = {
			field: 'label',
			type: 'nominal',
			sort: null,
			title: null,
			axis: { labelLimit: 400 }
		};
		const x = {
			type: 'quantitative',
			title: family.label,
			scale: family.id === 'hr' ? { type: 'log' } : { zero: false }
		};
		return {
			data: { values },
			width: 660,
			height: { step: 22 },
			layer: [
				{ mark: 'rule', encoding: { y, x: { field: 'low', ...x }, x2: { field: 'high' } } },
				{
					mark: { type: 'point', filled: true, tooltip: true },
					encoding: { y, x: { field: 'value', ...x }, size: { field: 'n', type: 'quantitative' } }
				},
				{
					mark: { type: 'text', dy: -10 },
					encoding: { y, x: { field: 'value', ...x }, text: { field: 'value' } }
				}
			]
		};
	};
	const families = FAMILIES.filter((f) => rows.some((r) => r.family === f.label));
	const target = document.createElement('div');
	await embed(target, { vconcat: families.map(panel) }, { actions: false, renderer: 'svg' });
	return target;
});
