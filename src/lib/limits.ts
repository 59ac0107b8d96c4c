/**
 * Parsing limits for content. Each one is far above what a real entry needs and well below what
 * makes a parser crash or stall (measured with Sätteri 0.10: 10,000 nested `[` in an MDX
 * expression end the process with a segmentation fault; 10,000 nested tags take 1.7 s and 40,000
 * more than 20 s; deep trees overflow the stack of any recursive walk). Crossing one is reported
 * as a content problem, never as a crash.
 */

/** Files above this size are refused: no real entry is this long, and it would slow every build. */
export const MAX_FILE_BYTES = 1_000_000;
/** Nested quotes and list markers at the start of one line (`> > > *`). */
export const MAX_LINE_NESTING = 16;
/** Nested `{ [ (` in an MDX body: MDX hands these to a JavaScript parser that recurses. */
export const MAX_BRACKET_DEPTH = 16;
/** Tags (`<Callout>`, `<kbd>`) in one MDX body: parsing time grows with the square of nested tags. */
export const MAX_MDX_TAGS = 1_000;
/** Depth of the parsed Markdown tree (blocks inside blocks, emphasis inside emphasis). */
export const MAX_TREE_DEPTH = 32;
/** Values (fields, list items) in one YAML file or frontmatter, aliases expanded. */
export const MAX_YAML_VALUES = 20_000;
/** Characters in a title, term or name: it must fit a heading and a search result. */
export const MAX_TITLE_LENGTH = 120;
