/**
 * The components authors may place in an .mdx entry: their names, the props each takes from
 * content, and the HTML each renders. Content is data: an MDX body never runs as code. An entry's
 * page turns it into Markdown in which each component is this HTML (src/markdown/mdx-body.ts) and
 * renders it with the same Markdown settings as a .md body. The content check refuses any other
 * capitalised tag and any prop that is not a literal (src/lib/markup.ts).
 */
import type { SeverityTier } from '../schemas/protocol.ts';
import { escapeOneLine as escapeHtml } from './escape.ts';

export const MDX_COMPONENT_NAMES = ['Callout', 'Checklist', 'DoDont', 'EscalationMatrix', 'Steps'] as const;
export type MdxComponentName = (typeof MDX_COMPONENT_NAMES)[number];

/** What a prop accepts: one line of text, a list of texts, or one of a few words. */
export type PropKind = 'text' | 'list' | readonly string[];

/**
 * The props each component takes from content, and what each accepts. Props are literals only
 * (text, or a list of texts): the content check refuses anything else, so an MDX page can never
 * compute a value.
 */
export const MDX_COMPONENT_PROPS: Record<MdxComponentName, Record<string, PropKind>> = {
  Callout: { type: ['note', 'tip', 'warning', 'danger'], title: 'text' },
  Checklist: { title: 'text' },
  DoDont: { do: 'list', dont: 'list', doTitle: 'text', dontTitle: 'text' },
  EscalationMatrix: { caption: 'text' },
  Steps: {},
};

/** Props as the content gives them, already checked (src/lib/markup.ts); anything else is ignored. */
export type ComponentProps = Record<string, unknown>;

const text = (props: ComponentProps, name: string): string | undefined => (typeof props[name] === 'string' ? props[name] : undefined);
const list = (props: ComponentProps, name: string): string[] => {
  const value = props[name];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
};

const CALLOUT_LABELS = { note: 'Note', tip: 'Tip', warning: 'Warning', danger: 'Danger' } as const;
type CalloutType = keyof typeof CALLOUT_LABELS;

/** The default caption of an escalation matrix. */
const MATRIX_CAPTION = 'Severity tiers, response times and who acts';

/**
 * A protocol's severity tiers as a table. `inBody` marks the copy an author placed in the body:
 * in print it steps aside for the one the page prints first, beside the first hour.
 */
export function escalationMatrixHtml(tiers: readonly SeverityTier[], { caption = MATRIX_CAPTION, inBody }: { caption?: string; inBody: boolean }): string {
  if (tiers.length === 0) return '<p class="callout warning">This protocol has no severity tiers in its frontmatter yet.</p>';
  const head = ['Tier', 'What it looks like', 'First response', 'Who acts', 'Who is informed'].map((h) => `<th scope="col">${h}</th>`).join('');
  const rows = tiers
    .map((t) =>
      [
        `<tr><th scope="row">${escapeHtml(t.tier)}</th>`,
        `<td data-label="What it looks like">${escapeHtml(t.looksLike)}</td>`,
        `<td data-label="First response">${escapeHtml(t.responseTime)}</td>`,
        `<td data-label="Who acts">${escapeHtml(t.whoActs)}</td>`,
        `<td data-label="Who is informed">${escapeHtml(t.inform.length ? t.inform.join(', ') : '—')}</td></tr>`,
      ].join(''),
    )
    .join('');
  return (
    `<div class="table-wrap${inBody ? ' in-body' : ''}" tabindex="0" role="region" aria-label="${escapeHtml(caption)}">` +
    `<table class="escalation-matrix stack"><caption class="visually-hidden">${escapeHtml(caption)}</caption>` +
    `<thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`
  );
}

/**
 * A component's HTML around its children: `open` and `close` wrap the Markdown the author wrote
 * inside it; a component that takes no children (DoDont, EscalationMatrix) is all `open`, with
 * `close` empty. `tiers` are the entry's own severity tiers, which `<EscalationMatrix />` shows.
 */
export function componentHtml(name: MdxComponentName, props: ComponentProps, tiers: readonly SeverityTier[]): { open: string; close: string } {
  switch (name) {
    case 'Callout': {
      const type = text(props, 'type');
      const kind: CalloutType = type !== undefined && type in CALLOUT_LABELS ? (type as CalloutType) : 'note';
      const title = escapeHtml(text(props, 'title') ?? CALLOUT_LABELS[kind]);
      return { open: `<aside class="callout ${kind}" aria-label="${title}">\n<p class="callout-title">${title}</p>`, close: '</aside>' };
    }
    case 'Checklist': {
      const title = text(props, 'title');
      return {
        open: `<div class="checklist" role="group" aria-label="${escapeHtml(title ?? 'Checklist')}">${title ? `\n<p class="checklist-title">${escapeHtml(title)}</p>` : ''}`,
        close: '</div>',
      };
    }
    case 'DoDont': {
      const half = (kind: 'do' | 'dont', title: string, mark: string) =>
        `<section class="${kind}" aria-label="${escapeHtml(title)}"><h3><span aria-hidden="true">${mark} </span>${escapeHtml(title)}</h3>` +
        `<ul>${list(props, kind).map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul></section>`;
      return { open: `<div class="do-dont">${half('do', text(props, 'doTitle') ?? 'Do', '✓')}${half('dont', text(props, 'dontTitle') ?? "Don't", '✗')}</div>`, close: '' };
    }
    case 'EscalationMatrix':
      return { open: escalationMatrixHtml(tiers, { caption: text(props, 'caption'), inBody: true }), close: '' };
    case 'Steps':
      return { open: '<div class="steps">', close: '</div>' };
  }
}
