/** Names of the author-facing MDX components; the content check refuses any other capitalised tag. */
export const MDX_COMPONENT_NAMES = ['Callout', 'Checklist', 'DoDont', 'EscalationMatrix', 'Steps'] as const;
export type MdxComponentName = (typeof MDX_COMPONENT_NAMES)[number];
