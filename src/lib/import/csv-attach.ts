/**
 * Rows of the two linking files attached to their owners: phases.csv to programs,
 * citations.csv (one row per source reference) to every cited fact.
 */
import { ASSET_ATTRIBUTES, CITATION_COLUMNS, CITATION_ENTITIES, OMIT } from './columns';
import { readCell } from './cells';
import type { ImportProblem } from './problems';
import { checkHeader, cellOf, type RowMap, type Sheet } from './csv-sheet';
/** phases.csv rows → `programs[i].phases`, in row order. */
export function attachPhases(
	phases: Record<string, unknown>[],
	rows: number[],
	entities: Map<string, Record<string, unknown>[]>,
	indexById: Map<string, Map<string, number>>,
	rowMap: RowMap,
	file: string,
	problems: ImportProblem[]
): void {
	// programs.csv is read before phases.csv (TABLES order), so both are there.
	const programs = entities.get('programs')!;
	const programIndex = indexById.get('programs')!;
	rowMap.phases = programs.map(() => []);
	const phaseIndex = new Map<string, number>();
	indexById.set('phases', phaseIndex);
	phases.forEach((phase, k) => {
		// The program column is text: "" when the cell is empty.
		const { program, ...rest } = phase as Record<string, unknown> & { program: string };
		const i = programIndex.get(program);
		if (i === undefined) {
			problems.push({
				file,
				row: rows[k] ?? null,
				column: 'program',
				message:
					program === ''
						? 'empty; every phase names its program (an id from programs.csv)'
						: `no program with id "${program}" in programs.csv`
			});
			return;
		}
		const list = programs[i]!.phases as unknown[];
		const key = `${program}/${String(rest.phase)}`;
		if (!phaseIndex.has(key)) phaseIndex.set(key, i * 1_000_000 + list.length);
		list.push(rest);
		rowMap.phases[i]!.push(rows[k] ?? 0);
	});
}

export function attachCitations(
	sheet: Sheet,
	entities: Map<string, Record<string, unknown>[]>,
	indexById: Map<string, Map<string, number>>,
	rowMap: RowMap,
	problems: ImportProblem[]
): void {
	checkHeader(sheet, CITATION_COLUMNS, ['entity', 'id', 'source', 'quote'], problems);
	const fail = (row: number, column: string, message: string) =>
		problems.push({ file: sheet.file, row, column, message });
	const text = { kind: 'text', nullable: false, optional: false, hasDefault: false } as const;
	const optionalText = { ...text, optional: true } as const;
	for (const { row, cells } of sheet.rows) {
		const entityName = cellOf(sheet, cells, 'entity').trim().toLowerCase();
		const id = cellOf(sheet, cells, 'id').trim();
		const field = cellOf(sheet, cells, 'field').trim();
		const table = CITATION_ENTITIES.get(entityName);
		if (!table) {
			fail(
				row,
				'entity',
				`expected one of ${[...CITATION_ENTITIES.keys()].map((e) => `"${e}"`).join(', ')}, got "${entityName}"`
			);
			continue;
		}
		let owner: Record<string, unknown>;
		let ownerPath: string;
		if (table.name === 'phases') {
			const found = indexById.get('phases')!.get(id);
			if (found === undefined) {
				fail(
					row,
					'id',
					`no phase "${id}" in phases.csv (a phase is cited as "<program id>/<phase>", e.g. "kn026-gastric-2l-china/phase 3")`
				);
				continue;
			}
			const i = Math.floor(found / 1_000_000);
			const j = found % 1_000_000;
			owner = (entities.get('programs')![i]!.phases as Record<string, unknown>[])[j]!;
			ownerPath = `programs[${i}].phases[${j}]`;
		} else {
			const i = indexById.get(table.name)!.get(id);
			if (i === undefined) {
				fail(row, 'id', `no ${entityName} with id "${id}" in ${table.file}`);
				continue;
			}
			owner = entities.get(table.name)![i]!;
			ownerPath = `${table.name}[${i}]`;
		}
		if (field !== '') {
			if (table.name !== 'assets') {
				fail(
					row,
					'field',
					`only asset citations name a field (an asset attribute); leave it empty for a ${entityName}`
				);
				continue;
			}
			if (!ASSET_ATTRIBUTES.includes(field)) {
				fail(
					row,
					'field',
					`unknown asset attribute "${field}"; expected one of ${ASSET_ATTRIBUTES.join(', ')} or empty for the asset itself`
				);
				continue;
			}
			owner = owner[field] as Record<string, unknown>;
			ownerPath += `.${field}`;
		}
		const ref: Record<string, unknown> = {};
		const source = readCell(cellOf(sheet, cells, 'source').trim(), text);
		const quote = readCell(cellOf(sheet, cells, 'quote'), text);
		const note = readCell(cellOf(sheet, cells, 'note'), optionalText);
		// Stryker disable next-line ConditionalExpression: a text cell always reads
		if (source.ok) ref.id = source.value;
		// Stryker disable next-line ConditionalExpression: a text cell always reads
		if (quote.ok) ref.quote = quote.value;
		if (note.ok && note.value !== OMIT) ref.note = note.value;
		(owner.sources as unknown[]).push(ref);
		(rowMap.citations[ownerPath] ??= []).push(row);
	}
}
