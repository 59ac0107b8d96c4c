/**
 * Print the binders from the built site: the policy as one controlled document, the protocols, and
 * one PDF per onboarding path. Used by `npm run binders` (scripts/binders.ts) and, with
 * HUB_BINDERS=1, by the build itself (the `binders` integration below).
 *
 * Each binder is assembled from the built pages (their article, without navigation and search
 * data) in the Chromium the tests use, printed with page.pdf(), and printed twice: the first PDF
 * is read back with pdftotext to find the page each section starts on, and those numbers fill the
 * table of contents of the second. The numbers are checked against the second PDF.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import type { Page } from 'playwright';
import type { FinishedSite } from '../node/finished-site.ts';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/lib/chromium.ts';
import { checkContentNow } from '../node/checked-content.ts';
import { CONTENT_DIR } from '../node/content-layout.ts';
import { formatProblem } from '../lib/validate-content.ts';
import { bindersEnabled, findSectionPages, planBinders, sectionHeading, type Binder } from '../lib/binders.ts';
import { escapeText } from '../lib/escape.ts';
import { formatDay } from '../lib/format.ts';
import { today } from '../lib/review.ts';
import { withBase } from '../lib/urls.ts';
import { hashOf } from '../lib/build-cache.ts';
const ORIGIN = 'http://portal.binders';
/** The address the binder document is served at: its own document, not under any page's CSP. */
const BINDER_URL = `${ORIGIN}/__binder__.html`;

/** Parts of an entry page that belong on screen, not in a binder. */
const LEAVE_OUT = [
  'nav', 'script', '.search-data', '.meta .keywords', '.print-only', '.feedback', '[data-progress-summary]', '.step-done',
  'section:has(> #related)', 'section:has(> #history)',
];

/** A problem a person can act on, one line: the command prints it without a stack trace. */
export class BinderError extends Error {}
function fail(message: string): never {
  throw new BinderError(message);
}

/** Read a PDF's text, one string per page. */
export function pdfPages(file: string): string[] {
  try {
    const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\f');
    return pages.at(-1)?.trim() === '' ? pages.slice(0, -1) : pages;
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') fail('pdftotext  not found: install poppler-utils (apt-get install poppler-utils) to number the binders\' contents');
    throw cause;
  }
}

interface Extracted { html: string; stylesheets: string[] }

/** The article of a built page, ready to sit in a binder: ids prefixed, links absolute. */
async function extract(page: Page, url: string, heading: string, prefix: string): Promise<Extracted> {
  {
    const res = await page.goto(url);
    if (!res?.ok()) fail(`${url}  not in the built site (status ${res?.status()}): run npm run build first, on the same content`);
    return await page.evaluate(
      ({ leaveOut, heading, prefix }) => {
        const source = document.querySelector('main article') ?? document.querySelector('main');
        if (!source) return { html: '', stylesheets: [] };
        const root = source.cloneNode(true) as HTMLElement;
        for (const n of root.querySelectorAll(leaveOut.join(','))) n.remove();
        const canonical = document.querySelector<HTMLLinkElement>('link[rel=canonical]')?.href ?? location.href;
        for (const a of root.querySelectorAll('a[href]')) a.setAttribute('href', new URL(a.getAttribute('href') ?? '', canonical).href);
        const h1 = root.querySelector('h1');
        if (h1) h1.textContent = heading;
        // A protocol's title, first hour and contacts open its section as one block that stays on
        // one page when it fits; the severity tiers follow.
        const first = root.querySelector('.first-hour');
        const contacts = root.querySelector('#who-to-call')?.closest('section');
        if (first && contacts) {
          const keep = document.createElement('div');
          keep.className = 'keep-together';
          root.prepend(keep);
          keep.append(...[h1, root.querySelector('.lede'), first, contacts].filter((n): n is Element => n !== null));
        }
        for (const n of root.querySelectorAll('[id]')) n.id = `${prefix}-${n.id}`;
        for (const n of root.querySelectorAll('[aria-labelledby]')) n.setAttribute('aria-labelledby', `${prefix}-${n.getAttribute('aria-labelledby')}`);
        for (const a of root.querySelectorAll<HTMLAnchorElement>('a[href*="#"]')) {
          const u = new URL(a.href);
          if (u.origin === location.origin && u.pathname === location.pathname) a.setAttribute('href', `#${prefix}-${u.hash.slice(1)}`);
        }
        return { html: root.innerHTML, stylesheets: [...document.querySelectorAll<HTMLLinkElement>('link[rel=stylesheet]')].map((l) => l.href) };
      },
      { leaveOut: LEAVE_OUT, heading, prefix },
    );
  }
}

