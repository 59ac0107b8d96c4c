/**
 * The header's theme button: cycles system, light, dark; remembers a choice in localStorage and
 * sets <html data-theme>. The first paint is handled earlier, by the inline script in Base.astro.
 */
import { nextTheme, parseTheme, THEME_KEY, THEME_LABELS, type ThemeChoice } from '../lib/theme.ts';

function read(): ThemeChoice {
  try {
    return parseTheme(localStorage.getItem(THEME_KEY));
  } catch {
    return parseTheme(document.documentElement.dataset.theme);
  }
}

function apply(choice: ThemeChoice) {
  if (choice === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
  try {
    if (choice === 'system') localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, choice);
  } catch {
    // storage blocked: the choice lasts for this page only
  }
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
  const label = button.querySelector<HTMLElement>('[data-theme-label]')!;
  const show = (choice: ThemeChoice) => {
    label.textContent = THEME_LABELS[choice];
    button.dataset.choice = choice;
  };
  show(read());
  button.hidden = false;
  button.addEventListener('click', () => {
    const choice = nextTheme(read());
    apply(choice);
    show(choice);
  });
}
