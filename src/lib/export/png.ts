/**
 * Rasterises a composed SVG to PNG at 1×, 2× or 4×, either at its own size or fitted (centred,
 * white margins) into a slide-shaped canvas: 16:9 (1920×1080), 4:3 (1440×1080) or square.
 */
import type { ComposedSvg } from './svg';

export const PNG_SHAPES = {
	current: null,
	'16:9': { width: 1920, height: 1080 },
	'4:3': { width: 1440, height: 1080 },
	square: { width: 1080, height: 1080 }
} as const;
export type PngShape = keyof typeof PNG_SHAPES;

export interface PngOptions {
	shape: PngShape;
	scale: 1 | 2 | 4;
	transparent?: boolean;
}

/**
 * Browsers refuse canvases beyond these (Chromium: 32,767 px a side, 268 megapixels), and then
 * produce no image at all. A very tall chart (hundreds of timeline lanes) at 4× would.
 */
export const MAX_CANVAS_SIDE = 32_767;
export const MAX_CANVAS_AREA = 16_384 * 16_384;

/**
 * The pixel size a PNG will have: what the tests and the menu label promise. The requested scale
 * is lowered, when it must be, to the largest that the browser can draw (`reduced` says so).
 */
export function pngPixelSize(svg: Pick<ComposedSvg, 'width' | 'height'>, options: PngOptions) {
	const base = PNG_SHAPES[options.shape] ?? { width: svg.width, height: svg.height };
	const fits = Math.min(
		MAX_CANVAS_SIDE / base.width,
		MAX_CANVAS_SIDE / base.height,
		Math.sqrt(MAX_CANVAS_AREA / (base.width * base.height))
	);
	const scale = Math.min(options.scale, fits);
	return {
		width: Math.floor(base.width * scale),
		height: Math.floor(base.height * scale),
		reduced: scale < options.scale
	};
}

function loadImage(url: string): Promise<HTMLImageElement> {
	return new Promise((resolve, reject) => {
		const image = new Image();
		image.onload = () => resolve(image);
		image.onerror = () => reject(new Error('The chart could not be drawn as an image'));
		image.src = url;
	});
}

export async function svgToPng(svg: ComposedSvg, options: PngOptions): Promise<Blob> {
	const { width, height } = pngPixelSize(svg, options);
	const canvas = document.createElement('canvas');
	canvas.width = width;
	canvas.height = height;
	const context = canvas.getContext('2d');
	if (!context) throw new Error('This browser cannot draw images (no 2D canvas)');
	if (!options.transparent) {
		context.fillStyle = '#ffffff';
		context.fillRect(0, 0, width, height);
	}
	const fit = Math.min(width / svg.width, height / svg.height);
	const drawWidth = svg.width * fit;
	const drawHeight = svg.height * fit;
	const url = URL.createObjectURL(new Blob([svg.markup], { type: 'image/svg+xml' }));
	try {
		const image = await loadImage(url);
		context.drawImage(
			image,
			(width - drawWidth) / 2,
			(height - drawHeight) / 2,
			drawWidth,
			drawHeight
		);
	} finally {
		URL.revokeObjectURL(url);
	}
	return new Promise((resolve, reject) =>
		canvas.toBlob(
			(blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))),
			'image/png'
		)
	);
}
