/**
 * What an editor does with an imported draft before publishing it: fill in the fields the importer
 * marked, unlink what it could not resolve, delete the template code it left as TODOs, and set the
 * status to published. Shared by the unit and end-to-end tests of the importer.
 */
import { parse as parseYaml } from 'yaml';

/** The draft text (front matter and body) as the editor would publish it. */
export function fillIn(draft: string, related: string[]): string {
  const end = draft.indexOf('\n---\n', 4);
  const data = parseYaml(draft.slice(4, end)) as Record<string, unknown>;
  const body = draft
    .slice(end + 5)
    .replace(/\[([^\]]*)\]\([^)]*\) \(TODO: [^)]*\)/g, '$1')
    .replace(/!\[[^\]]*\]\([^)]*\) \(TODO: [^)]*\)/g, '')
    .replace(/ ?\(TODO: [^)]*\)/g, '')
    .replace(/TODO: (\\\{\\\{[^\n]*?\}\}|\\\{%[^\n]*?%\}|\\?<%[^\n]*?%>|--8\\<--[^\n]*|\\<ac:[^>\n]*>)/g, '');
  const filled = {
    ...data,
    status: 'published',
    audiences: ['practitioner'],
    goal: 'A reply that helps the person who asked.',
    whenToUse: 'Whenever a post of a brand account draws comments.',
    timeNeeded: '15 minutes',
    phases: [2, 3],
    channels: ['linkedin'],
    related,
    tags: Array.isArray(data.tags) && data.tags.length ? data.tags : ['imported'],
  };
  return `---\n${JSON.stringify(filled, null, 2)}\n---\n${body}`;
}
