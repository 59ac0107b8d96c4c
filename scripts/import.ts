/**
 * Import Markdown exported from elsewhere (a wiki, Jekyll, Hugo, Docusaurus, MkDocs, Confluence or
 * GitHub export) as draft entries of one collection.
 *
 *   npm run import -- <file-or-folder>... --collection playbooks [--owner hub-editorial]
 *                     [--out content/playbooks] [--dry-run] [--publish] [--content content]
 *
 * Folders are read recursively (.md, .markdown, .mdx); links between the files of one run become
 * portal links. Existing files are never overwritten. For every file it prints what the author
 * must still fill in, the notes (what was converted, dropped or kept as text) and what the portal's
 * validator still finds. Exits 1 when a file could not be converted at all, 2 on a usage error,
 * 0 otherwise: a draft with TODOs is a success.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { DOC_COLLECTIONS, type DocCollection } from '../src/schemas/vocab.ts';
import { readContent, readEntry, MAX_FILE_BYTES } from '../src/node/read-content.ts';
import { formatProblem, validateContent, type RawEntry } from '../src/lib/validate-content.ts';
import { CONTENT_DIR } from '../src/node/content-layout.ts';
import { today } from '../src/lib/review.ts';
import { importBatch, type ImportResult, type SourceFile } from '../src/lib/import/index.ts';

const USAGE = `Usage: npm run import -- <file-or-folder>... --collection <${DOC_COLLECTIONS.join('|')}>
         [--owner team-id] [--out dir] [--dry-run] [--publish] [--content dir]

  --collection  the collection the entries join (required)
  --owner       the team that owns them (an id from content/teams); without it a placeholder team is
                written and listed as a TODO
  --out         where to write (default: <content>/<collection>)
  --dry-run     convert and validate, write nothing
  --publish     write status: published instead of draft (a source marked draft stays a draft)
  --content     the content directory used for validation and known ids (default: ${CONTENT_DIR})`;

const SOURCE_EXTENSIONS = ['.md', '.markdown', '.mdx'];
const SKIP_DIRS = new Set(['node_modules', '.git', '.github', '.svn', 'vendor', '_site', 'public', 'dist', 'build', '.docusaurus']);

function parseArgs(argv: string[]) {
  const inputs: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      inputs.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    if (['dry-run', 'publish', 'help'].includes(name)) flags[name] = true;
    else if (inline !== undefined) flags[name] = inline;
    else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) flags[name] = argv[++i]!;
    else flags[name] = '';
  }
  return { inputs, flags };
}

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

/** Source files under the inputs, with paths relative to their common folder. */
function collect(inputs: string[]): { root: string; files: string[] } {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) {
        if (!name.startsWith('.') && !SKIP_DIRS.has(name)) walk(full);
      } else if (SOURCE_EXTENSIONS.some((e) => name.toLowerCase().endsWith(e))) files.push(full);
    }
  };
  for (const input of inputs) {
    const full = resolve(input);
    if (!existsSync(full)) fail(`${input} does not exist.`);
    if (statSync(full).isDirectory()) walk(full);
    else files.push(full);
  }
  const dirs = files.map((f) => dirname(f));
  let root = dirs[0] ?? process.cwd();
  for (const d of dirs) while (!(d === root || d.startsWith(root + sep))) root = dirname(root);
  return { root, files: [...new Set(files)] };
}

/** A last check with the compiler the build uses (Sätteri), when it can be loaded. */
async function buildCheck(result: ImportResult): Promise<string | undefined> {
  try {
    const satteri = (await import('satteri')) as { mdxToJs: (s: string) => unknown; markdownToHtml: (s: string) => unknown };
    const body = result.text.replace(/^---\n[\s\S]*?\n---\n/, '');
    if (result.extension === '.mdx') satteri.mdxToJs(body);
    else satteri.markdownToHtml(body);
    return undefined;
  } catch (cause) {
    const message = (cause as Error).message ?? String(cause);
    if (/Cannot find (module|package)/.test(message)) return undefined;
    return `the build's MDX compiler rejects the file: ${message.split('\n')[0]}`;
  }
}

