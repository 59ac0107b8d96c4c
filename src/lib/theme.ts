/** The reader's colour theme: follow the system, or a choice kept in this browser. */
export type ThemeChoice = 'system' | 'light' | 'dark';
export const THEME_KEY = 'hub-theme';
const ORDER: ThemeChoice[] = ['system', 'light', 'dark'];

/** A stored value read back safely: anything unknown means "follow the system". */
export function parseTheme(value: string | null | undefined): ThemeChoice {
  return value === 'light' || value === 'dark' ? value : 'system';
}

/** The choice after this one, in the order the button cycles: system, light, dark. */
export function nextTheme(current: ThemeChoice): ThemeChoice {
  return ORDER[(ORDER.indexOf(current) + 1) % ORDER.length]!;
}

export const THEME_LABELS: Record<ThemeChoice, string> = { system: 'Theme: as system', light: 'Theme: light', dark: 'Theme: dark' };

/**
 * Runs in <head> before the stylesheet, so a reader who chose a theme never sees the other flash.
 * Inline and blocking on purpose. Astro does not hash is:inline scripts, so astro.config.mjs adds
 * `themeBootHash()` to the CSP: the page and the policy are built from this one string.
 */
export const THEME_BOOT_SCRIPT = `try{var t=localStorage.getItem(${JSON.stringify(THEME_KEY)});if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;
