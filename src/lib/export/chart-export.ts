/**
 * The contract between a chart view and the share/export menu: the view draws its whole chart
 * from its layout (off screen, through the chart's own components; never a copy of the screen)
 * and says what its default title is, which sources its marks cite, and what its data looks like
 * as a table. The menu does the rest, the same way for every view.
 */
import type { CsvCell } from './csv';
import type { ChartDrawing } from './offscreen';

export type { ChartDrawing } from './offscreen';

export type ExportableView = 'timeline' | 'mechanisms' | 'efficacy';

export interface ChartExport {
	view: ExportableView;
	/**
	 * The whole chart as filtered, drawn off screen from the view's layout: every lane, row and
	 * column, whatever the screen culls or pages. The caller calls `done()` when finished.
	 */
	draw(): Promise<ChartDrawing>;
	/** Generated from the view and its filters; the user may edit it before exporting. */
	title: string;
	subtitle: string;
	/** Ids of the sources the shown marks cite. */
	sourceIds: readonly string[];
	/** Caveats that must travel with the picture (e.g. cross-trial comparison). */
	notes: readonly string[];
	/** Words for the file name (main filters). */
	filenameDetails: readonly string[];
	table(): { columns: string[]; rows: CsvCell[][] };
}
