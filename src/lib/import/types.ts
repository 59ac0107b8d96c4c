/** Shared types of the Markdown importer (see convert.ts for the pipeline). */
import type { DocCollection } from '../../schemas/vocab.ts';
import type { LostUnit } from './text-units.ts';

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
  /** Import expired and redirect-only sources as withdrawn entries instead of skipping them. */
  includeExpired?: boolean;
  /** Addresses the old site was served at (https://handbook.example.org): absolute links to them are site paths. */
  siteUrls?: string[];
  /** Every other file under the batch root (images, attachments), relative with / separators: images found here are copied. */
  files?: string[];
}

/**
 * A file to copy: `from` relative to the batch root; `to` relative to the folder the entries are
 * written to (`under: 'entries'`, images beside their entry) or to the public folder (file links).
 */
export interface Asset {
  from: string;
  to: string;
  under: 'entries' | 'public';
}

export type NoteKind = 'field' | 'template' | 'html' | 'link' | 'image' | 'comment' | 'structure' | 'text' | 'todo';

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
  /** Source text that could not be found in the output (should be empty), with its source line. */
  lost: LostUnit[];
  /** How many units of source text (paragraphs, list items, headings, cells, alt and link text) were compared. */
  units: number;
  /** Set when the source is deliberately not imported (expired, redirect-only): the reason. */
  skipped?: string;
  /** Images found beside the sources, to copy where the entry's page finds them. */
  assets: Asset[];
  /** Set when the file could not be converted at all; nothing should be written. */
  error?: string;
}
