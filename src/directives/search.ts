import type { ClientDirective } from 'astro';

/**
 * `client:search` hydrates the search island only when the reader asks for search: a click on a
 * `[data-search-trigger]` control, `/`, or Ctrl/Cmd+K. Until then the page ships none of React.
 * The request is remembered on window so the island opens as soon as it has loaded.
 */
const searchDirective: ClientDirective = (load) => {
  let loading = false;
  const start = (event: Event) => {
    const w = window as unknown as { __hubSearchOpen?: boolean };
    w.__hubSearchOpen = true;
    event.preventDefault();
    if (loading) return;
    loading = true;
    document.removeEventListener('keydown', onKey);
    load().then((hydrate) => hydrate());
  };
  const onKey = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement | null;
    const typing = !!target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if ((e.key === '/' && !typing && !e.metaKey && !e.ctrlKey && !e.altKey) || ((e.metaKey || e.ctrlKey) && e.key.toLowerCase() === 'k')) start(e);
  };
  document.addEventListener('keydown', onKey);
  for (const el of document.querySelectorAll('[data-search-trigger]')) el.addEventListener('click', start, { once: true });
};

export default searchDirective;
