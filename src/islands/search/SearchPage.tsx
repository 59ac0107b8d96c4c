import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { EMPTY_STATE, filterCount, hasFilters, parseState, resolveFilterValues, serializeState, toggleFilter, type SearchState } from '../../lib/search/state.ts';
import { describeCount } from '../../lib/search/results.ts';
import type { FirstView } from '../../lib/search/record.ts';
import { browseLinks, EmptyAnswer, QueryNote } from './Answer.tsx';
import { useSearch } from './useSearch.ts';
import { warmPagefind } from './pagefind.ts';
import { useListNav } from './useListNav.ts';
import { Results, toOptions } from './Results.tsx';
import { ComboboxInput } from './ComboboxInput.tsx';

interface Props {
  base: string;
  /** Facet values with labels and counts, and the newest pages, from the build: the page's first view needs no index. */
  initial: FirstView;
}

/**
 * The full search page: query, facets with counts, sorting, all in the URL. Typing replaces the
 * history entry; choosing a facet or sort adds one, so Back undoes it.
 */
export default function SearchPage({ base, initial }: Props) {
  // The server renders the empty form; the URL's state is read once hydrated (no mismatch).
  const [state, setState] = useState<SearchState>(EMPTY_STATE);
  // Until the island has woken up, its controls would change nothing: filters and sort stay
  // disabled and "Show more" hidden (words typed into the box are kept, see below).
  const [ready, setReady] = useState(false);
  const outcome = useSearch(base, state, { browseAll: true, enabled: ready, initial });
  const options = useMemo(() => toOptions(outcome.results), [outcome.results]);
  const nav = useListNav(options.length, (i) => {
    const url = options[i]?.url;
    if (url) window.location.href = url;
  });
  const input = useRef<HTMLInputElement>(null);
  const typing = useRef(false);

  /** The state a URL holds, with filter values given as labels (older shared links) read as ids. */
  const stateOf = (search: string) => resolveFilterValues(parseState(search), initial.facets);

  useEffect(() => {
    const fromUrl = stateOf(window.location.search);
    // Words typed into the server-rendered box before the island woke up are kept, not wiped.
    const early = input.current?.value ?? '';
    // Arriving replaces the history entry when the URL is rewritten (labels read as ids, a
    // stable order): Back still leaves the page in one step.
    typing.current = true;
    setState(early && !fromUrl.q ? { ...fromUrl, q: early } : fromUrl);
    setReady(true);
  }, []);

  useEffect(() => {
    if (!ready) return;
    const url = `${window.location.pathname}${serializeState(state)}`;
    if (url === `${window.location.pathname}${window.location.search}`) return;
    if (typing.current) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    typing.current = false;
  }, [state, ready]);

  useEffect(() => {
    const onPop = () => setState(stateOf(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  // A new answer starts the choice again; rows appended to the same answer (the rest of the first
  // page, "Show more") keep the row the reader is on.
  // A layout effect runs as the answer is committed, before any later key: a passive effect could
  // run after an ArrowDown pressed the moment the results showed and undo it.
  useLayoutEffect(() => nav.setActive(-1), [outcome.answered]);

  const update = (next: SearchState, fromTyping = false) => {
    typing.current = fromTyping;
    setState(next);
  };
  const activeFilters = filterCount(state);
  const filtered = activeFilters > 0;
  const answered = outcome.answered;
  const noResults = outcome.status === 'ready' && answered && outcome.total === 0 && (answered.q.trim() || filtered);
  const hrefFor = (s: SearchState) => `${window.location.pathname}${serializeState(s)}`;

  return (
    <div className="search-page">
      <form role="search" className="search-form" onSubmit={(e) => e.preventDefault()} onFocus={() => warmPagefind(base)}>
        <label htmlFor="search-page-input">Search for</label>
        <ComboboxInput
          inputRef={input}
          id="search-page-input"
          listId="search-page-results"
          expanded={options.length > 0}
          active={nav.active}
          placeholder="e.g. crisis, influencer disclosure, house rules"
          value={state.q}
          onChange={(q) => update({ ...state, q, exact: false }, true)}
          onKeyDown={nav.onKeyDown}
        />
        <label htmlFor="search-sort">Sort by</label>
        <select id="search-sort" value={state.sort} disabled={!ready} onChange={(e) => update({ ...state, sort: e.target.value === 'updated' ? 'updated' : 'relevance' })}>
          <option value="relevance">Relevance</option>
          <option value="updated">Last updated</option>
        </select>
      </form>

      <div className="search-layout">
        {/* On a phone the filters fold into one line, so the results start on the first screen;
            on wide screens the stylesheet shows them open beside the results. */}
        <details className="fold facets-fold">
          <summary>Filter{activeFilters > 0 && <span className="count"> · {activeFilters} on</span>}</summary>
        <aside className="facets" aria-label="Filters" aria-busy={outcome.counts === undefined && !outcome.understood}>
          <h2 className="facets-title">Filter</h2>
          {filtered && <button type="button" className="button" onClick={() => update({ ...state, filters: {} })}>Clear all filters</button>}
          {initial.facets.map((facet) => (
            <fieldset key={facet.key}>
              <legend>{facet.label}</legend>
              {facet.values.map(({ value, label }) => {
                const checked = state.filters[facet.key]?.includes(value) ?? false;
                // While a search's counts load, no number is better than a wrong one.
                const count = outcome.counts ? (outcome.counts[facet.key]?.[value] ?? 0) : undefined;
                const id = `facet-${facet.key}-${value.replace(/\W+/g, '-')}`;
                return (
                  <div className="facet" key={value}>
                    <input type="checkbox" id={id} name={facet.key} value={value} checked={checked} disabled={!ready} onChange={() => update(toggleFilter(state, facet.key, value))} />
                    <label htmlFor={id}>{label}{count !== undefined && <> <span className="count">({count})</span></>}</label>
                  </div>
                );
              })}
            </fieldset>
          ))}
        </aside>
        </details>

        <section className="search-main" aria-labelledby="results-heading">
          <h2 id="results-heading" className="visually-hidden">Results</h2>
          <p className="search-status" role="status" aria-live="polite">
            {outcome.status === 'unavailable'
              ? outcome.error
              : !answered
                ? 'Loading the search index…'
                : describeCount(outcome.total, answered.q, hasFilters(answered))}
          </p>
          {outcome.status === 'ready' && answered && <QueryNote understood={outcome.understood} state={answered} hrefFor={hrefFor} choose={(s) => update(s)} />}
          {answered && !answered.q.trim() && outcome.total > 0 && outcome.status === 'ready' && <p className="search-order">Without a query, pages are listed newest first.</p>}
          {noResults && (
            <div className="no-results">
              {filtered && <p>Some filters are on. <button type="button" className="link-button" onClick={() => update({ ...state, filters: {} })}>Search without filters</button>.</p>}
              {answered.q.trim() && <EmptyAnswer q={answered.q} help={outcome.help} browse={browseLinks(base)} />}
            </div>
          )}
          <Results id="search-page-results" options={options} active={nav.active} onHover={nav.setActive} label="Search results" busy={!outcome.settled} />
          {ready && outcome.canLoadMore && <button type="button" className="button" onClick={outcome.loadMore}>Show more results</button>}
        </section>
      </div>
    </div>
  );
}
