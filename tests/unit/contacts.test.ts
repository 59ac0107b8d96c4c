/** Contacts: dialable links, grouping, and the content check refusing an unknown role. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { groupContacts, telHref } from '../../src/lib/contacts.ts';
import { ContactSchema } from '../../src/schemas/contact.ts';

describe('telHref', () => {
  it('keeps the plus and the digits only', () => {
    expect(telHref('+44 20 7946 0101')).toBe('tel:+442079460101');
    expect(telHref('+1 555 0100')).toBe('tel:+15550100');
  });
});

describe('groupContacts', () => {
  it('puts duty roles and team lines apart, each by name', () => {
    const c = (name: string, kind: 'duty' | 'team') => ({ data: { name, kind } });
    const g = groupContacts([c('Team B', 'team'), c('Legal counsel', 'duty'), c('Hub lead', 'duty'), c('Team A', 'team')]);
    expect(g.duty.map((x) => x.data.name)).toEqual(['Hub lead', 'Legal counsel']);
    expect(g.team.map((x) => x.data.name)).toEqual(['Team A', 'Team B']);
  });
});

describe('ContactSchema', () => {
  const base = { name: 'PR duty officer', kind: 'duty', description: 'Corporate PR.', hours: '24 hours' };
  it('needs at least one way to reach the contact', () => {
    expect(ContactSchema.safeParse(base).success).toBe(false);
    expect(ContactSchema.safeParse({ ...base, phone: '+44 20 7946 0101' }).success).toBe(true);
  });
  it('refuses a phone number a phone cannot dial from a link', () => {
    expect(ContactSchema.safeParse({ ...base, phone: '020 7946 0101' }).success).toBe(false);
    expect(ContactSchema.safeParse({ ...base, phone: 'ext. 4411' }).success).toBe(false);
  });
});

it('the content check refuses a protocol contact that names an unknown role', () => {
  const root = mkdtempSync(join(tmpdir(), 'contacts-'));
  cpSync(resolve('tests/fixtures/base'), join(root, 'content'), { recursive: true });
  const file = join(root, 'content/protocols/incident.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace('role: pr-duty-officer', 'role: pr-duty-oficer'));
  const run = spawnSync(process.execPath, [resolve('scripts/check.ts'), '--dir', 'content'], { cwd: root, encoding: 'utf8' });
  rmSync(root, { recursive: true, force: true });
  const out = `${run.stdout}${run.stderr}`;
  expect(run.status, out).toBe(1);
  expect(out).toContain('content/protocols/incident.md:');
  expect(out).toContain('contacts[0].role');
  expect(out).toContain('"pr-duty-oficer", which does not exist');
  expect(out).toContain('pr-duty-officer');
});
