/** The home page: recent changes, every protocol, the start-here cards and the paths' steps for "continue". */
import type { CollectionEntry } from 'astro:content';
import { DOC_COLLECTIONS } from '../schemas/index.ts';
import { recentChanges, type ChangeLine } from '../lib/recent.ts';
import { entryPath } from '../lib/urls.ts';
import { href } from '../site.ts';
import type { Site } from './site.ts';
import { startAudiences, type StartAudience } from './start.ts';

/** A path's steps with titles and addresses, read by src/scripts/progress.ts for "continue where you left off". */
export interface ContinuePath { id: string; title: string; url: string; steps: { key: string; title: string; url: string }[] }

export interface HomeData {
  /** The eight most recent changes of listed entries. */
  changed: ChangeLine[];
  /** Every protocol: a duty officer must not have to guess which one is missing from a short list. */
  urgent: CollectionEntry<'protocols'>[];
  pathData: ContinuePath[];
  /** Each start-here audience with its published path, if it has one. */
  starts: (StartAudience & { pathEntry: CollectionEntry<'paths'> | undefined })[];
}

export function homeData(site: Site): HomeData {
  return {
    changed: recentChanges(
      DOC_COLLECTIONS.flatMap((c) => site.listed[c].map((e) => ({ key: `${c}/${e.id}`, title: e.data.title, url: entryPath(c, e.id), changes: e.data.changes }))),
      8,
    ),
    urgent: site.listed.protocols,
    pathData: site.paths.map((p) => ({
      id: p.id,
      title: p.data.title,
      url: href(`/paths/${p.id}/`),
      steps: p.data.steps.map((s) => {
        const ref = site.resolve(s.entry);
        return { key: s.entry, title: ref?.title ?? s.entry, url: href(ref?.url ?? entryPath('paths', p.id)) };
      }),
    })),
    starts: startAudiences(site).map((a) => ({ ...a, pathEntry: site.paths.find((p) => p.id === a.path) })),
  };
}
