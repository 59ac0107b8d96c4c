import { describe, expect, test } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './helpers.ts';
import { readHandoff, writeHandoff } from '../../src/integrations/after-build.ts';

describe('what astro build hands to npm run build', () => {
  const site = { dist: '/x/dist/', root: '/x/', base: '/social-hub/', cacheDir: '/x/node_modules/.astro/' };
  const countCheck = { entries: [{ collection: 'playbooks' as const, id: 'start', file: 'content/playbooks/start.md', data: { status: 'published' as const } }], pages: ['/start/'] };

  test('what is written is read back', () => {
    const file = join(tempDir('hub-handoff-'), 'handoff.json');
    writeHandoff(file, { site, countCheck });
    expect(readHandoff(file)).toEqual({ site, countCheck });
  });

  test('no file means the build did not finish, and says so', () => {
    const file = join(tempDir('hub-handoff-'), 'handoff.json');
    expect(() => readHandoff(file)).toThrow(/exited without handing over its finished site/);
  });

  test('a missing part is named', () => {
    const file = join(tempDir('hub-handoff-'), 'handoff.json');
    writeFileSync(file, JSON.stringify({ site: { dist: '/x/dist/', root: '/x/', base: '/' }, countCheck }));
    expect(() => readHandoff(file)).toThrow(/the site's "cacheDir" is missing/);
    writeFileSync(file, JSON.stringify({ site }));
    expect(() => readHandoff(file)).toThrow(/the count check's entries and pages are missing/);
  });
});
