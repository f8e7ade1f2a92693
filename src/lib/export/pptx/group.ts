/**
 * PowerPoint groups for pptxgenjs output. pptxgenjs (4.0) cannot group shapes (its issue #307 is
 * open; the pull request adding `addGroup` was closed unmerged), so the writer names each grouped
 * shape `g:<key>|<name>` and this pass wraps each run of consecutive shapes with the same key in a
 * <p:grpSp> whose frame is the run's bounding box (child offsets = group offsets, so nothing moves),
 * then drops the prefix. A row or lane then moves, recolours or deletes as one in PowerPoint.
 * Pure string work on the slide XML.
 */

const SHAPE =
	/<p:sp>[\s\S]*?<\/p:sp>|<p:graphicFrame>[\s\S]*?<\/p:graphicFrame>|<p:pic>[\s\S]*?<\/p:pic>/g;
const NAME = /<p:cNvPr id="\d+" name="g:([^|"]*)\|/;
const OFF = /<a:off x="(-?\d+)" y="(-?\d+)"\/>/;
const EXT = /<a:ext cx="(\d+)" cy="(\d+)"\/>/;

const escapeAttribute = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function bounds(shapes: readonly string[]) {
	let x0 = Infinity;
	let y0 = Infinity;
	let x1 = -Infinity;
	let y1 = -Infinity;
	for (const shape of shapes) {
		const off = OFF.exec(shape);
		const ext = EXT.exec(shape);
		if (!off || !ext) continue;
		const x = Number(off[1]);
		const y = Number(off[2]);
		x0 = Math.min(x0, x);
		y0 = Math.min(y0, y);
		x1 = Math.max(x1, x + Number(ext[1]));
		y1 = Math.max(y1, y + Number(ext[2]));
	}
	if (!Number.isFinite(x0)) return { x: 0, y: 0, w: 0, h: 0 };
	return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/**
 * Wraps runs of `g:<key>|…` shapes in groups named by `labels[key]` (or the key). `firstId` must
 * be above every shape id on the slide.
 */
export function groupShapes(
	slideXml: string,
	labels: Readonly<Record<string, string>>,
	firstId = 100_000
): { xml: string; groups: number } {
	let nextId = firstId;
	let groups = 0;
	const out: string[] = [];
	let last = 0;
	type Run = { key: string; shapes: string[] };
	let run: Run | null = null;
	const wrap = (done: Run) => {
		const { x, y, w, h } = bounds(done.shapes);
		const name = escapeAttribute(labels[done.key] ?? done.key);
		const xfrm = `<a:xfrm><a:off x="${x}" y="${y}"/><a:ext cx="${w}" cy="${h}"/><a:chOff x="${x}" y="${y}"/><a:chExt cx="${w}" cy="${h}"/></a:xfrm>`;
		out.push(
			`<p:grpSp><p:nvGrpSpPr><p:cNvPr id="${nextId++}" name="${name}"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr>${xfrm}</p:grpSpPr>${done.shapes.join('')}</p:grpSp>`
		);
		groups++;
	};
	for (const match of slideXml.matchAll(SHAPE)) {
		const shape = match[0];
		const start = match.index;
		const key = NAME.exec(shape)?.[1];
		const between = slideXml.slice(last, start);
		if (run && (key !== run.key || between.trim() !== '')) {
			wrap(run);
			run = null;
		}
		out.push(between);
		if (key !== undefined) {
			const clean: string = shape.replace(`name="g:${key}|`, 'name="');
			if (run) run.shapes.push(clean);
			else run = { key, shapes: [clean] };
		} else out.push(shape);
		last = start + shape.length;
	}
	if (run) wrap(run);
	out.push(slideXml.slice(last));
	return { xml: out.join(''), groups };
}
