/**
 * Opens the search dialog on demand: a click on a `[data-search-trigger]` control, `/`, or
 * Ctrl/Cmd+K. Until then a page ships none of React, and the build renders no dialog for every
 * page: the dialog (src/islands/search/SearchDialog.tsx) is mounted into #search-dialog-root the
 * first time a reader asks for it. The request is remembered on window so the dialog opens as
 * soon as it has loaded.
 */
type SearchWindow = { __hubSearchOpen?: boolean; __hubSearchBuffer?: string; __hubSearchReady?: boolean };

const root = document.getElementById('search-dialog-root');
if (root) {
  let loading = false;
  const w = window as unknown as SearchWindow;
  // Keys typed while the dialog loads are kept and handed to it, so fast typists lose nothing.
  const buffer = (e: KeyboardEvent) => {
    if (w.__hubSearchReady) return document.removeEventListener('keydown', buffer, true);
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key.length === 1) w.__hubSearchBuffer = (w.__hubSearchBuffer ?? '') + e.key;
    else if (e.key === 'Backspace') w.__hubSearchBuffer = (w.__hubSearchBuffer ?? '').slice(0, -1);
    else return;
    e.preventDefault();
  };
  const start = (event: Event) => {
    w.__hubSearchOpen = true;
    event.preventDefault();
    if (loading) return;
    loading = true;
    w.__hubSearchBuffer = '';
    document.removeEventListener('keydown', onKey);
    // Added at once, not in a timeout: keys typed straight after "/" must not slip past. The
    // triggering key is already past document's capture phase, so it is not buffered itself.
    document.addEventListener('keydown', buffer, true);
    import('../islands/search/mount.tsx').then(({ mount }) => mount(root, root.dataset.base ?? '/'));
  };
  const onKey = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement | null;
    const typing = !!target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if ((e.key === '/' && !typing && !e.metaKey && !e.ctrlKey && !e.altKey) || ((e.metaKey || e.ctrlKey) && e.key.toLowerCase() === 'k')) start(e);
  };
  document.addEventListener('keydown', onKey);
  for (const el of document.querySelectorAll('[data-search-trigger]')) el.addEventListener('click', start, { once: true });
}
