/** Where content lives and which files count as entries. Shared by the build and the scripts. */
export const CONTENT_DIR = process.env.HUB_CONTENT_DIR ?? './content';
export const DOC_PATTERN = '**/[^_]*.{md,mdx}';
export const DATA_PATTERN = '**/[^_]*.{yaml,yml}';
export const DOC_EXTENSIONS = ['.md', '.mdx'];
export const DATA_EXTENSIONS = ['.yaml', '.yml'];
