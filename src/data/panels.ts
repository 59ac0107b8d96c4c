/**
 * The structured part of an entry, shown before its body, as one typed value per kind: a protocol's
 * first hour and contacts, a playbook's goal, a case study's outcomes, a phase's signs and moves.
 * src/components/panels/ renders each; `leadingToc` (lib/sections.ts) lists the same sections.
 */
import type { CollectionEntry } from 'astro:content';
import type { CaseStudy, Contact, Phase, Playbook, Protocol } from '../schemas/index.ts';
import { leadingToc } from '../lib/sections.ts';
import type { TocItem } from '../lib/toc.ts';
import { isListed } from '../lib/visibility.ts';
import type { DocEntry, EntryRef, Site } from './site.ts';
import { entryBody } from '../node/entry-body.ts';

export interface ContactRow { role: string; when: string; note?: string | undefined; contact: Contact }

export type KindPanel =
  | {
      kind: 'protocols';
      data: Protocol;
      /** The body places the tiers itself (`<EscalationMatrix />`); the panel then prints them only on paper. */
      bodyHasMatrix: boolean;
      contacts: ContactRow[];
      /** The policy section the protocol serves, when it is built. */
      policy: EntryRef | undefined;
    }
  | { kind: 'playbooks'; data: Playbook }
  | { kind: 'case-studies'; data: CaseStudy; spoke: CollectionEntry<'spokes'> | undefined; outcomes: (CaseStudy['outcomes'][number] & { change: string })[] }
  | { kind: 'phases'; data: Phase; starters: EntryRef[] }
  | { kind: 'policy' };

/** Change from `before` to `after` as a signed whole percentage ("+25%"); empty when `before` is 0. */
export const percentChange = (before: number, after: number): string =>
  before === 0 ? '' : `${after >= before ? '+' : ''}${Math.round(((after - before) / Math.abs(before)) * 100)}%`;

export function kindPanelOf(site: Site, entry: DocEntry): KindPanel {
  switch (entry.collection) {
    case 'protocols': {
      const d = entry.data;
      return {
        kind: 'protocols',
        data: d,
        bodyHasMatrix: entryBody(entry).includes('<EscalationMatrix'),
        // The schema and the content check guarantee every role exists; a missing one would be a bug here.
        contacts: d.contacts.map((ref) => {
          const contact = site.contact(ref.role);
          if (!contact) throw new Error(`${entry.id}: contact "${ref.role}" not found in content/contacts`);
          return { role: ref.role, when: ref.when, note: ref.note, contact: contact.data };
        }),
        policy: site.resolve(`policy/${d.policySection}`),
      };
    }
    case 'playbooks':
      return { kind: 'playbooks', data: entry.data };
    case 'case-studies': {
      const d = entry.data;
      return { kind: 'case-studies', data: d, spoke: site.spoke(d.spoke), outcomes: d.outcomes.map((o) => ({ ...o, change: percentChange(o.before, o.after) })) };
    }
    case 'phases':
      return {
        kind: 'phases',
        data: entry.data,
        starters: entry.data.playbooks.map((id) => site.resolve(`playbooks/${id}`)).filter((r): r is EntryRef => !!r && isListed(r.status)),
      };
    case 'policy':
      return { kind: 'policy' };
  }
}

/** The table-of-contents items for a kind's panel. */
export function panelToc(panel: KindPanel): TocItem[] {
  switch (panel.kind) {
    case 'protocols':
      return leadingToc('protocols', { hasTiers: panel.data.tiers.length > 0, bodyHasMatrix: panel.bodyHasMatrix });
    case 'phases':
      return leadingToc('phases', { phase: panel.data.phase });
    default:
      return leadingToc(panel.kind);
  }
}
