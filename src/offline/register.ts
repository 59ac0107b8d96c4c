/**
 * Registers the service worker once the page is loaded and idle, so a first visit pays nothing for
 * offline reading: workbox-window and the status code arrive afterwards (src/offline/client.ts).
 *
 * Pages of a build with the kill switch (HUB_OFFLINE=off) register nothing. Its worker
 * (src/offline/sw-off.ts) deletes the portal's caches, unregisters and reloads the open pages once
 * it activates; but a browser activates it only when the old worker has no event still running,
 * and a request left hanging (a dropped VPN) can hold it back for minutes. So these pages, after
 * leaving the worker RETIRE_AFTER_MS to do it, delete the caches and unregister themselves
 * (src/offline/retire.ts, loaded only then).
 */

/** How long a kill-switch page leaves the worker before it retires offline reading itself. */
const RETIRE_AFTER_MS = 10_000;

if ('serviceWorker' in navigator && !import.meta.env.DEV) {
  if (document.querySelector('[data-offline-status]')) {
    const start = () => void import('./client.ts').then((m) => m.startOffline());
    const whenIdle = () => ('requestIdleCallback' in window ? requestIdleCallback(start, { timeout: 5000 }) : setTimeout(start, 1500));
    if (document.readyState === 'complete') whenIdle();
    else addEventListener('load', whenIdle, { once: true });
  } else if (document.querySelector('[data-offline-off]')) {
    const scope = new URL(import.meta.env.BASE_URL.replace(/\/?$/, '/'), location.href).href;
    // The retiring code is fetched only when there is something to retire.
    const retire = async () => {
      if ((await navigator.serviceWorker.getRegistration(scope))?.scope === scope) await (await import('./retire.ts')).retireOffline(scope);
    };
    setTimeout(() => void retire().catch(() => undefined), RETIRE_AFTER_MS);
  }
}
