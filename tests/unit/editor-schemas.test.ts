import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { COLLECTIONS } from '../../src/schemas/vocab.ts';
import { editorSchema } from '../../src/lib/editor-schemas.ts';

describe('editor schemas in .vscode/schemas', () => {
  it.each(COLLECTIONS.map((c) => [c]))('%s is up to date with src/schemas (run npm run editor-schemas)', (c) => {
    const committed = JSON.parse(readFileSync(`.vscode/schemas/${c}.schema.json`, 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(editorSchema(c))));
  });
  it('lists the allowed values of enums, so the editor can complete them', () => {
    const playbook = editorSchema('playbooks') as { properties: Record<string, { items?: { enum?: string[] } }> };
    expect(playbook.properties.channels?.items?.enum).toContain('linkedin');
    expect(playbook.properties.audiences?.items?.enum).toContain('spoke-lead');
  });
});
