/**
 * Wires reader signals into the page when the build turned them on (src/components/Signals.astro
 * loads this script only then):
 *
 * - Search, from what the search UI already shows, without touching its code: the status line
 *   announces each answer ("3 results for “crisis”"), a result is opened by a click, a middle
 *   click or Enter on an option of the results listbox, and the dialog fires `close`.
 *   Were the search island to call searchSettled and resultOpened itself, this part could go.
 * - "Was this page helpful?" on entry pages (src/components/Feedback.astro).
 */
import { readSearchStatus, type Reason } from '../lib/signals.ts';
import { resultOpened, searchEnded, searchSettled, signalsEnabled, voteChosen, voteSent } from './signals.ts';

function wireSearch() {
  const report = (status: Element) => {
    const shown = readSearchStatus(status.textContent ?? '');
    const input = status.closest('dialog, .search-page')?.querySelector<HTMLInputElement>('input[role="combobox"]');
    // Only an answer to what is in the box now: a late answer to an older query is not a search.
    if (shown && input && shown.query === input.value.trim()) searchSettled(shown.query, shown.results);
  };
  new MutationObserver((mutations) => {
    const seen = new Set<Element>();
    for (const m of mutations) {
      const el = m.target instanceof Element ? m.target : m.target.parentElement;
      const status = el?.closest('.search-status[role="status"]');
      if (status && !seen.has(status)) {
        seen.add(status);
        report(status);
      }
    }
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
  for (const status of document.querySelectorAll('.search-status[role="status"]')) report(status);

  const opened = (option: HTMLElement, listbox: HTMLElement) => {
    const input = document.querySelector<HTMLInputElement>(`input[role="combobox"][aria-controls="${CSS.escape(listbox.id)}"]`);
    const url = option.getAttribute('href');
    if (!input || !url) return;
    // Rank counts pages, not the section rows listed under them: a section shares its page's rank.
    const options = [...listbox.querySelectorAll<HTMLElement>('[role="option"]')];
    const upTo = options.slice(0, options.indexOf(option) + 1);
    const rank = Math.max(1, upTo.filter((o) => !o.classList.contains('section')).length);
    resultOpened(input.value, rank, url);
  };
  const onPointer = (e: MouseEvent) => {
    if (e.type === 'auxclick' && e.button !== 1) return;
    const option = (e.target as Element | null)?.closest<HTMLElement>('[role="option"]');
    const listbox = option?.closest<HTMLElement>('[role="listbox"]');
    if (option && listbox) opened(option, listbox);
  };
  // Capture phase: the search UI navigates in its own click handler, after this has run.
  document.addEventListener('click', onPointer, true);
  document.addEventListener('auxclick', onPointer, true);
  document.addEventListener('keydown', (e) => {
    const input = e.target as HTMLElement | null;
    if (e.key !== 'Enter' || !(input instanceof HTMLInputElement) || input.getAttribute('role') !== 'combobox') return;
    const active = input.getAttribute('aria-activedescendant');
    const option = active ? document.getElementById(active) : null;
    const listbox = option?.closest<HTMLElement>('[role="listbox"]');
    if (option && listbox) opened(option, listbox);
  }, true);
  // `close` does not bubble; a capturing listener still hears the dialog's.
  document.addEventListener('close', (e) => e.target instanceof HTMLDialogElement && e.target.classList.contains('search-dialog') && searchEnded(), true);
}

function wireFeedback() {
  const form = document.querySelector<HTMLFormElement>('form[data-helpful]');
  if (!form) return;
  const question = form.querySelector<HTMLElement>('[data-helpful-question]')!;
  const details = form.querySelector<HTMLElement>('[data-helpful-details]')!;
  const thanks = form.querySelector<HTMLElement>('[data-helpful-thanks]')!;
  form.hidden = false;
  let helpful: boolean | undefined;
  for (const button of form.querySelectorAll<HTMLButtonElement>('button[data-helpful-answer]')) {
    button.addEventListener('click', () => {
      helpful = button.dataset.helpfulAnswer === 'yes';
      voteChosen(helpful);
      for (const b of form.querySelectorAll<HTMLButtonElement>('button[data-helpful-answer]')) b.setAttribute('aria-pressed', String(b === button));
      for (const list of form.querySelectorAll<HTMLElement>('[data-reasons]')) list.hidden = list.dataset.reasons !== (helpful ? 'yes' : 'no');
      details.hidden = false;
      form.querySelector<HTMLElement>(`[data-reasons="${helpful ? 'yes' : 'no'}"] legend`)?.focus();
    });
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (helpful === undefined) return;
    const reason = form.querySelector<HTMLInputElement>(`[data-reasons="${helpful ? 'yes' : 'no'}"] input[type="radio"]:checked`)?.value as Reason | undefined;
    const comment = form.querySelector<HTMLTextAreaElement>('textarea')?.value;
    voteSent(reason, comment);
    question.hidden = true;
    details.hidden = true;
    thanks.hidden = false;
    thanks.focus();
  });
}

if (signalsEnabled()) {
  wireSearch();
  wireFeedback();
}
