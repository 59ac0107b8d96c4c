/** The Markdown importer: see convert.ts for the pipeline and scripts/import.ts for the command. */
export { importBatch, importFile } from './convert.ts';
export { idForPath, kebabCase, planIds } from './ids.ts';
export { splitFrontmatter, mapFields, toDay, trimSummary } from './fields.ts';
export { textUnits, missingUnits, words, plain } from './text-units.ts';
export type { ImportOptions, ImportResult, KnownIds, Note, SourceFile } from './types.ts';
