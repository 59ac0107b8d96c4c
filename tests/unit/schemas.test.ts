import { describe, expect, it } from 'vitest';
import { checkFiles, governance, PLAYBOOK } from './helpers.ts';
import { formatProblem } from '../../src/lib/validate-content.ts';

const messages = (files: Record<string, string>) => checkFiles(files).problems.map(formatProblem);

describe('valid content', () => {
  it('passes a complete playbook', () => {
    const { problems, entries } = checkFiles({ 'playbooks/launch.md': PLAYBOOK });
    expect(problems).toEqual([]);
    expect(entries.map((e) => `${e.collection}/${e.id}`)).toContain('playbooks/launch');
  });
});

describe('bad frontmatter names the file, the line and the field', () => {
  it('a missing required field', () => {
    const out = messages({ 'playbooks/launch.md': PLAYBOOK.replace('goal: A channel with a purpose.\n', '') });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^content\/playbooks\/launch\.md/);
    expect(out[0]).toContain('goal');
  });
  it('an unknown enum value, with the allowed values', () => {
    const [line] = messages({ 'playbooks/launch.md': PLAYBOOK.replace('channels: [linkedin]', 'channels: [myspace]') });
    expect(line).toMatch(/content\/playbooks\/launch\.md:\d+ {2}channels\[0\]: /);
    expect(line).toContain('linkedin');
  });
  it('an impossible date', () => {
    const [line] = messages({ 'playbooks/launch.md': PLAYBOOK.replace('lastReviewed: 2026-06-01', 'lastReviewed: 2026-02-30') });
    expect(line).toContain('content/playbooks/launch.md:7');
    expect(line).toContain('lastReviewed');
    expect(line).toContain('not a real date');
  });
  it('a title of only spaces', () => {
    const [line] = messages({ 'playbooks/launch.md': PLAYBOOK.replace('title: Launch a channel', 'title: "   "') });
    expect(line).toContain('title');
    expect(line).toContain('empty');
  });
  it('a phase out of range', () => {
    const [line] = messages({ 'playbooks/launch.md': PLAYBOOK.replace('phases: [2]', 'phases: [5]') });
    expect(line).toContain('phases[0]');
    expect(line).toContain('1 to 4');
  });
  it('no review interval and no next review date', () => {
    const [line] = messages({ 'playbooks/launch.md': PLAYBOOK.replace('reviewEvery: 12\n', '') });
    expect(line).toContain('reviewEvery');
    expect(line).toContain('nextReview');
  });
  it('a major change without a note', () => {
    const text = PLAYBOOK.replace('phases: [2]', 'phases: [2]\nchanges:\n  - date: 2026-06-01\n    type: major');
    const [line] = messages({ 'playbooks/launch.md': text });
    expect(line).toContain('changes[0].note');
  });
  it('malformed YAML, with its line', () => {
    const [line] = messages({ 'playbooks/launch.md': PLAYBOOK.replace('timeNeeded: 2 hours', 'timeNeeded: [2 hours') });
    expect(line).toMatch(/content\/playbooks\/launch\.md:\d+/);
    expect(line).toContain('not valid YAML');
  });
  it('a file without frontmatter', () => {
    const [line] = messages({ 'playbooks/launch.md': '# Just a heading\n' });
    expect(line).toContain('has no frontmatter');
  });
  it('an empty body on a published entry', () => {
    const [line] = messages({ 'playbooks/launch.md': PLAYBOOK.slice(0, PLAYBOOK.lastIndexOf('---') + 4) });
    expect(line).toContain('empty body');
  });
  it('an unknown MDX component, with its line', () => {
    const [line] = messages({ 'playbooks/launch.mdx': `${PLAYBOOK}\n<Carousel items={[1]} />\n` });
    expect(line).toMatch(/launch\.mdx:\d+ .*<Carousel>/);
  });
});

describe('references', () => {
  it('a dangling owner fails, naming the field and the known ids', () => {
    const [line] = messages({ 'playbooks/launch.md': PLAYBOOK.replace('owner: editorial', 'owner: editorail') });
    expect(line).toContain('content/playbooks/launch.md:4  owner: points to "editorail", which does not exist');
    expect(line).toContain('editorial');
  });
  it('a dangling related entry fails', () => {
    const [line] = messages({ 'playbooks/launch.md': PLAYBOOK.replace('phases: [2]', 'phases: [2]\nrelated: [protocols/nowhere]') });
    expect(line).toContain('related[0]');
  });
  it('a related entry in an unknown collection fails on shape', () => {
    const [line] = messages({ 'playbooks/launch.md': PLAYBOOK.replace('phases: [2]', 'phases: [2]\nrelated: [blog/launch]') });
    expect(line).toContain('related[0]');
    expect(line).toContain('collection/id');
  });
  it('a path step to a draft fails', () => {
    const draft = PLAYBOOK.replace('status: published', 'status: draft');
    const path = `${governance()}audience: practitioner\nsteps:\n  - entry: playbooks/launch\n    why: Start here.\n    minutes: 10\n`;
    const out = messages({ 'playbooks/launch.md': draft, 'paths/new.yaml': path });
    expect(out.join('\n')).toContain('content/paths/new.yaml:10  steps[0].entry: points to "playbooks/launch", which is a draft');
  });
  it('a path step that points nowhere fails', () => {
    const path = `${governance()}audience: practitioner\nsteps:\n  - entry: playbooks/missing\n    why: Start here.\n    minutes: 10\n`;
    expect(messages({ 'paths/new.yaml': path }).join('\n')).toContain('steps[0].entry: points to "playbooks/missing"');
  });
  it('a duplicate id (.md and .mdx with one name) fails', () => {
    const out = messages({ 'playbooks/launch.md': PLAYBOOK, 'playbooks/launch.mdx': PLAYBOOK });
    expect(out.join('\n')).toContain('the id "launch" is already used by content/playbooks/launch.md');
  });
  it('a duplicate slug fails', () => {
    const other = PLAYBOOK.replace('phases: [2]', 'phases: [2]\nslug: launch');
    const out = messages({ 'playbooks/launch.md': PLAYBOOK, 'playbooks/other.md': other });
    expect(out.join('\n')).toMatch(/content\/playbooks\/other\.md:\d+ {2}slug: the id "launch" is already used/);
  });
  it('a file name that cannot be an id fails', () => {
    expect(messages({ 'playbooks/Launch Plan.md': PLAYBOOK }).join('\n')).toContain('Rename the file');
  });
});

describe('text with odd Unicode', () => {
  it('accepts right-to-left titles', () => {
    const { problems } = checkFiles({ 'playbooks/launch.md': PLAYBOOK.replace('title: Launch a channel', 'title: "إطلاق قناة جديدة — שם ערוץ"') });
    expect(problems).toEqual([]);
  });
  it('refuses a direction override hidden in a title', () => {
    const [line] = messages({ 'playbooks/launch.md': PLAYBOOK.replace('title: Launch a channel', 'title: "Launch \u202Eelbaliava\u202C a channel"') });
    expect(line).toContain('content/playbooks/launch.md:2  title: The title contains an invisible');
  });
  it('names a mistyped field and its line', () => {
    const [line] = messages({ 'playbooks/launch.md': PLAYBOOK.replace('reviewEvery: 12', 'reviewEvery: 12\nreveiwEvery: 6') });
    expect(line).toBe('content/playbooks/launch.md:9  reveiwEvery: is not a field of this collection. Check the spelling (fields are case-sensitive) or remove it.');
  });
});
