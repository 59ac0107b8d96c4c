/**
 * Import Markdown exported from elsewhere (a wiki, Jekyll, Hugo, Docusaurus, MkDocs, GOV.UK tech
 * docs, Confluence, MediaWiki or GitHub export) as draft entries of one collection.
 *
 *   npm run import -- <file-or-folder>... --collection playbooks [--owner hub-editorial]
 *                     [--out content/playbooks] [--public public] [--site-url https://old.example]
 *                     [--dry-run] [--publish] [--include-expired] [--accept-loss] [--content content]
 *
 * Folders are read recursively (.md, .markdown, .mdx); links between the files of one run become
 * portal links, and images found under the folder are copied to public/images/<collection>/<id>/.
 * Existing files are never overwritten. For every file it prints what the author must still fill
 * in, every passage of source text missing from the draft (with its source line), the notes, what
 * the check finds now and what it will refuse once the entry is set to published.
 *
 * Exit codes: 0 imported; 1 a file could not be converted (not text, too large, unreadable);
 * 2 usage error; 3 source text is missing from a draft (pass --accept-loss to accept it).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { DOC_COLLECTIONS, type DocCollection } from '../src/schemas/vocab.ts';
import { readContent, readEntry, MAX_FILE_BYTES } from '../src/node/read-content.ts';
import { formatProblem, validateContent, type ContentProblem, type RawEntry } from '../src/lib/validate-content.ts';
import { CONTENT_DIR } from '../src/node/content-layout.ts';
import { today } from '../src/lib/review.ts';
import { importBatch, type ImportResult, type SourceFile } from '../src/lib/import/index.ts';
import { EXIT, readArgs, usageError as fail } from './lib/cli.ts';

const USAGE = `Usage: npm run import -- <file-or-folder>... --collection <${DOC_COLLECTIONS.join('|')}>
         [--owner team-id] [--out dir] [--public dir] [--site-url url]... [--dry-run] [--publish]
         [--include-expired] [--accept-loss] [--content dir]

  --collection       the collection the entries join (required)
  --owner            the team that owns them (an id from content/teams); without it a placeholder team
                     is written and listed as a TODO
  --out              where to write (default: <content>/<collection>)
  --public           where files linked from the pages (PDFs) are copied, under files/<collection>/<id>/
                     (default: public); images go beside their entry, in <out>/<id>/
  --site-url         the address the old site was served at; absolute links to it become site paths
                     and links between imported pages (repeat for several addresses)
  --dry-run          convert and validate, write and copy nothing
  --publish          write status: published instead of draft (a source marked draft stays a draft)
  --include-expired  import expired and redirect-only sources as withdrawn entries instead of skipping them
  --accept-loss      exit 0 even when source text is missing from a draft (it is still listed)
  --content          the content directory used for validation and known ids (default: ${CONTENT_DIR})

Exit codes: 0 imported, 1 a file could not be converted, 2 usage error, 3 source text missing from a draft.`;

const SOURCE_EXTENSIONS = ['.md', '.markdown', '.mdx'];
const SKIP_DIRS = new Set(['node_modules', '.git', '.github', '.svn', 'vendor', '_site', 'public', 'dist', 'build', '.docusaurus']);

/** Exit code when source text is missing from a draft (the importer's own, above the shared ones). */
const EXIT_LOSS = 3;

function usageError(message: string): never {
  return fail(USAGE, message);
}

function readImportArgs() {
  return readArgs(USAGE, {
    collection: { type: 'string' },
    owner: { type: 'string' },
    out: { type: 'string' },
    public: { type: 'string', default: 'public' },
    'site-url': { type: 'string', multiple: true, default: [] },
    'dry-run': { type: 'boolean', default: false },
    publish: { type: 'boolean', default: false },
    'include-expired': { type: 'boolean', default: false },
    'accept-loss': { type: 'boolean', default: false },
    content: { type: 'string', default: CONTENT_DIR },
  }, { positionals: true });
}

/** Source files and every other file under the inputs, with paths relative to their common folder. */
function collect(inputs: string[]): { root: string; files: string[]; others: string[] } {
  const files: string[] = [];
  const all: string[] = [];
  const walk = (dir: string, sources = true) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) {
        if (!name.startsWith('.') && !SKIP_DIRS.has(name)) walk(full, sources);
      } else {
        all.push(full);
        if (sources && SOURCE_EXTENSIONS.some((e) => name.toLowerCase().endsWith(e))) files.push(full);
      }
    }
  };
  for (const input of inputs) {
    const full = resolve(input);
    if (!existsSync(full)) usageError(`${input} does not exist.`);
    if (statSync(full).isDirectory()) walk(full);
    else files.push(full);
  }
  // The common folder of the inputs: a folder given is the root, so images beside the pages (static/) are found.
  const dirs = inputs.map((i) => resolve(i)).map((full) => (statSync(full).isDirectory() ? full : dirname(full)));
  let root = dirs[0] ?? process.cwd();
  for (const d of dirs) while (!(d === root || d.startsWith(root + sep))) root = dirname(root);
  // Files given one by one: the images beside them are under their common folder.
  if (!all.length) walk(root, false);
  const rel = (f: string) => relative(root, f).split(sep).join('/');
  const sources = new Set(files);
  return { root, files: [...sources], others: all.filter((f) => !SOURCE_EXTENSIONS.some((e) => f.toLowerCase().endsWith(e))).map(rel) };
}

