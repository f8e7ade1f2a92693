// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { cloneChartSvg } from './svg';

/** A chart's svg as the page holds it: a dashed line drawn as a masked rect, a solid one, a bar. */
function chart(): SVGSVGElement {
	const host = document.createElement('div');
	host.innerHTML = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="100">
		<defs>
			<pattern id="c1-dash-dashes" data-dashes="4 3" patternUnits="userSpaceOnUse" width="7" height="8"><rect width="4" height="8" fill="#fff"/></pattern>
			<mask id="c1-dash" data-dashes="4 3"><rect x="-100000" y="-100000" width="200000" height="200000" fill="url(#c1-dash-dashes)"/></mask>
		</defs>
		<rect class="whisker" x="100" y="49.125" width="120" height="1.75" fill="#1f77b4" mask="url(#c1-dash)"/>
		<rect class="whisker" x="100" y="69.125" width="80" height="1.75" fill="#1f77b4"/>
		<rect x="10" y="10" width="50" height="20" fill="#888"/>
	</svg>`;
	document.body.append(host);
	return host.querySelector('svg')!;
}

describe('cloneChartSvg', () => {
	it('writes a dashed line drawn as a masked rect as the dashed line it stands for, without masks', () => {
		const clone = cloneChartSvg(chart());
		const lines = clone.querySelectorAll('line');
		expect(lines).toHaveLength(1);
		const line = lines[0]!;
		expect(
			['x1', 'x2', 'y1', 'y2', 'stroke-width', 'stroke-dasharray'].map((n) => line.getAttribute(n))
		).toEqual(['100', '220', '50', '50', '1.75', '4 3']);
		expect(line.getAttribute('stroke')).toMatch(/^(#1f77b4|rgb\(31, 119, 180\))$/);
		expect(clone.querySelector('mask, pattern, [mask]')).toBeNull();
		// The solid line and the bar stay rects.
		expect(clone.querySelectorAll('rect')).toHaveLength(2);
	});
});
