/** The components authors can use in any .mdx entry without importing them. */
import Callout from './Callout.astro';
import Checklist from './Checklist.astro';
import DoDont from './DoDont.astro';
import EscalationMatrix from './EscalationMatrix.astro';
import Steps from './Steps.astro';
import type { MdxComponentName } from '../../lib/mdx-components.ts';

export const mdxComponents = { Callout, Checklist, DoDont, EscalationMatrix, Steps } satisfies Record<MdxComponentName, unknown>;
