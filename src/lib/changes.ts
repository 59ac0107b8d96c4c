/** Change lines across the portal, for the What's new page and the Atom feed. */
export interface ChangeItem {
  key: string;
  title: string;
  url: string;
  collectionLabel: string;
  date: string;
  type: 'major' | 'minor';
  version?: string | undefined;
  note?: string | undefined;
}

interface Source {
  key: string;
  title: string;
  url: string;
  collectionLabel: string;
  changes: { date: string; type: 'major' | 'minor'; version?: string | undefined; note?: string | undefined }[];
}

/** Every change of every entry, newest first (ties: major before minor, then title). */
export function allChanges(sources: Source[], { majorOnly = false, limit = Infinity } = {}): ChangeItem[] {
  return sources
    .flatMap((s) => s.changes.filter((c) => !majorOnly || c.type === 'major').map((c) => ({ key: s.key, title: s.title, url: s.url, collectionLabel: s.collectionLabel, ...c })))
    .sort((a, b) => b.date.localeCompare(a.date) || (a.type === b.type ? 0 : a.type === 'major' ? -1 : 1) || a.title.localeCompare(b.title))
    .slice(0, limit);
}

/** Group items by month, "November 2026", keeping order. */
export function byMonth<T extends { date: string }>(items: T[]): { month: string; id: string; items: T[] }[] {
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const groups: { month: string; id: string; items: T[] }[] = [];
  for (const item of items) {
    const [y, m] = item.date.split('-');
    const id = `${y}-${m}`;
    const last = groups.at(-1);
    if (last?.id === id) last.items.push(item);
    else groups.push({ id, month: `${MONTHS[Number(m) - 1]} ${y}`, items: [item] });
  }
  return groups;
}

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

/** An Atom 1.0 feed of changes; `site` and `selfUrl` are absolute. */
export function renderAtom({ title, site, selfUrl, items, updated }: { title: string; site: string; selfUrl: string; items: (ChangeItem & { absoluteUrl: string })[]; updated: string }): string {
  const entries = items
    .map((i) => `  <entry>
    <id>${escapeXml(`${i.absoluteUrl}#change-${i.date}${i.version ? `-${i.version}` : ''}`)}</id>
    <title>${escapeXml(`${i.title}${i.version ? ` (version ${i.version})` : ''}`)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(i.absoluteUrl)}"/>
    <updated>${i.date}T00:00:00Z</updated>
    <category term="${escapeXml(i.collectionLabel)}"/>
    <summary>${escapeXml(i.note ?? 'Updated.')}</summary>
  </entry>`)
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${escapeXml(title)}</title>
  <id>${escapeXml(selfUrl)}</id>
  <link rel="self" type="application/atom+xml" href="${escapeXml(selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(site)}"/>
  <updated>${updated}T00:00:00Z</updated>
${entries}
</feed>
`;
}
