import { createRequire } from 'node:module';
import { defineCollection } from 'astro:content';
import type { CollectionName } from './schemas/index.ts';

/**
 * The schemas and the loader are plain Node modules (the scripts and tests import them too), so
 * Node loads them here, not Vite's module runner: transforming their 36 modules took about 2 s of
 * every build and every start of `npm run dev`. Node keeps them loaded: after editing one of them,
 * restart `npm run dev` (a build always starts afresh).
 */
const load = createRequire(import.meta.url);
const { SCHEMAS } = load('./schemas/index.ts') as typeof import('./schemas/index.ts');
const { CONTENT_DIR, DOC_PATTERN, DATA_PATTERN } = load('./node/content-layout.ts') as typeof import('./node/content-layout.ts');
const { contentLoader } = load('./node/content-loader.ts') as typeof import('./node/content-loader.ts');

/**
 * Every collection lives in top-level content/<name>/ (or HUB_CONTENT_DIR, for the benchmark and
 * fixtures), one entry per file, no sub-folders. Files starting with "_" are skipped, so authors
 * can keep templates beside entries; drafts are never loaded (src/node/content-loader.ts).
 * The schemas are the same objects the scripts and tests use. References between entries are
 * checked by the content-check integration, which fails the build where Astro would only log.
 */
const docs = (name: CollectionName) => contentLoader(name, DOC_PATTERN, `${CONTENT_DIR}/${name}`);
const data = (name: CollectionName) => contentLoader(name, DATA_PATTERN, `${CONTENT_DIR}/${name}`);

export const collections = {
  policy: defineCollection({ loader: docs('policy'), schema: SCHEMAS.policy }),
  phases: defineCollection({ loader: docs('phases'), schema: SCHEMAS.phases }),
  playbooks: defineCollection({ loader: docs('playbooks'), schema: SCHEMAS.playbooks }),
  'case-studies': defineCollection({ loader: docs('case-studies'), schema: SCHEMAS['case-studies'] }),
  protocols: defineCollection({ loader: docs('protocols'), schema: SCHEMAS.protocols }),
  glossary: defineCollection({ loader: data('glossary'), schema: SCHEMAS.glossary }),
  spokes: defineCollection({ loader: data('spokes'), schema: SCHEMAS.spokes }),
  teams: defineCollection({ loader: data('teams'), schema: SCHEMAS.teams }),
  paths: defineCollection({ loader: data('paths'), schema: SCHEMAS.paths }),
  assessment: defineCollection({ loader: data('assessment'), schema: SCHEMAS.assessment }),
  contacts: defineCollection({ loader: data('contacts'), schema: SCHEMAS.contacts }),
  start: defineCollection({ loader: data('start'), schema: SCHEMAS.start }),
};
