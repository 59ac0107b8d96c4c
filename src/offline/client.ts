/**
 * The page's side of offline reading: registers the service worker with workbox-window, shows the
 * quiet "Available offline · updated DATE" line when this page is held in the cache, and tells a
 * reader when a newer build has changed the page they have open.
 */
import { Workbox } from 'workbox-window';
import { pageStamp } from '../lib/offline.ts';

const base = import.meta.env.BASE_URL;
const meta = (name: string) => document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content;
const when = (iso: string | undefined) =>
  iso ? new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }) : 'an earlier build';

/** Show the date of the copy this page comes from, when the worker holds one. */
async function showStatus(): Promise<void> {
  const el = document.querySelector<HTMLElement>('[data-offline-status]');
  if (!el || !('caches' in window)) return;
  const held = await caches.match(location.href.split(/[?#]/)[0] ?? location.href, { ignoreSearch: true });
  if (!held) {
    el.hidden = true;
    return;
  }
  const built = when(meta('hub-build'));
  el.textContent = navigator.onLine ? `Available offline · updated ${built}` : `Offline · you are reading the copy of ${built}`;
  el.hidden = false;
}

/**
 * A new build has taken over while this page was open: fetch the page again (network first, through
 * the worker) and, when its content changed, offer a reload. Entry pages carry a revision (their
 * content digest); other pages change with every build and are not announced.
 */
async function announceIfChanged(): Promise<void> {
  const mine = meta('hub-revision');
  if (!mine) return;
  const res = await fetch(location.pathname, { cache: 'no-store' }).catch(() => undefined);
  if (!res?.ok) return;
  const { built, revision } = pageStamp(await res.text());
  if (!built || built === meta('hub-build') || revision === mine) return;
  const notice = document.querySelector<HTMLElement>('[data-update-notice]');
  const text = notice?.querySelector<HTMLElement>('[data-update-text]');
  if (!notice || !text) return;
  const kind = document.querySelector<HTMLElement>('[data-entry-key]')?.dataset.entryKey?.startsWith('protocols/') ? 'protocol' : 'page';
  text.textContent = `This ${kind} was updated at ${when(built)}`;
  notice.hidden = false;
}

export function startOffline(): void {
  const wb = new Workbox(`${base}sw.js`, { scope: base });
  // The first install has filled the cache: this page may now be held.
  wb.addEventListener('activated', () => void showStatus());
  // A later build took over (found on this page, or the page loaded under the previous one).
  wb.addEventListener('controlling', (event) => {
    if (event.isUpdate || event.isExternal) void announceIfChanged();
  });
  // A browser that refuses service workers (a policy, a private window, a test harness) simply
  // reads online: no error for the reader.
  wb.register()
    .then(() => showStatus())
    .catch(() => undefined);
  document.querySelector('[data-update-reload]')?.addEventListener('click', () => location.reload());
  // A page left open for hours asks for a new build when the reader comes back to it.
  addEventListener('online', () => {
    void wb.update();
    void showStatus();
  });
  addEventListener('offline', () => void showStatus());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void wb.update();
  });
}
