/**
 * Path progress on the path page, entry pages and the home page. Plain DOM, no framework: these
 * pages must stay light. Controls are rendered hidden and shown only when this script runs, so a
 * reader without JavaScript never sees a checkbox that does nothing.
 */
import { continueWhere, parseProgress, PROGRESS_KEY, setStepDone, type PathSummary, type Progress } from '../lib/progress.ts';

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

/** Checkboxes: <input type=checkbox data-progress-path="id" data-progress-step="collection/id" hidden> */
function wireCheckboxes() {
  const boxes = [...document.querySelectorAll<HTMLInputElement>('input[data-progress-path]')];
  const refresh = () => {
    const progress = load();
    for (const box of boxes) box.checked = progress[box.dataset.progressPath!]?.done.includes(box.dataset.progressStep!) ?? false;
    for (const out of document.querySelectorAll<HTMLElement>('[data-progress-count]')) {
      const path = out.dataset.progressCount!;
      const total = Number(out.dataset.progressTotal);
      const done = boxes.filter((b) => b.dataset.progressPath === path && b.checked).length;
      out.textContent = `${done} of ${total} steps done`;
      const bar = out.parentElement?.querySelector('progress');
      if (bar) bar.value = done;
    }
  };
  for (const box of boxes) {
    for (let el = box.closest<HTMLElement>('[hidden]'); el; el = el.closest<HTMLElement>('[hidden]')) el.removeAttribute('hidden');
    box.addEventListener('change', () => {
      save(setStepDone(load(), box.dataset.progressPath!, box.dataset.progressStep!, box.checked, new Date().toISOString()));
      refresh();
    });
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-progress-summary]')) el.hidden = false;
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

wireCheckboxes();
wireContinue();
wireYouAreHere();
