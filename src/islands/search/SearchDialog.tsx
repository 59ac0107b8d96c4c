import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { serializeState, type SearchState } from '../../lib/search/state.ts';
import { describeCount } from '../../lib/search/results.ts';
import { browseLinks, EmptyAnswer, QueryNote } from './Answer.tsx';
import { useSearch } from './useSearch.ts';
import { useListNav } from './useListNav.ts';
import { Results, toOptions } from './Results.tsx';
import { ComboboxInput } from './ComboboxInput.tsx';

interface Props {
  /** The site's base path, ending in a slash. */
  base: string;
}

/**
 * The search dialog every page can open (header control, `/`, Ctrl/Cmd+K). It is mounted on first
 * use (src/scripts/search.ts), searches as the reader types, and hands over to the full search
 * page for filters. A native <dialog> gives the focus trap, Escape, and focus return to the opener.
 */
export default function SearchDialog({ base }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const [exact, setExact] = useState(false);
  const state = useMemo<SearchState>(() => ({ q, filters: {}, sort: 'relevance', exact }), [q, exact]);
  const outcome = useSearch(base, state, { enabled: open, facets: false });
  const options = useMemo(() => toOptions(outcome.results), [outcome.results]);
  const nav = useListNav(options.length, (i) => {
    const url = options[i]?.url;
    if (url) window.location.href = url;
  });

  useEffect(() => {
    const show = () => {
      const d = dialog.current;
      if (!d || d.open) return;
      d.showModal();
      setOpen(true);
      input.current?.focus();
    };
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      const typing = !!t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
      if ((e.key === '/' && !typing && !e.metaKey && !e.ctrlKey && !e.altKey) || ((e.metaKey || e.ctrlKey) && e.key.toLowerCase() === 'k')) {
        e.preventDefault();
        show();
      }
    };
    const onClick = (e: Event) => {
      e.preventDefault();
      show();
    };
    const triggers = [...document.querySelectorAll('[data-search-trigger]')];
    document.addEventListener('keydown', onKey);
    triggers.forEach((t) => t.addEventListener('click', onClick));
    const w = window as unknown as { __hubSearchOpen?: boolean; __hubSearchBuffer?: string; __hubSearchReady?: boolean };
    w.__hubSearchReady = true;
    if (w.__hubSearchOpen) {
      const buffered = w.__hubSearchBuffer ?? '';
      w.__hubSearchBuffer = '';
      // Into the box itself at once, not only into state: a key typed before React re-renders
      // lands in the box, and its change event must carry the buffered letters too.
      if (input.current) input.current.value = buffered;
      setQ(buffered);
      show();
    }
    return () => {
      document.removeEventListener('keydown', onKey);
      triggers.forEach((t) => t.removeEventListener('click', onClick));
    };
  }, []);

  // A new answer starts the choice again; rows appended to the same answer (the rest of the first
  // page, "Show more") keep the row the reader is on.
  // A layout effect runs as the answer is committed, before any later key: a passive effect could
  // run after an ArrowDown pressed the moment the results showed and undo it.
  useLayoutEffect(() => nav.setActive(-1), [outcome.answered]);

  const close = () => dialog.current?.close();
  const fullSearch = `${base}search/${serializeState(state)}`;
  const answeredQ = outcome.answered?.q.trim() ?? '';
  const count = !answeredQ ? '' : describeCount(outcome.total, answeredQ, false);
  const ready = outcome.status === 'ready' && !!outcome.answered && !!answeredQ;

  return (
    <dialog
      ref={dialog}
      className="search-dialog"
      aria-labelledby="search-dialog-title"
      // `close` fires in a task of its own, and a key that opens search again can run before it:
      // the dialog's own state says whether it is open.
      onClose={() => setOpen(!!dialog.current?.open)}
      onClick={(e) => e.target === dialog.current && close()}
    >
      <div className="search-dialog-inner">
        <div className="search-dialog-head">
          <h2 id="search-dialog-title">Search the portal</h2>
          <button type="button" className="button" onClick={close}>Close<span className="visually-hidden"> search</span></button>
        </div>
        <form role="search" onSubmit={(e) => { e.preventDefault(); if (nav.active < 0) window.location.href = fullSearch; }}>
          <label htmlFor="search-dialog-input" className="visually-hidden">Search the portal</label>
          <ComboboxInput
            inputRef={input}
            id="search-dialog-input"
            listId="search-dialog-results"
            expanded={options.length > 0}
            active={nav.active}
            describedBy="search-dialog-help"
            placeholder="Playbooks, protocols, policy, terms…"
            value={q}
            onChange={(next) => {
              setQ(next);
              setExact(false);
            }}
            onKeyDown={(e) => {
              // A search field's own Escape only clears it; here Escape closes, as the help says.
              if (e.key === 'Escape') {
                e.preventDefault();
                close();
                return;
              }
              nav.onKeyDown(e);
            }}
          />
        </form>
        <p id="search-dialog-help" className="search-help">Arrow keys choose a result, Enter opens it, Escape closes.</p>
        <p className="search-status" role="status" aria-live="polite">{outcome.status === 'unavailable' ? outcome.error : count}</p>
        {ready && (
          <QueryNote
            understood={outcome.understood}
            state={outcome.answered!}
            hrefFor={(s) => `${base}search/${serializeState(s)}`}
            choose={(s) => {
              setQ(s.q);
              setExact(!!s.exact);
            }}
          />
        )}
        <Results id="search-dialog-results" options={options} active={nav.active} onHover={nav.setActive} label="Search results" busy={!outcome.settled} />
        {ready && outcome.total === 0 && <EmptyAnswer q={answeredQ} help={outcome.help} browse={browseLinks(base)} />}
        <p className="search-more">
          <a href={fullSearch}>{q.trim() ? 'Filter these results on the search page' : 'Browse everything on the search page'}</a>
        </p>
      </div>
    </dialog>
  );
}
