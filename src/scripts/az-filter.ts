/** Quick filters on an A–Z index (AzIndex.astro): hide what does not match, and say how many remain. */
import { matchesFilters } from '../lib/az-index.ts';

const form = document.querySelector<HTMLFormElement>('[data-az-filters]');
if (form) {
  const selects = [...form.querySelectorAll<HTMLSelectElement>('select')];
  const cards = [...document.querySelectorAll<HTMLElement>('[data-facets]')].map((el) => ({ el, facets: JSON.parse(el.dataset.facets ?? '{}') as Record<string, string[]> }));
  const sections = [...document.querySelectorAll<HTMLElement>('[data-az-section]')];
  const count = form.querySelector<HTMLElement>('[data-az-count]')!;
  const empty = document.querySelector<HTMLElement>('[data-az-empty]');
  const params = new URLSearchParams(location.search);
  for (const select of selects) {
    const wanted = params.get(select.name);
    if (wanted && [...select.options].some((o) => o.value === wanted)) select.value = wanted;
  }
  const apply = () => {
    const chosen = Object.fromEntries(selects.map((s) => [s.name, s.value]));
    let shown = 0;
    for (const card of cards) {
      const match = matchesFilters(card.facets, chosen);
      card.el.hidden = !match;
      if (match) shown++;
    }
    for (const section of sections) {
      const visible = section.querySelector('[data-facets]:not([hidden])') !== null;
      section.hidden = !visible;
      const link = document.querySelector<HTMLElement>(`[data-az-letter-link="${section.getAttribute('aria-labelledby')}"]`);
      if (link) link.hidden = !visible;
    }
    const plural = count.dataset.plural ?? 'entries';
    count.textContent = shown === cards.length ? `${cards.length} ${plural}` : `Showing ${shown} of ${cards.length} ${plural}`;
    if (empty) empty.hidden = shown > 0;
    const url = new URL(location.href);
    for (const [key, value] of Object.entries(chosen)) {
      if (value) url.searchParams.set(key, value);
      else url.searchParams.delete(key);
    }
    history.replaceState(history.state, '', url.href);
  };
  form.addEventListener('change', apply);
  // "Clear filters" resets the selects after the event; filter once they are empty.
  form.addEventListener('reset', () => setTimeout(apply));
  form.addEventListener('submit', (event) => event.preventDefault());
  form.hidden = false;
  apply();
}
