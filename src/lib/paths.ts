/** Where an entry sits on the onboarding paths that include it. */
export interface PathPosition {
  pathId: string;
  /** The step's entry, as collection/id. */
  key: string;
  pathTitle: string;
  /** 1-based step number. */
  step: number;
  total: number;
  prev?: string;
  next?: string;
}

interface PathLike { id: string; data: { title: string; steps: { entry: string }[] } }

/** Every path step that points at `key` (collection/id), with the neighbouring steps' keys. */
export function pathPositions(paths: PathLike[], key: string): PathPosition[] {
  return paths.flatMap((path) =>
    path.data.steps.flatMap((step, i, steps) =>
      step.entry === key
        ? [{ pathId: path.id, key, pathTitle: path.data.title, step: i + 1, total: steps.length, prev: steps[i - 1]?.entry, next: steps[i + 1]?.entry }]
        : [],
    ),
  );
}

/** Total minutes of a path. */
export function pathMinutes(path: { data: { steps: { minutes: number }[] } }): number {
  return path.data.steps.reduce((sum, s) => sum + s.minutes, 0);
}

/** "1 h 25 min" style durations. */
export function formatMinutes(total: number): string {
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/**
 * A step's address with the path it belongs to (`?path=id`), so the step page can show that path
 * and no other. The query goes before any #fragment.
 */
export function withPathParam(url: string, pathId: string): string {
  const [base = '', hash] = url.split('#', 2);
  const sep = base.includes('?') ? '&' : '?';
  return `${base}${sep}path=${encodeURIComponent(pathId)}${hash === undefined ? '' : `#${hash}`}`;
}