/**
 * A last check on the path the build renders a body on: an MDX body turned into Markdown
 * (src/markdown/mdx-body.ts), then Markdown through Sätteri, when it can be loaded.
 */
async function buildCheck(result: ImportResult): Promise<string | undefined> {
  try {
    const satteri = (await import('satteri')) as { markdownToHtml: (s: string) => unknown };
    const body = result.text.replace(/^---\n[\s\S]*?\n---\n/, '');
    satteri.markdownToHtml(result.extension === '.mdx' ? (await import('../src/markdown/mdx-body.ts')).mdxBodyToMarkdown(body) : body);
    return undefined;
  } catch (cause) {
    const message = (cause as Error).message ?? String(cause);
    if (/Cannot find (module|package)/.test(message)) return undefined;
    return `the build cannot render the file: ${message.split('\n')[0]}`;
  }
}

/** The same entry as the check would see it once its status is set to published. */
function asPublished(raw: RawEntry): RawEntry {
  const data = raw.data && typeof raw.data === 'object' ? { ...(raw.data as Record<string, unknown>) } : raw.data;
  if (data && typeof data === 'object' && (data as Record<string, unknown>).status === 'draft') (data as Record<string, unknown>).status = 'published';
  return { ...raw, data };
}

const key = (p: ContentProblem) => formatProblem(p);

