/**
 * The printable binders: which pages go into which PDF, in what order, with what title page, and
 * how page numbers are read back for the table of contents. Pure data; scripts/binders.ts renders.
 */
import type { ValidEntry } from './validate-content.ts';
import { allChanges, type ChangeItem } from './changes.ts';
import { entryPath } from './urls.ts';
import type { Change } from '../schemas/index.ts';
import { isListed } from './visibility.ts';

export interface BinderSection {
  /** Printed before the title on the section's first page, e.g. "Chapter 3"; unique in the binder. */
  label: string;
  title: string;
  /** Root-relative URL of the built page the section is taken from. */
  path: string;
}

export interface Binder {
  /** Output file name, e.g. "policy.pdf". */
  file: string;
  kind: 'policy' | 'protocols' | 'path';
  title: string;
  /** One line under the title on the title page. */
  summary: string;
  /** Facts on the title page, as label and value. */
  facts: [string, string][];
  sections: BinderSection[];
  /** The change history printed after the last section (the policy's). */
  history: ChangeItem[];
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const titleOf = (e: ValidEntry) => text(e.data.title) || e.id;

/** Compare dotted version numbers numerically: "2.10" is newer than "2.9". */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The binders for the published content: the policy as one controlled document (its version is
 * the highest chapter version, its effective date the latest chapter's), the protocols, and one
 * binder per onboarding path. Orders follow the site's lists (policy by `order`, protocols by
 * title, path steps as written).
 */
export function planBinders(entries: ValidEntry[]): Binder[] {
  const live = entries.filter(isListed);
  const byKey = new Map(live.map((e) => [`${e.collection}/${e.id}`, e]));
  const binders: Binder[] = [];

  const chapters = live.filter((e) => e.collection === 'policy').sort((a, b) => Number(a.data.order) - Number(b.data.order));
  if (chapters.length) {
    const version = chapters.map((c) => text(c.data.version)).sort(compareVersions).at(-1) ?? '';
    const effective = chapters.map((c) => text(c.data.effective)).sort().at(-1) ?? '';
    binders.push({
      file: 'policy.pdf',
      kind: 'policy',
      title: 'Social media policy',
      summary: 'A controlled document. Each chapter keeps its own version and effective date; the change history is at the end.',
      facts: [['Version', version], ['Effective', effective], ['Chapters', String(chapters.length)]],
      sections: chapters.map((c, i) => ({ label: `Chapter ${i + 1}`, title: titleOf(c), path: entryPath('policy', c.id) })),
      history: allChanges(chapters.map((c) => ({ key: `policy/${c.id}`, title: titleOf(c), url: entryPath('policy', c.id), collectionLabel: 'Policy', changes: (c.data.changes ?? []) as Change[] }))),
    });
  }

  const protocols = live.filter((e) => e.collection === 'protocols').sort((a, b) => titleOf(a).localeCompare(titleOf(b)));
  if (protocols.length) {
    binders.push({
      file: 'protocols.pdf',
      kind: 'protocols',
      title: 'Protocols',
      summary: 'One protocol per section: what to do in the first hour and who to call come first.',
      facts: [['Protocols', String(protocols.length)]],
      sections: protocols.map((p, i) => ({ label: `Protocol ${i + 1}`, title: titleOf(p), path: entryPath('protocols', p.id) })),
      history: [],
    });
  }

  const paths = live.filter((e) => e.collection === 'paths').sort((a, b) => a.id.localeCompare(b.id));
  for (const path of paths) {
    const steps = (path.data.steps ?? []) as { entry: string }[];
    binders.push({
      file: `path-${path.id}.pdf`,
      kind: 'path',
      title: titleOf(path),
      summary: text(path.data.summary),
      facts: [['Steps', String(steps.length)]],
      sections: steps.map((s, i) => {
        const target = byKey.get(s.entry);
        const [collection, id] = s.entry.split('/') as [ValidEntry['collection'], string];
        return { label: `Step ${i + 1}`, title: target ? titleOf(target) : s.entry, path: entryPath(collection, id) };
      }),
      history: [],
    });
  }
  return binders;
}

/** The heading that opens a section in the PDF, and that the page search looks for. */
export const sectionHeading = (s: BinderSection) => `${s.label} · ${s.title}`;

/**
 * The page (from 1) on which each section starts, from the PDF's text split into pages (pdftotext
 * separates pages with form feeds). A section starts on the first page, at or after the previous
 * section's, with a line that begins with its label and " · ". Undefined where not found.
 */
export function findSectionPages(pages: string[], sections: BinderSection[]): (number | undefined)[] {
  let from = 0;
  return sections.map((s) => {
    const start = `${s.label} · `;
    for (let i = from; i < pages.length; i++) {
      if ((pages[i] ?? '').split('\n').some((line) => line.trim().startsWith(start))) {
        from = i;
        return i + 1;
      }
    }
    return undefined;
  });
}

/** True when the build itself prints the binders and the pages link to them (HUB_BINDERS=1). */
export function bindersEnabled(env: Record<string, string | undefined>): boolean {
  return /^(1|on|true|yes)$/i.test(env.HUB_BINDERS ?? '');
}
