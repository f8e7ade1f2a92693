/** The mechanism matrix, for the page and the embed route. */
export { default as MechanismMatrix } from './MechanismMatrix.svelte';
export { default as MechanismControls } from './MechanismControls.svelte';
export { default as DomainGlyph } from './DomainGlyph.svelte';
export { layoutMatrix } from './mechanisms.layout';
export type { MatrixLayout, MatrixCell, MatrixColumn, MatrixRow } from './mechanisms.layout';
