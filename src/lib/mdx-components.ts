/** Names of the author-facing MDX components (src/components/mdx/); the content check refuses any other capitalised tag. */
export const MDX_COMPONENT_NAMES = ['Callout', 'Checklist', 'DoDont', 'EscalationMatrix', 'Steps'] as const;
export type MdxComponentName = (typeof MDX_COMPONENT_NAMES)[number];

/** What a prop accepts: one line of text, a list of texts, or one of a few words. */
export type PropKind = 'text' | 'list' | readonly string[];

/**
 * The props each component takes from content, and what each accepts. Props are literals only
 * (text, or a list of texts): the content check refuses anything else, so an MDX page can never
 * compute a value. Keep in step with each component's `Props`.
 */
export const MDX_COMPONENT_PROPS: Record<MdxComponentName, Record<string, PropKind>> = {
  Callout: { type: ['note', 'tip', 'warning', 'danger'], title: 'text' },
  Checklist: { title: 'text' },
  DoDont: { do: 'list', dont: 'list', doTitle: 'text', dontTitle: 'text' },
  EscalationMatrix: { caption: 'text' },
  Steps: {},
};
