/**
 * Scaffold a valid new entry: npm run new -- <collection> "Title" [--owner team-id] [--mdx]
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

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const value = args[i + 1];
  args.splice(i, value && !value.startsWith('--') ? 2 : 1);
  return value ?? '';
};
const owner = flag('owner');
const mdx = flag('mdx') !== undefined;
const [collection, ...titleWords] = args;
const title = titleWords.join(' ').trim();

if (!collection || !(COLLECTIONS as readonly string[]).includes(collection) || !title) {
  console.error(`Usage: npm run new -- <collection> "Title" [--owner team-id] [--mdx]\nCollections: ${COLLECTIONS.join(', ')}`);
  process.exit(2);
}
const id = slugify(title);
if (!id) {
  console.error(`"${title}" has no letters or digits to make a file name from. Use a title with words.`);
  process.exit(2);
}
const teams = readContent(CONTENT_DIR).filter((r) => r.collection === 'teams').map((r) => r.fileId);
if (owner && !teams.includes(owner)) {
  console.error(`--owner "${owner}" is not a team. Teams: ${teams.join(', ')}.`);
  process.exit(2);
}
const { text, todo, extension } = scaffold(collection as CollectionName, title, { owner: owner ?? teams[0] ?? 'hub-editorial', today: today() });
const ext = mdx && extension === '.md' ? '.mdx' : extension;
const dir = resolve(CONTENT_DIR, collection);
const file = join(dir, `${id}${ext}`);
const clash = ['.md', '.mdx', '.yaml', '.yml'].map((e) => join(dir, `${id}${e}`)).find((f) => existsSync(f));
if (clash) {
  console.error(`${clash} already exists. Choose another title, or edit that file.`);
  process.exit(1);
}
mkdirSync(dir, { recursive: true });
writeFileSync(file, text, { flag: 'wx' });
const { problems } = validateEntry(readEntry(collection as CollectionName, file));
console.log(`Created ${file} as a draft.\nStill to write: ${todo.join(', ')} (search the file for TODO).`);
if (problems.length) for (const p of problems) console.log(`  ${formatProblem(p)}`);
console.log('When it is ready, set status: published and run npm run check.');
