/** Contacts as readers use them: dialable links and the order of the "Duty rota and contacts" page. */
import type { Contact } from '../schemas/contact.ts';

/** The `tel:` URL for a number written for people ("+44 20 7946 0101" becomes "tel:+442079460101"). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^+0-9]/g, '')}`;
}

export interface ContactGroups<T> {
  /** Duty roles, reachable outside working hours: what a reader at 9 pm needs first. */
  duty: T[];
  /** Team lines, in working hours. */
  team: T[];
}

/** Split contacts into duty roles and team lines, each sorted by name. */
export function groupContacts<T extends { data: Pick<Contact, 'kind' | 'name'> }>(contacts: T[]): ContactGroups<T> {
  const byName = (a: T, b: T) => a.data.name.localeCompare(b.data.name, 'en', { sensitivity: 'base' });
  return {
    duty: contacts.filter((c) => c.data.kind === 'duty').sort(byName),
    team: contacts.filter((c) => c.data.kind === 'team').sort(byName),
  };
}
