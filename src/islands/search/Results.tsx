import { safeExcerpt } from '../../lib/search/results.ts';
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
  /** The rows may still change: announced to assistive technology as aria-busy. */
  busy?: boolean;
}

/**
 * The results as an ARIA listbox; the input that controls it keeps focus (combobox pattern).
 * Each option is a real link (an `a` may take the option role), so a phone can long-press it to
 * open or copy it, and Ctrl/Cmd-click or a middle click opens a new tab with no script at all.
 * Options are not in the tab order: the arrow keys in the box move between them.
 */
export function Results({ id, options, active, onHover, label, busy = false }: Props) {
  return (
    <ul id={id} role="listbox" aria-label={label} aria-busy={busy} className="search-results" hidden={options.length === 0}>
      {options.map((o, i) => (
        <li key={o.key} role="none">
          <a
            id={`${id}-${i}`}
            role="option"
            href={o.url}
            tabIndex={-1}
            aria-selected={i === active}
            className={`search-result${o.section ? ' section' : ''}${i === active ? ' active' : ''}`}
            onMouseMove={() => onHover?.(i)}
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
          </a>
        </li>
      ))}
    </ul>
  );
}
