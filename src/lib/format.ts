const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "28 November 2026" from "2026-11-28": unambiguous for readers in every country. */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "Practitioners, PR and HR". */
export function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** Newest first, by day then version. */
export function newestFirst<T extends { date: string; version?: string | undefined }>(changes: T[]): T[] {
  return [...changes].sort((a, b) => b.date.localeCompare(a.date) || (b.version ?? '').localeCompare(a.version ?? '', 'en', { numeric: true }));
}

/** "Phase 2", "Phases 2–4", "Phases 1 and 3", "All phases": short labels for badges. */
export function phaseSpan(phases: number[]): string {
  const sorted = [...new Set(phases)].sort((a, b) => a - b);
  if (sorted.length === 0) return '';
  if (sorted.length === 4) return 'All phases';
  if (sorted.length === 1) return `Phase ${sorted[0]}`;
  const contiguous = sorted.every((n, i) => i === 0 || n === sorted[i - 1]! + 1);
  return contiguous ? `Phases ${sorted[0]}–${sorted.at(-1)}` : `Phases ${joinWords(sorted.map(String))}`;
}
