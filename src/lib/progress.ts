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
