import * as Plot from '@observablehq/plot';
import { FAMILIES, forestRows, mountPeer } from './peer-data.js';

mountPeer((dataset, assets) => {
	const rows = forestRows(dataset, assets);
	const panels = document.createElement('div');
	for (const family of FAMILIES) {
		const data = rows.filter((r) => r.family === family.label);
		if (!data.length) continue;
		panels.append(
			Plot.plot({
				width: 1100,
				marginLeft: 420,
				height: 30 + data.length * 22,
				x: { label: family.label, type: family.id === 'hr' ? 'log' : 'linear', grid: true },
				y: { label: null, domain: data.map((d) => d.label) },
				r: { range: [2, 9] },
				marks: [
					Plot.ruleY(data, { x1: 'low', x2: 'high', y: 'label' }),
					Plot.dot(data, { x: 'value', y: 'label', r: 'n', fill: 'currentColor', tip: true }),
					Plot.text(data, { x: 'value', y: 'label', text: (d) => String(d.value), dy: -10 })
				]
			})
		);
	}
	return panels;
});
