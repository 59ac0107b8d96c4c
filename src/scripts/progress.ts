/**
 * Path progress on the path page, entry pages and the home page. Plain DOM, no framework: these
 * pages must stay light. Controls are rendered hidden and shown only when this script runs, so a
 * reader without JavaScript never sees a checkbox that does nothing.
 */
import { chooseCurrentPath, continueWhere, doneCount, parseProgress, PROGRESS_KEY, setStepDone, type PathSummary, type Progress } from '../lib/progress.ts';

const SESSION_PATH = 'hub-current-path';

function load(): Progress {
  try {
    return parseProgress(localStorage.getItem(PROGRESS_KEY));
  } catch {
    return {};
  }
}
function save(p: Progress) {
  try {
    localStorage.setItem(PROGRESS_KEY, JSON.stringify(p));
  } catch {
    // storage blocked: progress lasts for this page view only
  }
}

/**
 * A page on several paths: open the panel of the path the reader is on and keep the others in the
 * quiet line. `?path=` is remembered for this tab and taken off the address, so a copied link stays clean.
 */
function wireCurrentPath() {
  const panels = [...document.querySelectorAll<HTMLElement>('[data-path-panel]')];
  const others = document.querySelector<HTMLElement>('[data-path-others]');
  if (!others || panels.length < 2) return;
  const url = new URL(location.href);
  let session: string | null = null;
  try {
    session = sessionStorage.getItem(SESSION_PATH);
  } catch {
    // storage blocked: only the address and stored progress can tell
  }
  const current = chooseCurrentPath(panels.map((p) => p.dataset.pathPanel!), { param: url.searchParams.get('path'), session, progress: load() });
  if (url.searchParams.has('path')) {
    url.searchParams.delete('path');
    history.replaceState(history.state, '', url.href);
  }
  if (!current) return;
  try {
    sessionStorage.setItem(SESSION_PATH, current);
  } catch {
    // as above
  }
  for (const panel of panels) panel.hidden = panel.dataset.pathPanel !== current;
  const items = [...others.querySelectorAll<HTMLElement>('[data-path-item]')];
  for (const item of items) item.hidden = item.dataset.pathItem === current;
  others.querySelector<HTMLElement>('[data-others-lead]')!.hidden = true;
  others.querySelector<HTMLElement>('[data-others-also]')!.hidden = false;
}

/** Checkboxes: <input type=checkbox data-progress-path="id" data-progress-step="collection/id" hidden> */
function wireCheckboxes() {
  const boxes = [...document.querySelectorAll<HTMLInputElement>('input[data-progress-path]')];
  const refresh = () => {
    const progress = load();
    for (const box of boxes) box.checked = progress[box.dataset.progressPath!]?.done.includes(box.dataset.progressStep!) ?? false;
    // Counts come from storage, not from the boxes: lists of paths have no boxes.
    for (const out of document.querySelectorAll<HTMLElement>('[data-progress-count]')) {
      const steps = (out.dataset.progressSteps ?? '').split(' ').filter(Boolean);
      const done = doneCount(progress, out.dataset.progressCount!, steps);
      out.textContent = `${done} of ${steps.length} steps done`;
      const summary = out.closest<HTMLElement>('[data-progress-summary]');
      const bar = summary?.querySelector('progress');
      if (bar) bar.value = done;
      // In lists, only started paths show progress; the path's own page always does.
      if (summary) summary.hidden = summary.dataset.progressSummary === 'started' && done === 0;
    }
  };
  for (const box of boxes) {
    // Unhide the box and its wrappers, but never a path panel the reader is not on.
    for (let el = box.closest<HTMLElement>('[hidden]'); el && !el.hasAttribute('data-path-panel'); el = el.closest<HTMLElement>('[hidden]')) el.removeAttribute('hidden');
    box.addEventListener('change', () => {
      save(setStepDone(load(), box.dataset.progressPath!, box.dataset.progressStep!, box.checked, new Date().toISOString()));
      refresh();
    });
  }
  refresh();
}

/** Home page: "continue where you left off", from <script type="application/json" id="path-data">. */
function wireContinue() {
  const slot = document.querySelector<HTMLElement>('[data-continue]');
  const data = document.getElementById('path-data');
  if (!slot || !data) return;
  const paths = JSON.parse(data.textContent ?? '[]') as PathSummary[];
  const where = continueWhere(load(), paths);
  if (!where) return;
  const link = slot.querySelector<HTMLAnchorElement>('[data-continue-next]')!;
  link.href = where.next.url;
  link.textContent = where.next.title;
  const pathLink = slot.querySelector<HTMLAnchorElement>('[data-continue-path]')!;
  pathLink.href = where.path.url;
  pathLink.textContent = where.path.title;
  slot.querySelector<HTMLElement>('[data-continue-count]')!.textContent = `${where.done} of ${where.path.steps.length} steps done`;
  slot.hidden = false;
}

/** Phases page: mark the phase the reader's last self-assessment gave. */
function wireYouAreHere() {
  let saved: { phase?: number; at?: string } | null = null;
  try {
    saved = JSON.parse(localStorage.getItem('hub-assessment-result') ?? 'null');
  } catch {
    return;
  }
  if (!saved?.phase) return;
  const card = document.querySelector<HTMLElement>(`[data-phase-card="${saved.phase}"]`);
  const note = card?.querySelector<HTMLElement>('[data-you-are-here]');
  if (!card || !note) return;
  card.classList.add('you-are-here');
  note.textContent = `You are here, by your self-assessment of ${new Date(saved.at ?? '').toLocaleDateString()}.`;
  note.hidden = false;
}

wireCurrentPath();
wireCheckboxes();
wireContinue();
wireYouAreHere();
