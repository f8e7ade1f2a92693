/**
 * The contract between a chart view and the share/export menu: the view says which SVGs show its
 * marks, what its default title is, which sources its marks cite, and what its data looks like
 * as a table. The menu does the rest, the same way for every view.
 */
import type { CsvCell } from './csv';

export type ExportableView = 'timeline' | 'mechanisms' | 'efficacy';

export interface ChartExport {
	view: ExportableView;
	/** The chart's SVG elements as drawn on screen (several panels are stacked). */
	svgs(): SVGSVGElement[];
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
