/**
 * Entry ids for imported files: the file name in kebab-case (the folder name for index.md,
 * README.md and Hugo's _index.md; Jekyll's date prefix dropped), unique within the batch and
 * never the id of an entry that already exists.
 */
import { slugify } from '../scaffold.ts';

const INDEX = /^(index|readme|_index)$/i;

/** "Getting Started.md" -> "getting-started"; "TutorialjQuery" -> "tutorialj-query": file names split at capitals. */
export function kebabCase(text: string): string {
  return slugify(text.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2'));
}

/** The id a source path asks for, before de-duplication. */
export function idForPath(source: string): string {
  const parts = source.split('/');
  let name = (parts.pop() ?? '').replace(/\.(md|markdown|mdx)$/i, '').replace(/\.html$/i, '');
  while (INDEX.test(name) && parts.length) name = parts.pop() ?? name;
  name = name.replace(/^\d{4}-\d{2}-\d{2}-/, '');
  return kebabCase(name) || 'imported-page';
}

/**
 * Ids for a batch. Two files that want the same id get their folder name as a prefix, then a
 * number; `taken` holds ids that already exist in the collection.
 */
export function planIds(sources: string[], taken: Iterable<string> = []): Map<string, { id: string; wanted: string }> {
  const used = new Set(taken);
  const result = new Map<string, { id: string; wanted: string }>();
  const wanted = new Map(sources.map((s) => [s, idForPath(s)]));
  const counts = new Map<string, number>();
  for (const id of wanted.values()) counts.set(id, (counts.get(id) ?? 0) + 1);
  for (const source of sources) {
    const want = wanted.get(source)!;
    let id = want;
    if ((counts.get(want) ?? 0) > 1) {
      const dirs = source.split('/').slice(0, -1).filter((d) => !INDEX.test(d));
      const parent = kebabCase(dirs[dirs.length - (INDEX.test(source.split('/').pop()?.replace(/\.\w+$/, '') ?? '') ? 2 : 1)] ?? '');
      if (parent && parent !== want) id = `${parent}-${want}`;
    }
    let n = 2;
    const base = id;
    while (used.has(id)) id = `${base}-${n++}`;
    used.add(id);
    result.set(source, { id, wanted: want });
  }
  return result;
}
