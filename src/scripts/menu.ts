/** The phone menu (a <details>): Escape closes it and puts focus back on its button, as a menu should. */
for (const menu of document.querySelectorAll<HTMLDetailsElement>('details.menu')) {
  menu.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !menu.open) return;
    menu.open = false;
    menu.querySelector<HTMLElement>('summary')?.focus();
  });
}
