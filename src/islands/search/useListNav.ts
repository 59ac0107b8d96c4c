import { useState, type KeyboardEvent } from 'react';

/** Arrow keys, Home and End move through the options; Enter opens the active one. */
export function useListNav(count: number, open: (index: number) => void) {
  const [active, setActive] = useState(-1);
  const onKeyDown = (e: KeyboardEvent) => {
    if (!count) return;
    if (e.key === 'ArrowDown') setActive((a) => (a + 1) % count);
    else if (e.key === 'ArrowUp') setActive((a) => (a <= 0 ? count - 1 : a - 1));
    else if (e.key === 'Home' && e.ctrlKey) setActive(0);
    else if (e.key === 'End' && e.ctrlKey) setActive(count - 1);
    else if (e.key === 'Enter' && active >= 0) open(active);
    else return;
    e.preventDefault();
  };
  return { active: Math.min(active, count - 1), setActive, onKeyDown };
}
