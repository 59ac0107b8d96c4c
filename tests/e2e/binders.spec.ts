/**
 * The printed binders, made by the real command from the built site and read back with pdftotext:
 * every protocol in the site's order with every first-hour step in order, contents whose page
 * numbers point at the right pages, the policy's controlled-document facts, and page counts that
 * do not change from one run to the next.
 */
import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

test.describe.configure({ mode: 'serial' });

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
const decode = (s: string) => s.replace(/<[^>]+>/g, '').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
const pdfText = (file: string, layout = false) =>
  spawnSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).stdout.split('\f').slice(0, -1);

function printBinders(out: string) {
  const run = spawnSync(process.execPath, ['scripts/binders.ts', '--out', out, '--only', 'policy,protocols'], { encoding: 'utf8', timeout: 170_000 });
  expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
  return run.stdout;
}

/** The protocols in the order the built site lists them (its sitemap), each with its first-hour steps. */
function siteProtocols(): { title: string; steps: string[] }[] {
  const sitemap = readFileSync('dist/sitemap.xml', 'utf8');
  const ids = [...sitemap.matchAll(/<loc>[^<]*\/protocols\/([a-z0-9-]+)\/<\/loc>/g)].map((m) => m[1]!);
  return ids.map((id) => {
    const html = readFileSync(`dist/protocols/${id}/index.html`, 'utf8');
    const title = decode(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)![1]!);
    const list = /class="panel first-hour"[\s\S]*?<ol>([\s\S]*?)<\/ol>/.exec(html)![1]!;
    return { title: flat(title), steps: [...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => flat(decode(m[1]!))) };
  });
}

let dir = '';
const counts: Record<string, number>[] = [];
test.afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

test('the protocols binder holds every protocol in order, each first hour in order, and true page numbers', async () => {
  test.setTimeout(200_000);
  dir = mkdtempSync(join(tmpdir(), 'hub-binders-'));
  printBinders(join(dir, 'a'));
  const pages = pdfText(join(dir, 'a', 'protocols.pdf'));
  counts.push({ protocols: pages.length, policy: pdfText(join(dir, 'a', 'policy.pdf')).length });
  const text = flat(pages.join(' '));
  const protocols = siteProtocols();
  expect(protocols.length).toBeGreaterThan(5);

  let at = 0;
  for (const [i, p] of protocols.entries()) {
    const heading = `Protocol ${i + 1} · ${p.title}`;
    const start = text.indexOf(heading, at);
    expect(start, `${heading} after position ${at}`).toBeGreaterThan(at - 1);
    at = start + heading.length;
    for (const step of p.steps) {
      const found = text.indexOf(step, at);
      expect(found, `"${step}" in ${p.title}, in order`).toBeGreaterThan(-1);
      at = found + step.length;
    }
    // First hour and contacts together on the protocol's first page (they fit, for every shipped protocol).
    const firstPage = pages.findIndex((pg) => flat(pg).includes(heading));
    expect(flat(pages[firstPage]!), `${p.title}: who to call on its first page`).toContain('Who to call');
  }

  // Contents: every number points at the page the protocol starts on.
  const toc = pdfText(join(dir, 'a', 'protocols.pdf'), true)[1]!;
  const rows = [...toc.matchAll(/^\s*Protocol (\d+)\s+(.+?)\s+(\d+)\s*$/gm)];
  expect(rows.length).toBe(protocols.length);
  for (const [, n, , pageNo] of rows) {
    expect(flat(pages[Number(pageNo) - 1]!), `Protocol ${n} on page ${pageNo}`).toContain(`Protocol ${n} · `);
  }
});

test('the policy binder is one controlled document', async () => {
  const pages = pdfText(join(dir, 'a', 'policy.pdf'));
  const title = flat(pages[0]!);
  expect(title).toMatch(/Social media policy .*Version \d+(\.\d+)* Effective \d{1,2} \w+ \d{4}/);
  expect(title).toMatch(/Printed on \d{1,2} \w+ \d{4}; the portal is the current version/);
  // Every page says it is a print, and numbers itself.
  for (const page of pages) expect(flat(page)).toContain('printed on');
  expect(flat(pages.at(-1)!)).toContain(`Page ${pages.length} of ${pages.length}`);
  const chapters = [...readFileSync('dist/policy/index.html', 'utf8').matchAll(/<td><a href="\/policy\/[a-z0-9-]+\/">([^<]+)<\/a>/g)].map((m) => flat(decode(m[1]!)));
  expect(chapters.length).toBeGreaterThan(5);
  const toc = pdfText(join(dir, 'a', 'policy.pdf'), true)[1]!;
  for (const [i, chapter] of chapters.entries()) {
    const row = new RegExp(`^\\s*Chapter ${i + 1}\\s+.+?\\s+(\\d+)\\s*$`, 'm').exec(toc);
    expect(row, `Chapter ${i + 1} in the contents`).not.toBeNull();
    expect(flat(pages[Number(row![1]) - 1]!)).toContain(`Chapter ${i + 1} · ${chapter}`);
  }
  const history = /^\s*Change history\s+(\d+)\s*$/m.exec(toc);
  expect(history).not.toBeNull();
  expect(flat(pages[Number(history![1]) - 1]!)).toMatch(/^Change history Date Chapter Version Change What changed/);
});

test('page counts are the same on a second run', async () => {
  test.setTimeout(200_000);
  printBinders(join(dir, 'b'));
  expect({ protocols: pdfText(join(dir, 'b', 'protocols.pdf')).length, policy: pdfText(join(dir, 'b', 'policy.pdf')).length }).toEqual(counts[0]);
});