async function main() {
  const { inputs, flags } = parseArgs(process.argv.slice(2));
  if (flags.help) {
    console.log(USAGE);
    return 0;
  }
  const collection = flags.collection;
  if (!inputs.length || typeof collection !== 'string' || !(DOC_COLLECTIONS as readonly string[]).includes(collection)) {
    fail(`${!inputs.length ? 'Give a file or folder to import.' : `--collection must be one of: ${DOC_COLLECTIONS.join(', ')}.`}\n\n${USAGE}`);
  }
  const contentDir = typeof flags.content === 'string' && flags.content ? flags.content : CONTENT_DIR;
  const outDir = resolve(typeof flags.out === 'string' && flags.out ? flags.out : join(contentDir, collection));
  const dryRun = flags['dry-run'] === true;
  const existing = readContent(contentDir);
  const idsOf = (c: string) => existing.filter((r) => r.collection === c).map((r) => r.fileId);
  const teams = idsOf('teams');
  const owner = typeof flags.owner === 'string' && flags.owner ? flags.owner : undefined;
  if (flags.owner !== undefined && !owner) fail('--owner needs a team id.');
  if (owner && teams.length && !teams.includes(owner)) fail(`--owner "${owner}" is not a team. Teams: ${teams.join(', ')}.`);

  const { root, files } = collect(inputs);
  if (!files.length) fail(`No .md, .markdown or .mdx files found in ${inputs.join(', ')}.`);

  const results: ImportResult[] = [];
  const sources: SourceFile[] = [];
  for (const full of files) {
    const path = relative(root, full).split(sep).join('/');
    const size = statSync(full).size;
    if (size > MAX_FILE_BYTES) {
      results.push({ source: path, id: '', extension: '.md', text: '', data: {}, notes: [], todo: [], lost: [], error: `is ${Math.round(size / 1024)} KB; portal entries must stay under ${MAX_FILE_BYTES / 1000} KB. Split it first.` });
      continue;
    }
    sources.push({ path, text: readFileSync(full, 'utf8') });
  }
  results.push(
    ...importBatch(sources, {
      collection: collection as DocCollection,
      owner,
      publish: flags.publish === true,
      today: today(),
      known: { teams, policy: idsOf('policy'), spokes: idsOf('spokes'), entries: existing.map((r) => `${r.collection}/${r.fileId}`) },
    }),
  );

  // Write (or, for a dry run, stage in a temporary folder so the validator reads the real files).
  const stage = dryRun ? mkdtempSync(join(tmpdir(), 'hub-import-')) : undefined;
  const writeDir = stage ? join(stage, 'content', collection) : outDir;
  mkdirSync(writeDir, { recursive: true });
  const written: { result: ImportResult; path: string; shown: string }[] = [];
  const skipped: { result: ImportResult; reason: string }[] = [];
  const inCollection = new Set(idsOf(collection));
  for (const result of results) {
    if (result.error) continue;
    const clash = ['.md', '.mdx', '.markdown'].map((e) => join(outDir, `${result.id}${e}`)).find((f) => existsSync(f));
    if (clash) {
      skipped.push({ result, reason: `${relative(process.cwd(), clash)} already exists; not overwritten. Move it away or rename the source to import it.` });
      continue;
    }
    const path = join(writeDir, `${result.id}${result.extension}`);
    writeFileSync(path, result.text);
    const shown = relative(process.cwd(), join(outDir, `${result.id}${result.extension}`));
    written.push({ result, path, shown });
    if (inCollection.has(result.id) && resolve(outDir) !== resolve(contentDir, collection)) {
      result.notes.push({ kind: 'structure', message: `${collection} already has an entry "${result.id}"; rename this file before moving it into ${join(contentDir, collection)}.` });
    }
  }

  // Validate the written entries together with the existing content, as the build does.
  const writtenPaths = new Set(written.map((w) => resolve(w.path)));
  const raws: RawEntry[] = existing.filter((r) => !writtenPaths.has(resolve(r.file)));
  const shownOf = new Map<string, string>();
  for (const w of written) {
    const raw = readEntry(collection as DocCollection, w.path);
    raw.file = w.shown;
    shownOf.set(w.shown, w.result.source);
    raws.push(raw);
  }
  const { problems } = validateContent(raws);
  const problemsOf = (shown: string) => problems.filter((p) => p.file === shown);

  // Report.
  const line = (n: { line?: number; message: string }, source: string) => `      ${n.line ? `${source}:${n.line}  ` : ''}${n.message}`;
  let failures = 0;
  for (const result of results) {
    const w = written.find((x) => x.result === result);
    const skip = skipped.find((x) => x.result === result);
    console.log('');
    if (result.error) {
      failures++;
      console.error(`✗ ${result.source} ${result.error}`);
      continue;
    }
    if (skip) {
      console.log(`- ${result.source}: skipped. ${skip.reason}`);
      continue;
    }
    const status = String(result.data.status);
    console.log(`${dryRun ? '○' : '✓'} ${result.source} -> ${w!.shown}${dryRun ? ' (dry run, not written)' : ''} [${status}]`);
    if (result.todo.length) {
      console.log('    To do before publishing:');
      for (const t of result.todo) console.log(`      [ ] ${t}`);
    }
    if (result.notes.length) {
      console.log('    Notes:');
      for (const n of result.notes) console.log(line(n, result.source));
    }
    if (result.lost.length) {
      console.log('    Source text not found in the output (compare with the source):');
      for (const u of result.lost) console.log(`      "${u.length > 160 ? `${u.slice(0, 160)}…` : u}"`);
    }
    const build = await buildCheck(result);
    const own = problemsOf(w!.shown);
    if (own.length || build) {
      console.log('    Validator:');
      for (const p of own) console.log(`      ${formatProblem(p)}`);
      if (build) console.log(`      ${w!.shown}  ${build}`);
    } else console.log('    Validator: no problems.');
  }
  if (stage) rmSync(stage, { recursive: true, force: true });

  console.log('');
  const parts = [`${written.length} ${dryRun ? 'converted (dry run)' : 'written'}`];
  if (skipped.length) parts.push(`${skipped.length} skipped (already exist)`);
  if (failures) parts.push(`${failures} could not be converted`);
  console.log(`Import into ${collection}: ${parts.join(', ')}. Source folder: ${relative(process.cwd(), root) || '.'}`);
  if (written.length && !dryRun) console.log(`Next: fill in each "To do" list, then run npm run check. Entries stay drafts (never built) until you set status: published.`);
  return failures ? 1 : 0;
}

process.exitCode = await main();
