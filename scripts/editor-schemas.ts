/**
 * Writes .vscode/schemas/<collection>.schema.json so VS Code validates and completes the YAML
 * data files in content/ (the Markdown frontmatter is covered by Astro's content intellisense).
 * Run after changing a schema: npm run editor-schemas. A unit test fails if they are stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { COLLECTIONS } from '../src/schemas/vocab.ts';
import { editorSchema } from '../src/lib/editor-schemas.ts';
import { readArgs } from './lib/cli.ts';

readArgs(`Usage: npm run editor-schemas

Writes .vscode/schemas/<collection>.schema.json from the schemas in src/schemas/.
Exit codes: 0 written, 2 usage error.`, {});

mkdirSync('.vscode/schemas', { recursive: true });
for (const c of COLLECTIONS) {
  writeFileSync(`.vscode/schemas/${c}.schema.json`, `${JSON.stringify(editorSchema(c), null, 2)}\n`);
}
console.log(`Wrote ${COLLECTIONS.length} schemas to .vscode/schemas/.`);
