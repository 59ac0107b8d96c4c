/** Shared types of the Markdown importer (see convert.ts for the pipeline). */
import type { DocCollection } from '../../schemas/vocab.ts';

/** One source file of a batch: its path relative to the batch root (with / separators) and its text. */
export interface SourceFile {
  path: string;
  text: string;
}

/** Ids of existing entries the importer may point at, read from the content directory by the script. */
export interface KnownIds {
  teams: string[];
  policy: string[];
  spokes: string[];
  /** Every existing entry, as collection/id: links to them are kept as they are. */
  entries: string[];
}

export interface ImportOptions {
  collection: DocCollection;
  /** The owning team (--owner). Without it, a known team is used as a marked placeholder. */
  owner?: string;
  /** Write status: published instead of draft (a source with draft: true stays a draft). */
  publish?: boolean;
  /** Today, as YYYY-MM-DD: the default lastReviewed. */
  today: string;
  known?: Partial<KnownIds>;
}

export type NoteKind = 'field' | 'template' | 'html' | 'link' | 'image' | 'comment' | 'structure' | 'text';

/** Something the author should know or check, with the source line where known. */
export interface Note {
  kind: NoteKind;
  message: string;
  line?: number;
}

export interface ImportResult {
  /** Source path relative to the batch root. */
  source: string;
  /** The entry id (file name without extension). */
  id: string;
  extension: '.md' | '.mdx';
  /** The full file text: frontmatter and body. */
  text: string;
  /** The frontmatter written, as data. */
  data: Record<string, unknown>;
  notes: Note[];
  /** Fields and checks the author must still do, one line each. */
  todo: string[];
  /** Source text that could not be found in the output (should be empty). */
  lost: string[];
  /** Set when the file could not be converted at all; nothing should be written. */
  error?: string;
}