function binderHtml(binder: Binder, parts: Extracted[], printed: string, siteUrl: string, css: string): string {
  const stylesheets = [...new Set(parts.flatMap((p) => p.stylesheets))].map((href) => `<link rel="stylesheet" href="${escapeText(href)}">`).join('');
  const facts = binder.facts.map(([k, v]) => `<dt>${escapeText(k)}</dt><dd>${escapeText(k === 'Effective' && /^\d{4}-\d\d-\d\d$/.test(v) ? formatDay(v) : v)}</dd>`).join('');
  const toc = binder.sections
    .map((s, i) => `<li><span class="toc-label">${escapeText(s.label)}</span><span class="toc-title">${escapeText(s.title)}</span><span class="toc-page" data-toc="${i}"></span></li>`)
    .concat(binder.history.length ? ['<li><span class="toc-label"></span><span class="toc-title">Change history</span><span class="toc-page" data-toc="history"></span></li>'] : [])
    .join('');
  const sections = parts.map((p, i) => `<section class="binder-section" id="section-${i + 1}">${p.html}</section>`).join('\n');
  const history = binder.history.length
    ? `<section class="binder-history"><h1>Change history</h1><table><thead><tr><th scope="col">Date</th><th scope="col">Chapter</th><th scope="col">Version</th><th scope="col">Change</th><th scope="col">What changed</th></tr></thead><tbody>${binder.history
        .map((c) => `<tr><td>${formatDay(c.date)}</td><td>${escapeText(c.title)}</td><td>${escapeText(c.version ?? '—')}</td><td>${c.type === 'major' ? 'Major' : 'Minor'}</td><td>${escapeText(c.note ?? 'Wording and links.')}</td></tr>`)
        .join('')}</tbody></table></section>`
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeText(binder.title)}</title>${stylesheets}<style>${css}</style></head>
<body class="binder binder-${binder.kind}">
<section class="binder-title"><p class="binder-org">Social Hub · the central social media group</p><h1>${escapeText(binder.title)}</h1><p class="lede">${escapeText(binder.summary)}</p><dl>${facts}</dl>
<p class="binder-printed">Printed on ${escapeText(printed)}; the portal is the current version: ${escapeText(siteUrl)}</p></section>
<nav class="binder-toc" aria-label="Contents"><h1>Contents</h1><ol>${toc}</ol></nav>
${sections}
${history}
</body></html>`;
}

const footer = (title: string, printed: string) =>
  `<div style="font: 8px sans-serif; width: 100%; margin: 0 16mm; display: flex; justify-content: space-between; color: #000;"><span>${escapeText(title)} · printed on ${escapeText(printed)}; the portal is the current version</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;

export interface PrintedBinder { file: string; pages: number; bytes: number; ms: number; reused?: boolean }

/** Where the build keeps the last copy of each binder, in Astro's cache folder. */
export const BINDER_CACHE_DIR = 'hub-binders';

