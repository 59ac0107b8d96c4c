/**
 * A–Z index pages: every entry once, under its initial, with facets (phase, audience, channel…)
 * that quick filters narrow. Pure data; src/components/AzIndex.astro renders it and
 * src/scripts/az-filter.ts filters it in the browser with `matchesFilters`.
 */

/** The letter an entry files under: its first letter, or "#" for digits and symbols. */
export function letterOf(title: string): string {
  const first = title.trim().normalize('NFKD')[0] ?? '';
  return /[a-z]/i.test(first) ? first.toUpperCase() : '#';
}

export interface AzItem {
  id: string;
  title: string;
  /** Facet values by facet key, e.g. { phase: ['2', '3'], audience: ['pr'] }. */
  facets: Record<string, string[]>;
}

/** Items sorted by title (case and accents ignored) and grouped under their letters, in order. */
export function groupByLetter<T extends { title: string }>(items: T[]): { letter: string; items: T[] }[] {
  const sorted = [...items].sort((a, b) => a.title.localeCompare(b.title, 'en', { sensitivity: 'base' }));
  const groups: { letter: string; items: T[] }[] = [];
  for (const item of sorted) {
    const letter = letterOf(item.title);
    const last = groups.at(-1);
    if (last?.letter === letter) last.items.push(item);
    else groups.push({ letter, items: [item] });
  }
  return groups;
}

export interface Facet {
  key: string;
  /** The filter's label, e.g. "Phase". */
  label: string;
  /** Options that at least one item has, in the given order, with counts. */
  options: { value: string; label: string; count: number }[];
}

/** A facet's options from the items, in the order of `labels`; options no item has are left out. */
export function buildFacet(items: AzItem[], key: string, label: string, labels: Record<string, string>): Facet {
  const options = Object.entries(labels)
    .map(([value, text]) => ({ value, label: text, count: items.filter((i) => i.facets[key]?.includes(value)).length }))
    .filter((o) => o.count > 0);
  return { key, label, options };
}

/** True when the item has every chosen value; an empty choice matches everything. */
export function matchesFilters(facets: Record<string, string[]>, chosen: Record<string, string>): boolean {
  return Object.entries(chosen).every(([key, value]) => !value || (facets[key] ?? []).includes(value));
}
