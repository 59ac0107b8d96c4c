/** Where content lives and which files count as entries. Shared by the build and the scripts. */
export const CONTENT_DIR = process.env.HUB_CONTENT_DIR ?? './content';
/** The name of the portal's content loader (src/node/content-loader.ts), which every collection uses. */
export const CONTENT_LOADER = 'hub-content-loader';
/**
 * Entries live directly in content/<collection>/, never in sub-folders: the same files the
 * checker reads (src/node/read-content.ts refuses entries in sub-folders).
 */
export const DOC_PATTERN = '[^_]*.{md,mdx}';
export const DATA_PATTERN = '[^_]*.{yaml,yml}';
export const DOC_EXTENSIONS = ['.md', '.mdx'];
export const DATA_EXTENSIONS = ['.yaml', '.yml'];
/** Image files content may hold (no SVG: it can carry scripts). */
export const IMAGE_TYPES = ['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif'];
