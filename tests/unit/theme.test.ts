import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { nextTheme, parseTheme, THEME_BOOT_SCRIPT } from '../../src/lib/theme.ts';
import { themeBootHash } from '../../src/integrations/theme-boot.ts';

describe('theme choice', () => {
  it('reads only light or dark from storage; anything else follows the system', () => {
    expect(parseTheme('dark')).toBe('dark');
    expect(parseTheme('light')).toBe('light');
    expect(parseTheme('blue')).toBe('system');
    expect(parseTheme(null)).toBe('system');
  });
  it('cycles system, light, dark', () => {
    expect([nextTheme('system'), nextTheme('light'), nextTheme('dark')]).toEqual(['light', 'dark', 'system']);
  });
  it('the CSP hash is the hash of the script the page renders', () => {
    expect(themeBootHash()).toBe(`sha256-${createHash('sha256').update(THEME_BOOT_SCRIPT).digest('base64')}`);
    expect(THEME_BOOT_SCRIPT).toContain('"hub-theme"');
  });
});
