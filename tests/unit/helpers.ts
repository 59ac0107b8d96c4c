import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, onTestFinished } from 'vitest';
import { readContent } from '../../src/node/read-content.ts';
import { validateContent } from '../../src/lib/validate-content.ts';

/** Valid frontmatter for each kind, to be broken one field at a time by the tests. */
export const TEAM = `name: Hub editorial\ndescription: Writes playbooks.\nleadRole: hub lead\ncontact:\n  email: editorial@hub.example\n`;

export const governance = (extra = '') => `title: Launch a channel
summary: How to open a new channel with a purpose, a plan and an owner.
owner: editorial
audiences: [practitioner]
status: published
lastReviewed: 2026-06-01
reviewEvery: 12
${extra}`;

export const PLAYBOOK = `---
${governance()}goal: A channel with a purpose.
whenToUse: Before you open any new account.
timeNeeded: 2 hours
phases: [2]
channels: [linkedin]
---

## Steps

Write the purpose down first.
`;

/**
 * A fresh folder under the system's temporary folder, removed when the test that made it ends (or,
 * made while tests are being collected, when the file's tests have run): a run leaves nothing behind.
 */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    onTestFinished(remove);
  } catch {
    afterAll(remove);
  }
  return dir;
}

/** Write files (path -> text) into a fresh content directory and validate it like the build does. */
export function checkFiles(files: Record<string, string>) {
  const root = tempDir('hub-content-');
  const all = { 'teams/editorial.yaml': TEAM, ...files };
  for (const [path, text] of Object.entries(all)) {
    const full = join(root, 'content', path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return validateContent(readContent(join(root, 'content'), root));
}