/** Print every binder of the built site in `dist` into `out`. */
export async function printBinders({ dist, out, root, base = '/', only, cacheDir }: { dist: string; out: string; root: string; base?: string; only?: string[]; cacheDir?: string }): Promise<PrintedBinder[]> {
  if (!existsSync(join(dist, 'index.html'))) fail(`${join(dist, 'index.html')}  missing: run npm run build first`);
  const { entries, problems } = checkContentNow(CONTENT_DIR);
  if (problems.length) fail(problems.map(formatProblem).join('\n'));
  const planned = planBinders(entries);
  const binders = only ? planned.filter((b) => only.includes(b.file.replace(/\.pdf$/, ''))) : planned;
  if (only && binders.length !== only.length) fail(`--only  ${only.join(',')}: choose from ${planned.map((b) => b.file.replace(/\.pdf$/, '')).join(', ')}`);
  const printed = formatDay(today());
  const siteUrl = (/<link rel="canonical" href="([^"]+)"/.exec(readFileSync(join(dist, 'index.html'), 'utf8'))?.[1]) ?? '';
  const css = readFileSync(join(root, 'src/styles/binder.css'), 'utf8');
  const executablePath = findChromium();
  if (!executablePath) fail('Chromium  not found (looked at $CHROMIUM_PATH, /usr/bin/chromium and the Playwright cache): run npm test once, or apt-get install chromium');
  mkdirSync(out, { recursive: true });
  const work = join(tmpdir(), `hub-binders-${process.pid}`);
  mkdirSync(work, { recursive: true });
  // Loaded here, not with the module: most builds print no binders.
  const { chromium } = await import('playwright');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const results: PrintedBinder[] = [];
  try {
    // Scripts off: binders are the pages as built, without islands or progress marks.
    const context = await browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block' });
    const prefix = base.replace(/\/?$/, '/');
    let binderDocument = '';
    await context.route(`${ORIGIN}/**`, async (route) => {
      if (route.request().url() === BINDER_URL) return route.fulfill({ body: binderDocument, contentType: 'text/html; charset=utf-8' });
      const path = decodeURIComponent(new URL(route.request().url()).pathname);
      const rel = path.startsWith(prefix) ? path.slice(prefix.length) : path.slice(1);
      const full = normalize(join(dist, rel));
      const file = [full, join(full, 'index.html')].find((f) => f.startsWith(dist) && existsSync(f) && statSync(f).isFile());
      if (!file) return route.fulfill({ status: 404, body: 'not found' });
      const type = { '.html': 'text/html', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml', '.png': 'image/png' }[extname(file)] ?? 'application/octet-stream';
      return route.fulfill({ path: file, contentType: type });
    });
    for (const binder of binders) {
      const started = performance.now();
      const parts: Extracted[] = [];
      const page = await context.newPage();
      for (const [i, s] of binder.sections.entries()) parts.push(await extract(page, `${ORIGIN}${withBase(base, s.path)}`, sectionHeading(s), `s${i + 1}`));
      binderDocument = binderHtml(binder, parts, printed, siteUrl, css);
      // The same document (pages, print day, stylesheet) printed by the same Chromium gives the same
      // binder: the last build's copy is reused instead of printing it two or three times again.
      const cached = cacheDir ? join(cacheDir, BINDER_CACHE_DIR, binder.file, `${hashOf(executablePath, binderDocument)}.pdf`) : undefined;
      if (cached && existsSync(cached)) {
        await page.close();
        const dest = join(out, binder.file);
        copyFileSync(cached, dest);
        results.push({ file: binder.file, pages: pdfPages(dest).length, bytes: statSync(dest).size, ms: Math.round(performance.now() - started), reused: true });
        continue;
      }
      await page.goto(BINDER_URL);
      const pdf = () => page.pdf({ format: 'A4', printBackground: true, displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate: footer(binder.title, printed), margin: { top: '18mm', bottom: '20mm', left: '16mm', right: '16mm' } });
      const draft = join(work, binder.file);
      // Pass 1 without numbers; read the start page of each section back; pass 2 with them.
      let numbers: (number | undefined)[] = [];
      let pages: string[] = [];
      for (let pass = 1; pass <= 3; pass++) {
        writeFileSync(draft, await pdf());
        pages = pdfPages(draft);
        const found = findSectionPages(pages, binder.sections);
        const history = binder.history.length ? pages.findIndex((p, i) => i >= (found.at(-1) ?? 0) && /^Change history$/m.test(p)) + 1 : 0;
        const next = [...found, ...(binder.history.length ? [history || undefined] : [])];
        const missing = binder.sections.filter((_, i) => found[i] === undefined).map((s) => s.label);
        if (missing.length) fail(`${binder.file}  sections not found in the printed text: ${missing.join(', ')}`);
        if (pass > 1 && next.every((n, i) => n === numbers[i])) break;
        if (pass === 3) fail(`${binder.file}  page numbers did not settle after 3 passes`);
        numbers = next;
        await page.evaluate((nums) => {
          for (const el of document.querySelectorAll<HTMLElement>('[data-toc]')) {
            const key = el.dataset.toc === 'history' ? nums.length - 1 : Number(el.dataset.toc);
            el.textContent = String(nums[key] ?? '');
          }
        }, numbers);
      }
      await page.close();
      const dest = join(out, binder.file);
      writeFileSync(dest, readFileSync(draft));
      if (cached) {
        rmSync(dirname(cached), { recursive: true, force: true }); // one copy per binder file: the last one
        mkdirSync(dirname(cached), { recursive: true });
        copyFileSync(dest, cached);
      }
      results.push({ file: binder.file, pages: pages.length, bytes: statSync(dest).size, ms: Math.round(performance.now() - started) });
    }
    await context.close();
  } finally {
    await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
  return results;
}

/** With HUB_BINDERS=1, print the binders into dist/binders/: the last step after the build (src/integrations/after-build.ts). */
export async function bindersStep(site: FinishedSite, log: (message: string) => void): Promise<void> {
  if (!bindersEnabled(process.env)) return;
  const started = performance.now();
  const dist = site.dist.replace(/\/$/, '');
  try {
    const printed = await printBinders({ dist, out: join(dist, 'binders'), root: site.root, base: site.base, cacheDir: site.cacheDir });
    const reused = printed.filter((p) => p.reused).length;
    log(`${printed.length} binders printed (${printed.map((p) => `${p.file} ${p.pages} pages`).join(', ')}) in ${((performance.now() - started) / 1000).toFixed(1)} s${reused ? `; ${reused} unchanged, copied from the last build` : ''}`);
  } catch (cause) {
    throw new Error(`Printing the binders failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}
