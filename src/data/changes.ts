/** The change sources of every listed entry (published only: drafts and withdrawn pages stay out). */
import type { Site } from './site.ts';
import { COLLECTION_LABELS, DOC_COLLECTIONS } from '../schemas/index.ts';
import { entryPath } from '../lib/urls.ts';

export function changeSources(site: Site) {
  return [
    ...DOC_COLLECTIONS.flatMap((c) =>
      site.listed[c].map((e) => ({ key: `${c}/${e.id}`, title: e.data.title, url: entryPath(c, e.id), collectionLabel: COLLECTION_LABELS[c].singular, changes: e.data.changes })),
    ),
    ...site.paths.map((p) => ({ key: `paths/${p.id}`, title: p.data.title, url: entryPath('paths', p.id), collectionLabel: COLLECTION_LABELS.paths.singular, changes: p.data.changes })),
  ];
}
