/** The CSP hash of the theme boot script (src/lib/theme.ts), for astro.config.mjs. Node only. */
import { createHash } from 'node:crypto';
import { THEME_BOOT_SCRIPT } from '../lib/theme.ts';

export function themeBootHash(): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(THEME_BOOT_SCRIPT).digest('base64')}`;
}