async function main(): Promise<number> {
  const { values: flags, positionals: inputs } = readImportArgs();
  const collection = flags.collection;
  if (!inputs.length) usageError('Give a file or folder to import.');
  if (!collection || !(DOC_COLLECTIONS as readonly string[]).includes(collection)) usageError(`--collection must be one of: ${DOC_COLLECTIONS.join(', ')}.`);
  const contentDir = flags.content || CONTENT_DIR;
  const outDir = resolve(flags.out || join(contentDir, collection));
  const dryRun = flags['dry-run'];
  const existing = readContent(contentDir);
  const idsOf = (c: string) => existing.filter((r) => r.collection === c).map((r) => r.fileId);
  const teams = idsOf('teams');
  if (flags.owner !== undefined && !flags.owner) usageError('--owner needs a team id.');
  const owner = flags.owner || undefined;
  if (owner && teams.length && !teams.includes(owner)) usageError(`--owner "${owner}" is not a team. Teams: ${teams.join(', ')}.`);

  const { root, files, others } = collect(inputs);
  if (!files.length) usageError(`No .md, .markdown or .mdx files found in ${inputs.join(', ')}.`);

  const results: ImportResult[] = [];
  const sources: SourceFile[] = [];
  for (const full of files) {
    const path = relative(root, full).split(sep).join('/');
    const size = statSync(full).size;
    if (size > MAX_FILE_BYTES) {
      results.push({ source: path, id: '', extension: '.md', text: '', data: {}, notes: [], todo: [], lost: [], units: 0, assets: [], error: `is ${Math.round(size / 1024)} KB; portal entries must stay under ${MAX_FILE_BYTES / 1000} KB. Split it first.` });
      continue;
    }
    sources.push({ path, text: readFileSync(full, 'utf8') });
  }
  results.push(
    ...importBatch(sources, {
      collection: collection as DocCollection,
      owner,
      publish: flags.publish,
      includeExpired: flags['include-expired'],
      siteUrls: flags['site-url'],
      files: others,
      today: today(),
      known: { teams, policy: idsOf('policy'), spokes: idsOf('spokes'), entries: existing.map((r) => `${r.collection}/${r.fileId}`) },
    }),
  );

  // Write (or, for a dry run, stage in a temporary folder so the validator reads the real files).
  const stage = dryRun ? mkdtempSync(join(tmpdir(), 'hub-import-')) : undefined;
  const writeDir = stage ? join(stage, 'content', collection) : outDir;
  mkdirSync(writeDir, { recursive: true });
  const written: { result: ImportResult; path: string; shown: string }[] = [];
  const clashes = new Map<ImportResult, string>();
  const inCollection = new Set(idsOf(collection));
  for (const result of results) {
    if (result.error || result.skipped) continue;
    const clash = ['.md', '.mdx', '.markdown'].map((e) => join(outDir, `${result.id}${e}`)).find((f) => existsSync(f));
    if (clash) {
      clashes.set(result, `${relative(process.cwd(), clash)} already exists; not overwritten. Move it away or rename the source to import it.`);
      continue;
    }
    const path = join(writeDir, `${result.id}${result.extension}`);
    writeFileSync(path, result.text);
    written.push({ result, path, shown: relative(process.cwd(), join(outDir, `${result.id}${result.extension}`)) });
    // Images go beside the entry (into the staging folder on a dry run, so the check sees them); file links to public/.
    for (const asset of result.assets) {
      if (asset.under === 'public' && dryRun) continue;
      const to = join(asset.under === 'entries' ? writeDir : flags.public, asset.to);
      mkdirSync(dirname(to), { recursive: true });
      if (!existsSync(to)) copyFileSync(join(root, asset.from), to);
    }
    if (inCollection.has(result.id) && resolve(outDir) !== resolve(contentDir, collection)) {
      result.notes.push({ kind: 'structure', message: `${collection} already has an entry "${result.id}"; rename this file before moving it into ${join(contentDir, collection)}.` });
    }
  }

  // Validate the written entries with the existing content, as the build does: as they are (drafts),
  // and as the check will see them once their status is set to published.
  const writtenPaths = new Set(written.map((w) => resolve(w.path)));
  const existingOthers = existing.filter((r) => !writtenPaths.has(resolve(r.file)));
  const drafts: RawEntry[] = written.map((w) => ({ ...readEntry(collection as DocCollection, w.path), file: w.shown }));
  const now = validateContent([...existingOthers, ...drafts]).problems;
  const published = validateContent([...existingOthers, ...drafts.map(asPublished)]).problems;

  // Report.
  const line = (n: { line?: number; message: string }, source: string) => `      ${n.line ? `${source}:${n.line}  ` : ''}${n.message}`;
  let failures = 0;
  let lossy = 0;
  for (const result of results) {
    const w = written.find((x) => x.result === result);
    console.log('');
    if (result.error) {
      failures++;
      console.error(`✗ ${result.source} ${result.error}`);
      continue;
    }
    if (result.skipped) {
      console.log(`- ${result.source}: skipped; it ${result.skipped}`);
      continue;
    }
    const clash = clashes.get(result);
    if (clash || !w) {
      console.log(`- ${result.source}: skipped. ${clash ?? ''}`);
      continue;
    }
    const arrived = result.units - result.lost.length;
    const share = result.units ? ` (${((100 * arrived) / result.units).toFixed(1)}%)` : '';
    console.log(`${dryRun ? '○' : '✓'} ${result.source} -> ${w.shown}${dryRun ? ' (dry run, not written)' : ''} [${String(result.data.status)}]; ${arrived} of ${result.units} passages of text arrived${share}`);
    if (result.lost.length) {
      lossy++;
      console.error(`    ✗ Source text missing from the draft (copy it in by hand):`);
      for (const u of result.lost) console.error(`      ${result.source}${u.line ? `:${u.line}` : ''}  "${u.text.length > 160 ? `${u.text.slice(0, 160)}…` : u.text}"`);
    }
    if (result.todo.length) {
      console.log('    To do before publishing:');
      for (const t of result.todo) console.log(`      [ ] ${t}`);
    }
    if (result.notes.length) {
      console.log('    Notes:');
      for (const n of result.notes) console.log(line(n, result.source));
    }
    const build = await buildCheck(result);
    const own = now.filter((p) => p.file === w.shown);
    const seen = new Set(own.map(key));
    const later = published.filter((p) => p.file === w.shown && !seen.has(key(p)));
    if (own.length || build) {
      console.log('    The check finds now (fix these first: they stop npm run check and the build):');
      for (const p of own) console.log(`      ${formatProblem(p)}`);
      if (build) console.log(`      ${w.shown}  ${build}`);
    }
    if (later.length) {
      console.log(`    On publishing, the check will refuse (${later.length}):`);
      for (const p of later) console.log(`      ${formatProblem(p)}`);
    }
    if (!own.length && !build && !later.length) console.log('    The check finds nothing, now or as a published entry.');
  }
  if (stage) rmSync(stage, { recursive: true, force: true });

  console.log('');
  const skipped = results.filter((r) => r.skipped).length;
  const parts = [`${written.length} ${dryRun ? 'converted (dry run)' : 'written'}`];
  if (skipped) parts.push(`${skipped} skipped (expired or redirect-only)`);
  if (clashes.size) parts.push(`${clashes.size} skipped (already exist)`);
  if (failures) parts.push(`${failures} could not be converted`);
  if (lossy) parts.push(`${lossy} with source text missing`);
  console.log(`Import into ${collection}: ${parts.join(', ')}. Source folder: ${relative(process.cwd(), root) || '.'}`);
  if (written.length && !dryRun) console.log(`Next: fill in each "To do" list, then run npm run check. Entries stay drafts (never built) until you set status: published.`);
  if (failures) return EXIT.problems;
  if (lossy && !flags['accept-loss']) {
    console.error(`Source text is missing from ${lossy} draft(s) (listed above with their source lines). Copy it in, or run again with --accept-loss to accept the loss.`);
    return EXIT_LOSS;
  }
  return EXIT.ok;
}

process.exitCode = await main();
