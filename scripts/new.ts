/**
 * Scaffold a valid new entry (usage below).
 * Writes content/<collection>/<id>.md (or .yaml) as a draft, refuses to overwrite, and lists
 * what the author must still write.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { COLLECTIONS, type CollectionName } from '../src/schemas/vocab.ts';
import { scaffold, slugify } from '../src/lib/scaffold.ts';
import { readEntry, readContent } from '../src/node/read-content.ts';
import { validateEntry, formatProblem } from '../src/lib/validate-content.ts';
import { today } from '../src/lib/review.ts';
import { CONTENT_DIR } from '../src/node/content-layout.ts';
import { EXIT, readArgs, usageError } from './lib/cli.ts';

const USAGE = `Usage: npm run new -- <collection> "Title" [--owner team-id] [--mdx]

  <collection>  one of: ${COLLECTIONS.join(', ')}
  "Title"       the entry's title; its file name is made from it
  --owner       the owning team (an id from content/teams; default: the first team)
  --mdx         write .mdx instead of .md (for a page that uses components)

Writes content/<collection>/<id>.md (or .yaml) as a draft and never overwrites.
Exit codes: 0 written, 1 the file already exists, 2 usage error.`;

const { values, positionals } = readArgs(USAGE, { owner: { type: 'string' }, mdx: { type: 'boolean', default: false } }, { positionals: true });
const { owner, mdx } = values;
const [collection, ...titleWords] = positionals;
const title = titleWords.join(' ').trim();

if (!collection || !(COLLECTIONS as readonly string[]).includes(collection)) usageError(USAGE, collection ? `"${collection}" is not a collection.` : 'Give a collection and a title.');
if (!title) usageError(USAGE, 'Give the entry\'s title after the collection, in quotes.');
const id = slugify(title);
if (!id) usageError(USAGE, `"${title}" has no letters or digits to make a file name from. Use a title with words.`);
const teams = readContent(CONTENT_DIR).filter((r) => r.collection === 'teams').map((r) => r.fileId);
if (owner !== undefined && !teams.includes(owner)) usageError(USAGE, `--owner "${owner}" is not a team. Teams: ${teams.join(', ')}.`);
const { text, todo, extension } = scaffold(collection as CollectionName, title, { owner: owner ?? teams[0] ?? 'hub-editorial', today: today() });
const ext = mdx && extension === '.md' ? '.mdx' : extension;
const dir = resolve(CONTENT_DIR, collection);
const file = join(dir, `${id}${ext}`);
const clash = ['.md', '.mdx', '.yaml', '.yml'].map((e) => join(dir, `${id}${e}`)).find((f) => existsSync(f));
if (clash) {
  console.error(`${clash} already exists. Choose another title, or edit that file.`);
  process.exit(EXIT.problems);
}
mkdirSync(dir, { recursive: true });
writeFileSync(file, text, { flag: 'wx' });
const { problems } = validateEntry(readEntry(collection as CollectionName, file));
console.log(`Created ${file} as a draft.\nStill to write: ${todo.join(', ')} (search the file for TODO).`);
if (problems.length) for (const p of problems) console.log(`  ${formatProblem(p)}`);
console.log('When it is ready, set status: published and run npm run check.');
