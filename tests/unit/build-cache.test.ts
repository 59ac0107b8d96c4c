import { describe, expect, test } from 'vitest';
import { mkdirSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './helpers.ts';
import { catalogDigest, pageCacheKey, stableJson, type CatalogSite, type KeyedEntry } from '../../src/lib/build-cache.ts';
import { pagefindInput } from '../../src/lib/search/pagefind-input.ts';
import { glossaryAnchorsIn } from '../../src/lib/glossary-links.ts';
import { buildFingerprint, clearStaleCaches } from '../../src/integrations/build-cache.ts';

const governed = (title: string, extra: object = {}) => ({ title, summary: `About ${title}.`, owner: 'editorial', status: 'published', lastReviewed: '2026-01-10', reviewEvery: 12, tags: [], ...extra });
const entry = (collection: string, id: string, data: object, body = '', digest = `${id}-1`): KeyedEntry => ({ collection, id, data, body, digest });

/** A small site, built fresh for every call so that edits never leak between tests. */
/** The lists a real site has (any list of entries on the site is part of the catalog). */
type TestSite = CatalogSite & { docs: Record<string, KeyedEntry[]>; withdrawn: Record<string, KeyedEntry[]> } & Record<string, unknown>;

function site(change: (s: { docs: Record<string, KeyedEntry[]>; today: string; teams: KeyedEntry[]; glossary: KeyedEntry[] }) => void = () => undefined): TestSite {
  const s = {
    docs: {
      playbooks: [entry('playbooks', 'start', governed('Start a channel'), 'Write the purpose first.'), entry('playbooks', 'listen', governed('Listen'), 'Set up searches.')],
      protocols: [entry('protocols', 'incident', governed('Incident', { contacts: [{ role: 'pr-duty-officer', when: 'first hour' }] }), 'Call the duty officer.')],
    } as Record<string, KeyedEntry[]>,
    teams: [entry('teams', 'editorial', { name: 'Editorial', description: 'Writes.' })],
    glossary: [entry('glossary', 'spoke', { term: 'Spoke', definition: 'A unit.' })],
    today: '2026-06-01',
  };
  change(s);
  const withdrawnContact = entry('contacts', 'pr-duty-officer', { name: 'PR duty officer', status: 'withdrawn' });
  return {
    docs: s.docs,
    teams: s.teams,
    spokes: [],
    glossary: s.glossary,
    paths: [],
    assessment: [],
    contacts: [],
    withdrawn: { teams: [], spokes: [], glossary: [], paths: [] },
    contact: (id) => (id === withdrawnContact.id ? withdrawnContact : undefined),
    today: s.today,
  };
}

const keyOf = (s: TestSite, collection = 'playbooks', id = 'start', env: Record<string, string | undefined> = {}) =>
  pageCacheKey(s, s.docs[collection]!.find((e) => e.id === id), env);

describe('page cache keys', () => {
  test('are stable: the same content gives the same key, whatever the key order of its data', () => {
    expect(keyOf(site())).toBe(keyOf(site()));
    expect(stableJson({ b: 1, a: { d: 2, c: 3 } })).toBe(stableJson({ a: { c: 3, d: 2 }, b: 1 }));
  });

  test("change with the page's own entry (its digest covers front matter and body)", () => {
    const edited = site((s) => (s.docs.playbooks![0]!.digest = 'start-2'));
    expect(keyOf(edited)).not.toBe(keyOf(site()));
  });

  test('a body edit elsewhere leaves the key alone, unless it changes the glossary terms that body links', () => {
    const base = keyOf(site());
    const reworded = site((s) => {
      s.docs.playbooks![1] = entry('playbooks', 'listen', governed('Listen'), 'Set up saved searches.', 'listen-2');
    });
    expect(keyOf(reworded)).toBe(base);
    const linked = site((s) => {
      s.docs.playbooks![1] = entry('playbooks', 'listen', governed('Listen'), 'A [spoke](/glossary/#spoke) sets up searches.', 'listen-2');
    });
    expect(keyOf(linked)).not.toBe(base);
  });

  test("change with another entry's title, summary, status, references or owner", () => {
    const base = keyOf(site());
    const edits: ((d: Record<string, unknown>) => void)[] = [
      (d) => (d.title = 'Listen well'),
      (d) => (d.summary = 'Other words.'),
      (d) => (d.status = 'withdrawn'),
      (d) => (d.related = ['playbooks/start']),
      (d) => (d.owner = 'another-team'),
    ];
    for (const edit of edits) {
      const edited = site((s) => {
        const data = { ...(s.docs.playbooks![1]!.data as Record<string, unknown>) };
        edit(data);
        s.docs.playbooks![1] = { ...s.docs.playbooks![1]!, data };
      });
      expect(keyOf(edited)).not.toBe(base);
    }
  });

  test('change with a team, a glossary term, or a withdrawn contact a protocol still names', () => {
    const base = keyOf(site());
    expect(keyOf(site((s) => (s.teams[0] = entry('teams', 'editorial', { name: 'Editors', description: 'Writes.' }))))).not.toBe(base);
    expect(keyOf(site((s) => (s.glossary[0] = entry('glossary', 'spoke', { term: 'Spoke', definition: 'A business unit.' }))))).not.toBe(base);
    const withContact = site();
    const otherContact: TestSite = { ...withContact, contact: (id: string) => (id === 'pr-duty-officer' ? entry('contacts', id, { name: 'PR duty officer', phone: '+44 20 7946 0999' }) : undefined) };
    expect(catalogDigest(otherContact)).not.toBe(catalogDigest(withContact));
  });

  test('follow review states on the build day, not the day itself', () => {
    // Reviewed 2026-01-10 every 12 months: fresh until 30 days before 2027-01-10.
    const day = (today: string) => keyOf(site((s) => (s.today = today)));
    expect(day('2026-06-02')).toBe(day('2026-06-01'));
    expect(day('2026-12-20')).not.toBe(day('2026-06-01'));
  });

  test('change with the build flags pages show', () => {
    const s = site();
    const base = keyOf(s, 'playbooks', 'start', {});
    for (const flag of ['HUB_OFFLINE', 'HUB_BINDERS', 'HUB_SIGNALS', 'SITE_URL', 'BASE_PATH']) {
      expect(keyOf(s, 'playbooks', 'start', { [flag]: 'x' })).not.toBe(base);
    }
    expect(keyOf(s, 'playbooks', 'start', { HUB_BUILT_AT: '2026-06-01T10:00:00Z' })).toBe(base);
  });

  test('cover every list on the site, including one added later, and read bodies through the given reader', () => {
    const withStarts = (title: string) => ({ ...site(), starts: [entry('start', 'pr', { title })] });
    expect(catalogDigest(withStarts('PR'))).not.toBe(catalogDigest(withStarts('Press office')));
    // A store that keeps no bodies: anchors come from the reader.
    const bodiless = site((s) => s.docs.playbooks!.forEach((e) => (e.body = undefined)));
    expect(catalogDigest(bodiless, (e) => (e.id === 'listen' ? 'See [spoke](/glossary/#spoke).' : ''))).not.toBe(catalogDigest(bodiless, () => ''));
  });

  test('pages without an entry are keyed by their own data', () => {
    const s = site();
    expect(pageCacheKey(s, { id: 'sme', title: 'Experts' }, {})).not.toBe(pageCacheKey(s, { id: 'sme', title: 'Subject-matter experts' }, {}));
  });

  test('glossary anchors are read as other pages test them', () => {
    expect(glossaryAnchorsIn('See [a](/glossary/#spoke-lead) and [b](/base/glossary/#hub).')).toEqual(['hub', 'spoke-lead']);
    expect(glossaryAnchorsIn(undefined)).toEqual([]);
  });
});

describe('what Pagefind reads of a page', () => {
  const page = (inner: string) => `<html lang="en"><body>${inner}</body></html>`;

  test('empties ignored elements outside the indexed body and keeps the elements', () => {
    const html = page('<nav class="sidebar" data-pagefind-ignore><ul><li><a href="/a/">A</a></li><li><nav>inner</nav></li></ul></nav><main><article data-pagefind-body><h1>Title</h1></article></main>');
    expect(pagefindInput(html)).toBe(page('<nav class="sidebar" data-pagefind-ignore></nav><main><article data-pagefind-body><h1>Title</h1></article></main>'));
  });

  test('leaves ignored inline elements inside the body alone (Pagefind spaces words around them)', () => {
    const html = page('<article data-pagefind-body><p>(<span>term<span data-pagefind-ignore="">definition</span></span>, more)</p></article>');
    expect(pagefindInput(html)).toBe(html);
  });

  test('empties ignored blocks inside the body, which end a word whatever they hold', () => {
    const html = page('<article data-pagefind-body><p>Text</p><section data-pagefind-ignore><h2 id="related">Related</h2><ul><li>Other</li></ul></section><div id="term-x" popover data-pagefind-ignore><p>Definition</p></div></article>');
    expect(pagefindInput(html)).toBe(page('<article data-pagefind-body><p>Text</p><section data-pagefind-ignore></section><div id="term-x" popover data-pagefind-ignore></div></article>'));
  });

  test('empties the landmarks outside the body, where Pagefind reads no text, unless they hold the body or metadata', () => {
    const html = page('<header class="site"><nav><a href="/">Home</a></nav></header><main><nav class="crumbs"><a href="/a/">A</a></nav><article data-pagefind-body><header><h1>Title</h1></header></article></main><footer><p>Foot</p></footer>');
    expect(pagefindInput(html)).toBe(page('<header class="site"></header><main><nav class="crumbs"></nav><article data-pagefind-body><header><h1>Title</h1></header></article></main><footer></footer>'));
    const holding = page('<aside><span data-pagefind-meta="owner:Hub">Hub</span></aside><article data-pagefind-body>x</article>');
    expect(pagefindInput(holding)).toBe(holding);
    const wrapping = page('<aside><article data-pagefind-body>x</article></aside>');
    expect(pagefindInput(wrapping)).toBe(wrapping);
  });

  test('keeps an ignored element that holds metadata or filters', () => {
    const html = page('<div data-pagefind-ignore><span data-pagefind-filter="kind">Playbook</span></div><article data-pagefind-body>x</article>');
    expect(pagefindInput(html)).toBe(html);
  });

  test('leaves a page without a body as it is (Pagefind then indexes all of it)', () => {
    const html = page('<nav data-pagefind-ignore>links</nav><p>text</p>');
    expect(pagefindInput(html)).toBe(html);
  });

  test('separates the words of terms and definitions, header cells and captions that the page glues together', () => {
    const html = page('<nav data-pagefind-ignore><dl><dt>x</dt><dd>y</dd></dl></nav><article data-pagefind-body><dl><dt>When</dt><dd>PR asks</dd></dl></article>');
    expect(pagefindInput(html)).toBe(page('<nav data-pagefind-ignore></nav><article data-pagefind-body><dl><dt>When</dt> <dd>PR asks</dd> </dl></article>'));
    const bare = page('<table><caption>By role</caption><tr><th>Role</th><td>x</td></tr></table>');
    expect(pagefindInput(bare)).toBe(page('<table><caption>By role</caption> <tr><th>Role</th> <td>x</td></tr></table>'));
  });

  test('finds the element that carries the attribute when an attribute value before it holds a <', () => {
    const html = page('<div title="a<b" data-pagefind-ignore><p>z</p></div><article data-pagefind-body>t<section class="a<b" data-pagefind-ignore>u</section><p>data-pagefind-ignore</p></article>');
    expect(pagefindInput(html)).toBe(page('<div title="a<b" data-pagefind-ignore></div><article data-pagefind-body>t<section class="a<b" data-pagefind-ignore></section><p>data-pagefind-ignore</p></article>'));
  });

  test('is not fooled by tags inside scripts', () => {
    const html = page('<nav data-pagefind-ignore><script>const s = "</nav>";</script>links</nav><article data-pagefind-body>x</article>');
    expect(pagefindInput(html)).toBe(page('<nav data-pagefind-ignore></nav><article data-pagefind-body>x</article>'));
  });
});

describe('stale caches', () => {
  const fresh = () => {
    const dir = tempDir('hub-cache-');
    mkdirSync(join(dir, 'dist'), { recursive: true });
    writeFileSync(join(dir, 'data-store.json'), '{}');
    writeFileSync(join(dir, 'incremental-build.json'), '{}');
    return dir;
  };

  test('a changed fingerprint clears every cache; the same one keeps them; --force clears them', () => {
    const dir = fresh();
    {
      expect(clearStaleCaches(dir, 'a', false)).toBe('cleared'); // caches with no fingerprint are not trusted
      writeFileSync(join(dir, 'data-store.json'), '{}');
      expect(clearStaleCaches(dir, 'a', false)).toBe('warm');
      expect(existsSync(join(dir, 'data-store.json'))).toBe(true);
      expect(clearStaleCaches(dir, 'b', false)).toBe('cleared');
      expect(existsSync(join(dir, 'data-store.json'))).toBe(false);
      writeFileSync(join(dir, 'data-store.json'), '{}');
      expect(clearStaleCaches(dir, 'b', true)).toBe('cleared');
      expect(JSON.parse(readFileSync(join(dir, 'hub-build-cache.json'), 'utf8'))).toEqual({ fingerprint: 'b' });
    }
  });

  test('the fingerprint follows schemas, Markdown plugins, the linked glossary terms, the base path and a pinned build time', () => {
    const root = tempDir('hub-root-');
    {
      const spoke = 'term: Spoke\naliases: [business unit]\ndefinition: A unit.\n';
      for (const [path, text] of [['src/schemas/team.ts', 'a'], ['src/markdown/links.ts', 'b'], ['content/glossary/spoke.yaml', spoke], ['content/playbooks/start.md', 'x']] as const) {
        mkdirSync(join(root, path, '..'), { recursive: true });
        writeFileSync(join(root, path), text);
      }
      const base = buildFingerprint(root, 'content', {});
      writeFileSync(join(root, 'content/playbooks/start.md'), 'y');
      expect(buildFingerprint(root, 'content', {})).toBe(base); // an entry is a page's business, not the cache's
      // A definition is rendered by the pages that show it, and their keys hold it: the cache stays.
      writeFileSync(join(root, 'content/glossary/spoke.yaml'), spoke.replace('A unit.', 'A business unit.'));
      expect(buildFingerprint(root, 'content', {})).toBe(base);
      const linking = [
        ['content/glossary/spoke.yaml', spoke.replace('[business unit]', '[business unit, BU]')],
        ['content/glossary/spoke.yaml', `${spoke}autoLink: false\n`],
        ['content/glossary/spoke.yaml', `${spoke}status: withdrawn\n`],
        ['src/schemas/team.ts', 'changed'],
        ['src/markdown/links.ts', 'changed'],
      ] as const;
      for (const [path, text] of linking) {
        const before = buildFingerprint(root, 'content', {});
        writeFileSync(join(root, path), text);
        expect(buildFingerprint(root, 'content', {}), `${path}: ${text}`).not.toBe(before);
      }
      const now = buildFingerprint(root, 'content', {});
      expect(buildFingerprint(root, 'content', { BASE_PATH: '/social-hub' })).not.toBe(now);
      expect(buildFingerprint(root, 'content', { HUB_BUILT_AT: '2026-06-01T09:00:00.000Z' })).not.toBe(now);
    }
  });
});
