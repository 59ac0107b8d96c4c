/**
 * "On this page" marks the section in view: the last heading whose top has passed the upper third
 * of the window. One passive scroll listener, throttled to one check per frame.
 */
const links = [...document.querySelectorAll<HTMLAnchorElement>('.toc-side a[href^="#"]')];
const targets = links.map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1)))).filter((el): el is HTMLElement => !!el);
if (targets.length > 1) {
  let queued = false;
  const mark = () => {
    queued = false;
    const line = window.innerHeight / 3;
    let current = targets[0]!;
    for (const el of targets) if (el.getBoundingClientRect().top <= line) current = el;
    // At the very bottom the last sections may never reach the line: the last one is in view.
    if (window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2) current = targets.at(-1)!;
    for (const a of links) {
      if (a.hash === `#${current.id}` || decodeURIComponent(a.hash.slice(1)) === current.id) a.setAttribute('aria-current', 'true');
      else a.removeAttribute('aria-current');
    }
  };
  addEventListener('scroll', () => { if (!queued) { queued = true; requestAnimationFrame(mark); } }, { passive: true });
  mark();
}
