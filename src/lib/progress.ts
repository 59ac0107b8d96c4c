/**
 * Onboarding-path progress kept in the reader's browser: which steps of which path are done.
 * Pure helpers over a plain object; the scripts read and write it in localStorage.
 */
export type Progress = Record<string, { done: string[]; at: string }>;

export const PROGRESS_KEY = 'hub-progress';

/** Parse stored progress, dropping anything malformed. */
export function parseProgress(text: string | null): Progress {
  try {
    const raw = JSON.parse(text ?? '{}') as unknown;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
    const out: Progress = {};
    for (const [path, value] of Object.entries(raw as Record<string, unknown>)) {
      const v = value as { done?: unknown; at?: unknown };
      if (Array.isArray(v?.done) && typeof v.at === 'string') out[path] = { done: v.done.filter((s): s is string => typeof s === 'string'), at: v.at };
    }
    return out;
  } catch {
    return {};
  }
}

/** Mark a step done or not done; returns a new object. */
export function setStepDone(progress: Progress, path: string, step: string, done: boolean, at: string): Progress {
  const current = new Set(progress[path]?.done ?? []);
  if (done) current.add(step);
  else current.delete(step);
  return { ...progress, [path]: { done: [...current], at } };
}

export interface PathSummary { id: string; title: string; url: string; steps: { key: string; title: string; url: string }[] }

/** The path the reader touched last that still has steps to do, with its next step. */
export function continueWhere(progress: Progress, paths: PathSummary[]): { path: PathSummary; done: number; next: PathSummary['steps'][number] } | undefined {
  const touched = Object.entries(progress)
    .filter(([id]) => paths.some((p) => p.id === id))
    .sort((a, b) => b[1].at.localeCompare(a[1].at));
  for (const [id, entry] of touched) {
    const path = paths.find((p) => p.id === id)!;
    const next = path.steps.find((s) => !entry.done.includes(s.key));
    const done = path.steps.filter((s) => entry.done.includes(s.key)).length;
    if (next && done > 0) return { path, done, next };
  }
  return undefined;
}

/** Where the reader's current path can come from, strongest first. */
export interface PathHints {
  /** `?path=` on the address: the reader followed a link from the path or its previous/next. */
  param?: string | null;
  /** The path chosen earlier in this browser tab. */
  session?: string | null;
  progress: Progress;
}

/**
 * The one path to show on a page that is a step of several: the one the reader came from, else the
 * one chosen earlier in this tab, else the started path they touched last. Undefined when the reader
 * is on none of them, so the page shows only the quiet list.
 */
export function chooseCurrentPath(candidates: string[], hints: PathHints): string | undefined {
  if (hints.param && candidates.includes(hints.param)) return hints.param;
  if (hints.session && candidates.includes(hints.session)) return hints.session;
  return candidates
    .filter((id) => (hints.progress[id]?.done.length ?? 0) > 0)
    .sort((a, b) => hints.progress[b]!.at.localeCompare(hints.progress[a]!.at))[0];
}

/** How many of a path's steps are done: only steps still on the path count. */
export function doneCount(progress: Progress, path: string, steps: string[]): number {
  const done = new Set(progress[path]?.done ?? []);
  return steps.filter((s) => done.has(s)).length;
}
