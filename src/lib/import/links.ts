/**
 * Links and images of imported files. A link to another file of the same batch becomes a portal
 * link (/<collection>/<id>/), whether the source linked by file (MkDocs, GitHub, Docusaurus:
 * `../guide/setup.md`), by pretty URL (Jekyll, Hugo: `../setup/`), by site path
 * (`/docs/guide/setup/`, matched against paths and permalinks) or by wiki name (`[[Setup]]`).
 * Everything else that is not external is kept and listed for the author.
 */
import type { Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { isExternal } from '../urls.ts';
import type { DocCollection } from '../../schemas/vocab.ts';
import type { Asset, Note } from './types.ts';
import { todoAside } from './templates.ts';
import { IMAGE_TYPES } from '../../node/content-layout.ts';

export const DOC_EXTENSIONS = ['.md', '.markdown', '.mdx'];
const INDEX_NAMES = ['index', 'readme', '_index'];

export interface BatchFile {
  /** Source path relative to the batch root, with / separators. */
  source: string;
  id: string;
  /** Site paths the old site served the page at (from permalink, url, slug, aliases...). */
  routes: string[];
  /** Custom heading ids ({#id}) and old anchors, mapped to the portal's heading slugs. */
  anchors: Map<string, string>;
  /** The heading slugs the entry will have. */
  slugs: Set<string>;
}

export interface Batch {
  collection: DocCollection;
  files: BatchFile[];
  /** Entries that already exist in the portal, as collection/id. */
  existing: Set<string>;
  /** Addresses of the old site, without a trailing slash: absolute links to them are site paths. */
  siteUrls: string[];
  /** Other files under the batch root (images, attachments), relative with / separators. */
  others: string[];
}

/** Normalise a path: resolve . and .., drop empty segments. Returns undefined above the root. */
export function normalizePath(path: string): string | undefined {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (!out.length) return undefined;
      out.pop();
    } else out.push(part);
  }
  return out.join('/');
}

const dirOf = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');
const stripExt = (p: string) => p.replace(/\.(md|markdown|mdx|html?|md\.erb)$/i, '');
const baseName = (p: string) => stripExt(p.slice(p.lastIndexOf('/') + 1));

/** The site path a file is usually served at: without extension and without index/README. */
export function routeOf(source: string): string {
  const noExt = stripExt(source);
  const parts = noExt.split('/');
  if (INDEX_NAMES.includes((parts[parts.length - 1] ?? '').toLowerCase())) parts.pop();
  return parts.join('/');
}

const kebab = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export function findInBatch(batch: Batch, from: string, rawPath: string): { file: BatchFile; guessed: boolean } | undefined {
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    path = rawPath;
  }
  const bySource = new Map(batch.files.map((f) => [f.source.toLowerCase(), f]));
  const tryBase = (base: string | undefined): BatchFile | undefined => {
    if (base === undefined) return undefined;
    const b = base.replace(/\/$/, '');
    const candidates = [b, stripExt(b), ...DOC_EXTENSIONS.map((e) => stripExt(b) + e), ...INDEX_NAMES.flatMap((n) => DOC_EXTENSIONS.map((e) => `${b ? `${b}/` : ''}${n}${e}`))];
    for (const c of candidates) {
      const hit = bySource.get(c.toLowerCase());
      if (hit && DOC_EXTENSIONS.some((e) => hit.source.toLowerCase().endsWith(e))) return hit;
    }
    return undefined;
  };
  if (path.startsWith('/')) {
    const wanted = stripExt(path.replace(/^\/+|\/+$/g, '')).toLowerCase();
    if (!wanted) return undefined;
    const matches = batch.files.filter((f) =>
      [routeOf(f.source), ...f.routes].some((r) => {
        const route = r.replace(/^\/+|\/+$/g, '').toLowerCase();
        return route !== '' && (route === wanted || wanted.endsWith(`/${route}`) || route.endsWith(`/${wanted}`));
      }),
    );
    const exact = matches.filter((f) => [routeOf(f.source), ...f.routes].some((r) => r.replace(/^\/+|\/+$/g, '').toLowerCase() === wanted));
    const pick = exact.length === 1 ? exact[0] : matches.length === 1 ? matches[0] : undefined;
    return pick ? { file: pick, guessed: exact.length !== 1 } : undefined;
  }
  // File-relative first (MkDocs, GitHub, Docusaurus), then relative to the page's pretty URL (Jekyll, Hugo).
  const fileRelative = tryBase(normalizePath(`${dirOf(from)}/${path}`));
  if (fileRelative) return { file: fileRelative, guessed: false };
  const pageDir = INDEX_NAMES.includes(baseName(from).toLowerCase()) ? dirOf(from) : stripExt(from);
  const pageRelative = tryBase(normalizePath(`${pageDir}/${path}`));
  if (pageRelative) return { file: pageRelative, guessed: false };
  // Docusaurus links by document id ("watch-plugins", "../api/expect"): match the ids' routes.
  const asRoute = normalizePath(`${dirOf(from)}/${stripExt(path)}`);
  if (asRoute) {
    const byRoute = batch.files.filter((f) => f.routes.some((r) => r.replace(/^\/+|\/+$/g, '').toLowerCase() === asRoute.toLowerCase()));
    if (byRoute.length === 1) return { file: byRoute[0]!, guessed: false };
  }
  return undefined;
}

