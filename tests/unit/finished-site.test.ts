import { describe, expect, test } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './helpers.ts';
import { readHandoff, writeHandoff } from '../../src/node/finished-site.ts';

describe('the finished site astro build hands to npm run build', () => {
  test('what is written is read back', () => {
    const file = join(tempDir('hub-handoff-'), 'site.json');
    const site = { dist: '/x/dist/', root: '/x/', base: '/social-hub/', cacheDir: '/x/node_modules/.astro/' };
    writeHandoff(file, site);
    expect(readHandoff(file)).toEqual(site);
  });

  test('no file means the build did not finish, and says so', () => {
    const file = join(tempDir('hub-handoff-'), 'site.json');
    expect(() => readHandoff(file)).toThrow(/exited without handing over its finished site/);
  });

  test('a missing field is named', () => {
    const file = join(tempDir('hub-handoff-'), 'site.json');
    writeFileSync(file, JSON.stringify({ dist: '/x/dist/', root: '/x/', base: '/' }));
    expect(() => readHandoff(file)).toThrow(/"cacheDir" is missing/);
  });
});
