/**
 * package.json declares exactly what the code imports: no package is used only because another one
 * happens to install it (it would vanish with that package's next release), and none is declared
 * and never used. Imports are read with TypeScript's own scanner, so text in strings and comments
 * (an MDX example in a test) is not mistaken for one.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import ts from 'typescript';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const declared = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]);

/** Packages the project uses without importing them: the runtime, command-line tools, the compiler's types. */
const USED_WITHOUT_IMPORT: Record<string, string> = {
  node: 'the pinned Node 24 runtime for every npm script',
  typescript: 'the compiler astro check runs',
  '@astrojs/check': 'npm run typecheck (astro check)',
  '@types/node': "Node's types for the scripts and tests",
};

const CODE = /\.(ts|tsx|mts|mjs|js|astro)$/;
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (name === 'node_modules' || name === 'fixtures' || name.startsWith('.')) return [];
    return statSync(full).isDirectory() ? files(full) : CODE.test(name) ? [full] : [];
  });
}

/** The code of a file as TypeScript sees it: an .astro file's front matter and scripts. */
function code(file: string): string {
  const text = readFileSync(file, 'utf8');
  if (!file.endsWith('.astro')) return text;
  const frontmatter = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  return [frontmatter, ...scripts].join('\n');
}

/** The package a bare specifier names ('@scope/name/sub' -> '@scope/name'), or undefined for a path or built-in. */
function packageOf(specifier: string): string | undefined {
  if (/^(\.|\/|node:|astro:|virtual:)/.test(specifier) || builtinModules.includes(specifier)) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const roots = ['src', 'scripts', 'tests'];
const configs = readdirSync('.').filter((f) => /\.config\.(ts|mjs|js)$/.test(f));
const importers = new Map<string, string>();
for (const file of [...roots.flatMap(files), ...configs]) {
  for (const { fileName } of ts.preProcessFile(code(file), true, true).importedFiles) {
    const name = packageOf(fileName);
    if (name && !importers.has(name)) importers.set(name, file);
  }
}
/** A type-only package is declared as @types/<name> ('mdast' -> '@types/mdast'). */
const declaredAs = (name: string) => (declared.has(name) ? name : `@types/${name.replace(/^@(.+)\/(.+)$/, '$1__$2')}`);

describe('dependencies', () => {
  it('finds the imports (the scanner works)', () => {
    expect(importers.get('astro')).toBeDefined();
    expect(importers.get('axe-core')).toMatch(/^tests\/e2e\//);
    expect(importers.has('node:fs')).toBe(false);
  });
  it('every imported package is declared in package.json', () => {
    const undeclared = [...importers].filter(([name]) => !declared.has(declaredAs(name))).map(([name, file]) => `${name} (imported by ${file})`);
    expect(undeclared).toEqual([]);
  });
  it('every declared package is imported or has a stated use', () => {
    const used = new Set([...importers.keys()].map(declaredAs));
    const typesOfUsed = (name: string) => name.startsWith('@types/') && used.has(name.slice('@types/'.length));
    const unused = [...declared].filter((name) => !used.has(name) && !(name in USED_WITHOUT_IMPORT) && !typesOfUsed(name));
    expect(unused).toEqual([]);
  });
});
