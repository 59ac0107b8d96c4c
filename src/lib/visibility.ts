/**
 * Who sees an entry, decided in one place for the build, the checks, the report and the pages.
 * `draft` is never built; `withdrawn` keeps its page (with a banner) but leaves every list, search,
 * feed and sitemap; `published` is everywhere. Glossary terms, spokes, teams and assessment
 * dimensions may leave `status` out: they are then published.
 */
import type { Status } from '../schemas/vocab.ts';

/** Anything that carries a status: a status itself, or an entry whose data may declare one. */
export type HasStatus = Status | { data: { status?: Status | undefined } };

/** The status of an entry (or the status given), `published` when the entry declares none. */
export function statusOf(x: HasStatus): Status {
  return typeof x === 'string' ? x : (x.data.status ?? 'published');
}

/** Whether the entry has a page of its own: published and withdrawn entries do, drafts never. */
export const isBuilt = (x: HasStatus): boolean => statusOf(x) !== 'draft';

/** Whether the entry appears in lists, search, feeds and sitemaps: published entries only. */
export const isListed = (x: HasStatus): boolean => statusOf(x) === 'published';

/** Whether the entry keeps its page but leaves every list: built and not listed. */
export const isWithdrawn = (x: HasStatus): boolean => statusOf(x) === 'withdrawn';
