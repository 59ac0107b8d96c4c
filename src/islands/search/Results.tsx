import { safeExcerpt } from '../../lib/search.ts';
import type { ResultData } from './pagefind.ts';

/** One selectable row: a page, or a matching section of the page above it. */
export interface Option { key: string; url: string; title: string; section: boolean; result: ResultData & { id: string } }

/** Pages and up to two of their matching sections, flattened for keyboard navigation. */
export function toOptions(results: (ResultData & { id: string })[]): Option[] {
  return results.flatMap((r) => [
    { key: r.id, url: r.url, title: r.meta.title ?? r.url, section: false, result: r },
    ...r.sub_results
      .filter((s) => s.url !== r.url && s.url.includes('#'))
      .slice(0, 2)
      .map((s) => ({ key: `${r.id}${s.url}`, url: s.url, title: s.title, section: true, result: r })),
  ]);
}

interface Props {
  id: string;
  options: Option[];
  /** Index of the option the keyboard is on, for aria-activedescendant; -1 for none. */
  active: number;
  onHover?: (index: number) => void;
  label: string;
}

/**
 * The results as an ARIA listbox; the input that controls it keeps focus (combobox pattern).
 * Options hold no links (interactive content inside an option is invalid): a click or Enter
 * opens the page, and Ctrl/Cmd-click or a middle click opens it in a new tab.
 */
export function Results({ id, options, active, onHover, label }: Props) {
  const open = (url: string, newTab: boolean) => (newTab ? window.open(url, '_blank', 'noopener') : window.location.assign(url));
  return (
    <ul id={id} role="listbox" aria-label={label} className="search-results" hidden={options.length === 0}>
      {options.map((o, i) => (
        <li
          key={o.key}
          id={`${id}-${i}`}
          role="option"
          aria-selected={i === active}
          className={`search-result${o.section ? ' section' : ''}${i === active ? ' active' : ''}`}
          data-url={o.url}
          onMouseMove={() => onHover?.(i)}
          onClick={(e) => open(o.url, e.ctrlKey || e.metaKey)}
          onAuxClick={(e) => e.button === 1 && open(o.url, true)}
        >
          {o.section ? (
            <span className="result-section"><span aria-hidden="true">↳ </span>{o.title}</span>
          ) : (
            <>
              {/* The spaces keep the option's name "Title Playbook Owner: …", not "TitlePlaybookOwner: …". */}
              <span className="result-title">{o.title}</span>{' '}
              <span className="badges">
                {o.result.meta.type && <span className="badge">{o.result.meta.type}</span>}{' '}
                {o.result.meta.phase && <span className="badge">{o.result.meta.phase}</span>}{' '}
                {o.result.meta.owner && <span className="badge">Owner: {o.result.meta.owner}</span>}
              </span>{' '}
              <span className="excerpt" dangerouslySetInnerHTML={{ __html: safeExcerpt(o.result.excerpt) }} />
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
