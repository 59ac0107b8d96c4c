/** The newest changes across entries: one line per entry (its latest change), newest first. */
export interface ChangeLine { key: string; title: string; url: string; date: string; type: 'major' | 'minor'; note?: string | undefined }

interface Changed { key: string; title: string; url: string; changes: { date: string; type: 'major' | 'minor'; note?: string | undefined }[] }

export function recentChanges(entries: Changed[], limit: number, { majorOnly = false } = {}): ChangeLine[] {
  return entries
    .flatMap((e) => {
      const latest = [...e.changes].filter((c) => !majorOnly || c.type === 'major').sort((a, b) => b.date.localeCompare(a.date))[0];
      return latest ? [{ key: e.key, title: e.title, url: e.url, date: latest.date, type: latest.type, note: latest.note }] : [];
    })
    .sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title))
    .slice(0, limit);
}
