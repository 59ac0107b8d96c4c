import type { MouseEvent } from 'react';
import type { SearchState } from '../../lib/search/state.ts';
import type { SearchHelp } from '../../lib/search/lexicon.ts';
import type { Understood } from './useSearch.ts';

interface NoteProps {
  understood?: Understood | undefined;
  state: SearchState;
  /** The search page's URL for a state, so every link keeps the filters and sort. */
  hrefFor: (state: SearchState) => string;
  /** Follow a link inside the island instead of loading a page. */
  choose: (state: SearchState) => void;
}

const follow = (choose: (s: SearchState) => void, next: SearchState) => (e: MouseEvent) => {
  if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
  e.preventDefault();
  choose(next);
};

/**
 * One line on how the query was read: a spelling correction (with the way back to the words as
 * typed), the closest pages when none holds every word, words no page uses, or a query of only
 * words like "how do I".
 */
export function QueryNote({ understood, state, hrefFor, choose }: NoteProps) {
  if (!understood) return null;
  if (understood.noWords) return <p className="search-note">Type what you are looking for, for example <em>crisis</em>, <em>influencer</em> or <em>approval</em>.</p>;
  const corrected = understood.correctedFrom ? { ...state, q: understood.searched, exact: false } : undefined;
  const asTyped = { ...state, exact: true };
  const missing = understood.missing.filter((m) => !understood.correctedFrom || !understood.searched.includes(m));
  return (
    <>
      {corrected && (
        <p className="search-note">
          Showing results for <a href={hrefFor(corrected)} onClick={follow(choose, corrected)}>{understood.searched}</a>.
          {' '}Search instead for <a href={hrefFor(asTyped)} onClick={follow(choose, asTyped)}>{state.q.trim()}</a>.
        </p>
      )}
      {understood.closest && <p className="search-note">No page has every word; showing the closest pages.</p>}
      {missing.length > 0 && understood.searched.split(' ').length > missing.length && (
        <p className="search-note">No page uses {missing.map((m, i) => <span key={m}>{i > 0 && ', '}“{m}”</span>)}.</p>
      )}
    </>
  );
}

interface EmptyProps {
  q: string;
  help?: SearchHelp | undefined;
  /** Browse pages: the sections of the portal. */
  browse: { label: string; url: string }[];
}

/** What a reader gets when nothing matches: the protocols, the sections, and the hub to ask. */
export function EmptyAnswer({ q, help, browse }: EmptyProps) {
  const subject = `Search: I could not find "${q.trim().slice(0, 120)}"`;
  const body = `I searched the portal for:\n\n${q.trim().slice(0, 500)}\n\nWhat I was trying to do:\n`;
  return (
    <div className="empty-answer">
      {help?.ask && (
        <p>
          <a href={`mailto:${help.ask.email}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`}>Ask the hub</a>: {help.ask.team} will point you to
          the right page, and add the words you used so that the next search finds it.
        </p>
      )}
      {help && help.protocols.length > 0 && (
        <>
          <h3>Something happening right now?</h3>
          <ul>{help.protocols.map((p) => <li key={p.url}><a href={p.url}>{p.title}</a></li>)}</ul>
        </>
      )}
      <h3>Browse instead</h3>
      <ul>{browse.map((b) => <li key={b.url}><a href={b.url}>{b.label}</a></li>)}</ul>
    </div>
  );
}

/** The sections a reader can browse, for the empty answer. */
export const browseLinks = (base: string) => [
  { label: 'Protocols', url: `${base}protocols/` },
  { label: 'Playbooks', url: `${base}playbooks/` },
  { label: 'Social media policy', url: `${base}policy/` },
  { label: 'Phase guides', url: `${base}phases/` },
  { label: 'Case studies', url: `${base}case-studies/` },
  { label: 'Onboarding paths', url: `${base}paths/` },
  { label: 'Glossary', url: `${base}glossary/` },
];