/** A wiki page name ("Getting Started", "getting-started") matched against file names and titles. */
function findWiki(batch: Batch, name: string): BatchFile | undefined {
  const wanted = kebab(name.replace(/#.*$/, ''));
  return batch.files.find((f) => kebab(baseName(f.source)) === wanted || f.id === wanted);
}

export interface LinkContext {
  batch: Batch;
  self: BatchFile;
  note: (kind: Note['kind'], message: string, line?: number) => void;
  /** A file found beside the sources that the entry needs copied. */
  asset: (asset: Asset) => void;
}

/**
 * The file under the batch root an image or attachment address points at: relative to the page's
 * file or its folder (Hugo page bundles), under static/, assets/ or public/ for site paths, or the
 * only file of that name.
 */
export function findAsset(batch: Batch, from: string, path: string): string | undefined {
  let clean: string;
  try {
    clean = decodeURIComponent(path);
  } catch {
    clean = path;
  }
  const byLower = new Map(batch.others.map((o) => [o.toLowerCase(), o]));
  const candidates: (string | undefined)[] = clean.startsWith('/')
    ? ['', 'static/', 'assets/', 'public/', 'content/', 'docs/'].map((root) => `${root}${clean.replace(/^\/+/, '')}`)
    : [normalizePath(`${dirOf(from)}/${clean}`), normalizePath(`${stripExt(from)}/${clean}`)];
  for (const c of candidates) {
    const hit = c === undefined ? undefined : byLower.get(c.toLowerCase());
    if (hit) return hit;
  }
  const tail = `/${clean.replace(/^\/+/, '').toLowerCase()}`;
  const ending = batch.others.filter((o) => `/${o.toLowerCase()}`.endsWith(tail));
  if (ending.length === 1) return ending[0];
  const name = (clean.split('/').pop() ?? '').toLowerCase();
  const same = batch.others.filter((o) => (o.split('/').pop() ?? '').toLowerCase() === name);
  return same.length === 1 ? same[0] : undefined;
}

/** A rewritten address, and the to-do to show beside it when it still needs the author. */
interface Rewritten {
  url: string;
  todo?: string;
}

/** Rewrite every link, definition and image of one entry. */
export function rewriteLinks(root: Root, cx: LinkContext): void {
  const { batch, self } = cx;
  const portal = (file: BatchFile, hash: string | undefined) => {
    const anchor = hash ? file.anchors.get(hash) ?? hash : undefined;
    return `/${batch.collection}/${file.id}/${anchor ? `#${anchor}` : ''}`;
  };

  /** The site path of an absolute link to the old site, or the link as it is. */
  const onOldSite = (url: string, line: number | undefined): string => {
    for (const base of batch.siteUrls) {
      if (url === base || url.startsWith(`${base}/`) || url.startsWith(`${base}#`)) {
        const path = url.slice(base.length) || '/';
        cx.note('link', `link "${url}" is on the old site; it was read as the site path ${path}.`, line);
        return path;
      }
    }
    return url;
  };

  /**
   * A file the entry shows or offers. An image found beside the sources is copied beside the entry
   * (content/<collection>/<id>/name.png, shown as ./<id>/name.png), the only place the check accepts
   * images from; a file link (PDF) goes to public/files/. What cannot be copied gets a to-do.
   */
  const fileAddress = (url: string, pathPart: string, line: number | undefined, kind: 'link' | 'image'): Rewritten => {
    const name = (pathPart.split('/').pop() ?? 'file').toLowerCase();
    const beside = `${self.id}/${name}`;
    const target = kind === 'image' ? `./${beside}` : `/files/${batch.collection}/${self.id}/${name}`;
    const where = kind === 'image' ? `content/${batch.collection}/${beside}` : `public${target}`;
    if (isExternal(pathPart)) {
      if (kind === 'link') return { url };
      // The check shows images from content/ only.
      cx.note('image', `image "${url}" is on another site; download it to ${where} and point to ${target}.`, line);
      return { url, todo: `download this image to ${where} and point to ${target}` };
    }
    if (kind === 'image' && !IMAGE_TYPES.some((e) => name.endsWith(e))) {
      cx.note('image', `image "${url}" is not a .png, .jpg, .gif, .webp or .avif file, the kinds the portal shows (SVG can carry scripts); convert it and save it as ${where.replace(/\.[a-z0-9]+$/i, '.png')}.`, line);
      return { url: target.replace(/\.[a-z0-9]+$/i, '.png'), todo: `convert ${pathPart} to PNG and save it as ${where.replace(/\.[a-z0-9]+$/i, '.png')}` };
    }
    const found = findAsset(batch, self.source, pathPart);
    if (found) {
      cx.asset(kind === 'image' ? { from: found, to: beside, under: 'entries' } : { from: found, to: target.slice(1), under: 'public' });
      // Done, not something to attend to: a structure note.
      cx.note('structure', `${kind === 'image' ? 'image' : 'file link'} "${url}": ${found} is copied to ${where} when the import writes files.`, line);
      return { url: target };
    }
    cx.note(kind === 'image' ? 'image' : 'link', `${kind === 'image' ? 'image' : 'file link'} "${url}": the file is not among the imported files; copy it to ${where}.`, line);
    return { url: target, todo: `copy the file ${pathPart} to ${where}` };
  };

  const rewrite = (given: string, line: number | undefined, kind: 'link' | 'image'): Rewritten => {
    if (!given || /^(data|javascript|mailto|tel):/i.test(given)) return { url: given };
    const url = onOldSite(given, line);
    const hashAt = url.indexOf('#');
    const pathPart = (hashAt >= 0 ? url.slice(0, hashAt) : url).split('?')[0] ?? '';
    const hash = hashAt >= 0 ? url.slice(hashAt + 1) : undefined;
    const isDoc = pathPart === '' || /\.(md|markdown|mdx|html?)$/i.test(pathPart) || !/\.[A-Za-z0-9]{1,5}$/.test(pathPart);
    if (kind === 'image' || !isDoc) return fileAddress(url, pathPart, line, kind);
    if (isExternal(url)) return { url };
    if (url.startsWith('#')) {
      const mapped = self.anchors.get(hash ?? '');
      if (mapped) return { url: `#${mapped}` };
      if (!self.slugs.has(hash ?? '')) cx.note('link', `link to "${url}" on the same page: there is no heading with that id here. Fix or remove the link.`, line);
      return { url };
    }
    const hit = findInBatch(batch, self.source, pathPart);
    if (hit) {
      const target = portal(hit.file, hash);
      if (hit.guessed) cx.note('link', `link "${url}" was matched to ${hit.file.source} by its path; check that ${target} is the right page.`, line);
      if (hash && !hit.file.anchors.has(hash) && !hit.file.slugs.has(hash)) cx.note('link', `link "${url}" points to section "#${hash}", which ${hit.file.source} does not have under that id; check it.`, line);
      return { url: target };
    }
    const portalPath = /^\/([a-z-]+)\/([a-z0-9-]+)\/?$/.exec(pathPart);
    if (portalPath && batch.existing.has(`${portalPath[1]}/${portalPath[2]}`)) return { url };
    cx.note(
      'link',
      url.startsWith('/')
        ? `link "${url}" is a path on the old site, not a page of this import; link the portal page instead, or remove it.`
        : `link "${url}" points to a page that is not part of this import; link the portal page (/collection/id/) instead, or remove it.`,
      line,
    );
    return { url, todo: `link the portal page that replaces ${url}` };
  };

  const visit = (parent: Parent) => {
    parent.children = (parent.children as RootContent[]).flatMap((child): RootContent[] => {
      const line = child.position?.start.line;
      if (child.type === 'link' && child.url.startsWith('wiki:')) {
        const wiki = (child.data as { wiki?: { label: string; alt?: string; original: string } } | undefined)?.wiki;
        const target = child.url.slice(5);
        const hit = findWiki(batch, target) ?? (wiki?.alt ? findWiki(batch, wiki.alt) : undefined);
        if (hit) {
          child.url = portal(hit, target.includes('#') ? target.slice(target.indexOf('#') + 1) : undefined);
          delete child.data;
          return [child];
        }
        cx.note('link', `wiki link ${wiki?.original ?? target} points to a page that is not part of this import; it was kept as text.`, line);
        return [{ type: 'text', value: wiki?.original ?? target }];
      }
      if ('children' in child && Array.isArray(child.children)) visit(child as Parent);
      if (child.type !== 'link' && child.type !== 'definition' && child.type !== 'image') return [child];
      const kind = child.type === 'image' || (child.type === 'definition' && /\.(png|jpe?g|gif|svg|webp|avif)$/i.test(child.url)) ? 'image' : 'link';
      const done = rewrite(child.url, line, kind);
      child.url = done.url;
      // A definition is not text: its note is enough; links and images get a visible to-do beside them.
      if (!done.todo || child.type === 'definition') return [child];
      return [child, { type: 'text', value: todoAside(done.todo) }] as RootContent[];
    }) as Parent['children'];
  };
  visit(root);
}

export type { Nodes, PhrasingContent };
